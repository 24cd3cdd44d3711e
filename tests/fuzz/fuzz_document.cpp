#include "fuzz_document.hpp"

#include <fstream>
#include <iterator>
#include <string>

namespace plenary::fuzz {

namespace {

constexpr int kMaxDepth = 4;

// Pieces of text the writers must handle; the fuzzer picks and glues them, or sends raw bytes.
const char* const kPieces[] = {
    "word",
    " ",
    "  ",
    "Sèvres",
    "« guillemets »",
    "—",
    "µg/kg",
    "Łódź",
    "Größe",
    "Ωμέγα",
    "日本語",
    "עברית",
    "مرحبا",
    "🙂",
    "e\u0301",
    "\u200b",
    "\u00ad",
    "\u2028",
    "\ufeff",
    "\ufffe",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "]]>",
    "<w:p>",
    "\\",
    "%",
    "(",
    ")",
    "{page}",
    "{pages}",
    "\t",
    "\n",
    "\r",
    "\x01",
    "\x0b",
    "\x1f",
    "\x7f",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xff",
    "https://example.org/a?b=c&d=e#f",
    "supercalifragilisticexpialidocious",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"};

std::string some_text(FuzzedDataProvider& in) {
  if (in.ConsumeIntegralInRange(0, 7) == 0) return in.ConsumeRandomLengthString(64);
  std::string s;
  const int n = in.ConsumeIntegralInRange(0, 12);
  for (int i = 0; i < n; ++i) {
    s += kPieces[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kPieces) - 1)];
    if (in.ConsumeBool()) s += " ";
  }
  return s;
}

std::string anchor(FuzzedDataProvider& in) {
  const char* const names[] = {"a", "b", "intro", "day-2026-04-14", "x-1", "", "Bad Anchor", "é"};
  return names[in.ConsumeIntegralInRange<std::size_t>(0, std::size(names) - 1)];
}

doc::Inlines inlines(FuzzedDataProvider& in, int depth);

doc::Inline one_inline(FuzzedDataProvider& in, int depth) {
  const int kind = depth >= kMaxDepth ? 0 : in.ConsumeIntegralInRange(0, 7);
  switch (kind) {
    case 1:
      return doc::Inline{doc::Strong{inlines(in, depth + 1)}};
    case 2:
      return doc::Inline{doc::Emphasis{inlines(in, depth + 1)}};
    case 3:
      return doc::Inline{doc::Code{some_text(in)}};
    case 4: {
      const char* const urls[] = {
          "https://www.bipm.org", "mailto:a@b.org", "http://x/(a)", "https://a.b/ü?q=<>&\"", "",
          "javascript:alert(1)"};
      std::string url = in.ConsumeBool()
                            ? urls[in.ConsumeIntegralInRange<std::size_t>(0, std::size(urls) - 1)]
                            : some_text(in);
      return doc::Inline{doc::Link{url, inlines(in, depth + 1)}};
    }
    case 5:
      return doc::Inline{doc::Ref{anchor(in), inlines(in, depth + 1)}};
    case 6:
      return doc::Inline{doc::LineBreak{}};
    default:
      return doc::text(some_text(in));
  }
}

doc::Inlines inlines(FuzzedDataProvider& in, int depth) {
  doc::Inlines out;
  const int n = in.ConsumeIntegralInRange(0, 6);
  for (int i = 0; i < n; ++i) out.push_back(one_inline(in, depth));
  return out;
}

const std::string& logo_png() {
  static const std::string bytes = [] {
    std::ifstream f(PLENARY_SOURCE_DIR "/templates/logo.png", std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  }();
  return bytes;
}

doc::Image image(FuzzedDataProvider& in) {
  doc::Image img;
  img.name = in.ConsumeBool() ? "logo.png" : some_text(in);
  img.data = logo_png();
  img.format = doc::ImageFormat::Png;
  const double sizes[] = {0.5, 10, 20, 127.6, 600, 5000};
  img.width_pt = sizes[in.ConsumeIntegralInRange<std::size_t>(0, std::size(sizes) - 1)];
  img.height_pt = sizes[in.ConsumeIntegralInRange<std::size_t>(0, std::size(sizes) - 1)];
  const doc::Align aligns[] = {doc::Align::Left, doc::Align::Center, doc::Align::Right};
  img.align = aligns[in.ConsumeIntegralInRange(0, 2)];
  return img;
}

doc::Blocks blocks(FuzzedDataProvider& in, int depth, int max_blocks);

doc::Block one_block(FuzzedDataProvider& in, int depth) {
  const int kind = in.ConsumeIntegralInRange(0, depth >= kMaxDepth ? 1 : 9);
  switch (kind) {
    case 0:
    case 1: {
      doc::Paragraph p;
      p.content = inlines(in, 0);
      const doc::ParagraphStyle styles[] = {doc::ParagraphStyle::Normal, doc::ParagraphStyle::Title,
                                            doc::ParagraphStyle::Subtitle,
                                            doc::ParagraphStyle::Note};
      p.style = styles[in.ConsumeIntegralInRange(0, 3)];
      const doc::Align aligns[] = {doc::Align::Left, doc::Align::Center, doc::Align::Right};
      p.align = aligns[in.ConsumeIntegralInRange(0, 2)];
      return doc::Block{p};
    }
    case 2: {
      doc::Heading h;
      h.level = in.ConsumeIntegralInRange(1, 3);
      h.anchor = anchor(in);
      h.content = inlines(in, 0);
      h.in_contents = in.ConsumeBool();
      return doc::Block{h};
    }
    case 3:
    case 4: {
      doc::List l;
      l.ordered = in.ConsumeBool();
      l.start = in.ConsumeIntegralInRange(-3, 1000000);
      const int n = in.ConsumeIntegralInRange(0, 5);
      for (int i = 0; i < n; ++i) l.items.push_back(doc::ListItem{blocks(in, depth + 1, 3)});
      return doc::Block{l};
    }
    case 5:
    case 6: {
      doc::Table t;
      const int columns = in.ConsumeIntegralInRange(0, 9);
      const int rows = in.ConsumeIntegralInRange(0, 40);
      t.header_rows = in.ConsumeIntegralInRange(-1, 3);
      if (in.ConsumeBool()) {
        for (int c = 0; c < columns; ++c) t.weights.push_back(in.ConsumeIntegralInRange(0, 50));
      }
      if (in.ConsumeBool()) {
        for (int c = 0; c < columns; ++c) {
          const doc::Align aligns[] = {doc::Align::Left, doc::Align::Center, doc::Align::Right};
          t.aligns.push_back(aligns[in.ConsumeIntegralInRange(0, 2)]);
        }
      }
      for (int r = 0; r < rows; ++r) {
        // Ragged rows: a row may hold fewer or more cells than the first.
        const int cells =
            in.ConsumeIntegralInRange(0, 7) == 0 ? in.ConsumeIntegralInRange(0, 10) : columns;
        std::vector<doc::TableCell> row;
        for (int c = 0; c < cells; ++c) row.push_back(doc::TableCell{inlines(in, 1)});
        t.rows.push_back(std::move(row));
      }
      return doc::Block{t};
    }
    case 7:
      return doc::Block{image(in)};
    case 8:
      return doc::Block{doc::PageBreak{}};
    default:
      return doc::Block{doc::Contents{}};
  }
}

doc::Blocks blocks(FuzzedDataProvider& in, int depth, int max_blocks) {
  doc::Blocks out;
  const int n = in.ConsumeIntegralInRange(0, max_blocks);
  for (int i = 0; i < n && in.remaining_bytes() > 0; ++i) out.push_back(one_block(in, depth));
  return out;
}

}  // namespace

doc::Document document_from(FuzzedDataProvider& in) {
  doc::Document d;
  d.meta.title = some_text(in);
  d.meta.subject = some_text(in);
  d.meta.author = some_text(in);
  d.meta.language = in.ConsumeBool() ? "en" : in.ConsumeBool() ? "fr" : some_text(in);
  d.meta.date = in.ConsumeBool() ? "2026-04-14" : in.ConsumeBool() ? "2024-04" : some_text(in);
  d.meta.keywords = some_text(in);
  d.meta.header_left = some_text(in);
  d.meta.header_right = some_text(in);
  d.meta.footer = in.ConsumeBool() ? "Page {page} of {pages}" : some_text(in);
  d.meta.contents_title = some_text(in);
  d.meta.has_cover = in.ConsumeBool();
  if (in.ConsumeBool()) d.meta.header_logo = image(in);
  d.blocks = blocks(in, 0, 40);
  return d;
}

doc::Style style_from(FuzzedDataProvider& in) {
  doc::Style s;
  if (in.ConsumeIntegralInRange(0, 3) != 0) return s;  // mostly the default house style
  s.page_width_pt = in.ConsumeBool() ? 612 : 420;
  s.page_height_pt = in.ConsumeBool() ? 792 : 595;
  s.body_size_pt = in.ConsumeIntegralInRange(4, 30);
  s.table_size_pt = in.ConsumeIntegralInRange(4, 20);
  s.line_spacing = in.ConsumeIntegralInRange(8, 30) / 10.0;
  s.heading_size_pt[0] = in.ConsumeIntegralInRange(6, 48);
  s.title_size_pt = in.ConsumeIntegralInRange(6, 72);
  return s;
}

}  // namespace plenary::fuzz
