// The one document model. Every writer sees this tree and nothing else:
// no YAML, no committee model, no type of a PDF, XML or Markdown library.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace plenary::doc {

struct Inline;
using Inlines = std::vector<Inline>;

struct Text { std::string text; };                 // plain UTF-8 text, no markup
struct Strong { Inlines content; };                // bold
struct Emphasis { Inlines content; };              // italic
struct Code { std::string text; };                 // monospaced literal text
struct Link { std::string url; Inlines content; };  // external hyperlink (http, https, mailto)
struct Ref { std::string anchor; Inlines content; };  // internal reference to a heading anchor
struct LineBreak {};                                // hard line break inside a paragraph or cell

struct Inline {
  std::variant<Text, Strong, Emphasis, Code, Link, Ref, LineBreak> value;
};

struct Block;
using Blocks = std::vector<Block>;

enum class ParagraphStyle {
  None,      // unused
  Normal,    // body text
  Title,     // cover / title block: the document title
  Subtitle,  // cover / title block: second line (plenary, dates)
  Note,      // smaller, muted text (e.g. "no plan entry for this plenary")
};

enum class Align { None, Left, Center, Right };

enum class ImageFormat { None, Png, Jpeg };

struct Heading {                 // section heading, level 1..3
  int level = 1;
  std::string anchor;            // unique within the document, [a-z0-9-]+
  Inlines content;
  bool in_contents = true;       // listed in the contents and outline
};
struct Paragraph {               // a run of inline text
  Inlines content;
  ParagraphStyle style = ParagraphStyle::Normal;
  Align align = Align::Left;
};
struct ListItem { Blocks content; };  // paragraphs and nested lists
struct List {                    // bullet or numbered list
  bool ordered = false;
  int start = 1;                 // first number of an ordered list
  std::vector<ListItem> items;
};
struct TableCell { Inlines content; };  // cell text; LineBreak for several lines
struct Table {                   // grid of cells; the first header_rows rows repeat on each page
  std::vector<double> weights;   // relative column widths; empty = computed from the content
  std::vector<Align> aligns;     // per column; empty = all left
  int header_rows = 1;
  std::vector<std::vector<TableCell>> rows;
};
struct Image {                   // raster image, placed at its size, scaled down to fit
  std::string name;              // file name for packaging, e.g. "logo.png"
  std::string data;              // the encoded bytes
  ImageFormat format = ImageFormat::None;
  double width_pt = 0;           // intended display size in points
  double height_pt = 0;
  Align align = Align::Center;
  std::string alt;               // alternative text (tagged PDF /Alt, HTML alt); empty = name
};
struct PageBreak {};             // start a new page
struct Contents {};              // the table of contents: every heading with in_contents, with page

struct Block {
  std::variant<Heading, Paragraph, List, Table, Image, PageBreak, Contents> value;
};

struct Metadata {
  std::string title;             // document title (metadata and running header)
  std::string subject;
  std::string author;            // the committee, e.g. "CCQM"
  std::string language = "en";   // BCP 47: "en", "fr"
  std::string date;              // ISO 8601 date from the data or SOURCE_DATE_EPOCH; never the clock
  std::string keywords;
  std::string header_left;       // running header texts (empty = none)
  std::string header_right;
  std::string footer;            // e.g. "Page {page} of {pages}"; writers substitute the tokens
  std::string contents_title;    // heading shown above the contents, e.g. "Contents"
  bool has_cover = false;        // the blocks before the first PageBreak form a cover page
                                 // without running header or footer
  std::optional<Image> header_logo;  // small logo for the running header
};

struct Document {
  Metadata meta;
  Blocks blocks;
};

// Helpers to build trees tersely (used by compose and tests).
inline Inline text(std::string s) { return Inline{Text{std::move(s)}}; }
inline Block paragraph(Inlines content, ParagraphStyle style = ParagraphStyle::Normal) {
  return Block{Paragraph{std::move(content), style, Align::Left}};
}
inline Block heading(int level, std::string anchor, Inlines content) {
  return Block{Heading{level, std::move(anchor), std::move(content), true}};
}

// The number of columns of a table: its longest row (rows may be ragged).
inline std::size_t column_count(const Table& table) {
  std::size_t n = 0;
  for (const auto& row : table.rows) n = row.size() > n ? row.size() : n;
  return n;
}

// The plain text of inline runs: links and references keep their text (a link without text
// gives its URL), and a LineBreak gives `line_break` (' ' for one-line uses: outline, contents).
std::string plain_text(const Inlines& content, char line_break = '\n');

// A stable, human-readable dump of the tree, one node per line, indented by depth.
// Used by golden tests and `--format dump` debugging.
std::string dump(const Document& document);

}  // namespace plenary::doc
