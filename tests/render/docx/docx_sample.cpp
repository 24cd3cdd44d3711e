// Writes the sample documents as .docx for the script tests:
//   docx_sample <out-dir>  ->  sample.docx, sample-nopages.docx, minimal.docx
#include <fstream>
#include <iostream>

#include "document/style.hpp"
#include "render/docx/docx_writer.hpp"
#include "sample_document.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: docx_sample <out-dir>\n";
    return 2;
  }
  const std::string dir = argv[1];
  const plenary::doc::Style style;
  auto write = [&](const std::string& name, const plenary::doc::Document& d,
                   const plenary::render::DocxOptions& options) {
    std::ofstream(dir + "/" + name, std::ios::binary)
        << plenary::render::write_docx(d, style, options);
  };
  plenary::render::DocxOptions pages;
  pages.heading_pages = {3, 3, 3, 4, 6};
  write("sample.docx", plenary::test::sample_document(), pages);
  write("sample-nopages.docx", plenary::test::sample_document(), {});
  write("minimal.docx", plenary::test::minimal_document(), {});
  return 0;
}
