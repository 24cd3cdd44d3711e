// book::assemble, normalize and page_count in the engine: the book module (book/qpdf/, with
// libqpdf and GnuTLS) is loaded on the first call, so that builds without a meeting book never
// load those libraries (docs/performance.md, "Round 6b").
#include <stdexcept>

#include "book/book.hpp"
#include "book/qpdf/api.hpp"
#include "core/module.hpp"

namespace plenary::book {

namespace {
using core::kBookModule;

// A module that cannot be loaded (an incomplete installation) is a BookError naming it: the
// book kind reports it as it reports an unreadable paper, instead of failing further on.
const detail::QpdfApi& api() {
  static const detail::QpdfApi* table = [] {
    try {
      return static_cast<const detail::QpdfApi*>(core::module_api(kBookModule));
    } catch (const std::runtime_error& e) {
      throw BookError(kBookModule, e.what());
    }
  }();
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
