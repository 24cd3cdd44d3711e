// What the CLI prints: progress lines and the summary on stdout, diagnostics and failures on
// stderr. The build stage itself never prints; it calls back here.
#pragma once

#include <string>

#include "output/output.hpp"

namespace plenary::cli {

class Console {
 public:
  explicit Console(bool quiet) : quiet_(quiet) {}

  // "built CCQM-30/CCQM-30-agenda.pdf (12 ms)", "unchanged ...", "failed ...: reason".
  void output(const output::OutputReport& report) const;
  void waiting(const std::string& message) const;
  // Every diagnostic, sorted, one per line ("path:line:col: error: ...").
  void diagnostics(const Diagnostics& diags) const;
  void error(const std::string& message) const;  // "plenary: error: message"
  // "built 4, unchanged 6, failed 0 in 0.21 s"
  void summary(const output::Report& report) const;
  void line(const std::string& text) const;  // to stdout unless quiet

 private:
  bool quiet_;
};

// Exit status for a build status: 0 ok, 1 input errors, 2 usage, 3 output.
int exit_status(output::Status status);

}  // namespace plenary::cli
