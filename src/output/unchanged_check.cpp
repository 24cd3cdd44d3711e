// The unchanged build that parses no YAML: the record's entries re-hashed from disk, then the
// recorded outputs, under the output folder's lock.
#include "output/unchanged_check.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/confined_path.hpp"
#include "core/content_hash.hpp"
#include "core/fd.hpp"
#include "core/landlock.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "output/atomic_file.hpp"
#include "output/hash.hpp"
#include "output/out_lock.hpp"
#include "output/stat_cache.hpp"
#include "output/output_run.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

namespace {

// As the loader and load_templates bound what they read.
constexpr std::uintmax_t kMaxInputBytes = 16u << 20;
// A listing longer than this, or deeper, is not a template folder of ours: the record then
// never matches (the ordinary build runs), and the walk never runs away.
constexpr std::size_t kMaxListed = 20000;
constexpr int kMaxDepth = 8;

char kind_of(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::regular:
      return 'f';
    case fs::file_type::directory:
      return 'd';
    case fs::file_type::symlink:
      return 'l';
    default:
      return 'o';
  }
}

// Appends "<rel><tab><kind>\n" for every entry of `folder`; false when it cannot be listed
// or is too large.
bool list(const fs::path& folder, const std::string& prefix, bool recursive, int depth,
          std::vector<std::string>& lines) {
  std::error_code ec;
  std::vector<std::pair<std::string, char>> entries;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    entries.emplace_back(it->path().filename().string(), kind_of(it->symlink_status(type_ec)));
    if (entries.size() + lines.size() > kMaxListed) return false;
  }
  if (ec) return false;
  for (const auto& [name, kind] : entries) {
    lines.push_back(prefix + name + '\t' + kind + '\n');
    if (recursive && kind == 'd') {
      if (depth >= kMaxDepth) return false;
      if (!list(folder / name, prefix + name + "/", true, depth + 1, lines)) return false;
    }
  }
  return true;
}

// Hashes bytes with the algorithm a recorded value names: the content hash when the value
// starts with its prefix (what this version records), SHA-256 otherwise (a register's paper,
// whose hash its check computed; a record written before the content hash).
class Hasher {
 public:
  explicit Hasher(std::string_view recorded)
      : content_(recorded.substr(0, core::kContentHashPrefix.size()) == core::kContentHashPrefix) {
    if (!content_) sha_.emplace();
  }
  void update(std::string_view bytes) {
    if (content_) {
      content_hash_.update(bytes);
    } else {
      sha_->update(bytes);
    }
  }
  std::string value() { return content_ ? content_hash_.value() : sha_->hex(); }

 private:
  bool content_;
  core::ContentHash content_hash_;
  std::optional<core::Sha256> sha_;
};

// What a read gives for the record: the hash, "absent", or why it was not read.
std::string value_of(const BlockRead& read, Hasher& hasher) {
  if (read.status == core::ReadStatus::Missing) return "absent";
  if (read.status != core::ReadStatus::Ok)
    return "unread " + core::describe(read.status, kMaxInputBytes);
  return hasher.value();
}

// A folder's descriptor, closed when it goes; -1 when it cannot be opened.
struct Folder {
  int fd = -1;
  Folder(const fs::path& path, int flags)
      : fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | flags)) {}
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads a template's bytes into `hasher` as load_templates uses them: without a leading BOM
// in .md and .yaml files.
std::function<void(std::string_view)> template_consumer(const std::string& name, Hasher& hasher) {
  const std::string ext = fs::path(name).extension().string();
  const bool strip = ext == ".md" || ext == ".yaml";
  return [&hasher, strip, first = true](std::string_view block) mutable {
    if (first && strip && block.substr(0, 3) == "\xEF\xBB\xBF") block.remove_prefix(3);
    first = false;
    hasher.update(block);
  };
}

// The template `name` as load_templates finds it: the first folder that has it, never through
// a link leading out of its folder; "<index> <hash>" (hashed as `recorded` names), or "" when
// it would not be read. `fds`: the folders opened without following a link in their place
// (-1: judge that folder by its paths).
std::string template_value(const std::vector<fs::path>& folders, const std::vector<int>& fds,
                           const std::string& name, std::string_view recorded) {
  const auto space = recorded.find(' ');
  const std::string_view recorded_hash =
      space == std::string_view::npos ? std::string_view() : recorded.substr(space + 1);
  for (std::size_t i = 0; i < folders.size(); ++i) {
    if (fds[i] >= 0) {
      // No link on the way (the usual case): one open beneath the folder says it all.
      Hasher hasher(recorded_hash);
      const BlockRead read = read_blocks_at(fds[i], name.c_str(), kMaxInputBytes, Links::None,
                                            template_consumer(name, hasher));
      if (!read.link_on_the_way) {
        if (read.status == core::ReadStatus::Missing) continue;
        if (read.status != core::ReadStatus::Ok) return {};
        return std::to_string(i) + " " + hasher.value();
      }
    }
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(folders[i] / name, ec);
    if (own.type() == fs::file_type::not_found || own.type() == fs::file_type::none) continue;
    const fs::path limit = core::canonical_folder(i == 0 ? folders[0].parent_path() : folders[i]);
    if (core::where_path_leads(folders[i], name, limit) != core::PathLeads::Inside) return {};
    Hasher hasher(recorded_hash);
    const BlockRead read = read_blocks_at(AT_FDCWD, (folders[i] / name).c_str(), kMaxInputBytes,
                                          Links::Follow, template_consumer(name, hasher));
    if (read.status != core::ReadStatus::Ok) return {};
    return std::to_string(i) + " " + hasher.value();
  }
  return {};
}

}  // namespace

std::string listing_hash(const fs::path& folder, bool recursive) {
  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (status.type() == fs::file_type::not_found) return "absent";
  std::vector<std::string> lines;
  if (!list(folder, "", recursive, 0, lines)) return "unreadable";
  std::sort(lines.begin(), lines.end());
  core::Sha256 sha;
  sha.update(kind_of(fs::symlink_status(folder, ec)) == 'l' ? "link\n" : "folder\n");
  for (const auto& line : lines) sha.update(line);
  return sha.hex();
}

std::string file_value(const fs::path& path, std::string_view recorded) {
  Hasher hasher(recorded);
  const BlockRead read = read_blocks_at(AT_FDCWD, path.c_str(), kMaxInputBytes, Links::Follow,
                                        [&](std::string_view block) { hasher.update(block); });
  return value_of(read, hasher);
}

std::string template_shown_path(const std::vector<fs::path>& folders, std::size_t index,
                                const std::string& name) {
  const fs::path& folder = folders[index];
  if (index == 0 && !folder.filename().empty()) return (folder.filename() / name).generic_string();
  return (folder / name).generic_string();
}

std::string unchanged_key(const Options& options) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  std::string all = "plenary " + version() + "\nlang " + lang_code(options.lang) +
                    "\nSOURCE_DATE_EPOCH " + (epoch ? epoch : "") + "\nonly";
  for (const auto& id : options.only) all += " " + id;
  all += "\nformats";
  for (const auto& format : options.formats) all += " " + format;
  return core::sha256_hex(all + "\n");
}

bool inputs_unchanged(const fs::path& root, const std::map<std::string, std::string>& read) {
  if (read.empty()) return false;
  // The data root followed if it is a link (where_path_leads judges it inside itself).
  const Folder root_folder(root, 0);
  std::optional<fs::path> root_bound;  // canonical, only when a path has to be judged
  const std::vector<fs::path> folders = template_folders(root);
  std::vector<std::unique_ptr<Folder>> template_folders_open;
  std::vector<int> template_fds;
  for (const fs::path& folder : folders) {
    template_folders_open.push_back(std::make_unique<Folder>(folder, O_NOFOLLOW));
    template_fds.push_back(template_folders_open.back()->fd);
  }
  for (const auto& [entry, value] : read) {
    const auto colon = entry.find(':');
    if (colon == std::string::npos) return false;
    const std::string kind = entry.substr(0, colon);
    const std::string name = entry.substr(colon + 1);
    // Every name came from our own walk; one that climbs is not ours.
    const fs::path rel(name);
    if (rel.empty() || rel.is_absolute() ||
        std::any_of(rel.begin(), rel.end(), [](const fs::path& part) { return part == ".."; }))
      return false;
    if (kind == "file") {
      if (root_folder.fd >= 0) {
        // No link on the way (the usual case): one open beneath the root says it all.
        Hasher hasher(value);
        const BlockRead now =
            read_blocks_at(root_folder.fd, name.c_str(), kMaxInputBytes, Links::None,
                           [&](std::string_view block) { hasher.update(block); });
        if (!now.link_on_the_way) {
          if (value_of(now, hasher) != value) return false;
          continue;
        }
      }
      // As the loader reads: never through a link leading out of the data root.
      if (!root_bound) root_bound = core::canonical_folder(root);
      if (value != "absent" &&
          core::where_path_leads(root, rel, *root_bound) != core::PathLeads::Inside)
        return false;
      if (file_value(root / rel, value) != value) return false;
    } else if (kind == "folder") {
      if (listing_hash(root / rel, false) != value) return false;
    } else if (kind == "templates") {
      const std::size_t index = std::strtoul(name.c_str(), nullptr, 10);
      if (index >= folders.size() || listing_hash(folders[index], true) != value) return false;
    } else if (kind == "template") {
      if (template_value(folders, template_fds, name, value) != value) return false;
    } else {
      return false;  // an entry this version does not know
    }
  }
  return true;
}

namespace {

// Every recorded output reported unchanged, the recorded warnings said again.
void answer_unchanged(const std::vector<std::string>& outputs,
                      const std::vector<Diagnostic>& warnings, const Callbacks& callbacks,
                      Report& report) {
  for (const Diagnostic& warning : warnings) report.diagnostics.add(warning);
  for (const auto& path : outputs) {
    OutputReport r;
    r.path = path;
    r.outcome = Outcome::Unchanged;
    ++report.unchanged;
    report.paths.push_back(path);
    if (callbacks.on_output) callbacks.on_output(r);
  }
}

bool read_manifest(int fd, const std::string& key, std::string& bytes, Manifest& manifest) {
  return core::read_file_at(fd, kManifestName, bytes, 16u << 20) == core::ReadStatus::Ok &&
         parse_manifest(bytes, manifest) && manifest.check.key == key &&
         !manifest.check.outputs.empty();
}

}  // namespace

bool build_if_unchanged(const Options& options, const Callbacks& callbacks, Report& report,
                        const std::vector<fs::path>& also_readable) {
  if (options.force) return false;
  const fs::path out = out_folder(options);
  // No output folder (or a link in its place): nothing to keep, the ordinary build decides.
  const int fd = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  const core::Fd owned(fd);
  // The stat cache (stat_cache.hpp), when there is one for this call: then the manifest is
  // read only if the cache does not hold.
  const std::string key = unchanged_key(options);
  const std::string cache_key = stat_cache_key(options);
  std::optional<StatCache> cache = read_stat_cache(fd);
  if (cache && cache->key != cache_key) cache.reset();
  std::string bytes;
  Manifest manifest;
  if (!cache && !read_manifest(fd, key, bytes, manifest)) return false;

  // Held to the ordinary build's allowances from here on (reading the root, the templates,
  // the fonts and the system; writing in the output folder only), which the ordinary build
  // keeps if it has to run after all.
  if (landlock_wanted()) {
    std::vector<fs::path> readable = readable_folders(options.root);
    readable.insert(readable.end(), also_readable.begin(), also_readable.end());
    core::confine_paths(readable, {out});
  }

  // Under the lock, as any build; when another build holds it, the ordinary build waits for
  // it (and says so), then decides afresh.
  std::string lock_error;
  auto lock = OutLock::acquire(out, 0, {}, lock_error, fd);
  if (!lock) return false;
  remove_stale_temps_at(fd, out);
  if (cache) {
    // Every path the full check reads gives the metadata it gave when that check last found
    // everything unchanged: no byte is read.
    if (stat_cache_holds(options, fd, *cache)) {
      answer_unchanged(cache->outputs, cache->warnings, callbacks, report);
      return true;
    }
    if (!read_manifest(fd, key, bytes, manifest)) return false;
  }
  // The full check. Its paths are statted first, before any of their bytes is read: a cache
  // written from these stats vouches only for bytes read after them.
  std::optional<StatCache> snapshot = take_stat_snapshot(options, fd, manifest.check, cache_key);
  std::string now;
  if (core::read_file_at(fd, kManifestName, now, 16u << 20) != core::ReadStatus::Ok ||
      now != bytes)
    return false;

  // Every output kept is hashed: one damaged in place is rebuilt by the ordinary build.
  std::vector<std::pair<const std::string*, const std::string*>> kept;  // path, recorded hash
  for (const auto& path : manifest.check.outputs) {
    const auto it = manifest.outputs.find(path);
    if (it == manifest.outputs.end()) return false;
    kept.emplace_back(&path, &it->second.output_hash);
  }
  // One thread: a second one hashing the outputs while this one checks the inputs measured
  // slower on the 2-vCPU machine under the other builds' load (docs/performance.md, branch
  // nightly): the hashing is bound by memory, not by the core.
  if (!inputs_unchanged(options.root, manifest.check.read)) return false;
  for (const auto& [path, recorded] : kept) {
    const auto hash = file_content_hash_at(fd, *path);
    if (!hash || *hash != *recorded) return false;
  }
  // Everything unchanged: the cache from the stats taken before, for the next check (best
  // effort: a cache that cannot be written only costs the next check its hashing). When the
  // record cannot be vouched for by metadata (a link on the way), or not yet (an entry changed
  // less than 2 s before: racy, the next check would not trust it), an old cache goes.
  if (snapshot && !stat_cache_racy(*snapshot)) {
    write_file_at(fd, kStatCachePath, serialize_stat_cache(*snapshot));
  } else {
    remove_stat_cache(fd);  // in the cache folder opened without following a link
  }
  answer_unchanged(manifest.check.outputs, manifest.check.warnings, callbacks, report);
  return true;
}

void set_front_verdict() {
  ::setenv(kFrontVerdict, std::to_string(::getpid()).c_str(), 1);
}

bool take_front_verdict() {
  const char* value = std::getenv(kFrontVerdict);
  if (!value) return false;
  const bool ours = std::string(value) == std::to_string(::getpid());
  ::unsetenv(kFrontVerdict);
  return ours;
}

}  // namespace plenary::output::detail
