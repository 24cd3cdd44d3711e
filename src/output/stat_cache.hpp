// The unchanged check's stat cache (docs/cli.md, "The stat cache"): what the file system said
// about every path the unchanged check reads — device, inode, type and mode, size, mtime and
// ctime to the nanosecond, or "absent" — taken just before a full check found everything
// unchanged, kept in out/.plenary-cache/unchanged.stat with the outputs to report and the
// warnings to say again. The next unchanged check first stats the same paths: when every one
// gives the same metadata, and none was "racy" (changed too close to the moment of its stat
// for a later change to be sure to move its ctime), it answers "unchanged" without reading a
// byte of any input or output, nor the manifest. Anything else — no cache, a damaged one,
// another key, one entry different — leaves the answer to the full check (unchanged_check.*),
// which stays the authority and refreshes the cache when it finds everything unchanged.
//
// Why metadata can vouch for bytes: every write to a file, truncation, rename over it, chmod
// or link changes its ctime, which user space cannot set back; a file replaced has another
// inode. What is not noticed is documented in docs/cli.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "output/manifest.hpp"
#include "output/output.hpp"

namespace plenary::output::detail {

// Beneath the output folder; written with write_file_at, read without following any link.
inline constexpr const char* kStatCacheFolder = ".plenary-cache";
inline constexpr const char* kStatCacheName = "unchanged.stat";
inline constexpr const char* kStatCachePath = ".plenary-cache/unchanged.stat";
// A cache larger than this is not ours (the grown committee's K=8 cache is about 60 KB).
inline constexpr std::uintmax_t kMaxStatCacheBytes = 4u << 20;
// An entry whose ctime is less than this before the moment its stat was taken is racy: not
// trusted, hashed as without a cache (docs/cli.md says why 2 s).
inline constexpr std::int64_t kRacyMarginNs = 2'000'000'000;

// One path's metadata as fstatat(AT_SYMLINK_NOFOLLOW) gives it, or absent (ENOENT).
struct StatEntry {
  // 'b' a base folder (R the data root, O the output folder, T<i> template folder i), compared
  // by identity (device, inode, type); 'd' a folder on the way to an entry, by identity; 'f'
  // an input file or a folder whose listing is read, 'o' an output, 'm' the manifest: every
  // field.
  char kind = 'f';
  std::string base;
  std::string path;  // relative to the base, "." for the base itself
  bool present = false;
  std::uint64_t dev = 0, ino = 0;
  std::uint32_t mode = 0;
  std::int64_t size = 0, mtime_s = 0, mtime_ns = 0, ctime_s = 0, ctime_ns = 0;
};

struct StatCache {
  std::string key;                    // stat_cache_key() of the call that wrote it
  std::int64_t taken_s = 0, taken_ns = 0;  // CLOCK_REALTIME_COARSE just before the stats
  std::vector<StatEntry> entries;
  std::vector<std::string> outputs;   // the record's planned outputs, in its order
  std::vector<Diagnostic> warnings;   // the record's warnings, to be said again
};

// unchanged_key() with the data root and output folder as this call names them (absolute).
std::string stat_cache_key(const Options& options);

// The cache's bytes: a version line, the key, the moment, one line per entry, output and
// warning, and an XXH3 checksum of all that. parse gives nullopt for anything else.
std::string serialize_stat_cache(const StatCache& cache);
std::optional<StatCache> parse_stat_cache(std::string_view bytes);

// The cache in the opened output folder: a regular file reached without any link, at most
// kMaxStatCacheBytes, well formed; nullopt otherwise.
std::optional<StatCache> read_stat_cache(int out_fd);
// Removes the cache from the opened output folder, if it is there (best effort), never
// through a link: the folder is opened as read_stat_cache opens it.
void remove_stat_cache(int out_fd);

// Stats every path the full check reads for `check` (call it before that check reads a byte,
// under the lock). nullopt when the record cannot be vouched for by metadata: a link or
// something else than a file or folder where a path is stat'ed, an error other than "absent",
// an entry it does not know.
std::optional<StatCache> take_stat_snapshot(const Options& options, int out_fd,
                                            const UnchangedCheck& check, const std::string& key);

// True when an entry of `cache` is racy: a file or folder whose ctime is less than
// kRacyMarginNs before the moment the stats were taken, so that a change in the same clock tick
// after its stat could have left the same ctime.
bool stat_cache_racy(const StatCache& cache);

// True when no entry of `cache` is racy and every path gives the same metadata now.
bool stat_cache_holds(const Options& options, int out_fd, const StatCache& cache);

}  // namespace plenary::output::detail
