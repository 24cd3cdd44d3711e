// DOCX writer: WordprocessingML with Poco::XML, packaged with Poco::Zip.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "paginate/page.hpp"

namespace plenary::render {

struct DocxOptions {
  // Page of each heading with in_contents, in document order, from the PDF layout; empty =
  // the pre-filled contents shows entries without page numbers.
  std::vector<int> heading_pages;
  // When set, called once for the pages instead, after the body is written (the contents are
  // written last and put in their place), so a caller can lay the document out meanwhile.
  std::function<std::vector<int>()> heading_pages_later;
};

// The .docx bytes, reproducible: fixed zip entry times and order.
std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options);

// The same with the contents' page numbers taken from `pages`, a pagination of the same
// document and style (paginate::paginate, with or without text): the numbers the PDF prints.
// options.heading_pages and heading_pages_later are ignored.
std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options, const paginate::Pagination& pages);

}  // namespace plenary::render
