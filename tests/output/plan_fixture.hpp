// What the plan tests share: the sample committee, loaded once per test program, and the
// paths of a plan.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/check.hpp"
#include "output/plan.hpp"

namespace plenary::test {

inline const model::Committee& sample() {
  static const model::Committee committee = [] {
    Diagnostics diags;
    auto c = model::load_committee(PLENARY_SOURCE_DIR, diags);
    REQUIRE(c);
    return *c;
  }();
  return committee;
}

inline std::vector<std::string> paths(const output::detail::OutputPlan& plan) {
  std::vector<std::string> result;
  for (const auto& o : plan.outputs) result.push_back(o.path);
  return result;
}

}  // namespace plenary::test
