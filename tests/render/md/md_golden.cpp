// Golden test: the sample's Markdown compared with golden/sample.md.
//   md_golden <golden-dir>            compare, exit 1 with the first differing line
//   md_golden <golden-dir> --update   rewrite the golden file
#include <fstream>
#include <iostream>
#include <sstream>

#include "render/md/md_writer.hpp"
#include "sample_document.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: md_golden <golden-dir> [--update]\n";
    return 2;
  }
  const std::string path = std::string(argv[1]) + "/sample.md";
  const std::string actual = plenary::render::write_markdown(plenary::test::sample_document(), {});
  if (argc > 2 && std::string(argv[2]) == "--update") {
    std::ofstream(path, std::ios::binary) << actual;
    std::cout << "updated " << path << "\n";
    return 0;
  }
  std::ifstream in(path, std::ios::binary);
  const std::string expected((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (actual == expected) return 0;
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) break;
    if (la != le || more_a != more_e) {
      std::cerr << path << ":" << line << ": differs\n  expected: " << le << "\n  actual:   " << la
                << "\n(run md_golden " << argv[1] << " --update if the change is intended)\n";
      break;
    }
  }
  return 1;
}
