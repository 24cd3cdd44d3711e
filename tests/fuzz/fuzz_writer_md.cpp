// libFuzzer target: the Markdown writer on fuzzed Document trees. The output must be valid
// UTF-8 without control characters, and writing must never crash.
#include <string>

#include "fuzz_document.hpp"
#include "fuzz_input.hpp"
#include "render/md/md_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plenary;
  FuzzedDataProvider in(data, size);
  render::MarkdownOptions options;
  options.contents = in.ConsumeBool();
  const doc::Document document = fuzz::document_from(in);
  const std::string md = render::write_markdown(document, options);
  const std::string problem = fuzz::text_problem(md);
  fuzz::require(problem.empty(), "markdown output: " + problem);
  return 0;
}
