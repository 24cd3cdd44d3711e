// What the CLI prints: progress lines and the summary on stdout, diagnostics and failures on
// stderr. The build stage itself never prints; it calls back here.
#pragma once

#include <string>

#include "cli/arguments.hpp"
#include "output/output.hpp"

namespace plenary::cli {

class Console {
 public:
  explicit Console(bool quiet, DiagnosticsFormat format = DiagnosticsFormat::Gcc)
      : quiet_(quiet), format_(format) {}
  bool json() const { return format_ == DiagnosticsFormat::Json; }

  // "built CCQM-30/CCQM-30-agenda.pdf (12 ms)", "unchanged ...", "failed ...: reason".
  void output(const output::OutputReport& report) const;
  void waiting(const std::string& message) const;
  // Every diagnostic, sorted, one per line: "path:line:col: error: ..." (gcc) or one JSON
  // object {severity, path, line, column, message, hint} (json).
  void diagnostics(const Diagnostics& diags) const;
  void error(const std::string& message) const;  // "plenary: error: message" (or a JSON line)
  // A problem that is not a diagnostic of the inputs (a failed output) on stderr: as text in
  // gcc mode, as a JSON line in json mode.
  void problem(const std::string& text, const std::string& path, const std::string& message) const;
  // "built 4, unchanged 6, failed 0 in 0.21 s"
  void summary(const output::Report& report) const;
  void line(const std::string& text) const;  // to stdout unless quiet

 private:
  bool quiet_;
  DiagnosticsFormat format_;
};

// One diagnostic as a one-line JSON object (Poco::JSON): {"severity", "path", "line",
// "column", "message", "hint"}; line and column are 0 where the diagnostic has none.
std::string json_line(const Diagnostic& d);

// Exit status for a build status: 0 ok, 1 input errors, 2 usage, 3 output.
int exit_status(output::Status status);

}  // namespace plenary::cli
