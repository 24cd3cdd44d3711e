// The unchanged build that parses no YAML: the record's entries re-hashed from disk, then the
// recorded outputs, under the output folder's lock.
#include "output/unchanged_check.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "core/confined_path.hpp"
#include "core/landlock.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "output/atomic_file.hpp"
#include "output/hash.hpp"
#include "output/out_lock.hpp"
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

std::string strip_bom(std::string s) {
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
  return s;
}

// The template `name` as load_templates finds it: the first folder that has it, never through
// a link leading out of its folder; "<index> <hash>", or "" when it would not be read.
std::string template_value(const std::vector<fs::path>& folders, const std::string& name) {
  for (std::size_t i = 0; i < folders.size(); ++i) {
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(folders[i] / name, ec);
    if (own.type() == fs::file_type::not_found || own.type() == fs::file_type::none) continue;
    const fs::path limit = core::canonical_folder(i == 0 ? folders[0].parent_path() : folders[i]);
    if (core::where_path_leads(folders[i], name, limit) != core::PathLeads::Inside) return {};
    std::string bytes;
    if (core::read_file(folders[i] / name, bytes, kMaxInputBytes) != core::ReadStatus::Ok) return {};
    const std::string ext = fs::path(name).extension().string();
    if (ext == ".md" || ext == ".yaml") bytes = strip_bom(std::move(bytes));
    return std::to_string(i) + " " + core::sha256_hex(bytes);
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

std::string file_value(const fs::path& path) {
  std::string bytes;
  const core::ReadStatus read = core::read_file(path, bytes, kMaxInputBytes);
  if (read == core::ReadStatus::Missing) return "absent";
  if (read != core::ReadStatus::Ok) return "unread " + core::describe(read, kMaxInputBytes);
  return core::sha256_hex(bytes);
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
  const fs::path root_bound = core::canonical_folder(root);
  const std::vector<fs::path> folders = template_folders(root);
  for (const auto& [entry, value] : read) {
    const auto colon = entry.find(':');
    if (colon == std::string::npos) return false;
    const std::string kind = entry.substr(0, colon);
    const std::string name = entry.substr(colon + 1);
    // Every name came from our own walk; one that climbs is not ours.
    const fs::path rel(name);
    if (rel.is_absolute() || std::any_of(rel.begin(), rel.end(),
                                         [](const fs::path& part) { return part == ".."; }))
      return false;
    if (kind == "file") {
      // As the loader reads: never through a link leading out of the data root.
      if (value != "absent" &&
          core::where_path_leads(root, rel, root_bound) != core::PathLeads::Inside)
        return false;
      if (file_value(root / rel) != value) return false;
    } else if (kind == "folder") {
      if (listing_hash(root / rel, false) != value) return false;
    } else if (kind == "templates") {
      const std::size_t index = std::strtoul(name.c_str(), nullptr, 10);
      if (index >= folders.size() || listing_hash(folders[index], true) != value) return false;
    } else if (kind == "template") {
      if (template_value(folders, name) != value) return false;
    } else {
      return false;  // an entry this version does not know
    }
  }
  return true;
}

bool build_if_unchanged(const Options& options, const Callbacks& callbacks, Report& report,
                        const std::vector<fs::path>& also_readable) {
  if (options.force) return false;
  const fs::path out = out_folder(options);
  // No output folder (or a link in its place): nothing to keep, the ordinary build decides.
  const int fd = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  std::string bytes;
  Manifest manifest;
  if (core::read_file_at(fd, kManifestName, bytes, 16u << 20) != core::ReadStatus::Ok ||
      !parse_manifest(bytes, manifest) || manifest.check.key != unchanged_key(options) ||
      manifest.check.outputs.empty())
    return false;

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
  std::string now;
  if (core::read_file_at(fd, kManifestName, now, 16u << 20) != core::ReadStatus::Ok ||
      now != bytes)
    return false;

  if (!inputs_unchanged(options.root, manifest.check.read)) return false;
  // Every output kept is hashed: one damaged in place is rebuilt by the ordinary build.
  for (const auto& path : manifest.check.outputs) {
    const auto it = manifest.outputs.find(path);
    if (it == manifest.outputs.end()) return false;
    const auto hash = file_sha256_hex(out / path);
    if (!hash || *hash != it->second.output_hash) return false;
  }
  for (const Diagnostic& warning : manifest.check.warnings) report.diagnostics.add(warning);
  for (const auto& path : manifest.check.outputs) {
    OutputReport r;
    r.path = path;
    r.outcome = Outcome::Unchanged;
    ++report.unchanged;
    report.paths.push_back(path);
    if (callbacks.on_output) callbacks.on_output(r);
  }
  return true;
}

}  // namespace plenary::output::detail
