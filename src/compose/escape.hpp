// Escaping data for Markdown, and the private markers compose puts into a rendered template.
#pragma once

#include <string>

namespace plenary::compose::detail {

// Escapes a plain value so that Markdown shows it exactly as written: every character
// Markdown could read as syntax gets a backslash, line breaks become spaces (a value never
// starts a block of its own), surrounding spaces are trimmed. Installed with
// mustache's set_custom_escape.
std::string markdown_escape(const std::string& s);

// Markers that only compose itself writes (data never holds control characters, they are
// dropped from every value before rendering):
//   \x01anchor\x02  an explicit heading anchor ({#anchor} at the end of a template heading)
//   \x03N\x04       the N-th (md) field, parsed on its own and spliced into the tree
inline constexpr char kAnchorOpen = '\x01';
inline constexpr char kAnchorClose = '\x02';
inline constexpr char kFieldOpen = '\x03';
inline constexpr char kFieldClose = '\x04';

std::string field_token(std::size_t index);

// Rewrites `{#anchor}` at the end of template heading lines into the private anchor marker,
// keeping every line (and so every line number) where it was.
std::string mark_heading_anchors(const std::string& template_text);

}  // namespace plenary::compose::detail
