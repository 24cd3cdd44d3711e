// Bookmark names for heading anchors. Word limits names to 40 characters of letters, digits
// and underscores; anchors are mapped to "_h" + 10 hex digits of their SHA-1 (a hidden
// bookmark, like Word's own "_Toc..." ones), with a numeric suffix on the rare collision.
#pragma once

#include <map>
#include <string>

#include "document/document.hpp"

namespace plenary::render::docx {

std::map<std::string, std::string> assign_bookmarks(const doc::Blocks& blocks);

}  // namespace plenary::render::docx
