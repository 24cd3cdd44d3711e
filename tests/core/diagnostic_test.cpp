#include <catch2/catch.hpp>

#include "diag/diagnostic.hpp"

using plenary::Diagnostic;
using plenary::Diagnostics;
using plenary::Severity;

TEST_CASE("a diagnostic formats as path:line:col: severity: message (hint)", "[diag]") {
  Diagnostic d;
  d.severity = Severity::Error;
  d.pos.path = "data/task-groups/a.yaml";
  d.pos.line = 6;
  d.pos.col = 1;
  d.message = "unknown key 'memebers'";
  d.hint = "did you mean 'members'?";
  CHECK(
      plenary::format(d) ==
      "data/task-groups/a.yaml:6:1: error: unknown key 'memebers' (hint: did you mean 'members'?)");
  d.severity = Severity::Warning;
  d.hint.clear();
  CHECK(plenary::format(d) == "data/task-groups/a.yaml:6:1: warning: unknown key 'memebers'");
}

TEST_CASE("a whole-file diagnostic leaves out line and column", "[diag]") {
  CHECK(
      plenary::format({Severity::Error, {"data/stakeholders.yaml", 0, 0}, "file not found", ""}) ==
      "data/stakeholders.yaml: error: file not found");
  CHECK(plenary::format({Severity::Error, {"a.yaml", 3, 0}, "bad line", ""}) ==
        "a.yaml:3: error: bad line");
}

TEST_CASE("diagnostics sort by path, line and column and drop exact duplicates", "[diag]") {
  Diagnostics ds;
  ds.error({"data/b.yaml", 2, 1}, "second file");
  ds.error({"data/a.yaml", 10, 3}, "later line");
  ds.warning({"data/a.yaml", 2, 9}, "same line, later column");
  ds.error({"data/a.yaml", 2, 1}, "first");
  ds.error({"data/a.yaml", 2, 1}, "first");
  ds.error({"data/a.yaml", 2, 1}, "same place, written later");
  ds.sort();
  std::vector<std::string> messages;
  for (const auto& d : ds.items()) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{"first", "same place, written later",
                                             "same line, later column", "later line",
                                             "second file"});
  CHECK(ds.error_count() == 4);
  CHECK(ds.warning_count() == 1);
  CHECK(ds.has_errors());
}

TEST_CASE("warnings alone are not errors", "[diag]") {
  Diagnostics ds;
  CHECK(ds.empty());
  ds.warning({"a.yaml", 1, 1}, "look at this");
  CHECK_FALSE(ds.has_errors());
  Diagnostics all;
  all.append(ds);
  all.error({"b.yaml", 1, 1}, "broken");
  CHECK(all.items().size() == 2);
  CHECK(all.has_errors());
}

TEST_CASE("the closest match suggests a near key and nothing for a far one", "[diag]") {
  std::vector<std::string> keys{"id", "name", "members", "chair", "status"};
  CHECK(plenary::closest_match("memebers", keys) == "members");
  CHECK(plenary::closest_match("stauts", keys) == "status");
  CHECK(plenary::closest_match("colour", keys).empty());
  CHECK(plenary::closest_match("x", {}).empty());
}
