// plenary: committee records (YAML) -> agendas, briefing packs, final reports (PDF, DOCX, MD).

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/console.hpp"
#include "cli/init.hpp"
#include "cli/startup.hpp"
#include "core/civil_date.hpp"
#include "output/output.hpp"

namespace {

using plenary::cli::Console;
namespace output = plenary::output;

constexpr int kUsage = 2;

int usage_error(const std::string& message) {
  std::cerr << "plenary: error: " << message << "\n"
            << "run 'plenary --help' for usage" << std::endl;
  return kUsage;
}

int run_list(const plenary::cli::Arguments& a, const Console& console) {
  output::Report report = output::list(a.options);
  console.diagnostics(report.diagnostics);
  if (report.status == output::Status::UsageError) return usage_error(report.message);
  if (report.status == output::Status::Ok)
    for (const auto& path : report.paths) std::cout << path << '\n';
  std::cout.flush();
  return plenary::cli::exit_status(report.status);
}

int run_check(const plenary::cli::Arguments& a, const Console& console) {
  output::Report report = output::check(a.options);
  console.diagnostics(report.diagnostics);
  std::size_t errors = report.diagnostics.error_count();
  std::size_t warnings = report.diagnostics.warning_count();
  std::string counts = std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") +
                       std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  if (report.status == output::Status::Ok)
    console.line("checked " + std::to_string(report.paths.size()) +
                 " documents in en and fr: " + counts);
  else if (!console.json())  // json: stderr holds only JSON lines
    std::cerr << "check failed: " << counts << std::endl;
  return plenary::cli::exit_status(report.status);
}

int run_build(const plenary::cli::Arguments& a, const Console& console) {
  output::Callbacks callbacks;
  callbacks.on_output = [&](const output::OutputReport& r) { console.output(r); };
  callbacks.on_wait = [&](const std::string& message) { console.waiting(message); };
  output::Report report = output::build(a.options, callbacks);
  console.diagnostics(report.diagnostics);
  switch (report.status) {
    case output::Status::UsageError:
      return usage_error(report.message);
    case output::Status::InputErrors: {
      if (console.json()) break;  // json: stderr holds only JSON lines
      std::size_t errors = report.diagnostics.error_count();
      // Errors found while writing (a damaged paper fails its book alone): the rest was written.
      const bool wrote = report.built + report.unchanged + report.failed > 0;
      std::cerr << errors << (errors == 1 ? " error" : " errors") << " in the inputs; "
                << (wrote ? "the outputs made from them were not written" : "nothing was written")
                << std::endl;
      if (wrote) console.summary(report);
      break;
    }
    case output::Status::OutputError:
      console.error(report.message);
      if (report.built + report.unchanged + report.failed > 0) console.summary(report);
      break;
    default:
      console.summary(report);
  }
  return plenary::cli::exit_status(report.status);
}

}  // namespace

int main(int argc, char** argv) {
  plenary::cli::open_closed_standard_descriptors();
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  auto parsed = plenary::cli::parse_arguments(args);
  if (!parsed.arguments) return usage_error(parsed.error);
  plenary::cli::Arguments a = *parsed.arguments;

  if (a.command == plenary::cli::Command::Help) {
    std::cout << plenary::cli::usage();
    return 0;
  }
  if (a.command == plenary::cli::Command::Version) {
    std::cout << "plenary " << output::version() << std::endl;
    return 0;
  }
  if (a.command == plenary::cli::Command::Init) {
    plenary::cli::InitResult result = plenary::cli::init_root(a.init_dir, a.options.lang);
    if (result.status == 2) return usage_error(result.message);
    if (result.status != 0) {
      std::cerr << "plenary: error: " << result.message << std::endl;
      return result.status;
    }
    std::cout << result.message << std::flush;
    return 0;
  }
  if (std::string problem = plenary::cli::root_problem(a.options.root); !problem.empty())
    return usage_error(problem);
  if (const auto epoch = plenary::core::source_date_epoch(); !epoch.error.empty())
    return usage_error(epoch.error);
  std::string error;
  if (!plenary::cli::lock_timeout(a.options.lock_timeout_seconds, error)) return usage_error(error);

  Console console(a.quiet, a.diagnostics);
  try {
    switch (a.command) {
      case plenary::cli::Command::List:
        return run_list(a, console);
      case plenary::cli::Command::Check:
        return run_check(a, console);
      case plenary::cli::Command::Build:
        return run_build(a, console);
      default:
        break;
    }
  } catch (const std::exception& e) {
    console.error(std::string("unexpected failure: ") + e.what());
    return 3;
  }
  return usage_error("no command given (build, check, list or init)");
}
