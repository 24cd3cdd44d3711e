#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "output/output_path.hpp"

namespace fs = std::filesystem;
using plenary::output::detail::output_path_problem;
using plenary::output::detail::stays_inside;

TEST_CASE("ordinary output paths are accepted", "[build][paths]") {
  CHECK(output_path_problem("CCQM-30/CCQM-30-agenda.pdf").empty());
  CHECK(output_path_problem("task-groups/CCQM-TG-X.2_b-final-report.docx").empty());
  CHECK(output_path_problem("a.md").empty());
}

TEST_CASE("output paths that could leave or confuse the output folder are refused",
          "[build][paths]") {
  CHECK(output_path_problem("../etc/passwd.pdf") == "'..' is not allowed");
  CHECK(output_path_problem("P/../../x.pdf") == "'..' is not allowed");
  CHECK(output_path_problem("./x.pdf") == "'.' is not allowed");
  CHECK(output_path_problem("/etc/x.pdf") == "the path is absolute");
  CHECK(output_path_problem(std::string("a\0b.pdf", 7)) == "the path contains a NUL character");
  CHECK(output_path_problem("a\\b.pdf") == "the path contains a backslash");
  CHECK(output_path_problem("a//b.pdf") == "the path has an empty component");
  CHECK(output_path_problem("") == "the path is empty");
  CHECK(output_path_problem(".hidden/x.pdf") == "a hidden name ('.hidden') is not allowed");
  CHECK(output_path_problem("manifest.json") == "'manifest.json' is a reserved name");
  CHECK(output_path_problem("CON/CON-agenda.pdf") == "'CON' is a reserved name");
  CHECK(output_path_problem("P/com1.pdf") == "'com1.pdf' is a reserved name");
  CHECK(output_path_problem("P/a:b.pdf") == "the character ':' is not allowed");
  CHECK_FALSE(output_path_problem(std::string(201, 'a') + ".pdf").empty());
}

TEST_CASE("a symbolic link leading out of the output folder is detected", "[build][paths]") {
  char pattern[] = "/tmp/plenary-paths-XXXXXX";
  fs::path base = ::mkdtemp(pattern);
  fs::create_directories(base / "out" / "P-1");
  fs::create_directories(base / "elsewhere");
  fs::create_directory_symlink(base / "elsewhere", base / "out" / "P-2");
  CHECK(stays_inside(base / "out", base / "out" / "P-1" / "P-1-agenda.pdf"));
  CHECK(stays_inside(base / "out/", base / "out" / "P-3" / "not-yet-created.pdf"));
  CHECK(stays_inside(base / "out", base / "out" / "manifest.json"));
  CHECK_FALSE(stays_inside(base / "out", base / "out" / "P-2" / "P-2-agenda.pdf"));
  CHECK_FALSE(stays_inside(base / "out", base / "outside.pdf"));
  fs::remove_all(base);
}
