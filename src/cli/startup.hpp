// What every run does before its command, shared by the program (cli/main.cpp) and its
// start-up front (src/front/main.cpp, docs/performance.md "Start-up"), which must answer
// exactly as the program would.
#pragma once

#include <filesystem>
#include <string>

#include "output/output.hpp"

namespace plenary::cli {

// Standard descriptors a caller closed (`plenary build >&-` in a cron line) are opened on
// /dev/null first, so that no file the build opens (the lock file, an output) takes descriptor
// 0, 1 or 2 and receives progress lines or diagnostics.
void open_closed_standard_descriptors();

// "" when the data root is usable, else why not.
std::string root_problem(const std::filesystem::path& root);

// PLENARY_LOCK_TIMEOUT: seconds to wait for another build's lock (default 30). False (and
// `error` set) for a bad value.
bool lock_timeout(double& seconds, std::string& error);

// The last line of a build: "built N, unchanged N, failed N in S s".
std::string summary_line(const output::Report& report);

}  // namespace plenary::cli
