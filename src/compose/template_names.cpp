#include "compose/template_names.hpp"

namespace plenary::compose::detail {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool whole_word_in(std::string_view text, std::string_view key) {
  for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    const std::size_t end = at + key.size();
    if ((at == 0 || !word_char(text[at - 1])) && (end == text.size() || !word_char(text[end])))
      return true;
  }
  return false;
}

}  // namespace

bool TemplateNames::can_name(std::string_view key) const {
  const auto known = known_.find(std::string(key));
  if (known != known_.end()) return known->second;
  bool found = false;
  for (const auto& text : texts_) {
    if ((found = whole_word_in(text, key))) break;
  }
  known_.emplace(std::string(key), found);
  return found;
}

}  // namespace plenary::compose::detail
