// The book module's one exported symbol: the table of book/qpdf/assemble.cpp's functions.
#include "book/qpdf/api.hpp"

namespace {
const plenary::book::detail::QpdfApi kApi = {&plenary::book::assemble, &plenary::book::normalize,
                                             &plenary::book::page_count};
}  // namespace

extern "C" __attribute__((visibility("default"))) const void* plenary_module_api() {
  return &kApi;
}
