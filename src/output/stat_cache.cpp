// The unchanged check's stat cache: written, read and compared with the C library alone (the
// start-up front reads it; docs/performance.md, "Round 6a").
#include "output/stat_cache.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>

#include "core/content_hash.hpp"
#include "core/fd.hpp"
#include "core/sha256.hpp"
#include "output/hash.hpp"
#include "output/output_run.hpp"
#include "output/unchanged_check.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "plenary-unchanged-stat 1\n";
// As the full check bounds a template folder's walk (unchanged_check.cpp).
constexpr std::size_t kMaxFolders = 20000;
constexpr int kMaxDepth = 8;

using core::Fd;

void escape_into(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
}

// (A line has no newline, and a field of a warning no tab: the line was split at them.)
std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  for (;;) {
    // Plain runs appended whole: most names have nothing to unescape.
    const std::size_t special = text.find('\\');
    out.append(text.substr(0, special));
    if (special == std::string_view::npos) return out;
    if (special + 1 == text.size()) return std::nullopt;
    const char c = text[special + 1];
    if (c == '\\') {
      out += '\\';
    } else if (c == 'n') {
      out += '\n';
    } else if (c == 't') {
      out += '\t';
    } else {
      return std::nullopt;
    }
    text.remove_prefix(special + 2);
  }
}

// Splits off the text before the next space; false when there is none.
bool next_field(std::string_view& line, std::string_view& field) {
  const auto space = line.find(' ');
  if (space == std::string_view::npos) return false;
  field = line.substr(0, space);
  line.remove_prefix(space + 1);
  return true;
}

template <typename Int>
bool parse_number(std::string_view text, Int& value) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// A moment as the kernel gives it: nanoseconds below a second, seconds well inside what
// nanoseconds() can hold (a forged cache must not overflow it).
bool valid_time(std::int64_t seconds, std::int64_t nanoseconds) {
  constexpr std::int64_t kMaxSeconds = std::int64_t(1) << 40;  // 34,000 years either way
  return nanoseconds >= 0 && nanoseconds < 1'000'000'000 && seconds > -kMaxSeconds &&
         seconds < kMaxSeconds;
}

bool valid_base(std::string_view base) {
  if (base == "R" || base == "O") return true;
  std::size_t index = 0;
  return base.size() >= 2 && base[0] == 'T' && parse_number(base.substr(1), index);
}

// A relative name of ours: not empty, not absolute, no empty, "." or ".." part (but "." alone,
// a base itself).
bool valid_relative(std::string_view path) {
  if (path == ".") return true;
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

void fill(StatEntry& entry, const struct stat& st) {
  entry.present = true;
  entry.dev = st.st_dev;
  entry.ino = st.st_ino;
  entry.mode = st.st_mode;
  entry.size = st.st_size;
  entry.mtime_s = st.st_mtim.tv_sec;
  entry.mtime_ns = st.st_mtim.tv_nsec;
  entry.ctime_s = st.st_ctim.tv_sec;
  entry.ctime_ns = st.st_ctim.tv_nsec;
}

bool compared_in_full(char kind) {
  return kind == 'f' || kind == 'o' || kind == 'm';
}

bool same(const StatEntry& a, const StatEntry& b) {
  if (a.present != b.present) return false;
  if (!a.present) return true;
  if (a.dev != b.dev || a.ino != b.ino || (a.mode & S_IFMT) != (b.mode & S_IFMT)) return false;
  if (!compared_in_full(a.kind)) return true;
  return a.mode == b.mode && a.size == b.size && a.mtime_s == b.mtime_s &&
         a.mtime_ns == b.mtime_ns && a.ctime_s == b.ctime_s && a.ctime_ns == b.ctime_ns;
}

// The type an entry may have when it is cached: folders on the way and bases are folders,
// outputs and the manifest regular files, inputs either (a file or a listed folder).
bool cacheable_type(char kind, std::uint32_t mode) {
  if (kind == 'b' || kind == 'd') return S_ISDIR(mode);
  if (kind == 'o' || kind == 'm') return S_ISREG(mode);
  return S_ISREG(mode) || S_ISDIR(mode);
}

// The opened bases of a call: the data root (followed if a link, as the full check opens it),
// the output folder, each template folder (never through a link in its own place).
class Bases {
 public:
  Bases(const Options& options, int out_fd) : out_fd_(out_fd), root_(options.root) {}

  // The descriptor of `base`, opened on first use; -1 with `error` its errno when it cannot be.
  int get(const std::string& base, int& error) {
    error = 0;
    if (base == "O") return out_fd_;
    auto it = open_.find(base);
    if (it == open_.end()) {
      int fd = -1;
      if (base == "R") {
        fd = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      } else {
        if (!folders_) folders_ = template_folders(root_);
        std::size_t index = 0;
        parse_number(std::string_view(base).substr(1), index);
        if (index < folders_->size()) {
          fd = ::open((*folders_)[index].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        } else {
          errno = EINVAL;
        }
      }
      it = open_.emplace(base, std::make_pair(Fd(fd), fd < 0 ? errno : 0)).first;
    }
    error = it->second.second;
    return it->second.first.get();
  }

  std::size_t template_count() {
    if (!folders_) folders_ = template_folders(root_);
    return folders_->size();
  }

 private:
  int out_fd_;
  fs::path root_;
  std::optional<std::vector<fs::path>> folders_;
  std::map<std::string, std::pair<Fd, int>> open_;
};

// Stats `entry` (its base and path) into it. False when the answer is neither metadata nor
// "absent" (the entry then cannot be cached, or does not hold).
bool stat_entry(Bases& bases, StatEntry& entry) {
  int error = 0;
  const int fd = bases.get(entry.base, error);
  struct stat st;
  entry.present = false;
  if (fd < 0) return error == ENOENT;
  const int result = entry.kind == 'b' ? ::fstat(fd, &st)
                                       : ::fstatat(fd, entry.path.c_str(), &st,
                                                   AT_SYMLINK_NOFOLLOW);
  if (result != 0) return errno == ENOENT;
  fill(entry, st);
  return true;
}

std::int64_t nanoseconds(std::int64_t s, std::int64_t ns) {
  return s * 1'000'000'000 + ns;
}

// The snapshot as it is taken: entries statted as they are added, folders on the way once.
class Snapshot {
 public:
  Snapshot(const Options& options, int out_fd) : bases_(options, out_fd) {}

  bool ok() const { return ok_; }
  std::vector<StatEntry>& entries() { return entries_; }
  Bases& bases() { return bases_; }

  // The base itself (identity), once.
  void base(const std::string& name) {
    if (!seen_.insert(name + "\n.").second) return;
    add('b', name, ".");
  }

  // `path` under `base`, with every folder on its way.
  void path(char kind, const std::string& name, const std::string& path) {
    if (!valid_relative(path) || path == ".") {
      ok_ = false;
      return;
    }
    base(name);
    for (std::size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      const std::string folder = path.substr(0, slash);
      if (seen_.insert(name + "\n" + folder).second) add('d', name, folder);
    }
    add(kind, name, path);
  }

  // A template folder and every folder beneath it, each statted before it is listed: a folder
  // made after its parent's stat changes the parent's times.
  void template_tree(const std::string& name) {
    base(name);
    add('f', name, ".");
    if (!ok_ || !entries_.back().present) return;
    int error = 0;
    const int fd = bases_.get(name, error);
    if (fd < 0) {
      ok_ = false;
      return;
    }
    walk(name, fd, "", 0);
  }

 private:
  void add(char kind, const std::string& base, const std::string& path) {
    StatEntry entry;
    entry.kind = kind;
    entry.base = base;
    entry.path = path;
    if (!stat_entry(bases_, entry) || (entry.present && !cacheable_type(kind, entry.mode)) ||
        path.find('\n') != std::string::npos)
      ok_ = false;
    entries_.push_back(std::move(entry));
  }

  void walk(const std::string& base, int folder, const std::string& prefix, int depth) {
    const int copy = ::openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (copy < 0) {
      ok_ = false;
      return;
    }
    DIR* dir = ::fdopendir(copy);
    if (!dir) {
      ::close(copy);
      ok_ = false;
      return;
    }
    std::vector<std::string> folders;
    while (struct dirent* item = ::readdir(dir)) {
      const std::string name = item->d_name;
      if (name == "." || name == "..") continue;
      unsigned char type = item->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (::fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
          type = DT_DIR;
      }
      if (type == DT_DIR) folders.push_back(name);
    }
    ::closedir(dir);
    for (const std::string& name : folders) {
      if (depth >= kMaxDepth || entries_.size() > kMaxFolders) {
        ok_ = false;
        return;
      }
      const std::string path = prefix + name;
      add('f', base, path);
      if (!ok_) return;
      Fd sub(::openat(folder, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (sub.get() < 0) {
        ok_ = false;
        return;
      }
      walk(base, sub.get(), path + "/", depth + 1);
      if (!ok_) return;
    }
  }

  Bases bases_;
  std::vector<StatEntry> entries_;
  std::set<std::string> seen_;
  bool ok_ = true;
};

}  // namespace

std::string stat_cache_key(const Options& options) {
  std::error_code ec;
  const fs::path root = fs::absolute(options.root, ec);
  const fs::path out = fs::absolute(out_folder(options), ec);
  return core::sha256_hex(unchanged_key(options) + "\nroot " + root.string() + "\nout " +
                          out.string() + "\n");
}

std::string serialize_stat_cache(const StatCache& cache) {
  std::string text(kMagic);
  text += "key " + cache.key + "\n";
  text += "taken " + std::to_string(cache.taken_s) + " " + std::to_string(cache.taken_ns) + "\n";
  for (const StatEntry& e : cache.entries) {
    text += e.kind;
    text += ' ';
    text += e.base;
    text += ' ';
    if (e.present) {
      for (const std::string& number :
           {std::to_string(e.dev), std::to_string(e.ino), std::to_string(e.mode),
            std::to_string(e.size), std::to_string(e.mtime_s), std::to_string(e.mtime_ns),
            std::to_string(e.ctime_s), std::to_string(e.ctime_ns)})
        text += number + ' ';
    } else {
      text += "- ";
    }
    escape_into(text, e.path);
    text += '\n';
  }
  for (const std::string& output : cache.outputs) {
    text += "p ";
    escape_into(text, output);
    text += '\n';
  }
  for (const Diagnostic& d : cache.warnings) {
    text += "w " + std::to_string(d.pos.line) + " " + std::to_string(d.pos.col) + " ";
    escape_into(text, d.pos.path);
    text += '\t';
    escape_into(text, d.message);
    text += '\t';
    escape_into(text, d.hint);
    text += '\n';
  }
  text += "sum " + core::content_hash(text) + "\n";
  return text;
}

std::optional<StatCache> parse_stat_cache(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic || bytes.empty() || bytes.back() != '\n')
    return std::nullopt;
  // The last line: the checksum of everything before it.
  const std::size_t last = bytes.rfind('\n', bytes.size() - 2);
  if (last == std::string_view::npos) return std::nullopt;
  const std::string_view body = bytes.substr(0, last + 1);
  std::string_view sum = bytes.substr(last + 1);
  sum.remove_suffix(1);
  if (sum.substr(0, 4) != "sum " || sum.substr(4) != core::content_hash(body)) return std::nullopt;

  StatCache cache;
  std::string_view rest = body.substr(kMagic.size());
  bool key = false, taken = false;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');  // body ends with '\n'
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    std::string_view tag;
    if (!next_field(line, tag)) return std::nullopt;
    if (tag == "key") {
      if (key || line.size() != 64) return std::nullopt;
      cache.key = std::string(line);
      key = true;
    } else if (tag == "taken") {
      std::string_view seconds;
      if (taken || !next_field(line, seconds) || !parse_number(seconds, cache.taken_s) ||
          !parse_number(line, cache.taken_ns) || !valid_time(cache.taken_s, cache.taken_ns))
        return std::nullopt;
      taken = true;
    } else if (tag == "p") {
      auto path = unescape(line);
      if (!path || path->empty()) return std::nullopt;
      cache.outputs.push_back(std::move(*path));
    } else if (tag == "w") {
      Diagnostic d;
      d.severity = Severity::Warning;
      std::string_view line_no, col;
      if (!next_field(line, line_no) || !next_field(line, col) ||
          !parse_number(line_no, d.pos.line) || !parse_number(col, d.pos.col))
        return std::nullopt;
      const auto tab1 = line.find('\t');
      const auto tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string_view::npos) return std::nullopt;
      auto path = unescape(line.substr(0, tab1));
      auto message = unescape(line.substr(tab1 + 1, tab2 - tab1 - 1));
      auto hint = unescape(line.substr(tab2 + 1));
      if (!path || !message || !hint) return std::nullopt;
      d.pos.path = std::move(*path);
      d.message = std::move(*message);
      d.hint = std::move(*hint);
      cache.warnings.push_back(std::move(d));
    } else if (tag.size() == 1 && std::string_view("bdfom").find(tag[0]) != std::string_view::npos) {
      StatEntry e;
      e.kind = tag[0];
      std::string_view base, field;
      if (!next_field(line, base) || !valid_base(base)) return std::nullopt;
      e.base = std::string(base);
      if (!next_field(line, field)) return std::nullopt;
      if (field != "-") {
        e.present = true;
        std::string_view fields[8];
        fields[0] = field;
        for (int i = 1; i < 8; ++i)
          if (!next_field(line, fields[i])) return std::nullopt;
        if (!parse_number(fields[0], e.dev) || !parse_number(fields[1], e.ino) ||
            !parse_number(fields[2], e.mode) || !parse_number(fields[3], e.size) ||
            !parse_number(fields[4], e.mtime_s) || !parse_number(fields[5], e.mtime_ns) ||
            !parse_number(fields[6], e.ctime_s) || !parse_number(fields[7], e.ctime_ns) ||
            !valid_time(e.mtime_s, e.mtime_ns) || !valid_time(e.ctime_s, e.ctime_ns))
          return std::nullopt;
      }
      auto path = unescape(line);
      // "." is a base itself, or a template folder whose listing is read ('f').
      if (!path || !valid_relative(*path) || (e.kind == 'b' && *path != ".") ||
          (e.kind != 'b' && e.kind != 'f' && *path == "."))
        return std::nullopt;
      e.path = std::move(*path);
      cache.entries.push_back(std::move(e));
    } else {
      return std::nullopt;
    }
  }
  if (!key || !taken || cache.outputs.empty() || cache.entries.empty()) return std::nullopt;
  return cache;
}

namespace {

// The cache's folder in the opened output folder, never through a link (O_NOFOLLOW; the file
// in it is then opened the same way): no link anywhere on the way, on any kernel (openat2 is
// not everywhere, nor under valgrind).
Fd open_cache_folder(int out_fd) {
  return Fd(::openat(out_fd, kStatCacheFolder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

}  // namespace

std::optional<StatCache> read_stat_cache(int out_fd) {
  const Fd folder = open_cache_folder(out_fd);
  if (folder.get() < 0) return std::nullopt;
  std::string bytes;
  const BlockRead read = read_blocks_at(folder.get(), kStatCacheName, kMaxStatCacheBytes,
                                        Links::NotLast,
                                        [&](std::string_view block) { bytes += block; });
  if (read.status != core::ReadStatus::Ok) return std::nullopt;
  return parse_stat_cache(bytes);
}

void remove_stat_cache(int out_fd) {
  const Fd folder = open_cache_folder(out_fd);
  if (folder.get() >= 0) ::unlinkat(folder.get(), kStatCacheName, 0);
}

std::optional<StatCache> take_stat_snapshot(const Options& options, int out_fd,
                                            const UnchangedCheck& check, const std::string& key) {
  StatCache cache;
  cache.key = key;
  struct timespec now;
  // Before the first stat: a moment no stat below was taken earlier than.
  if (::clock_gettime(CLOCK_REALTIME_COARSE, &now) != 0) return std::nullopt;
  cache.taken_s = now.tv_sec;
  cache.taken_ns = now.tv_nsec;
  Snapshot snapshot(options, out_fd);
  snapshot.base("O");
  snapshot.base("R");
  // The manifest first: after any build it differs, and the check stops there.
  snapshot.path('m', "O", kManifestName);
  for (const auto& [entry, value] : check.read) {
    const auto colon = entry.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string kind = entry.substr(0, colon);
    const std::string name = entry.substr(colon + 1);
    if (kind == "file" || kind == "folder") {
      snapshot.path('f', "R", name);
    } else if (kind == "templates") {
      std::size_t index = 0;
      if (!parse_number(std::string_view(name), index) ||
          index >= snapshot.bases().template_count())
        return std::nullopt;
      snapshot.template_tree("T" + std::to_string(index));
    } else if (kind == "template") {
      std::size_t index = 0;
      const auto space = value.find(' ');
      if (space == std::string::npos ||
          !parse_number(std::string_view(value).substr(0, space), index) ||
          index >= snapshot.bases().template_count())
        return std::nullopt;
      snapshot.path('f', "T" + std::to_string(index), name);
    } else {
      return std::nullopt;
    }
    if (!snapshot.ok()) return std::nullopt;
  }
  for (const std::string& output : check.outputs) snapshot.path('o', "O", output);
  if (!snapshot.ok()) return std::nullopt;
  cache.entries = std::move(snapshot.entries());
  cache.outputs = check.outputs;
  cache.warnings = check.warnings;
  return cache;
}

bool stat_cache_racy(const StatCache& cache) {
  const std::int64_t taken = nanoseconds(cache.taken_s, cache.taken_ns);
  for (const StatEntry& e : cache.entries)
    if (e.present && compared_in_full(e.kind) &&
        nanoseconds(e.ctime_s, e.ctime_ns) > taken - kRacyMarginNs)
      return true;
  return false;
}

bool stat_cache_holds(const Options& options, int out_fd, const StatCache& cache) {
  struct timespec now;
  if (::clock_gettime(CLOCK_REALTIME_COARSE, &now) != 0) return false;
  const std::int64_t taken = nanoseconds(cache.taken_s, cache.taken_ns);
  // A clock set back since: the moments below say nothing.
  if (nanoseconds(now.tv_sec, now.tv_nsec) < taken || stat_cache_racy(cache)) return false;
  Bases bases(options, out_fd);
  StatEntry now_entry;
  for (const StatEntry& e : cache.entries) {
    now_entry.kind = e.kind;
    now_entry.base = e.base;
    now_entry.path = e.path;
    if (!stat_entry(bases, now_entry) || !same(e, now_entry)) return false;
  }
  return true;
}

}  // namespace plenary::output::detail
