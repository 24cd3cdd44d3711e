// Running the PDF tools a reader's machine has (qpdf, poppler-utils) on written files.
#pragma once

#include <string>
#include <vector>

namespace plenary::test {

struct CommandResult {
  int status = -1;
  std::string output;  // stdout
};

// Runs a shell command; stderr is discarded.
CommandResult run(const std::string& command);
// A fresh file path in a per-process temporary folder.
std::string temp_path(const std::string& name);
void write_file(const std::string& path, const std::string& bytes);

struct Word {    // one word from `pdftotext -bbox`
  int page = 0;  // 1-based
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  double page_width = 0, page_height = 0;
  std::string text;
};
std::vector<Word> words_with_boxes(const std::string& pdf);

}  // namespace plenary::test
