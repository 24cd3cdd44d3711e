#include "build/inputs_digest.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "text/sha256.hpp"

namespace plenary::build::detail {

namespace fs = std::filesystem;

namespace {

// "<kind> <name>\n<size or 'absent'>\n<bytes>" for one file.
void add_file(std::string& all, const fs::path& path, const std::string& name) {
  all += "file " + name + "\n";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    all += "absent\n";
    return;
  }
  // Read in blocks (an istreambuf_iterator copy went byte by byte).
  std::string bytes;
  char block[1 << 16];
  while (in) {
    in.read(block, sizeof block);
    bytes.append(block, static_cast<std::size_t>(in.gcount()));
  }
  all += std::to_string(bytes.size()) + "\n";
  all += bytes;
}

// Every regular file directly in root/rel (following a link to the folder), sorted.
void add_folder(std::string& all, const fs::path& root, const std::string& rel) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(root / rel, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) names.push_back(it->path().filename().string());
  }
  all += "folder " + rel + (ec ? " unreadable\n" : "\n");
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) add_file(all, root / rel / name, rel + "/" + name);
}

}  // namespace

std::string inputs_digest(const fs::path& root, const compose::TemplateSet& templates,
                          const std::string& program_version, const std::string& lang) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  std::string all = "plenary " + program_version + "\nlang " + lang + "\nSOURCE_DATE_EPOCH " +
                    (epoch ? epoch : "") + "\n";
  for (const auto& [name, bytes] : templates.files) {
    all += "template " + name + "\n" + std::to_string(bytes.size()) + "\n";
    all += bytes;
  }
  for (const char* name : {"data/committee.yaml", "data/sector-focus.yaml",
                           "data/stakeholders.yaml"}) {
    add_file(all, root / name, name);
  }
  add_folder(all, root, "data/task-groups");
  add_folder(all, root, "agendas");
  return text::sha256_hex(all);
}

}  // namespace plenary::build::detail
