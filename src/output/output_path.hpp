// Output paths never leave the output folder: a planned path is checked as text (relative,
// no "." or "..", no NUL or backslash, no hidden or reserved names) and, before writing,
// against the real folder (no symbolic link leading outside).
#pragma once

#include <filesystem>
#include <string>

namespace plenary::output::detail {

// "" when `relative` ('/'-separated, e.g. "CCQM-30/CCQM-30-agenda.pdf") is a safe output path,
// else why not ("'..' is not allowed").
std::string output_path_problem(const std::string& relative);

// True when `target`'s folder, with symbolic links resolved, lies inside `out`.
bool stays_inside(const std::filesystem::path& out, const std::filesystem::path& target);

}  // namespace plenary::output::detail
