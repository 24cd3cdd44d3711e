// Where a relative name leads from a folder, judged before any file is opened: the one test
// for "a symbolic link leading out of the data root" that the loader (data files, agendas,
// task groups) and the template finder share.
#pragma once

#include <filesystem>

namespace plenary::core {

enum class PathLeads {
  Inside,        // the folder, each link on the way and the whole path stay within the bound
  Outside,       // some link on the way (dangling or not) names a place outside the bound
  Unresolvable,  // a link loop, or a path the system cannot resolve
};

// `folder / name`, where `bound` is the canonical folder nothing may leave (the data root).
// Each link on the way (the folder itself, a subfolder, the file) is judged by what it names,
// whether or not that exists, so the answer for a link leading out is the same for a file
// outside that exists and one that does not; then the whole path by where it resolves.
PathLeads where_path_leads(const std::filesystem::path& folder, const std::filesystem::path& name,
                           const std::filesystem::path& bound);

// The folder as no link may lead out of it: canonical where the system can say, else absolute
// and normal (a folder that does not exist yet).
std::filesystem::path canonical_folder(const std::filesystem::path& folder);

// True when `inner` is `outer` or lies under it (both absolute and normal).
bool path_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

}  // namespace plenary::core
