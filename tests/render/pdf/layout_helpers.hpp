// Helpers shared by the layout tests: a default style, text styles, and looking up what landed
// on a page.
#pragma once

#include <string>
#include <vector>

#include "render/pdf/layout/page.hpp"
#include "render/pdf/layout/lines.hpp"

namespace plenary::test {

inline const doc::Style kStyle{};

inline double text_width() {
  return kStyle.page_width_pt - kStyle.margin_left_pt - kStyle.margin_right_pt;
}

inline render::pdf::TextStyle body() {
  render::pdf::TextStyle style;
  style.size = 10;
  return style;
}

// The text of a line, with a space wherever the pieces leave a gap.
inline std::string line_text(const render::pdf::Line& line) {
  std::string out;
  double end = 0;
  for (const render::pdf::Piece& piece : line.pieces) {
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

inline std::vector<const render::pdf::TextItem*> texts(const render::pdf::Page& page) {
  std::vector<const render::pdf::TextItem*> out;
  for (const render::pdf::Item& item : page.items) {
    if (const auto* text = std::get_if<render::pdf::TextItem>(&item)) out.push_back(text);
  }
  return out;
}

inline bool page_has(const render::pdf::Page& page, const std::string& needle) {
  for (const render::pdf::TextItem* text : texts(page)) {
    if (text->text.find(needle) != std::string::npos) return true;
  }
  return false;
}

inline const std::string kSentence =
    "The committee reviews every liaison organisation against three criteria before each "
    "plenary and records the outcome in the briefing pack for the delegates to read.";

}  // namespace plenary::test
