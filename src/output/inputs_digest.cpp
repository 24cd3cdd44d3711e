#include "output/inputs_digest.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "core/content_hash.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "output/output.hpp"
#include "output/unchanged_check.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

namespace {

// What the digest covers, hashed as it is given: the same bytes in the same order as when they
// were first put together into one string of half a megabyte at K=4 (its growth alone cost
// hundreds of page faults on the build's serial path).
class Digest {
 public:
  Digest& operator+=(std::string_view bytes) {
    sha_.update(bytes);
    return *this;
  }
  std::string hex() { return sha_.hex(); }

 private:
  core::Sha256 sha_;
};

// Data files the load stage reads are at most 16 MiB; a larger one is recorded by its size.
constexpr std::uintmax_t kMaxInputBytes = 16u << 20;

// "file <name>\n<size, 'absent' or what kept it from being read>\n<bytes>" for one file.
// `record`, when given, gets "file:<name>" -> file_value() of the same bytes.
void add_file(Digest& all, const fs::path& path, const std::string& name,
              const model::Committee& committee, std::map<std::string, std::string>* record) {
  all += "file " + name + "\n";
  if (auto loaded = committee.source_bytes.find(name); loaded != committee.source_bytes.end()) {
    all += std::to_string(loaded->second.size()) + "\n";
    all += loaded->second;
    if (record) (*record)["file:" + name] = core::content_hash(loaded->second);
    return;
  }
  std::string bytes;
  const core::ReadStatus read = core::read_file(path, bytes, kMaxInputBytes);
  if (read == core::ReadStatus::Missing) {
    all += "absent\n";
    if (record) (*record)["file:" + name] = "absent";
    return;
  }
  if (read != core::ReadStatus::Ok) {
    std::error_code ec;
    all +=
        core::describe(read, kMaxInputBytes) + " " + std::to_string(fs::file_size(path, ec)) + "\n";
    if (record) (*record)["file:" + name] = "unread " + core::describe(read, kMaxInputBytes);
    return;
  }
  all += std::to_string(bytes.size()) + "\n";
  all += bytes;
  if (record) (*record)["file:" + name] = core::content_hash(bytes);
}

// Every regular file directly in root/rel (following a link to the folder), sorted.
// `record`, when given, gets "folder:<rel>" -> listing_hash() and the files' entries.
void add_folder(Digest& all, const fs::path& root, const std::string& rel,
                const model::Committee& committee, std::map<std::string, std::string>* record) {
  if (record) (*record)["folder:" + rel] = listing_hash(root / rel, false);
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(root / rel, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) names.push_back(it->path().filename().string());
  }
  all += "folder " + rel + (ec ? " unreadable\n" : "\n");
  std::sort(names.begin(), names.end());
  for (const std::string& name : names)
    add_file(all, root / rel / name, rel + "/" + name, committee, record);
}

}  // namespace

std::string inputs_digest(const fs::path& root, const model::Committee& committee,
                          const compose::TemplateSet& templates, const std::string& program_version,
                          const std::string& lang, std::map<std::string, std::string>* read) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  Digest all;
  all += "plenary " + program_version + "\nlang " + lang + "\nSOURCE_DATE_EPOCH " +
         (epoch ? epoch : "") + "\n";
  for (const auto& [name, bytes] : templates.files) {
    all += "template " + name + "\n" + std::to_string(bytes.size()) + "\n";
    all += bytes;
  }
  for (const char* name :
       {"data/committee.yaml", "data/sector-focus.yaml", "data/stakeholders.yaml"}) {
    add_file(all, root / name, name, committee, read);
  }
  add_folder(all, root, "data/task-groups", committee, read);
  add_folder(all, root, "agendas", committee, read);
  add_folder(all, root, "data/outcomes", committee, read);
  if (read) {
    // The template files as loaded, each with the folder it was found in (the first that has
    // it), and every template folder's listing: an override added or removed is noticed.
    const std::vector<fs::path> folders = template_folders(root);
    for (std::size_t i = 0; i < folders.size(); ++i)
      (*read)["templates:" + std::to_string(i)] = listing_hash(folders[i], true);
    for (const auto& [name, bytes] : templates.files) {
      const auto shown = templates.file_paths.find(name);
      std::size_t index = folders.size();
      for (std::size_t i = 0; i < folders.size() && shown != templates.file_paths.end(); ++i)
        if (shown->second == template_shown_path(folders, i, name)) {
          index = i;
          break;
        }
      (*read)["template:" + name] = std::to_string(index) + " " + core::content_hash(bytes);
    }
  }
  // The register and its papers, only when there is one (a root without it digests as
  // before): each paper by the hash of the bytes the check read. The unchanged check records
  // data/documents.yaml either way (absent, or only comments), so writing one is noticed.
  if (committee.documents) {
    add_file(all, root / "data/documents.yaml", "data/documents.yaml", committee, read);
    for (const auto& paper : committee.documents->documents) {
      if (paper.file.empty()) continue;
      all += "paper " + paper.file + " " + paper.file_sha256 + "\n";
      // The SHA-256 the register's check computed (the bytes it read); unchanged_check's
      // file_value hashes with the algorithm a recorded value names.
      if (read) (*read)["file:" + paper.file] = paper.file_sha256;
    }
  } else if (read) {
    Digest not_digested;  // recorded, not digested
    add_file(not_digested, root / "data/documents.yaml", "data/documents.yaml", committee, read);
  }
  return all.hex();
}

}  // namespace plenary::output::detail
