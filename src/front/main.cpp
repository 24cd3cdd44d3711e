// plenary's start-up front: the `plenary` command users run. It answers the two calls that
// must start fast by itself — `plenary --version`, and the unchanged nightly (`plenary build`
// when nothing changed since the last build, src/output/unchanged_check.*) — and hands every
// other call, unchanged, to the program that does the work (`plenary-engine`, the same
// arguments through execv). It links no shared library but the C library: no Poco, libharu,
// ICU or libstdc++ to load and relocate at start-up (docs/performance.md, "Start-up").
//
// It answers only calls it understands exactly, and only with what the engine would print;
// for anything else (another command or option, an option written another way, a bad value,
// --diagnostics json, a record that does not match) the engine runs and decides, so usage
// errors, diagnostics and exit statuses are the engine's own.
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/startup.hpp"
#include "core/civil_date.hpp"
#include "output/output_run.hpp"
#include "output/unchanged_check.hpp"

#ifndef PLENARY_INSTALLED_ENGINE
#define PLENARY_INSTALLED_ENGINE "/usr/local/libexec/plenary-engine"
#endif

namespace {

namespace fs = std::filesystem;
namespace output = plenary::output;

constexpr const char* kEngineName = "plenary-engine";

// The engine beside this program (the build tree), in ../libexec (an installation, relocated
// or not), else where this installation's prefix puts it.
fs::path engine_path() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path folder = exe.parent_path();
    for (const fs::path& candidate :
         {folder / kEngineName, folder.parent_path() / "libexec" / kEngineName})
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return PLENARY_INSTALLED_ENGINE;
}

[[noreturn]] void run_engine(const fs::path& engine, char** argv) {
  ::execv(engine.c_str(), argv);
  const int error = errno;
  std::cerr << "plenary: error: cannot run " << engine.string() << ": " << std::strerror(error)
            << std::endl;
  std::_Exit(3);
}

struct Nightly {
  output::Options options;
  bool quiet = false;
};

// `plenary build` with only the options that leave the unchanged nightly possible, each
// written in full (--name VALUE or --name=VALUE) with a valid value, none twice but --only;
// nullopt for anything else (the engine then parses it, with its own messages).
std::optional<Nightly> nightly_call(int argc, char** argv) {
  Nightly call;
  bool build = false;
  std::set<std::string> given;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "build" && !build) {
      build = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) return std::nullopt;
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(2, equals == std::string::npos ? equals : equals - 2);
    if (name != "only" && !given.insert(name).second) return std::nullopt;
    if (name == "quiet") {
      if (equals != std::string::npos) return std::nullopt;
      call.quiet = true;
      continue;
    }
    std::string value;
    if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else {
      if (i + 1 >= argc) return std::nullopt;
      value = argv[++i];
    }
    if (value.empty() || value[0] == '-') return std::nullopt;
    if (name == "root") {
      call.options.root = value;
    } else if (name == "out") {
      call.options.out = value;
    } else if (name == "only") {
      call.options.only.push_back(value);
    } else if (name == "lang") {
      const auto lang = output::parse_lang(value);
      if (!lang) return std::nullopt;
      call.options.lang = *lang;
    } else if (name == "diagnostics") {
      if (value != "gcc") return std::nullopt;
    } else {
      return std::nullopt;  // --format, --jobs, --force, --pdf-a, ...: the engine's
    }
  }
  if (!build) return std::nullopt;
  return call;
}

// The unchanged nightly, answered here when the record matches: true when it printed what
// the engine prints for it (every output "unchanged", the recorded warnings, the summary).
// `checked`: set when the record was checked and did not match (the engine need not check it
// again).
bool answer_unchanged(const Nightly& call, const fs::path& engine, bool& checked) {
  const auto start = std::chrono::steady_clock::now();
  output::Options options = call.options;
  if (!plenary::cli::root_problem(options.root).empty()) return false;
  if (!plenary::core::source_date_epoch().error.empty()) return false;
  std::string error;
  if (!plenary::cli::lock_timeout(options.lock_timeout_seconds, error)) return false;
  if (!output::detail::out_problem(options).empty()) return false;

  output::Callbacks callbacks;
  std::vector<std::string> lines;  // printed once the answer is certain
  callbacks.on_output = [&](const output::OutputReport& r) {
    if (!call.quiet) lines.push_back("unchanged " + r.path);
  };
  output::Report report;
  // Landlock (when on) is kept if the engine has to run after all: it may read and run itself.
  if (!output::detail::build_if_unchanged(options, callbacks, report, {engine})) {
    checked = true;
    return false;
  }
  report.diagnostics.sort();
  report.status = output::Status::Ok;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (const auto& line : lines) std::cout << line << '\n';
  std::cout.flush();
  // In one write: std::cerr writes each piece as it comes (two writes a line; 386 of them for
  // the 193 warnings of the grown committee at K=8).
  std::string said;
  for (const auto& d : report.diagnostics.items()) said += plenary::format(d) + '\n';
  std::cerr << said;
  std::cerr.flush();
  std::cout << plenary::cli::summary_line(report) << std::endl;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  plenary::cli::open_closed_standard_descriptors();
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::cout << "plenary " << output::version() << std::endl;
    return 0;
  }
  const fs::path engine = engine_path();
  if (const auto call = nightly_call(argc, argv)) {
    bool checked = false;
    try {
      if (answer_unchanged(*call, engine, checked)) return 0;
    } catch (const std::exception&) {
      checked = false;  // the engine decides, and says what went wrong
    }
    // The record did not match: the engine builds without checking it a second time.
    if (checked) output::detail::set_front_verdict();
  }
  run_engine(engine, argv);
}
