#include "output/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/fd.hpp"

namespace plenary::output::detail {

namespace {

using core::Fd;

std::string errno_text(int error) {
  return std::strerror(error);
}

std::string write_all(int fd, const std::string& bytes) {
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_text(errno);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

void sync_folder(int folder) {
  ::fsync(folder);  // best effort: some file systems refuse
}

bool is_link_at(int folder, const std::string& name) {
  struct stat st;
  return ::fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
}

// The extensions of the files a build writes: every format's (tests/output/atomic_file_test.cpp
// holds this list to the formats table), the site's stylesheet, the manifest, and the book's
// converted papers and the unchanged check's stat cache (unchanged.stat) in out/.plenary-cache.
// A temporary of anything else is not ours.
bool our_extension(const std::string& name) {
  for (const char* ext :
       {".pdf", ".docx", ".md", ".html", ".ics", ".css", ".json", ".converted", ".stat"}) {
    const std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
      return true;
  }
  return false;
}

// The one hidden folder a build owns: the book's cache of converted papers (book/convert.hpp).
constexpr const char* kCacheFolder = ".plenary-cache";

void sweep(int folder, const std::filesystem::path& shown, int depth,
           std::vector<std::filesystem::path>& removed) {
  int copy = ::dup(folder);
  if (copy < 0) return;
  DIR* dir = ::fdopendir(copy);
  if (!dir) {
    ::close(copy);
    return;
  }
  std::vector<std::string> temps, folders;
  while (struct dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    // The entry's own type (never a link's target), from the listing itself where the file
    // system gives it: no fstatat for each of the hundreds of outputs (docs/performance.md,
    // round 6a).
    bool regular = entry->d_type == DT_REG, directory = entry->d_type == DT_DIR;
    if (entry->d_type == DT_UNKNOWN) {
      struct stat st;
      if (::fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      regular = S_ISREG(st.st_mode);
      directory = S_ISDIR(st.st_mode);
    }
    if (regular && is_temp_name(name))
      temps.push_back(name);
    else if (directory && depth > 0 && (name[0] != '.' || name == kCacheFolder))
      folders.push_back(name);
  }
  ::closedir(dir);
  for (const std::string& name : temps)
    if (::unlinkat(folder, name.c_str(), 0) == 0) removed.push_back(shown / name);
  for (const std::string& name : folders) {
    Fd sub(::openat(folder, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (sub.get() >= 0) sweep(sub.get(), shown / name, depth - 1, removed);
  }
}

}  // namespace

std::string temp_name(const std::string& file_name) {
  return "." + file_name + ".tmp-" + std::to_string(::getpid());
}

bool is_temp_name(const std::string& name) {
  if (name.size() < 2 || name[0] != '.') return false;
  auto mark = name.rfind(".tmp-");
  if (mark == std::string::npos || mark < 2) return false;
  std::string digits = name.substr(mark + 5);
  if (digits.empty() || digits.size() > 10) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return our_extension(name.substr(1, mark - 1));
}

int open_folder_at(int out_folder, const std::string& relative, bool create, std::string& error) {
  int current = ::dup(out_folder);
  if (current < 0) {
    error = errno_text(errno);
    return -1;
  }
  std::string walked;
  std::size_t start = 0;
  while (start < relative.size()) {
    std::size_t end = relative.find('/', start);
    if (end == std::string::npos) end = relative.size();
    const std::string name = relative.substr(start, end - start);
    start = end + 1;
    if (name.empty() || name == ".") continue;
    walked += (walked.empty() ? "" : "/") + name;
    if (name == "..") {
      ::close(current);
      error = "the path " + relative + " leads outside the output folder";
      return -1;
    }
    if (create && ::mkdirat(current, name.c_str(), 0755) != 0 && errno != EEXIST) {
      error = "cannot create " + walked + ": " + errno_text(errno);
      ::close(current);
      return -1;
    }
    int next = ::openat(current, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int open_errno = errno;
    if (next < 0) {
      if (is_link_at(current, name))
        error =
            walked + " is a symbolic link, which may lead outside the output folder: not followed";
      else
        error = "cannot open the folder " + walked + ": " + errno_text(open_errno);
      ::close(current);
      return -1;
    }
    ::close(current);
    current = next;
  }
  return current;
}

namespace {

// An output's temporary written in its folder (created when missing): the first step of both
// ways to replace a file. `wait` fsyncs the data before returning; otherwise its write-back is
// only started, for a later syncfs (StagedWrites::commit). On success `folder` holds the
// folder and `parent`, `name` and `temp` the names; on failure no temporary is left.
struct Temporary {
  Fd folder;
  std::string parent, name, temp;
};

std::string write_temporary(int out_folder, const std::string& relative, const std::string& bytes,
                            bool wait, Temporary& t) {
  const std::size_t slash = relative.rfind('/');
  t.name = slash == std::string::npos ? relative : relative.substr(slash + 1);
  t.parent = slash == std::string::npos ? std::string() : relative.substr(0, slash);
  if (t.name.empty() || t.name == "." || t.name == "..") return "not a file name: " + relative;
  std::string error;
  t.folder.reset(open_folder_at(out_folder, t.parent, true, error));
  if (t.folder.get() < 0) return error;
  t.temp = temp_name(t.name);
  // O_EXCL | O_NOFOLLOW: a file or a link planted under the temporary's name is never written
  // through; ours from a killed run with the same pid is removed (the name, not its target).
  const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  int raw = ::openat(t.folder.get(), t.temp.c_str(), flags, 0644);
  if (raw < 0 && errno == EEXIST && ::unlinkat(t.folder.get(), t.temp.c_str(), 0) == 0)
    raw = ::openat(t.folder.get(), t.temp.c_str(), flags, 0644);
  Fd fd(raw);
  if (fd.get() < 0) return errno_text(errno);
  error = write_all(fd.get(), bytes);
  if (error.empty()) {
    if (wait) {
      if (::fsync(fd.get()) != 0) error = errno_text(errno);
    } else {
      // Start writing the data back now, without waiting: by commit() most of it is on disk.
      ::sync_file_range(fd.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
    }
  }
  if (fd.close() != 0 && error.empty()) error = errno_text(errno);
  if (!error.empty()) ::unlinkat(t.folder.get(), t.temp.c_str(), 0);
  return error;
}

}  // namespace

std::string write_file_at(int out_folder, const std::string& relative, const std::string& bytes) {
  Temporary t;
  std::string error = write_temporary(out_folder, relative, bytes, true, t);
  if (!error.empty()) return error;
  // renameat replaces the name: a link in the output's place is replaced, never followed.
  if (::renameat(t.folder.get(), t.temp.c_str(), t.folder.get(), t.name.c_str()) != 0) {
    error = errno_text(errno);
    ::unlinkat(t.folder.get(), t.temp.c_str(), 0);
    return error;
  }
  sync_folder(t.folder.get());
  return {};
}

StagedWrites::~StagedWrites() {
  for (const Staged& s : staged_) {
    std::string error;
    Fd folder(open_folder_at(out_folder_, s.folder, false, error));
    if (folder.get() >= 0) ::unlinkat(folder.get(), s.temp.c_str(), 0);
  }
}

std::string StagedWrites::stage(std::size_t key, const std::string& relative,
                                const std::string& bytes) {
  Temporary t;
  const std::string error = write_temporary(out_folder_, relative, bytes, false, t);
  if (!error.empty()) return error;
  std::lock_guard<std::mutex> guard(mutex_);
  staged_.push_back({key, t.parent, t.temp, t.name});
  return {};
}

std::size_t StagedWrites::pending() {
  std::lock_guard<std::mutex> guard(mutex_);
  return staged_.size();
}

std::vector<std::pair<std::size_t, std::string>> StagedWrites::commit() {
  return commit_with(nullptr);
}

std::vector<std::pair<std::size_t, std::string>> StagedWrites::commit(Last& last) {
  return commit_with(&last);
}

std::vector<std::pair<std::size_t, std::string>> StagedWrites::commit_with(Last* last) {
  std::lock_guard<std::mutex> one_at_a_time(commit_mutex_);
  std::vector<Staged> staged;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    staged.swap(staged_);
  }
  std::sort(staged.begin(), staged.end(),
            [](const Staged& a, const Staged& b) { return a.key < b.key; });
  std::vector<std::pair<std::size_t, std::string>> results;
  // The folders, opened once each (never through a link).
  std::vector<std::pair<std::string, int>> folders;
  auto folder_of = [&](const std::string& relative, std::string& error) {
    for (const auto& [path, fd] : folders)
      if (path == relative) return fd;
    const int fd = open_folder_at(out_folder_, relative, false, error);
    if (fd >= 0) folders.emplace_back(relative, fd);
    return fd;
  };
  // 1. Every temporary's data on disk (its write-back started when staged): one syncfs() of
  //    the output folder's file system waits for all of it and flushes the disk's cache once
  //    (an fsync per file waits for a journal commit and a cache flush each: docs/cli.md has
  //    the measurements). Where syncfs fails (it reports write-back errors since Linux
  //    5.8), an fsync per temporary finds which file it was.
  //    The last file's temporary is written first, to be on disk with them.
  Temporary last_temp;
  bool last_staged = false;
  if (last != nullptr) {
    last->in_place = false;
    last->error = write_temporary(out_folder_, last->relative, last->bytes, false, last_temp);
    last_staged = last->error.empty();
  }
  std::vector<std::string> errors(staged.size());
  if ((!staged.empty() || last_staged) && ::syncfs(out_folder_) != 0) {
    for (std::size_t i = 0; i < staged.size(); ++i) {
      const int folder = folder_of(staged[i].folder, errors[i]);
      if (folder < 0) continue;
      Fd fd(::openat(folder, staged[i].temp.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
      if (fd.get() < 0 || ::fsync(fd.get()) != 0) errors[i] = errno_text(errno);
    }
    if (last_staged) {
      Fd fd(::openat(last_temp.folder.get(), last_temp.temp.c_str(),
                     O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
      if (fd.get() < 0 || ::fsync(fd.get()) != 0) last->error = errno_text(errno);
    }
  }
  // 2. Then the names, in key order; 3. then each folder's entries on disk, once.
  for (std::size_t i = 0; i < staged.size(); ++i) {
    const int folder = folder_of(staged[i].folder, errors[i]);
    if (errors[i].empty() && folder >= 0 &&
        ::renameat(folder, staged[i].temp.c_str(), folder, staged[i].name.c_str()) != 0)
      errors[i] = errno_text(errno);
    if (!errors[i].empty() && folder >= 0) ::unlinkat(folder, staged[i].temp.c_str(), 0);
    results.emplace_back(staged[i].key, errors[i]);
  }
  for (const auto& [path, fd] : folders) {
    sync_folder(fd);
    ::close(fd);
  }
  // 4. The last file, when every other one is in place.
  if (last_staged) {
    const bool all_in_place = std::all_of(errors.begin(), errors.end(),
                                          [](const std::string& e) { return e.empty(); });
    const int folder = last_temp.folder.get();
    if (all_in_place && last->error.empty()) {
      if (::renameat(folder, last_temp.temp.c_str(), folder, last_temp.name.c_str()) == 0) {
        last->in_place = true;
        sync_folder(folder);
      } else {
        last->error = errno_text(errno);
      }
    }
    if (!last->in_place) ::unlinkat(folder, last_temp.temp.c_str(), 0);
  }
  return results;
}

std::string write_file_atomically(const std::filesystem::path& path, const std::string& bytes) {
  Fd folder(::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() < 0) return errno_text(errno);
  return write_file_at(folder.get(), path.filename().string(), bytes);
}

std::vector<std::filesystem::path> remove_stale_temps_at(int out_folder,
                                                         const std::filesystem::path& shown) {
  std::vector<std::filesystem::path> removed;
  sweep(out_folder, shown, 2, removed);
  return removed;
}

std::vector<std::filesystem::path> remove_stale_temps(const std::filesystem::path& folder) {
  Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return {};
  return remove_stale_temps_at(fd.get(), folder);
}

}  // namespace plenary::output::detail
