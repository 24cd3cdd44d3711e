// Helpers shared by the layout tests: a default style, text styles, and looking up what landed
// on a page.
#pragma once

#include <string>
#include <vector>

#include "paginate/lines.hpp"
#include "paginate/page.hpp"

namespace plenary::test {

inline const doc::Style kStyle{};

inline double text_width() {
  return kStyle.page_width_pt - kStyle.margin_left_pt - kStyle.margin_right_pt;
}

inline paginate::TextStyle body() {
  paginate::TextStyle style;
  style.size = 10;
  return style;
}

// The text of a line, with a space wherever the pieces leave a gap.
inline std::string line_text(const paginate::Line& line) {
  std::string out;
  double end = 0;
  for (const paginate::Piece& piece : line.pieces) {
    if (!out.empty() && piece.x > end + 0.01) out += ' ';
    out += piece.text;
    end = piece.x + piece.width;
  }
  return out;
}

inline std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

inline std::vector<const paginate::TextItem*> texts(const paginate::Page& page) {
  std::vector<const paginate::TextItem*> out;
  for (const paginate::Item& item : page.items) {
    if (const auto* text = std::get_if<paginate::TextItem>(&item)) out.push_back(text);
  }
  return out;
}

inline bool page_has(const paginate::Page& page, const std::string& needle) {
  for (const paginate::TextItem* text : texts(page)) {
    if (text->text.find(needle) != std::string::npos) return true;
  }
  return false;
}

inline const std::string kSentence =
    "The committee reviews every liaison organisation against three criteria before each "
    "plenary and records the outcome in the briefing pack for the delegates to read.";

}  // namespace plenary::test
