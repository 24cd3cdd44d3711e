// The table of functions the book module (plenary-book-qpdf.so: book/qpdf/, libqpdf) gives the
// engine, which loads it on the first book (book/loader.cpp; core/module.hpp). Both sides are
// built from this header by the same build, so the table's layout cannot differ between them.
#pragma once

#include <string>

#include "book/book.hpp"

namespace plenary::book::detail {

struct QpdfApi {
  Result (*assemble)(const Input& input);
  std::string (*normalize)(const std::string& pdf, const std::string& name);
  int (*page_count)(const std::string& pdf, const std::string& name);
};

}  // namespace plenary::book::detail
