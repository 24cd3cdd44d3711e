// Measurements that do not depend on where a block lands, kept for one document's layout:
// a document with a contents page is laid out at least twice (the second pass prints the
// page numbers the first found), and a table after a heading is measured for the heading's
// keep-with-next and again when it is placed. Keys are the addresses of the Document's own
// inlines and tables, so a cache must not outlive the Document it was filled from.
#pragma once

#include <cstddef>
#include <map>
#include <tuple>
#include <unordered_map>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "paginate/lines.hpp"
#include "paginate/table.hpp"

namespace plenary::paginate {

class MeasureCache {
 public:
  // break_lines(flatten(content, style, link_color), width, fonts), computed once.
  const TextBox& text(const doc::Inlines& content, const TextStyle& style,
                      const doc::Color& link_color, double width, FontRegistry& fonts);
  // measure_table(table, width, fonts, style), computed once.
  const TableGeometry& table(const doc::Table& table, double width, FontRegistry& fonts,
                             const doc::Style& style);
  // The column widths of every table measured, into layout.table_widths.
  void export_table_widths(Pagination& layout) const;

 private:
  struct TextKey {
    const doc::Inlines* content;
    double width, size;
    Family family;
    bool bold, italic;
    double r, g, b;
    bool operator==(const TextKey& o) const {
      return content == o.content && width == o.width && size == o.size && family == o.family &&
             bold == o.bold && italic == o.italic && r == o.r && g == o.g && b == o.b;
    }
  };
  struct TextKeyHash {
    std::size_t operator()(const TextKey& k) const;
  };
  std::unordered_map<TextKey, TextBox, TextKeyHash> texts_;
  std::map<std::tuple<const doc::Table*, double>, TableGeometry> tables_;
};

}  // namespace plenary::paginate
