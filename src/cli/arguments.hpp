// The command line: `plenary <command> [options]`, parsed with Poco::Util::OptionSet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "output/output.hpp"

namespace plenary::cli {

enum class Command { None, Build, Check, List, Init, Help, Version };

// How diagnostics are printed on stderr: `path:line:col: error: message (hint: ...)` (gcc) or
// one JSON object a line (json).
enum class DiagnosticsFormat { Gcc, Json };

struct Arguments {
  Command command = Command::None;
  output::Options options;
  bool quiet = false;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::Gcc;
  std::string init_dir;  // `init DIR`
};

struct ParseResult {
  std::optional<Arguments> arguments;  // set on success
  std::string error;                   // else a one-line usage error ("unknown option '--x'")
};

// Parses the arguments after the program name. Option values are checked (format, lang, jobs);
// the data root's existence is not (main does that).
ParseResult parse_arguments(const std::vector<std::string>& args);

// The --help text.
std::string usage();

}  // namespace plenary::cli
