// Markdown writer: GitHub-flavoured Markdown of a Document, for review and diffs.
#pragma once

#include <string>

#include "document/document.hpp"

namespace plenary::render {

struct MarkdownOptions {
  bool contents = true;  // write the contents as a list of links to the headings
};

std::string write_markdown(const doc::Document& document, const MarkdownOptions& options);

}  // namespace plenary::render
