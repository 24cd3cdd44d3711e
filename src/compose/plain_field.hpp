// The fast path for (md) fields of plain text: no Markdown parser needed.
#pragma once

#include <optional>
#include <string>

#include "document/document.hpp"

namespace plenary::compose::detail {

// A field that is one line of plain text (no character that starts Markdown syntax in a line,
// none that starts a block or is dropped at its start, no space at its end) is the single
// paragraph cmark would make of it, made here without a parser: most fields are such sentences,
// and parsing each with cmark-gfm (parser set-up, block and inline passes, node tree, freeing)
// was 15 % of composing the K=4 briefing pack. nullopt for any other field.
std::optional<doc::Blocks> plain_field_blocks(const std::string& source);

}  // namespace plenary::compose::detail
