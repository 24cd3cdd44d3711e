// A template set's texts as Mustache reads them: the tags of a text, the partials a template
// reaches, where an offset of a text is, and the path a template file is shown at. Shared by
// the template checks, the table checks, fingerprint and compose.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "diag/diagnostic.hpp"

namespace plenary::compose::detail {

// The Mustache tags of a template text, found with the default {{ }} delimiters by a linear scan
// (std::regex recurses once per character matched and overflowed the stack on a tag holding
// 300,000 spaces): "{{", an optional third "{", spaces, a kind (# ^ / & > ! =), spaces, the name.
struct Tag {
  std::size_t offset = 0;  // of the "{{"
  char kind = 0;           // 0 for a plain variable
  std::string name;
  bool closed = false;  // "}}" follows the name (after spaces)
};

std::vector<Tag> scan_tags(const std::string& text);

// The 1-based line and column (in characters) of a byte offset.
SourcePos position_in(const std::string& text, std::size_t offset, const std::string& path);

// The names of the partials a template includes: {{> agenda-body}} -> "agenda-body".
std::vector<std::string> partial_names(const std::string& text);

// The file a partial is read from: "agenda-body" -> "partials/agenda-body.md".
std::string partial_file(const std::string& name);

// The template and every partial it reaches, in a stable order.
std::vector<std::string> template_files(const TemplateSet& set, const std::string& main);

// The path diagnostics show for a template file.
std::string path_of(const TemplateSet& set, const std::string& name);

// Calls visit(name, number, line) for each line of the named template files that exist, in
// order, until visit returns true; true when it did.
template <typename Visit>
bool for_each_template_line(const TemplateSet& set, const std::vector<std::string>& files,
                            Visit visit) {
  for (const auto& name : files) {
    const auto it = set.files.find(name);
    if (it == set.files.end()) continue;
    std::istringstream lines(it->second);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      if (visit(name, number, line)) return true;
    }
  }
  return false;
}

}  // namespace plenary::compose::detail
