#include "compose/template_text.hpp"

#include <algorithm>
#include <set>

namespace plenary::compose::detail {

std::vector<Tag> scan_tags(const std::string& text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::vector<Tag> tags;
  std::size_t i = 0;
  while ((i = text.find("{{", i)) != std::string::npos) {
    Tag tag;
    tag.offset = i;
    std::size_t j = i + 2;
    if (j < text.size() && text[j] == '{') ++j;
    while (j < text.size() && space(text[j])) ++j;
    if (j < text.size() && std::string("#^/&>!=").find(text[j]) != std::string::npos)
      tag.kind = text[j++];
    while (j < text.size() && space(text[j])) ++j;
    const std::size_t start = j;
    while (j < text.size() && !space(text[j]) && text[j] != '}') ++j;
    tag.name = text.substr(start, j - start);
    while (j < text.size() && space(text[j])) ++j;
    tag.closed = text.compare(j, 2, "}}") == 0;
    tags.push_back(std::move(tag));
    i = std::max(j, i + 2);
  }
  return tags;
}

SourcePos position_in(const std::string& text, std::size_t offset, const std::string& path) {
  SourcePos pos{path, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.col;
    }
  }
  return pos;
}

std::vector<std::string> partial_names(const std::string& text) {
  std::vector<std::string> names;
  for (const Tag& tag : scan_tags(text)) {
    if (tag.kind == '>' && tag.closed && !tag.name.empty()) names.push_back(tag.name);
  }
  return names;
}

std::string partial_file(const std::string& name) {
  return "partials/" + name + ".md";
}

std::vector<std::string> template_files(const TemplateSet& set, const std::string& main) {
  std::vector<std::string> files{main};
  std::set<std::string> seen{main};
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto it = set.files.find(files[i]);
    if (it == set.files.end()) continue;
    for (const auto& name : partial_names(it->second)) {
      const std::string file = partial_file(name);
      if (seen.insert(file).second) files.push_back(file);
    }
  }
  return files;
}

std::string path_of(const TemplateSet& set, const std::string& name) {
  const auto it = set.file_paths.find(name);
  return it == set.file_paths.end() ? "templates/" + name : it->second;
}

}  // namespace plenary::compose::detail
