// Golden test: the sample's Markdown compared with golden/sample.md.
//   md_golden <golden-dir>            compare, exit 1 with the first differing line
//   md_golden <golden-dir> --update   rewrite the golden file
#include <iostream>

#include "../../golden_file.hpp"
#include "render/md/md_writer.hpp"
#include "sample_document.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: md_golden <golden-dir> [--update]\n";
    return 2;
  }
  const std::string path = std::string(argv[1]) + "/sample.md";
  const std::string actual = plenary::render::write_markdown(plenary::test::sample_document(), {});
  return plenary::test::compare_golden(path, actual, argc > 2 && std::string(argv[2]) == "--update",
                                       std::string("md_golden ") + argv[1]);
}
