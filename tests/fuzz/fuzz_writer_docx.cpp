// libFuzzer target: the DOCX writer on fuzzed Document trees. Every package must unzip, every
// XML part must parse and be listed in [Content_Types].xml.
#include <string>

#include "fuzz_document.hpp"
#include "fuzz_input.hpp"
#include "render/docx/docx_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plenary;
  FuzzedDataProvider in(data, size);
  const doc::Style style = fuzz::style_from(in);
  render::DocxOptions options;
  const int pages = in.ConsumeIntegralInRange(0, 50);
  for (int i = 0; i < pages; ++i)
    options.heading_pages.push_back(in.ConsumeIntegralInRange(-2, 9999));
  const doc::Document document = fuzz::document_from(in);
  const std::string bytes = render::write_docx(document, style, options);
  const std::string problem = fuzz::docx_problem(bytes);
  fuzz::require(problem.empty(), problem);
  return 0;
}
