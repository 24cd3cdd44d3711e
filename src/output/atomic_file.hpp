// Atomic file replacement: write a temporary file in the same folder, fsync it, rename it over
// the target, fsync the folder. A reader, a crash or `kill -9` never sees a half-written file;
// a killed run leaves at most a temporary file, removed by the next run.
#pragma once

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace plenary::output::detail {

// ".<name>.tmp-<pid>": hidden, next to the target, unique per process.
std::string temp_name(const std::string& file_name);

// True for names made by temp_name (any pid) for a file a build writes (.pdf, .docx, .md,
// .html, .ics, .json): the only names the stale-temporary sweep removes.
bool is_temp_name(const std::string& file_name);

// Opens the folder `relative` (components separated by '/') under the opened folder
// `out_folder`, one component at a time with O_NOFOLLOW, creating missing ones (mkdirat) when
// `create`. A component that is a symbolic link is refused, never followed. Returns the new
// descriptor, or -1 with `error` set.
int open_folder_at(int out_folder, const std::string& relative, bool create, std::string& error);

// Replaces `relative` (under the opened folder `out_folder`) by `bytes` atomically, never
// following a link: folders are walked by open_folder_at, the temporary is created with
// O_EXCL | O_NOFOLLOW, and renameat replaces an output that is a link by a regular file.
// Returns "" on success, else a one-line reason.
std::string write_file_at(int out_folder, const std::string& relative, const std::string& bytes);

// The same guarantee for many files at a lower cost (docs/cli.md, "Atomic writes and
// interruption", has the reasoning and the measurements): stage() writes each file's temporary (no fsync, but its write-back is started at
// once), from any thread; commit() then, for the files staged so far, fsyncs every temporary,
// renames them into place in the order given, and fsyncs each folder once. A name is replaced
// only after its new bytes are on disk, as with write_file_at; a crash or kill -9 before the
// rename leaves the old file and a temporary the next run removes. One fsync of a folder
// instead of one per file, and the files' data written while the next ones are rendered.
class StagedWrites {
 public:
  explicit StagedWrites(int out_folder) : out_folder_(out_folder) {}
  ~StagedWrites();  // removes the temporaries of anything staged and not committed
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;

  // Writes the temporary of `relative` (as write_file_at: folders walked without following a
  // link, O_EXCL | O_NOFOLLOW) under the key `key`. "" on success, else why not (nothing is
  // left behind then). Thread-safe.
  std::string stage(std::size_t key, const std::string& relative, const std::string& bytes);

  // Puts every file staged so far in place. Returns, per key, "" or why that file could not
  // be written (its old file, if any, is untouched and its temporary removed); files are
  // renamed in the order of their keys. Thread-safe: a file staged meanwhile waits for the
  // next commit; commits run one at a time.
  std::vector<std::pair<std::size_t, std::string>> commit();
  // A file that names the staged ones (the manifest), put in place by the same commit and only
  // when every staged file is: its temporary is written before the one syncfs, so the commit
  // makes it durable with the others instead of a fsync of its own, and it is renamed after
  // their folders are on disk, then its own folder is fsynced. So a `last` that survives a
  // crash names only files whose renames survived too, as when it was written after the commit.
  struct Last {
    std::string relative, bytes;
    bool in_place = false;  // set by commit: renamed over `relative`
    std::string error;      // why not, when it was tried ("" when an other file failed first)
  };
  std::vector<std::pair<std::size_t, std::string>> commit(Last& last);

  std::size_t pending();  // files staged and not yet committed

 private:
  struct Staged {
    std::size_t key;
    std::string folder;  // relative to out_folder_, "" for itself
    std::string temp;
    std::string name;
  };
  std::vector<std::pair<std::size_t, std::string>> commit_with(Last* last);

  int out_folder_;
  std::mutex commit_mutex_;  // one commit at a time
  std::mutex mutex_;         // guards staged_
  std::vector<Staged> staged_;
};

// Replaces `path` by `bytes` atomically. Returns "" on success, else a one-line reason
// ("No space left on device"); on failure the previous file (if any) is untouched and no
// temporary file is left behind.
std::string write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

// Removes temporary files left by killed runs (regular files named by is_temp_name, never a
// link) in the opened folder `out_folder` and its real subfolders two levels down, never
// following a link (call with the lock held). Returns the removed paths, under `shown`.
std::vector<std::filesystem::path> remove_stale_temps_at(int out_folder,
                                                         const std::filesystem::path& shown);

// The same on a folder given by its path, which must not itself be a link.
std::vector<std::filesystem::path> remove_stale_temps(const std::filesystem::path& folder);

}  // namespace plenary::output::detail
