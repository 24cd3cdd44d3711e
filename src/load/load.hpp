// Stage 1 of the pipeline: read every YAML file of a data root into raw yaml-cpp nodes that
// keep their source marks. Nothing here knows the committee schema; src/model/ does.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostic.hpp"

namespace plenary::load {

// Guards against hostile input. A file over any limit is an error, never a crash.
struct Limits {
  std::size_t max_bytes = 16u << 20;           // 16 MiB per file
  std::size_t max_nodes = 1'000'000;           // nodes visited when expanding aliases
  int max_depth = 64;                          // nesting of mappings and lists
  std::size_t max_scalar_bytes = 64u << 10;    // one value (a title, a paragraph): 64 KiB; more
                                               // would only make documents of thousands of pages
  std::size_t max_expanded_bytes = 64u << 20;  // all values with aliases expanded: 64 MiB (a
                                               // few aliases of a 60 KB value can claim GBs)
};

struct SourceFile {
  std::string path;   // relative to the data root, '/'-separated: "data/committee.yaml"
  YAML::Node root;    // the document; meaningful only when ok
  bool ok = false;    // false: the file is missing or unreadable, and an error was reported
  std::string bytes;  // the file as read (set by load_file): what the inputs digest hashes
};

struct RawRoot {
  SourceFile committee;                 // data/committee.yaml
  SourceFile sector_focus;              // data/sector-focus.yaml
  SourceFile stakeholders;              // data/stakeholders.yaml
  std::vector<SourceFile> task_groups;  // data/task-groups/*.yaml, sorted by file name
  std::vector<SourceFile> agendas;      // agendas/*.yaml, sorted by file name
  std::vector<SourceFile> outcomes;     // data/outcomes/*.yaml (optional folder), by file name
  // data/documents.yaml, the optional working-document register: path empty (and ok false)
  // when the root has no such file.
  SourceFile documents;
};

// Reads every file of the data root; problems go to `diags` and leave that file's ok false.
// Files are parsed on up to `threads` threads (0: one per core); the result and the order of
// the problems are the same for any thread count.
RawRoot load_root(const std::filesystem::path& root, Diagnostics& diags, const Limits& limits = {},
                  unsigned threads = 0);

// Reads and parses one file, `rel` being its '/'-separated path under `root`. `root_fd`, when
// given, is `root` opened (O_PATH | O_DIRECTORY, following a link in the root's own place): a
// file with no symbolic link on its way is then opened beneath it in one system call
// (core::read_file_beneath), and only a path with a link is judged step by step
// (core::where_path_leads). Either way the bytes, the messages and what is refused are the same.
SourceFile load_file(const std::filesystem::path& root, const std::string& rel, Diagnostics& diags,
                     const Limits& limits = {}, int root_fd = -1);

// Parses file contents already in memory (BOM, CRLF, UTF-8 and limits handled as for files).
SourceFile parse_text(const std::string& path, std::string bytes, Diagnostics& diags,
                      const Limits& limits = {});

// The 1-based position of a yaml-cpp mark (which is 0-based); line 0 for a null mark.
SourcePos position(const std::string& path, const YAML::Mark& mark);

}  // namespace plenary::load
