// DOCX writer: WordprocessingML with Poco::XML, packaged with Poco::Zip.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary::render {

struct DocxOptions {
  // Page of each heading with in_contents, in document order, from the PDF layout; empty =
  // the pre-filled contents shows entries without page numbers.
  std::vector<int> heading_pages;
};

// The .docx bytes, reproducible: fixed zip entry times and order.
std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options);

}  // namespace plenary::render
