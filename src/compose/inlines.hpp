// Building inline runs: texts merged as they are appended, spaces trimmed at either end, and
// block content flattened into one line (an (md) field used inside a line or a table cell).
#pragma once

#include <string>

#include "document/document.hpp"

namespace plenary::compose::detail {

// Appends `s` to the last run when that is a text, else as a new text run; nothing when empty.
void append_text(doc::Inlines& out, std::string&& s);

// Appends every run of `more`, merging texts as append_text does.
void append_all(doc::Inlines& out, doc::Inlines more);

// Drops the spaces at the end (or the start) of the runs, and text runs left empty.
void trim_trailing_space(doc::Inlines& content);
void trim_leading_space(doc::Inlines& content);

// Block content flattened into inline runs: blocks, list items and table rows separated by
// line breaks, list items with their number or bullet, cells by " | ".
void flatten(const doc::Blocks& blocks, doc::Inlines& out);

}  // namespace plenary::compose::detail
