#include <catch2/catch.hpp>

#include "cli/arguments.hpp"

using plenary::cli::Command;
using plenary::cli::parse_arguments;
namespace output = plenary::output;

TEST_CASE("a full build command line sets every option", "[cli][arguments]") {
  auto r = parse_arguments({"build", "--root", "/data", "--out=/tmp/o", "--only", "CCQM-30",
                            "--only=CCQM-TG-X", "--format", "md", "--lang", "fr", "--jobs", "3",
                            "--force", "--quiet"});
  REQUIRE(r.arguments);
  const auto& a = *r.arguments;
  CHECK(a.command == Command::Build);
  CHECK(a.options.root == "/data");
  CHECK(a.options.out == "/tmp/o");
  CHECK(a.options.only == std::vector<std::string>{"CCQM-30", "CCQM-TG-X"});
  CHECK(a.options.formats == std::vector<std::string>{"md"});
  CHECK(a.options.lang == plenary::compose::Lang::Fr);
  CHECK(a.options.jobs == 3);
  CHECK(a.options.force);
  CHECK(a.quiet);
}

TEST_CASE("defaults: root is the current folder, out follows root, all formats, English",
          "[cli][arguments]") {
  auto r = parse_arguments({"build"});
  REQUIRE(r.arguments);
  CHECK(r.arguments->options.root == ".");
  CHECK(r.arguments->options.out.empty());
  CHECK(r.arguments->options.formats.empty());
  CHECK(r.arguments->options.lang == plenary::compose::Lang::En);
  CHECK(r.arguments->options.jobs == 0);
  CHECK_FALSE(r.arguments->options.force);
}

TEST_CASE("options may come before the command", "[cli][arguments]") {
  auto r = parse_arguments({"--root", "x", "list", "--format", "pdf"});
  REQUIRE(r.arguments);
  CHECK(r.arguments->command == Command::List);
  CHECK(r.arguments->options.root == "x");
}

TEST_CASE("--help and --version win over everything else", "[cli][arguments]") {
  CHECK(parse_arguments({"--help"}).arguments->command == Command::Help);
  CHECK(parse_arguments({"-h"}).arguments->command == Command::Help);
  CHECK(parse_arguments({"build", "--help"}).arguments->command == Command::Help);
  CHECK(parse_arguments({"help"}).arguments->command == Command::Help);
  CHECK(parse_arguments({"--version"}).arguments->command == Command::Version);
}

TEST_CASE("usage errors name the problem", "[cli][arguments]") {
  auto error = [](std::vector<std::string> args) {
    auto r = parse_arguments(args);
    CHECK_FALSE(r.arguments);
    return r.error;
  };
  CHECK(error({}) == "no command given (build, check, list or init)");
  CHECK(error({"biuld"}) == "unknown command 'biuld' (hint: did you mean 'build'?)");
  CHECK(error({"build", "--frobnicate"}) == "unknown option '--frobnicate'");
  CHECK(error({"build", "--fromat=pdf"}) ==
        "unknown option '--fromat' (hint: did you mean '--format'?)");
  CHECK(error({"build", "--format", "epub"}) ==
        "bad value 'epub' for --format (expected a comma list of pdf, docx, md, html, ics or all; "
        "unknown format 'epub')");
  CHECK(error({"build", "--lang", "de"}) == "bad value 'de' for --lang (expected en or fr)");
  CHECK(error({"build", "--jobs", "0"}) ==
        "bad value '0' for --jobs (expected a whole number from 1 to 256)");
  CHECK(error({"build", "--jobs", "-2"}) ==
        "bad value '-2' for --jobs (expected a whole number from 1 to 256)");
  CHECK(error({"build", "--jobs", "2x"}) ==
        "bad value '2x' for --jobs (expected a whole number from 1 to 256)");
  CHECK(error({"build", "--root"}) == "option --root needs a value");
  CHECK(error({"build", "--only", "--force"}) == "option --only needs a value");
  CHECK(error({"build", "--root", "a", "--root", "b"}) == "option --root is given twice");
  CHECK(error({"build", "--force=yes"}) == "option '--force=yes' takes no value");
  CHECK(error({"check", "--force"}) == "option --force does not apply to 'check'");
  CHECK(error({"check", "--only", "X"}) == "option --only does not apply to 'check'");
  CHECK(error({"build", "list"}) == "unexpected argument 'list' after 'build'");
}

TEST_CASE("--format takes a comma list of the formats table's names and all", "[cli][arguments]") {
  const auto formats = [](const std::string& value) {
    auto r = parse_arguments({"build", "--format", value});
    REQUIRE(r.arguments);
    return r.arguments->options.formats;
  };
  CHECK(formats("pdf,md") == std::vector<std::string>{"pdf", "md"});
  CHECK(formats("all") == std::vector<std::string>{"pdf", "docx", "html", "ics"});
  CHECK(formats("all,md") == std::vector<std::string>{"pdf", "docx", "html", "ics", "md"});
  CHECK(formats("docx,all") == std::vector<std::string>{"docx", "pdf", "html", "ics"});
  for (const char* bad : {"pdf,pdf", "pdf,", ",pdf", "", "pdf,,md", "PDF", "all,all"})
    CHECK_FALSE(parse_arguments({"build", "--format", bad}).arguments);
}

TEST_CASE("the help text lists every format of the table and what all is", "[cli][arguments]") {
  const std::string text = plenary::cli::usage();
  for (const char* line :
       {"\n  pdf   ", "\n  docx  ", "\n  md    ", "\n  all   pdf,docx,html,ics (the default)"})
    CHECK(text.find(line) != std::string::npos);
}

TEST_CASE("the help text shows every command and option", "[cli][arguments]") {
  std::string text = plenary::cli::usage();
  for (const char* word : {"plenary build", "plenary check", "plenary list", "--root DIR",
                           "--out DIR", "--only ID", "--format LIST", "--lang LANG", "--jobs N",
                           "--force", "--quiet", "--version", "exit status"})
    CHECK(text.find(word) != std::string::npos);
}

TEST_CASE("init takes one folder and --lang", "[cli][arguments][init]") {
  auto r = parse_arguments({"init", "new-root", "--lang", "fr"});
  REQUIRE(r.arguments);
  CHECK(r.arguments->command == Command::Init);
  CHECK(r.arguments->init_dir == "new-root");
  CHECK(r.arguments->options.lang == plenary::compose::Lang::Fr);
  auto before = parse_arguments({"--lang=en", "init", "x"});
  REQUIRE(before.arguments);
  CHECK(before.arguments->init_dir == "x");
  CHECK(parse_arguments({"init"}).error == "init needs a folder: plenary init DIR");
  CHECK(parse_arguments({"init", "a", "b"}).error == "unexpected argument 'b' after 'init'");
  CHECK(parse_arguments({"init", "a", "--root", "r"}).error ==
        "option --root does not apply to 'init'");
  CHECK(parse_arguments({"init", "a", "--diagnostics", "json"}).error ==
        "option --diagnostics does not apply to 'init'");
  CHECK(parse_arguments({"inti", "a"}).error ==
        "unknown command 'inti' (hint: did you mean 'init'?)");
}

TEST_CASE("--diagnostics is gcc by default, or json, for check, build and list",
          "[cli][arguments]") {
  using plenary::cli::DiagnosticsFormat;
  CHECK(parse_arguments({"check"}).arguments->diagnostics == DiagnosticsFormat::Gcc);
  CHECK(parse_arguments({"check", "--diagnostics", "json"}).arguments->diagnostics ==
        DiagnosticsFormat::Json);
  CHECK(parse_arguments({"build", "--diagnostics=json"}).arguments->diagnostics ==
        DiagnosticsFormat::Json);
  CHECK(parse_arguments({"list", "--diagnostics", "gcc"}).arguments->diagnostics ==
        DiagnosticsFormat::Gcc);
  CHECK(parse_arguments({"check", "--diagnostics", "sarif"}).error ==
        "bad value 'sarif' for --diagnostics (expected gcc or json)");
}
