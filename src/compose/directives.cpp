#include "compose/directives.hpp"

#include <cstdlib>
#include <sstream>

namespace plenary::compose::detail {

const std::set<std::string>& directive_words() {
  static const std::set<std::string> words = {"pagebreak",  "contents", "logo",   "title",
                                              "subtitle",   "note",     "center", "right",
                                              "nocontents", "widths"};
  return words;
}

std::optional<Directive> parse_directive(const std::string& raw) {
  const std::optional<std::string> inner = comment_inner(raw);
  if (!inner) return std::nullopt;
  std::istringstream words(*inner);
  std::vector<std::string> list;
  for (std::string w; words >> w;) list.push_back(w);
  const std::set<std::string>& known = directive_words();
  if (list.empty()) return std::nullopt;
  Directive directive;
  if (list.front() == "widths") {
    for (std::size_t k = 1; k < list.size(); ++k) {
      char* end = nullptr;
      const double v = std::strtod(list[k].c_str(), &end);
      if (!end || *end != '\0' || !(v > 0)) return std::nullopt;
      directive.widths.push_back(v);
    }
    if (directive.widths.empty()) return std::nullopt;
    return directive;
  }
  for (const auto& w : list) {
    if (!known.count(w)) return std::nullopt;
  }
  directive.words = std::move(list);
  return directive;
}

std::optional<std::string> comment_inner(const std::string& raw) {
  if (raw.size() < 7 || raw.rfind("<!--", 0) != 0 || raw.compare(raw.size() - 3, 3, "-->") != 0)
    return std::nullopt;
  return raw.substr(4, raw.size() - 7);
}

bool is_comment(const std::string& raw) {
  return raw.size() >= 7 && raw.rfind("<!--", 0) == 0 && raw.find("-->") == raw.size() - 3;
}

}  // namespace plenary::compose::detail
