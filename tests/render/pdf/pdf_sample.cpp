// Writes a hand-made document as PDF, for looking at it and for timing:
//   pdf_sample out.pdf            the sample document
//   pdf_sample out.pdf long 40    a long document of 40 sections
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "render/pdf/pdf_writer.hpp"
#include "sample_document.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pdf_sample out.pdf [long N]\n");
    return 2;
  }
  using namespace plenary;
  const bool long_doc = argc >= 4 && std::strcmp(argv[2], "long") == 0;
  const doc::Document document =
      long_doc ? test::long_document(std::stoi(argv[3])) : test::sample_document();
  const auto start = std::chrono::steady_clock::now();
  const render::PdfResult result = render::write_pdf(document, doc::Style{}, render::PdfOptions{});
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  for (const Diagnostic& d : result.diagnostics.items())
    std::fprintf(stderr, "%s\n", format(d).c_str());
  std::ofstream(argv[1], std::ios::binary) << result.bytes;
  std::fprintf(stderr, "%d pages, %zu bytes, %.1f ms (%.2f ms/page)\n", result.page_count,
               result.bytes.size(), ms.count(), ms.count() / std::max(1, result.page_count));
  return result.bytes.empty() ? 1 : 0;
}
