#include "pdf_tools.hpp"

#include <unistd.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

namespace plenary::test {

CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

namespace {

// The per-process folder, removed when the test program ends.
struct TempFolder {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("plenary-pdf-test-" + std::to_string(static_cast<long>(getpid())));
  TempFolder() { std::filesystem::create_directories(path); }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

std::string temp_path(const std::string& name) {
  static TempFolder folder;
  return (folder.path / name).string();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<Word> words_with_boxes(const std::string& pdf) {
  const CommandResult html = run("pdftotext -bbox '" + pdf + "' -");
  std::vector<Word> words;
  static const std::regex page_re(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  static const std::regex word_re(
      R"re(<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>)re");
  int page = 0;
  double width = 0, height = 0;
  std::size_t pos = 0;
  const std::string& text = html.output;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    std::smatch m;
    if (std::regex_search(line, m, page_re)) {
      ++page;
      width = std::stod(m[1]);
      height = std::stod(m[2]);
    } else if (std::regex_search(line, m, word_re)) {
      words.push_back(Word{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                           width, height, m[5]});
    }
  }
  return words;
}

}  // namespace plenary::test
