// Markdown -> document blocks: the tree cmark-gfm parses (through compose/cmark/) converted,
// with template directives, (md) fields spliced in and heading anchors resolved.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/anchors.hpp"  // slug, for the callers that name anchors
#include "document/document.hpp"

namespace plenary::compose::detail {

struct MarkdownSource {
  std::string text;                 // the rendered template
  std::vector<std::string> fields;  // (md) field sources, referenced by field_token(i)
  std::optional<doc::Image> logo;   // the block the <!-- logo --> directive places
};

// Parses the rendered template and converts it to blocks: template directives (HTML comments
// written in the template) become page breaks, contents, the logo and paragraph styles;
// (md) fields are parsed on their own, where raw HTML is shown as the literal text it is.
// Heading anchors are unique; internal links to a missing anchor keep only their text.
doc::Blocks markdown_to_blocks(const MarkdownSource& source);

// An (md) field converted on its own: `source` parsed by cmark-gfm, as markdown_to_blocks does
// with a field that is not plain text.
doc::Blocks field_blocks_parsed(const std::string& source);

}  // namespace plenary::compose::detail
