// The project's own shared modules: adapters whose libraries only some builds need (libqpdf with
// GnuTLS for the meeting book, libical with ICU for the calendars), loaded by the engine on their
// first use instead of at every start (docs/performance.md, "Round 6b"). A module is a file of
// this build (`plenary-<name>.so`), installed beside plenary-engine; it exports one C function,
// `plenary_module_api`, that returns its table of functions.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::core {

// The program's modules, by file name (src/CMakeLists.txt builds them as plenary-<name>.so).
inline constexpr const char* kBookModule = "plenary-book-qpdf.so";       // book/qpdf/, libqpdf
inline constexpr const char* kCalendarModule = "plenary-ics-libical.so";  // render/ics/libical/
inline constexpr const char* kModules[] = {kBookModule, kCalendarModule};

// Where a module file is looked for, in order: beside the running program (the engine, in the
// build tree or <prefix>/libexec), in <exe>/../libexec (the front of a relocated installation),
// the configured libexec folder, and, for a program inside the build folder (a test program),
// the build folder.
std::vector<std::filesystem::path> module_candidates(const std::string& file_name);

// The module files that exist among every module's candidates: what Landlock must leave
// readable so that a confined build can still load them.
std::vector<std::filesystem::path> module_files();

// Loads `file_name` (once per process; thread-safe) and returns what its plenary_module_api()
// returns. Throws std::runtime_error naming the file when no candidate loads.
const void* module_api(const std::string& file_name);

}  // namespace plenary::core
