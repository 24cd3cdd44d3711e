// book::assemble, normalize and page_count in the engine: the book module (book/qpdf/, with
// libqpdf and GnuTLS) is loaded on the first call, so that builds without a meeting book never
// load those libraries (docs/performance.md, "Round 6b").
#include "book/book.hpp"
#include "book/qpdf/api.hpp"
#include "core/module.hpp"

namespace plenary::book {

namespace {
const detail::QpdfApi& api() {
  static const auto* table =
      static_cast<const detail::QpdfApi*>(core::module_api("plenary-book-qpdf.so"));
  return *table;
}
}  // namespace

Result assemble(const Input& input) {
  return api().assemble(input);
}

std::string normalize(const std::string& pdf, const std::string& name) {
  return api().normalize(pdf, name);
}

int page_count(const std::string& pdf, const std::string& name) {
  return api().page_count(pdf, name);
}

}  // namespace plenary::book
