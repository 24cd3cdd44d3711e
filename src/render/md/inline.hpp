// Markdown inline rendering: text escaping so the text round-trips through a GFM parser,
// emphasis, code spans, links and references.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "document/document.hpp"

namespace plenary::render::md {

enum class Context {
  None,       // unused
  Paragraph,  // hard line breaks as backslash-newline
  Heading,    // one line: line breaks become spaces
  Cell,       // one line: '|' escaped, line breaks as <br>
};

// Text with every character GFM would read as markup backslash-escaped.
std::string escape_text(std::string_view text, Context context);

// References to anchors outside `anchors` (no such heading) are written as plain text.
std::string render_inlines(const doc::Inlines& content, Context context,
                           const std::set<std::string>& anchors);

// A link destination: spaces, controls, angle brackets and backslashes percent-encoded; in <...>
// when it holds parentheses.
std::string link_destination(const std::string& url);

// A heading anchor as written after '#' in links and in <a id="...">: bytes that would end a
// link destination (spaces, controls, <, >, parentheses) percent-encoded.
std::string anchor_fragment(const std::string& anchor);

}  // namespace plenary::render::md
