// style.yaml -> the one resolved doc::Style (and the logo and running-header patterns it
// names), with every problem reported at the value's position. Moved out of templates.cpp.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "compose/compose.hpp"
#include "diag/diagnostic.hpp"

namespace plenary::compose::detail {

inline constexpr double kPtPerMm = 72.0 / 25.4;

struct LogoSpec {
  std::string file;
  double width_pt = 40 * kPtPerMm;
  double header_height_pt = 7 * kPtPerMm;
  std::string alt;  // alternative text (tagged PDF, HTML); empty = the fixed text logo.alt
  SourcePos pos;
};

// Reads style.yaml's `root` into set.style (and set.header_left/right, `logo`); `path`
// names the file in diagnostics. Values not given keep their defaults; spacing not given is
// derived from the sizes.
void parse_style(const YAML::Node& root, const std::string& path, TemplateSet& set,
                 std::optional<LogoSpec>& logo, Diagnostics& diags);

}  // namespace plenary::compose::detail
