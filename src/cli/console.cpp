#include "cli/console.hpp"

#include <Poco/JSON/Object.h>

#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/startup.hpp"

namespace plenary::cli {

namespace {
std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}
}  // namespace

void Console::output(const output::OutputReport& r) const {
  switch (r.outcome) {
    case output::Outcome::Built:
      line("built " + r.path + " (" + fixed(r.milliseconds, 0) + " ms)");
      break;
    case output::Outcome::Unchanged:
      line("unchanged " + r.path);
      break;
    case output::Outcome::Failed:
      problem("failed " + r.path + ": " + r.error, r.path, "failed: " + r.error);
      break;
    case output::Outcome::None:
      break;
  }
}

void Console::waiting(const std::string& message) const {
  if (quiet_) return;
  if (json()) {
    Diagnostic d;  // member by member: GCC 12 warns of an uninitialized path otherwise
    d.message = message;
    std::cerr << json_line(d) << std::endl;
  } else {
    std::cerr << "plenary: " << message << std::endl;
  }
}

void Console::diagnostics(const Diagnostics& diags) const {
  // One write for them all: std::cerr flushes after every insertion, two system calls a line
  // (the K=4 committee's build says 60 warnings).
  std::string text;
  for (const auto& d : diags.items()) {
    text += json() ? json_line(d) : format(d);
    text += '\n';
  }
  std::cerr << text;
  std::cerr.flush();
}

void Console::error(const std::string& message) const {
  problem("plenary: error: " + message, "", message);
}

void Console::problem(const std::string& text, const std::string& path,
                      const std::string& message) const {
  if (!json()) {
    std::cerr << text << std::endl;
    return;
  }
  Diagnostic d;  // built only here: GCC 12 warns of an uninitialized path otherwise
  d.severity = Severity::Error;
  d.pos.path = path;
  d.message = message;
  std::cerr << json_line(d) << std::endl;
}

std::string json_line(const Diagnostic& d) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  const char* severity = d.severity == Severity::Error     ? "error"
                         : d.severity == Severity::Warning ? "warning"
                                                           : "note";
  object.set("severity", severity);
  object.set("path", d.pos.path);
  object.set("line", d.pos.line);
  object.set("column", d.pos.col);
  object.set("message", d.message);
  object.set("hint", d.hint);
  std::ostringstream out;
  object.stringify(out);  // no indent: one line (newlines in texts are escaped)
  return out.str();
}

void Console::summary(const output::Report& r) const {
  // --quiet prints only problems and this summary line (one line a night in a log).
  std::cout << summary_line(r) << std::endl;
}

void Console::line(const std::string& text) const {
  if (!quiet_) std::cout << text << std::endl;
}

int exit_status(output::Status status) {
  switch (status) {
    case output::Status::Ok:
      return 0;
    case output::Status::InputErrors:
      return 1;
    case output::Status::UsageError:
      return 2;
    case output::Status::OutputError:
      return 3;
    case output::Status::None:
      break;
  }
  return 3;
}

}  // namespace plenary::cli
