// Golden files for the writer tests: compare an output with the file beside the test, or
// rewrite the file with --update. Header-only, shared by the DOCX and Markdown goldens.
#pragma once

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace plenary::test {

// 0 when `actual` equals the golden file at `path` (or it was rewritten with `update`); 1 with
// the first differing line on stderr otherwise. `rerun` says how to update, for the message.
inline int compare_golden(const std::string& path, const std::string& actual, bool update,
                          const std::string& rerun) {
  if (update) {
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
                << "\n(run " << rerun << " --update if the change is intended)\n";
      break;
    }
  }
  return 1;
}

}  // namespace plenary::test
