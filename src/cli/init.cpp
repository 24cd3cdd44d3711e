#include "cli/init.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#ifndef PLENARY_SOURCE_DIR
#define PLENARY_SOURCE_DIR ""
#endif
#ifndef PLENARY_INSTALLED_DATADIR
#define PLENARY_INSTALLED_DATADIR "/usr/local/share/plenary"
#endif

namespace plenary::cli {

namespace fs = std::filesystem;

namespace {

// `<source>/<in_source>` from the build tree, `<exe>/../share/plenary/<installed>` beside an
// installed binary (so a relocated installation works), the configured prefix as last resort.
fs::path program_folder(const fs::path& in_source, const fs::path& installed) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const fs::path source = PLENARY_SOURCE_DIR;
  if (!ec) {
    const fs::path folder = exe.parent_path();
    if (!source.empty() && fs::exists(folder / "CMakeCache.txt", ec) &&
        fs::is_directory(source / in_source, ec))
      return source / in_source;
    const fs::path beside = folder.parent_path() / "share" / "plenary" / installed;
    if (fs::is_directory(beside, ec)) return beside;
  }
  return fs::path(PLENARY_INSTALLED_DATADIR) / installed;
}

struct Unique {
  int fd = -1;
  explicit Unique(int f) : fd(f) {}
  Unique(const Unique&) = delete;
  Unique& operator=(const Unique&) = delete;
  ~Unique() {
    if (fd >= 0) ::close(fd);
  }
};

// The regular files under `folder`, relative, sorted (symbolic links are not followed).
std::vector<fs::path> files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && !it->is_symlink(ec))
      files.push_back(fs::relative(it->path(), folder, ec));
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_all(const fs::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return text.str();
}

// Writes `bytes` at `relative` under the folder open as `root`, making its folders; each file or
// folder made is added to `made` (relative paths). "" or why not.
std::string write_new(int root, const fs::path& relative, const std::string& bytes,
                      std::vector<fs::path>& made) {
  std::vector<std::string> parts;
  for (const auto& part : relative) parts.push_back(part.string());
  int dir = root;
  std::vector<std::unique_ptr<Unique>> open_dirs;
  fs::path so_far;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    so_far /= parts[i];
    if (::mkdirat(dir, parts[i].c_str(), 0755) == 0)
      made.push_back(so_far);
    else if (errno != EEXIST)
      return std::strerror(errno);
    int next = ::openat(dir, parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) return std::strerror(errno);
    open_dirs.push_back(std::make_unique<Unique>(next));
    dir = next;
  }
  Unique file(::openat(dir, parts.back().c_str(),
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (file.fd < 0) return std::strerror(errno);
  made.push_back(relative);
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(file.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::strerror(errno);
    done += static_cast<std::size_t>(n);
  }
  if (::close(file.fd) != 0) {
    file.fd = -1;
    return std::strerror(errno);
  }
  file.fd = -1;
  return {};
}

}  // namespace

fs::path program_init_folder() {
  return program_folder(fs::path("share") / "init", "init");
}

fs::path program_schemas_folder() {
  return program_folder("schemas", "schemas");
}

InitResult init_root(const fs::path& dir, compose::Lang lang) {
  const std::string code = lang == compose::Lang::Fr ? "fr" : "en";
  const fs::path skeleton = program_init_folder() / code;
  const fs::path schemas = program_schemas_folder();
  const std::string shown = dir.string();

  // What to write: the skeleton's files, then the schemas under schemas/.
  struct Item {
    fs::path from, to;
  };
  std::vector<Item> items;
  for (const auto& f : files_under(skeleton)) items.push_back({skeleton / f, f});
  if (items.empty())
    return {3, "the skeleton files are not installed: " + skeleton.string() + " is missing"};
  for (const auto& f : files_under(schemas))
    if (f.string().size() > 12 && f.string().rfind(".schema.json") == f.string().size() - 12)
      items.push_back({schemas / f, "schemas" / f});

  struct stat st {};
  bool created_dir = false;
  if (::lstat(dir.c_str(), &st) != 0) {
    if (errno != ENOENT) return {2, "cannot use '" + shown + "': " + std::strerror(errno)};
    if (::mkdir(dir.c_str(), 0755) != 0) {
      const int error = errno;
      const bool no_parent = error == ENOENT;
      return {no_parent ? 2 : 3, "cannot create the folder '" + shown + "': " +
                                     std::strerror(error) +
                                     (no_parent ? " (its parent folder must exist)" : "")};
    }
    created_dir = true;
  } else if (S_ISLNK(st.st_mode)) {
    return {2, "'" + shown + "' is a symbolic link; give a new or empty folder"};
  } else if (!S_ISDIR(st.st_mode)) {
    return {2, "'" + shown + "' exists and is not a folder; give a new or empty folder"};
  } else {
    std::error_code ec;
    if (!fs::is_empty(dir, ec) || ec)
      return {2, "'" + shown + "' is not empty; init never overwrites: give a new or empty folder"};
  }
  Unique root(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (root.fd < 0) return {3, "cannot open '" + shown + "': " + std::strerror(errno)};

  // On a failure, what this run made is removed again (newest first), so DIR is as it was.
  std::vector<fs::path> made;
  const auto undo = [&] {
    for (auto it = made.rbegin(); it != made.rend(); ++it)
      if (::unlinkat(root.fd, it->c_str(), 0) != 0)
        ::unlinkat(root.fd, it->c_str(), AT_REMOVEDIR);
    if (created_dir) ::rmdir(dir.c_str());
  };
  std::ostringstream out;
  for (const auto& item : items) {
    bool ok = false;
    const std::string bytes = read_all(item.from, ok);
    if (!ok) {
      undo();
      return {3, "cannot read " + item.from.string()};
    }
    if (std::string why = write_new(root.fd, item.to, bytes, made); !why.empty()) {
      undo();
      return {3, "cannot write " + (dir / item.to).string() + ": " + why};
    }
    out << "created " << (dir / item.to).string() << '\n';
  }
  out << "\nA new committee in " << shown << ". Next:\n"
      << "  edit " << (dir / "data" / "committee.yaml").string()
      << " (every key is explained in its comments)\n"
      << "  plenary check --root " << shown << '\n'
      << "  plenary build --root " << shown << '\n';
  return {0, out.str()};
}

}  // namespace plenary::cli
