// The contents' entries, shared by the block layouter (blocks.cpp) and the check that a
// contents takes the same lines with new page numbers (contents.cpp).
#pragma once

#include <string>

#include "document/document.hpp"
#include "document/style.hpp"
#include "paginate/lines.hpp"

namespace plenary::paginate {

// The body text style of `style`.
TextStyle body_text(const doc::Style& style);

// Calls f(heading) for each top-level heading listed in the contents, in order.
template <typename F>
void for_each_contents_heading(const doc::Blocks& blocks, F&& f) {
  for (const doc::Block& b : blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) {
      if (h->in_contents) f(*h);
    }
  }
}

// A contents entry: its style, indent, page number and the width its title is set in.
struct EntryText {
  TextStyle text;
  double indent = 0;
  FontId font = -1;
  std::string number;
  double number_width = 0;
  double text_width = 0;
};

EntryText entry_text(const doc::Heading& h, int page, double width, const doc::Style& style,
                     FontRegistry& fonts);

}  // namespace plenary::paginate
