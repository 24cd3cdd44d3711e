#include "cli/console.hpp"

#include <cstdio>
#include <iostream>

namespace plenary::cli {

namespace {
std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}
}  // namespace

void Console::output(const build::OutputReport& r) const {
  switch (r.outcome) {
    case build::Outcome::Built:
      line("built " + r.path + " (" + fixed(r.milliseconds, 0) + " ms)");
      break;
    case build::Outcome::Unchanged:
      line("unchanged " + r.path);
      break;
    case build::Outcome::Failed:
      std::cerr << "failed " << r.path << ": " << r.error << std::endl;
      break;
    case build::Outcome::None:
      break;
  }
}

void Console::waiting(const std::string& message) const {
  if (!quiet_) std::cerr << "plenary: " << message << std::endl;
}

void Console::diagnostics(const Diagnostics& diags) const {
  for (const auto& d : diags.items()) std::cerr << format(d) << '\n';
  std::cerr.flush();
}

void Console::error(const std::string& message) const {
  std::cerr << "plenary: error: " << message << std::endl;
}

void Console::summary(const build::Report& r) const {
  std::string text = "built " + std::to_string(r.built) + ", unchanged " +
                     std::to_string(r.unchanged) + ", failed " + std::to_string(r.failed) + " in " +
                     fixed(r.seconds, 2) + " s";
  // --quiet prints only problems and this summary line (one line a night in a log).
  std::cout << text << std::endl;
}

void Console::line(const std::string& text) const {
  if (!quiet_) std::cout << text << std::endl;
}

int exit_status(build::Status status) {
  switch (status) {
    case build::Status::Ok:
      return 0;
    case build::Status::InputErrors:
      return 1;
    case build::Status::UsageError:
      return 2;
    case build::Status::OutputError:
      return 3;
    case build::Status::None:
      break;
  }
  return 3;
}

}  // namespace plenary::cli
