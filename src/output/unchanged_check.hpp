// The unchanged nightly without parsing any YAML. A build that ends with every planned output
// built or found unchanged, and no error, records in the manifest what it read: a generic list
// of entries (input files by hash of the bytes used, input folders by hash of their listing,
// template files and folders), a key for everything else that shapes the plan and the bytes
// (program version, language, SOURCE_DATE_EPOCH, --only, --format), the outputs it planned,
// and the warnings that loading, planning and the templates gave. The next build with the same
// key first re-hashes every entry from disk; when all are equal and every recorded output
// still has its recorded hash, it says the warnings again, reports every output unchanged, and
// loads, parses and composes nothing. Any difference, however small, falls back to the
// ordinary build (load, plan, decide), which then records afresh.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "output/manifest.hpp"
#include "output/output.hpp"

namespace plenary::output::detail {

// The hash of what a folder lists: every entry's name and kind (file, folder, link, other),
// sorted; with `recursive`, the entries of its sub-folders too (links are not followed).
// "unreadable" when the folder cannot be listed, "absent" when it is not there.
std::string listing_hash(const std::filesystem::path& folder, bool recursive);

// What a file holds for the record: the hash of its bytes, "absent", or why it was not read.
// Hashed with the algorithm the `recorded` value names: the content hash (core/
// content_hash.hpp) when it has its prefix, else SHA-256 (a register paper's hash). Links are
// followed: the caller has judged the path.
std::string file_value(const std::filesystem::path& path, std::string_view recorded);

// How load_templates names the file `name` of template folder `index` (TemplateSet::file_paths):
// "templates/<name>" for the data root's own, the full path for the others.
std::string template_shown_path(const std::vector<std::filesystem::path>& folders,
                                std::size_t index, const std::string& name);

// The key of a build's options: version, language, SOURCE_DATE_EPOCH, --only, --format.
std::string unchanged_key(const Options& options);

// True when every entry of `read` (as inputs_digest records it) has the same value now.
bool inputs_unchanged(const std::filesystem::path& root,
                      const std::map<std::string, std::string>& read);

// The fast path of an unchanged build (see above). True when it answered: every output then
// reported through `callbacks` and counted in `report` (status Ok). False: nothing reported,
// the ordinary build must run. Takes the output folder's lock like any build and removes the
// temporary files of killed runs. `also_readable`: paths Landlock leaves readable besides the
// build's own (the start-up front's program, which it runs when this answers false).
bool build_if_unchanged(const Options& options, const Callbacks& callbacks, Report& report,
                        const std::vector<std::filesystem::path>& also_readable = {});

// The start-up front's verdict, handed to the engine it runs: when build_if_unchanged has just
// answered false in the front, the front sets kFrontVerdict to its pid before execv, and the
// engine (the same process, so the same pid) does not check the record a second time. Any
// other value (a variable inherited by another process, set by hand) is ignored, and a
// forged one could only make the engine skip a shortcut, never change what a build writes.
inline constexpr const char* kFrontVerdict = "PLENARY_FRONT_FOUND_CHANGES";
void set_front_verdict();
// True once, in the engine, when its front has just found the record not matching; the
// variable is removed either way, so that no program the engine runs inherits it.
bool take_front_verdict();

}  // namespace plenary::output::detail
