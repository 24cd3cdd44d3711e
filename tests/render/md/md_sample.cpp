// Writes the sample documents as Markdown for the script tests:
//   md_sample <out-dir>  ->  sample.md, minimal.md
#include <fstream>
#include <iostream>

#include "render/md/md_writer.hpp"
#include "sample_document.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: md_sample <out-dir>\n";
    return 2;
  }
  const std::string dir = argv[1];
  std::ofstream(dir + "/sample.md", std::ios::binary)
      << plenary::render::write_markdown(plenary::test::sample_document(), {});
  std::ofstream(dir + "/minimal.md", std::ios::binary)
      << plenary::render::write_markdown(plenary::test::minimal_document(), {});
  return 0;
}
