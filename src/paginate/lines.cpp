#include "paginate/lines.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "paginate/identifiers.hpp"

namespace plenary::paginate {

namespace {

constexpr double kEpsilon = 0.01;

using Word = Words::Word;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}
bool is_dropped(char32_t cp) {
  return (cp < 0x20 && !is_space(cp)) || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0x200B ||
         cp == 0xFEFF;
}

FontId style_font(FontRegistry& fonts, const TextStyle& style) {
  return fonts.font(style.family, style.bold, style.italic);
}

// The next character of `text` at `pos` (ASCII without a call); `valid` false for malformed
// UTF-8, which reads as U+FFFD.
inline char32_t next_char(const std::string& text, std::size_t& pos, bool& valid) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    valid = true;
    return lead;
  }
  return plenary::core::next_code_point(text, pos, &valid);
}

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

bool is_break_after(char32_t cp) {
  return cp == '/' || cp == '-' || cp == '_' || cp == '.' || cp == '?' || cp == '&' || cp == '=' ||
         cp == ',' || cp == ';' || cp == ':' || cp == 0x2014 || cp == 0x2013;
}

// Splits a word wider than `width` into chunks that each fit (the first in `first_width`, the
// rest of the current line), preferring to break after URL punctuation when that keeps at
// least half a line.
Words split_long_word(const Words& source, const Word& word, double first_width, double width,
                      FontRegistry& fonts) {
  struct Glyph {
    std::size_t piece;
    std::size_t start, length;
    double width;
    char32_t cp;
  };
  std::vector<Glyph> glyphs;
  for (std::size_t p = word.first; p < word.first + word.count; ++p) {
    const Piece& piece = source.pieces[p];
    for (std::size_t pos = 0; pos < piece.text.size();) {
      const std::size_t start = pos;
      bool valid = true;
      const char32_t cp = next_char(piece.text, pos, valid);
      glyphs.push_back(
          Glyph{p, start, pos - start, fonts.advance(piece.font, cp) * piece.size / 1000, cp});
    }
  }
  std::u32string text;
  text.reserve(glyphs.size());
  for (const Glyph& glyph : glyphs) text.push_back(glyph.cp);
  const std::vector<IdentifierSpan> identifiers = identifier_spans(text);
  const std::vector<IdentifierSpan> hyphenated = identifier_spans(text, false);
  const std::vector<IdentifierSpan> compounds = hyphenated_spans(text);
  auto width_of = [&](std::size_t from, std::size_t to) {
    double sum = 0;
    for (std::size_t g = from; g < to; ++g) sum += glyphs[g].width;
    return sum;
  };
  Words chunks;
  std::size_t begin = 0;
  while (begin < glyphs.size()) {
    const double room = chunks.words.empty() ? first_width : width;
    double used = 0;
    std::size_t end = begin;
    std::size_t soft = 0;  // position after the last break-friendly character
    double soft_used = 0;
    while (end < glyphs.size() && (end == begin || used + glyphs[end].width <= room + kEpsilon)) {
      used += glyphs[end].width;
      ++end;
      if (is_break_after(glyphs[end - 1].cp)) {
        soft = end;
        soft_used = used;
      }
    }
    if (end < glyphs.size() && soft > begin) {
      // Break after the punctuation when that keeps half the line, or when the rest of the
      // word then fits on the next line whole.
      double rest = 0;
      for (std::size_t g = soft; g < glyphs.size(); ++g) rest += glyphs[g].width;
      if (soft_used >= room * 0.5 || rest <= width + kEpsilon) end = soft;
    }
    // Not inside an identifier that fits on a line of its own: the break moves before it, or
    // the identifier starts the next line.
    // (An identifier joined by slashes too wide for a line keeps its hyphen-joined parts.)
    if (end < glyphs.size()) {
      for (const auto* spans : {&identifiers, &compounds, &hyphenated}) {
        const IdentifierSpan* id = nullptr;
        for (const IdentifierSpan& span : *spans) {
          if (span.begin < end && span.end > end) id = &span;
        }
        if (id == nullptr || width_of(id->begin, id->end) > width + kEpsilon) continue;
        if (id->begin > begin) {
          end = id->begin;
        } else if (chunks.words.empty() && room < width) {
          end = begin;  // an empty first chunk: the word starts on the next line
        }
        break;
      }
    }
    Word chunk;
    chunk.first = chunks.pieces.size();
    for (std::size_t g = begin; g < end; ++g) {
      const Piece& from = source.pieces[glyphs[g].piece];
      if (g == begin || glyphs[g].piece != glyphs[g - 1].piece) {
        chunks.pieces.push_back(Piece{from.font, from.size, from.color, {}, 0, from.link, 0});
      }
      Piece& to = chunks.pieces.back();
      to.text.append(from.text, glyphs[g].start, glyphs[g].length);
      to.width += glyphs[g].width;
      chunk.width += glyphs[g].width;
    }
    chunk.count = chunks.pieces.size() - chunk.first;
    chunks.words.push_back(chunk);
    begin = end;
  }
  return chunks;
}

// The widest part of a word between the places it may break gracefully ("https://" and
// "example.org/" in "https://example.org/"). A hyphen or slash between two capitals or digits
// joins the parts of an identifier ("CCQM-TG-MNP", "CCQM/27-14"; identifiers.hpp): the
// identifier is one segment, so a table column is made wide enough for it whenever the table
// can afford it, and it is not wrapped after its joiners (which readers' copy-paste takes for
// a hyphenation and drops, or for two words).
double longest_segment(const Words& words, const Word& word, FontRegistry& fonts,
                       bool keep_identifiers = true) {
  double longest = 0, current = 0;
  char32_t before = 0;         // the character before `pending`
  char32_t pending = 0;        // a joiner whose breaking depends on the next character
  double pending_current = 0;  // `current` up to and including that hyphen
  for (std::size_t p = word.first; p < word.first + word.count; ++p) {
    const Piece& piece = words.pieces[p];
    for (std::size_t pos = 0; pos < piece.text.size();) {
      bool valid = true;
      const char32_t cp = next_char(piece.text, pos, valid);
      if (pending != 0) {
        if (!keep_identifiers || !(is_identifier_char(before) && is_identifier_char(cp))) {
          longest = std::max(longest, pending_current);
          current -= pending_current;
        }
        pending = 0;
      }
      current += fonts.advance(piece.font, cp) * piece.size / 1000;
      if (is_identifier_joiner(cp)) {
        pending = cp;
        pending_current = current;
        continue;  // `before` stays the character before the hyphen
      }
      if (is_break_after(cp)) {
        longest = std::max(longest, current);
        current = 0;
      }
      before = cp;
    }
  }
  return std::max(longest, current);
}

// The word's last character is a hyphen after a letter or digit.
bool ends_in_hyphen(const Words& words, const Word& word) {
  if (word.count == 0) return false;
  const std::string& text = words.pieces[word.first + word.count - 1].text;
  if (text.size() < 2 || text.back() != '-') return false;
  const char before = text[text.size() - 2];
  return (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
         (before >= '0' && before <= '9');
}

// The line being filled: the words placed on it keep their pieces where they are (in one
// Words, one after another) until the line is done, then move onto it together, into a vector
// of the right size. (Moved a piece at a time, each line's vector grew by doubling: 11 % of the
// page faults of a forced K=4 DOCX build were those reallocations.)
struct LineInProgress {
  Line line;
  Words* from = nullptr;  // the placed pieces not yet on the line: from->pieces[first, end)
  std::size_t first = 0, end = 0;

  bool empty() const { return line.pieces.empty() && first == end; }
  void move_placed() {
    if (first == end) return;
    line.pieces.reserve(line.pieces.size() + (end - first));
    for (std::size_t p = first; p < end; ++p) line.pieces.push_back(std::move(from->pieces[p]));
    from = nullptr;
    first = end = 0;
  }
  // The word's pieces on the line, starting at `x`.
  void place(Words& words, const Word& word, double x) {
    if (from != &words || end != word.first) move_placed();
    if (first == end) {
      from = &words;
      first = end = word.first;
    }
    for (std::size_t p = word.first; p < word.first + word.count; ++p) {
      Piece& piece = words.pieces[p];
      piece.x = x;
      x += piece.width;
      line.size = std::max(line.size, piece.size);
    }
    end = word.first + word.count;
    line.width = x;
  }
  Line take() {
    move_placed();
    Line done = std::move(line);
    line = Line{};
    return done;
  }
};

bool same_color(const doc::Color& a, const doc::Color& b) {
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

}  // namespace

Words split_words(const Spans& spans, FontRegistry& fonts) {
  Words out;
  out.links = spans.links;
  out.base_size = spans.base_size;
  std::size_t bytes = 0;
  for (const Span& span : spans.spans) bytes += span.text.size();
  out.words.reserve(bytes / 6 + 2);
  out.pieces.reserve(bytes / 6 + 2);
  std::vector<Piece>& pieces = out.pieces;
  std::vector<Word>& words = out.words;
  Word current;
  double pending_space = 0;
  bool pending_break = false;
  auto finish = [&]() {
    if (pieces.size() == current.first) return;  // no pieces yet
    current.count = pieces.size() - current.first;
    current.space_before = words.empty() || current.break_before ? 0 : pending_space;
    words.push_back(current);
    current = Word{};
    current.first = pieces.size();
    pending_space = 0;
  };
  auto empty_line = [&]() {  // two breaks in a row
    Word empty;
    empty.first = pieces.size();
    empty.break_before = true;
    words.push_back(empty);
  };
  for (const Span& span : spans.spans) {
    if (span.line_break) {
      finish();
      if (pending_break) empty_line();
      pending_break = true;
      pending_space = 0;
      continue;
    }
    const FontId base = style_font(fonts, span.style);
    const double size = span.style.size;
    // Printable ASCII the base font has: its font and width looked up, the same values as
    // font_for() and advance() give (42 M instructions of the K=4 DOCX build were this loop).
    const FontRegistry::AsciiWidths* ascii = fonts.ascii_widths(base, size);
    // The piece taking this span's characters, and the bytes [run, run_end) of the span not
    // yet appended to it: text is copied a run at a time, not a character at a time.
    Piece* piece = nullptr;
    std::size_t run = 0, run_end = 0;
    auto flush = [&]() {
      if (piece != nullptr && run_end > run) piece->text.append(span.text, run, run_end - run);
      piece = nullptr;
    };
    const std::string& text = span.text;
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t start = pos;
      bool valid = true;
      const auto lead = static_cast<unsigned char>(text[pos]);
      FontId font;
      double w;
      if (ascii != nullptr && lead < 0x80 && ascii->covered[lead]) {  // neither space nor dropped
        ++pos;
        if (pieces.size() == current.first && pending_break) {
          current.break_before = true;
          pending_break = false;
        }
        font = base;
        w = ascii->width[lead];
      } else {
        const char32_t cp = next_char(text, pos, valid);
        if (is_space(cp)) {
          flush();
          finish();
          pending_space = std::max(pending_space, fonts.advance(base, ' ') * size / 1000);
          continue;
        }
        if (is_dropped(cp)) {
          flush();
          continue;
        }
        if (pieces.size() == current.first && pending_break) {
          current.break_before = true;
          pending_break = false;
        }
        font = fonts.font_for(base, cp);
        w = fonts.advance(font, cp) * size / 1000;
      }
      if (piece == nullptr || piece->font != font) {
        flush();
        Piece* last = pieces.size() == current.first ? nullptr : &pieces.back();
        if (last == nullptr || last->font != font || last->size != size ||
            last->link != span.link || last->color.r != span.style.color.r ||
            last->color.g != span.style.color.g || last->color.b != span.style.color.b) {
          pieces.push_back(Piece{font, size, span.style.color, {}, 0, span.link, 0});
          last = &pieces.back();
        }
        piece = last;
        run = start;
      }
      if (!valid) {  // malformed UTF-8: the replacement character, not the raw bytes
        piece->text.append(text, run, start - run);
        piece->text += kReplacementUtf8;
        run = pos;
      }
      run_end = pos;
      piece->width += w;
      current.width += w;
    }
    flush();
  }
  finish();
  if (pending_break) empty_line();
  return out;
}

TextBox break_lines(const Spans& spans, double width, FontRegistry& fonts) {
  return break_lines(split_words(spans, fonts), width, fonts);
}

TextBox break_lines(Words&& words, double width, FontRegistry& fonts) {
  TextBox box;
  box.links = std::move(words.links);
  width = std::max(width, 1.0);
  LineInProgress current;
  const Line& line = current.line;  // its width and size; its pieces: current.empty()
  bool started = false;
  auto push = [&]() {
    Line done = current.take();
    if (done.size == 0) done.size = words.base_size;
    box.lines.push_back(std::move(done));
  };
  for (std::size_t w = 0; w < words.words.size(); ++w) {
    const Word& word = words.words[w];
    if (word.break_before && started) push();
    started = true;
    if (word.count == 0) continue;
    const double gap = current.empty() ? 0 : word.space_before;
    // A word that ends in a hyphen ("Micro-" in "Micro- and Nanoplastics") stays on the line
    // with the next word when the two fit on one line: at a line end, readers' text
    // extraction would take it for a hyphenated word and join it to the next ("Microand").
    double need = word.width;
    if (w + 1 < words.words.size() && ends_in_hyphen(words, word)) {
      const Word& next = words.words[w + 1];
      const double joined = word.width + next.space_before + next.width;
      if (!next.break_before && next.count > 0 && joined <= width + kEpsilon) need = joined;
    }
    if (line.width + gap + need <= width + kEpsilon) {
      current.place(words, word, line.width + gap);
      continue;
    }
    // A word longer than a whole line starts on this line when a quarter of it is left.
    const double rest = width - line.width - gap;
    const bool start_here = !current.empty() && word.width > width && rest >= width * 0.25;
    if (!current.empty() && !start_here) push();
    if (word.width <= width + kEpsilon) {
      current.place(words, word, 0);
      continue;
    }
    const double start = start_here ? line.width + gap : 0;
    Words chunks = split_long_word(words, word, width - start, width, fonts);
    for (std::size_t i = 0; i < chunks.words.size(); ++i) {
      if (chunks.words[i].count > 0) current.place(chunks, chunks.words[i], i == 0 ? start : 0);
      if (i + 1 < chunks.words.size()) push();
    }
    current.move_placed();  // (the chunks go out of scope)
  }
  if (!current.empty() || box.lines.empty()) push();  // a trailing hard break adds nothing
  return box;
}

WidthRange measure(const Spans& spans, FontRegistry& fonts) {
  return measure(split_words(spans, fonts), fonts);
}

WidthRange measure(const Words& words, FontRegistry& fonts) {
  WidthRange range;
  double line = 0;
  for (const Word& word : words.words) {
    if (word.break_before) line = 0;
    range.min = std::max(range.min, longest_segment(words, word, fonts));
    range.min_breaking = std::max(range.min_breaking, longest_segment(words, word, fonts, false));
    line += (line > 0 ? word.space_before : 0) + word.width;
    range.pref = std::max(range.pref, line);
  }
  return range;
}

double box_height(const TextBox& box, double spacing) {
  double height = 0;
  for (const Line& line : box.lines) height += line_height(line, spacing);
  return height;
}

double baseline_of(const Line& line, double top, double spacing) {
  return top + line.size * (spacing - 1) / 2 + line.size * 0.8;
}

void emit_line(const Line& line, const std::vector<LinkTarget>& links, double x0, double top,
               double height, FontRegistry& fonts, std::vector<Item>& out) {
  const double spacing = line.size > 0 ? height / line.size : 1;
  const double baseline = baseline_of(line, top, spacing);
  // Pieces in one font, size and colour that follow each other directly or after one space
  // become one run; the run's extent is found first so its text is built in one piece.
  const std::vector<Piece>& pieces = line.pieces;
  for (std::size_t i = 0; i < pieces.size();) {
    const Piece& first = pieces[i];
    const double x = x0 + first.x;
    double run_width = first.width;
    std::size_t length = first.text.size();
    std::size_t j = i + 1;
    for (; j < pieces.size(); ++j) {
      const Piece& piece = pieces[j];
      if (piece.font != first.font || piece.size != first.size ||
          !same_color(piece.color, first.color)) {
        break;
      }
      const double px = x0 + piece.x;
      const double end = x + run_width;
      const double space = fonts.advance(piece.font, ' ') * piece.size / 1000;
      if (std::fabs(px - end) < kEpsilon) {
        run_width += piece.width;
        length += piece.text.size();
      } else if (std::fabs(px - end - space) < kEpsilon) {
        run_width += space + piece.width;
        length += 1 + piece.text.size();
      } else {
        break;
      }
    }
    std::string text;
    text.reserve(length);
    text += first.text;
    double joined = first.width;  // the same sums as above: the same joins
    for (std::size_t k = i + 1; k < j; ++k) {
      const Piece& piece = pieces[k];
      if (std::fabs(x0 + piece.x - (x + joined)) < kEpsilon) {
        joined += piece.width;
      } else {
        text += ' ';
        joined += fonts.advance(piece.font, ' ') * piece.size / 1000 + piece.width;
      }
      text += piece.text;
    }
    out.push_back(
        TextItem{x, baseline, first.font, first.size, first.color, std::move(text), run_width});
    i = j;
  }
  // Link rectangles: consecutive pieces with the same target.
  for (std::size_t i = 0; i < line.pieces.size();) {
    const int link = line.pieces[i].link;
    std::size_t j = i + 1;
    while (j < line.pieces.size() && line.pieces[j].link == link) ++j;
    if (link >= 0 && static_cast<std::size_t>(link) < links.size()) {
      const double left = x0 + line.pieces[i].x;
      const double right = x0 + line.pieces[j - 1].x + line.pieces[j - 1].width;
      out.push_back(LinkItem{left, top, right - left, height, links[link].url, links[link].anchor});
    }
    i = j;
  }
}

}  // namespace plenary::paginate
