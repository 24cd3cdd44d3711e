#include "paginate/identifiers.hpp"

namespace plenary::paginate {

namespace {

// text[i] is a joiner between two capitals or digits.
bool joins(std::u32string_view text, std::size_t i, bool slashes = true) {
  return i > 0 && i + 1 < text.size() && is_identifier_joiner(text[i]) &&
         (slashes || text[i] == '-') && is_identifier_char(text[i - 1]) &&
         is_identifier_char(text[i + 1]);
}

// text[i] is a hyphen between two letters or digits.
bool joins_words(std::u32string_view text, std::size_t i) {
  return i > 0 && i + 1 < text.size() && text[i] == '-' && is_word_char(text[i - 1]) &&
         is_word_char(text[i + 1]);
}

// The runs of word characters that hold at least one joiner, as `joins_at(i)` says.
template <typename JoinsAt>
std::vector<IdentifierSpan> joined_spans(std::u32string_view text, JoinsAt joins_at) {
  std::vector<IdentifierSpan> spans;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    bool joined = false;
    while (i < text.size() && (is_word_char(text[i]) || joins_at(i))) {
      joined = joined || joins_at(i);
      ++i;
    }
    if (joined) spans.push_back({begin, i});
  }
  return spans;
}

}  // namespace

bool is_word_char(char32_t cp) {
  return is_identifier_char(cp) || (cp >= 'a' && cp <= 'z');
}

bool is_identifier_char(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

bool is_identifier_joiner(char32_t cp) {
  return cp == '-' || cp == '/';
}

std::vector<IdentifierSpan> identifier_spans(std::u32string_view text, bool slashes) {
  return joined_spans(text, [&](std::size_t i) { return joins(text, i, slashes); });
}

std::vector<IdentifierSpan> hyphenated_spans(std::u32string_view text) {
  return joined_spans(text, [&](std::size_t i) { return joins_words(text, i); });
}

}  // namespace plenary::paginate
