// --format's values: the names of the formats table (render/formats.hpp). Apart from
// options.cpp, which the unchanged nightly's fast path links without the writers.
#include <algorithm>
#include <set>

#include "output/output.hpp"
#include "render/formats.hpp"

namespace plenary::output {

std::optional<std::vector<std::string>> parse_formats(const std::string& text,
                                                      std::string& problem) {
  std::vector<std::string> names;
  std::set<std::string> given;
  const auto add = [&names](const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (std::size_t start = 0;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) {
      problem = "an empty item in the list";
      return std::nullopt;
    }
    if (!given.insert(item).second) {
      problem = "'" + item + "' is given twice";
      return std::nullopt;
    }
    if (item == "all") {
      for (const auto& name : render::all_format_names()) add(name);
    } else if (render::find_format(item)) {
      add(item);
    } else {
      std::vector<std::string> known{"all"};
      for (const auto& row : render::formats()) known.push_back(row.name);
      problem = "unknown format '" + item + "'";
      std::string hint = closest_match(item, known);
      if (!hint.empty() && hint != item) problem += ", did you mean '" + hint + "'?";
      return std::nullopt;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return names;
}

std::string format_choices() {
  std::string text;
  for (const auto& row : render::formats()) text += row.name + ", ";
  if (!text.empty()) text.erase(text.size() - 2);
  return text + " or all";
}

}  // namespace plenary::output
