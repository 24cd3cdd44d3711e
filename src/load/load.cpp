#include "load/load.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include "core/confined_path.hpp"
#include "core/fd.hpp"
#include "core/parallel.hpp"
#include "core/read_file.hpp"
#include "load/file_text.hpp"

namespace plenary::load {

namespace fs = std::filesystem;

SourcePos position(const std::string& path, const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return {path, 0, 0};
  return {path, mark.line + 1, mark.column + 1};
}

namespace {

std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

// Walks the node graph as a reader would see it (aliases expanded), without recursion, and
// stops at the first node past the depth or count limits. yaml-cpp shares aliased nodes, so
// a "billion laughs" file is small in memory but explodes for anyone who traverses it.
bool within_limits(const std::string& path, const YAML::Node& root, const Limits& limits,
                   Diagnostics& diags) {
  std::vector<std::pair<YAML::Node, int>> stack{{root, 1}};
  std::size_t visited = 0;
  std::size_t expanded_bytes = 0;
  while (!stack.empty()) {
    auto [node, depth] = std::move(stack.back());
    stack.pop_back();
    if (++visited > limits.max_nodes) {
      diags.error(position(path, node.Mark()),
                  "file expands to more than " + std::to_string(limits.max_nodes) + " nodes",
                  "aliases (*name) that repeat anchors many times are not allowed");
      return false;
    }
    if (depth > limits.max_depth) {
      diags.error(position(path, node.Mark()),
                  "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
      return false;
    }
    // yaml-cpp keeps a tag but reads the value by its key regardless: `number: !!str 30` or
    // `!include x.yaml` would be silently ignored. Untagged nodes carry "?" or "!".
    if (const std::string& tag = node.Tag(); !tag.empty() && tag != "?" && tag != "!") {
      std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
      diags.error(position(path, node.Mark()),
                  "yaml tag '" + shown + "' is not supported",
                  "remove it; every value is read as its key expects");
      return false;
    }
    if (node.IsScalar() && node.Scalar().size() > limits.max_scalar_bytes) {
      diags.error(position(path, node.Mark()),
                  "value longer than " + std::to_string(limits.max_scalar_bytes >> 10) + " KiB",
                  "shorten it; a document cannot show that much text in one field");
      return false;
    }
    if (node.IsScalar() && (expanded_bytes += node.Scalar().size()) > limits.max_expanded_bytes) {
      diags.error(position(path, node.Mark()),
                  "file expands to more than " + std::to_string(limits.max_expanded_bytes >> 20) +
                      " MiB of text",
                  "aliases (*name) that repeat long values many times are not allowed");
      return false;
    }
    if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it) stack.emplace_back(*it, depth + 1);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        stack.emplace_back(it->first, depth + 1);
        stack.emplace_back(it->second, depth + 1);
      }
    }
  }
  return true;
}

// Event handler that only notes where documents start.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

struct StreamShape {
  int documents = 0;
  YAML::Mark second_at;
  bool stuck = false;  // the parser made no progress: a stray token it cannot place
  YAML::Mark stuck_at;
};

// Counts the documents of a stream (at most 3) with a syntax check on the way. YAML::LoadAll
// is not used: on some malformed input (a stray ',' at the top level) yaml-cpp 0.7 returns
// empty documents at the same position forever, so LoadAll never returns.
StreamShape scan_documents(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts handler;
  StreamShape shape;
  while (shape.documents < 3 && parser.HandleNextDocument(handler)) {
    ++shape.documents;
    const auto& s = handler.starts;
    if (s.size() >= 2 && s[s.size() - 1].pos == s[s.size() - 2].pos) {
      shape.stuck = true;
      shape.stuck_at = s.back();
      return shape;
    }
  }
  if (handler.starts.size() >= 2) shape.second_at = handler.starts[1];
  return shape;
}

// True when a line starts with a document marker ("---" or "...", alone or before a space):
// only such a stream can hold more than one document. Streams without one are parsed once.
bool has_document_marker(const std::string& text) {
  for (std::size_t line = 0; line < text.size();) {
    if (text.compare(line, 3, "---") == 0 || text.compare(line, 3, "...") == 0) {
      const char after = line + 3 < text.size() ? text[line + 3] : '\n';
      if (after == '\n' || after == ' ' || after == '\t') return true;
    }
    const std::size_t end = text.find('\n', line);
    if (end == std::string::npos) break;
    line = end + 1;
  }
  return false;
}

std::string describe_access_error(const std::error_code& ec) {
  if (ec == std::errc::too_many_symbolic_link_levels) return "cannot read file: symbolic link loop";
  if (ec == std::errc::permission_denied) return "cannot read file: permission denied";
  if (ec == std::errc::no_such_file_or_directory) return "file not found";
  return "cannot read file";
}

// Lists the *.yaml files of `dir` (relative `rel_dir`), sorted by name; a missing folder is
// empty. Dot-files (editor locks and backups) are skipped.
std::vector<std::string> list_yaml(const fs::path& root, const std::string& rel_dir,
                                   Diagnostics& diags) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::path dir = root / fs::path(rel_dir);
  if (core::where_path_leads(root, rel_dir, core::canonical_folder(root)) == core::PathLeads::Outside) {
    diags.error({rel_dir, 0, 0}, "a symbolic link leading out of the data root: not followed");
    return names;
  }
  fs::file_status st = fs::status(dir, ec);
  if (st.type() == fs::file_type::not_found) {
    // A missing folder is an empty one; a link to nowhere is a mistake worth saying.
    std::error_code lec;
    if (fs::symlink_status(dir, lec).type() == fs::file_type::symlink)
      diags.error({rel_dir, 0, 0}, "cannot read folder: symbolic link to nothing");
    return names;
  }
  if (ec) {
    // A symbolic-link loop or a permission problem must not read as an empty folder: that
    // would silently drop every agenda or task group.
    std::string why = ec == std::errc::too_many_symbolic_link_levels ? ": symbolic link loop"
                      : ec == std::errc::permission_denied           ? ": permission denied"
                                                                     : "";
    diags.error({rel_dir, 0, 0}, "cannot read folder" + why);
    return names;
  }
  if (st.type() != fs::file_type::directory) {
    diags.error({rel_dir, 0, 0}, "expected a folder");
    return names;
  }
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    diags.error({rel_dir, 0, 0}, "cannot read folder");
    return names;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diags.error({rel_dir, 0, 0}, "cannot read folder");
      break;
    }
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    auto ends_with = [&](const std::string& ext) {
      return name.size() > ext.size() &&
             name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
    };
    if (ends_with(".yaml")) {
      names.push_back(name);
    } else if (ends_with(".yml")) {
      diags.warning({rel_dir + "/" + name, 0, 0}, "file ignored: only *.yaml files are read",
                    "rename it to " + name.substr(0, name.size() - 4) + ".yaml");
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

namespace {

// The file of a parsed, non-empty document, once it is within the limits.
SourceFile finish(const std::string& path, const YAML::Node& document, const Limits& limits,
                  Diagnostics& diags) {
  SourceFile file;
  file.path = path;
  if (!within_limits(path, document, limits, diags)) return file;
  file.root = document;
  file.ok = true;
  return file;
}

}  // namespace

namespace {

// True when normalize_text would change `bytes` (a BOM, a carriage return).
bool needs_normalizing(const std::string& bytes) {
  return bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 || bytes.find('\r') != std::string::npos;
}

SourceFile parse_normalized(const std::string& path, const std::string& text, Diagnostics& diags,
                            const Limits& limits);

}  // namespace

SourceFile parse_text(const std::string& path, std::string bytes, Diagnostics& diags,
                      const Limits& limits) {
  if (bytes.size() > limits.max_bytes) {
    SourceFile file;
    file.path = path;
    diags.error({path, 0, 0},
                "file is larger than " + std::to_string(limits.max_bytes >> 20) + " MiB");
    return file;
  }
  return parse_normalized(path, normalize_text(std::move(bytes)), diags, limits);
}

namespace {

SourceFile parse_normalized(const std::string& path, const std::string& text, Diagnostics& diags,
                            const Limits& limits) {
  SourceFile file;
  file.path = path;
  TextProblem problem = check_text(text);
  if (problem.line > 0) {
    diags.error({path, problem.line, problem.col}, problem.message,
                problem.message == "invalid utf-8 byte sequence" ? "save the file as utf-8" : "");
    return file;
  }
  YAML::Node document;
  try {
    // One parse for the usual file; the event scan below (a second parse) only for a stream
    // that may hold several documents, or whose first document came out empty (a stray
    // token at the top level ends it at once).
    if (!has_document_marker(text)) {
      document = YAML::Load(text);
      if (document.IsDefined() && !document.IsNull()) return finish(path, document, limits, diags);
    }
    StreamShape shape = scan_documents(text);
    if (shape.stuck) {
      std::string what =
          shape.stuck_at.pos >= 0 && static_cast<std::size_t>(shape.stuck_at.pos) < text.size()
              ? "unexpected '" + std::string(1, text[shape.stuck_at.pos]) + "'"
              : "unexpected input";
      diags.error(position(path, shape.stuck_at), "yaml syntax error: " + what);
      return file;
    }
    if (shape.documents > 1) {
      diags.error(position(path, shape.second_at), "file holds more than one yaml document",
                  "remove the '---' line");
      return file;
    }
    if (shape.documents == 1) document = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops recursing at 500 levels and calls it a "bad file"; say what it is.
    diags.error(position(path, e.mark),
                "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
    return file;
  } catch (const YAML::Exception& e) {
    diags.error(position(path, e.mark), "yaml syntax error: " + lowercase_first(e.msg));
    return file;
  }
  if (!document.IsDefined() || document.IsNull()) {
    diags.error({path, 1, 1}, "file is empty");
    return file;
  }
  return finish(path, document, limits, diags);
}

// The usual file (no BOM, no CR; the reader kept it within max_bytes) is parsed from the
// bytes as read, without a copy of them.
SourceFile parse_bytes(const std::string& rel, std::string bytes, Diagnostics& diags,
                       const Limits& limits) {
  SourceFile parsed = needs_normalizing(bytes) ? parse_text(rel, bytes, diags, limits)
                                               : parse_normalized(rel, bytes, diags, limits);
  parsed.bytes = std::move(bytes);  // read once: the digest hashes these bytes, not the disk
  return parsed;
}

}  // namespace

SourceFile load_file(const fs::path& root, const std::string& rel, Diagnostics& diags,
                     const Limits& limits, int root_fd) {
  SourceFile file;
  file.path = rel;
  std::string bytes;
  // The usual file: no link on the way, regular, within max_bytes, read in one open (the
  // link checks below cost an lstat per step and a readlink per part of the absolute path).
  if (root_fd >= 0 &&
      core::read_file_beneath(root_fd, rel, bytes, limits.max_bytes) == core::ReadStatus::Ok)
    return parse_bytes(rel, std::move(bytes), diags, limits);
  fs::path p = root / fs::path(rel);
  std::error_code ec;
  // A data file (or its folder) that is a link out of the root is never read: its bytes would
  // end up in published documents. Settled before the file is looked at, so the message is
  // the same whether the file outside exists or not.
  switch (core::where_path_leads(root, rel, core::canonical_folder(root))) {
    case core::PathLeads::Outside:
      diags.error({rel, 0, 0}, "a symbolic link leading out of the data root: not followed");
      return file;
    case core::PathLeads::Unresolvable:
      diags.error({rel, 0, 0}, "cannot read file: symbolic link loop");
      return file;
    case core::PathLeads::Inside:
      break;
  }
  fs::file_status st = fs::status(p, ec);
  if (ec || st.type() == fs::file_type::not_found) {
    if (st.type() == fs::file_type::not_found) {
      diags.error({rel, 0, 0}, "file not found");
    } else {
      diags.error({rel, 0, 0}, describe_access_error(ec));
    }
    return file;
  }
  if (st.type() == fs::file_type::directory) {
    diags.error({rel, 0, 0}, "expected a file, found a folder");
    return file;
  }
  if (st.type() != fs::file_type::regular) {
    diags.error({rel, 0, 0}, "not a regular file");
    return file;
  }
  const core::ReadStatus read = core::read_file(p, bytes, limits.max_bytes);
  if (read != core::ReadStatus::Ok) {
    diags.error({rel, 0, 0}, core::describe(read, limits.max_bytes));
    return file;
  }
  return parse_bytes(rel, std::move(bytes), diags, limits);
}

RawRoot load_root(const fs::path& root, Diagnostics& diags, const Limits& limits,
                  unsigned threads) {
  // The file list first (its problems in the order the folders are read), then every file
  // parsed on up to `threads` threads: yaml-cpp is most of a build's load time, and files are
  // independent. Each file reports into its own Diagnostics, appended in list order, so the
  // messages do not depend on the thread count.
  std::vector<std::string> rels = {"data/committee.yaml", "data/sector-focus.yaml",
                                   "data/stakeholders.yaml"};
  const std::vector<std::string> task_groups = list_yaml(root, "data/task-groups", diags);
  const std::vector<std::string> agendas = list_yaml(root, "agendas", diags);
  const std::vector<std::string> outcomes = list_yaml(root, "data/outcomes", diags);
  for (const auto& name : task_groups) rels.push_back("data/task-groups/" + name);
  for (const auto& name : agendas) rels.push_back("agendas/" + name);
  for (const auto& name : outcomes) rels.push_back("data/outcomes/" + name);
  // The register is optional: read (and its problems reported) only when something is there.
  std::error_code documents_ec;
  const bool has_documents =
      fs::symlink_status(root / "data" / "documents.yaml", documents_ec).type() !=
      fs::file_type::not_found;
  if (has_documents) rels.push_back("data/documents.yaml");

  // The root opened once for every file's one-call open beneath it (load_file); a root that
  // cannot be opened so leaves every file to the step-by-step checks.
  const core::Fd root_fd(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  std::vector<SourceFile> files(rels.size());
  std::vector<Diagnostics> file_diags(rels.size());
  core::parallel_for(rels.size(), threads, [&](std::size_t i) {
    files[i] = load_file(root, rels[i], file_diags[i], limits, root_fd.get());
  });
  // A register with nothing in it but comments (as `plenary init` writes it, every entry
  // commented out) is no register yet, not an error: the root behaves as one without it.
  bool register_is_empty = false;
  if (has_documents) {
    const Diagnostics& d = file_diags.back();
    register_is_empty = d.items().size() == 1 && d.items()[0].message == "file is empty";
    if (register_is_empty) file_diags.back() = Diagnostics();
  }
  for (const auto& d : file_diags) diags.append(d);

  RawRoot raw;
  raw.committee = std::move(files[0]);
  raw.sector_focus = std::move(files[1]);
  raw.stakeholders = std::move(files[2]);
  std::size_t i = 3;
  for (std::size_t n = 0; n < task_groups.size(); ++n)
    raw.task_groups.push_back(std::move(files[i++]));
  for (std::size_t n = 0; n < agendas.size(); ++n) raw.agendas.push_back(std::move(files[i++]));
  for (std::size_t n = 0; n < outcomes.size(); ++n) raw.outcomes.push_back(std::move(files[i++]));
  if (has_documents && !register_is_empty) raw.documents = std::move(files[i++]);
  return raw;
}

}  // namespace plenary::load
