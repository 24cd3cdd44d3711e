// Heading anchors: the slug of a heading's text, made unique across a document, and internal
// references resolved against them.
#pragma once

#include <string>

#include "core/slug.hpp"
#include "document/document.hpp"

namespace plenary::compose::detail {

// "Terms of Reference" -> "terms-of-reference"; "" -> "section" (core/slug.hpp).
using core::slug;

// Makes every heading anchor of `blocks` unique ("a", "a-2", "a-3" ...), then replaces each
// reference to an anchor that no heading has by its text.
void resolve_anchors(doc::Blocks& blocks);

}  // namespace plenary::compose::detail
