// Table geometry: how many columns fit the page with the house style, and an error for a
// table wider than that, at the template line that writes it.
#pragma once

#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary::compose::detail {

// The most columns a table may have: Word's limit (63), and no more than fit the text width
// when every column holds at least one wide glyph of the table font plus the writers' cell
// padding (4 pt each side). A list indents a table by the style's list indent per level.
int max_table_columns(const doc::Style& style, int depth);

// An error for each table of `blocks` (at list depth `depth`) wider than fits the page; false
// when there was one.
bool tables_fit(const doc::Blocks& blocks, const TemplateSet& set,
                const std::vector<std::string>& files, const DocumentSpec& spec, int depth,
                Diagnostics& diags);

}  // namespace plenary::compose::detail
