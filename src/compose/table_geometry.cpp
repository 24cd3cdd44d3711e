#include "compose/table_geometry.hpp"

#include <algorithm>
#include <optional>

#include "compose/template_text.hpp"

namespace plenary::compose::detail {

namespace {

constexpr int kWordMaxColumns = 63;

// Where a table of `columns` columns is written: the first template line with the '|' of such
// a row (columns + 1, else at least columns - 1); {} when no template has one, i.e. the table
// comes from an (md) field.
std::optional<SourcePos> table_source(const TemplateSet& set, const std::vector<std::string>& files,
                                      std::size_t columns) {
  std::optional<SourcePos> found;
  for (const bool exact : {true, false}) {
    const auto row = [&](const std::string& name, int number, const std::string& line) {
      const auto bars = static_cast<std::size_t>(std::count(line.begin(), line.end(), '|'));
      if (!(exact ? bars == columns + 1 : bars + 1 >= columns)) return false;
      found = SourcePos{path_of(set, name), number, static_cast<int>(line.find('|')) + 1};
      return true;
    };
    if (for_each_template_line(set, files, row)) return found;
  }
  return std::nullopt;
}

}  // namespace

int max_table_columns(const doc::Style& style, int depth) {
  const double width = style.page_width_pt - style.margin_left_pt - style.margin_right_pt -
                       style.list_indent_pt * depth;
  const double column = 8.0 + std::max(style.table_size_pt, 1.0);
  return std::clamp(static_cast<int>(width / column), 1, kWordMaxColumns);
}

bool tables_fit(const doc::Blocks& blocks, const TemplateSet& set,
                const std::vector<std::string>& files, const DocumentSpec& spec, int depth,
                Diagnostics& diags) {
  bool ok = true;
  for (const auto& block : blocks) {
    if (const auto* table = std::get_if<doc::Table>(&block.value)) {
      std::size_t columns = 0;
      for (const auto& row : table->rows) columns = std::max(columns, row.size());
      const int most = max_table_columns(set.style, depth);
      if (columns <= static_cast<std::size_t>(most)) continue;
      const std::string what = "a table of " + std::to_string(columns) + " columns";
      const std::string hint = "at most " + std::to_string(most) + " fit the page with this style";
      if (auto pos = table_source(set, files, columns)) {
        diags.error(*pos, what + " does not fit the page",
                    hint + "; use fewer columns or a smaller table font (style.yaml)");
      } else {
        diags.error({spec.output_stem, 0, 0}, what + " in a text field does not fit the page",
                    hint + "; write the field without a table");
      }
      ok = false;
    } else if (const auto* list = std::get_if<doc::List>(&block.value)) {
      for (const auto& item : list->items)
        ok = tables_fit(item.content, set, files, spec, depth + 1, diags) && ok;
    }
  }
  return ok;
}

}  // namespace plenary::compose::detail
