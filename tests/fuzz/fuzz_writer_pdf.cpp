// libFuzzer target: the PDF writer on fuzzed Document trees. Every PDF must pass qpdf --check
// (set PLENARY_FUZZ_QPDF=0 to skip it for speed); an error must come as a diagnostic, never
// as a crash or an empty result without one.
#include <cstdlib>
#include <string>

#include "fuzz_document.hpp"
#include "fuzz_input.hpp"
#include "render/pdf/pdf_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plenary;
  static const bool qpdf = [] {
    const char* v = std::getenv("PLENARY_FUZZ_QPDF");
    return !v || std::string(v) != "0";
  }();
  FuzzedDataProvider in(data, size);
  const doc::Style style = fuzz::style_from(in);
  render::PdfOptions options;
  options.compress = in.ConsumeBool();
  const doc::Document document = fuzz::document_from(in);
  const render::PdfResult result = render::write_pdf(document, style, options);
  if (result.bytes.empty()) {
    fuzz::require(result.diagnostics.has_errors(), "empty PDF without an error");
    return 0;
  }
  fuzz::require(result.page_count >= 1, "a PDF without pages");
  if (qpdf) {
    const std::string problem = fuzz::pdf_problem(result.bytes);
    fuzz::require(problem.empty(), problem);
  }
  return 0;
}
