// Which context keys a template can name at all, decided from its text.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plenary::compose::detail {

// `texts` are the texts kainjow will parse (the template and its partials): every name it looks
// up, and every part of a dotted name, is a piece of one of them that starts after "{", a tag
// kind (# ^ / & > !), "." or a space and ends before ".", "}" or a space. A key that occurs in
// none of them as a whole word (no letter, digit or "_" right before or after it) can never be
// looked up. Not shared between threads (the answers are remembered).
class TemplateNames {
 public:
  explicit TemplateNames(const std::vector<std::string>& texts) : texts_(texts) {}
  bool can_name(std::string_view key) const;

 private:
  const std::vector<std::string>& texts_;
  mutable std::unordered_map<std::string, bool> known_;
};

}  // namespace plenary::compose::detail
