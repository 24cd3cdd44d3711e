// book_assemble: book::assemble from the command line, for the script tests (assemble.sh) and
// the benchmark. Usage:
//   book_assemble OUT.pdf PLENARY PACK.pdf [--fr] item=NUMBER:TITLE paper=REF:FILE ... ...
// Each item= starts an agenda item; each paper= adds a paper to the last item. Prints
// "FILE: error: message" and exits 1 when a paper cannot go into a book; warnings go to stderr.
#include <cstdio>
#include <iostream>
#include <string>

#include "book/book.hpp"
#include "core/read_file.hpp"
#include "render/pdf/stamps.hpp"

namespace {

bool read(const std::string& path, std::string& bytes) {
  const auto status = plenary::core::read_file(path, bytes, std::uintmax_t{1} << 31);
  if (status == plenary::core::ReadStatus::Ok) return true;
  std::cerr << path << ": error: " << plenary::core::describe(status, std::uintmax_t{1} << 31)
            << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr
        << "usage: book_assemble OUT.pdf PLENARY PACK.pdf [--fr] item=N:TITLE paper=REF:FILE ...\n";
    return 2;
  }
  plenary::book::Input input;
  input.plenary = argv[2];
  // The stamps painted as the build paints them: the default style's body font.
  const plenary::doc::Style style;
  input.stamp_margin = style.margin_left_pt;
  input.paint_stamps = [&style](const std::vector<std::string>& texts) {
    plenary::render::StampSheet sheet = plenary::render::paint_stamps(texts, style);
    for (const auto& d : sheet.diagnostics.items()) std::cerr << "stamps: " << d.message << "\n";
    return plenary::book::StampSheet{std::move(sheet.pdf), sheet.baseline, std::move(sheet.contents)};
  };
  if (!read(argv[3], input.pack_pdf)) return 1;
  for (int i = 4; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--fr") {
      input.texts.stamp =
          "{plenary} | point {item} | {ref}, page {paper_page} sur {paper_pages} | Page {page} "
          "sur {pages}";
      input.texts.item_bookmark = "{item}. {title}";
    } else if (arg.rfind("item=", 0) == 0) {
      const std::string rest = arg.substr(5);
      const std::size_t colon = rest.find(':');
      input.items.push_back(
          {rest.substr(0, colon), colon == std::string::npos ? "" : rest.substr(colon + 1), {}});
    } else if (arg.rfind("paper=", 0) == 0 && !input.items.empty()) {
      const std::string rest = arg.substr(6);
      const std::size_t colon = rest.find(':');
      plenary::book::Paper paper;
      paper.ref = rest.substr(0, colon);
      paper.name = rest.substr(colon + 1);
      paper.title = "Paper " + paper.ref;
      if (!read(paper.name, paper.pdf)) return 1;
      input.items.back().papers.push_back(std::move(paper));
    } else {
      std::cerr << "book_assemble: unknown argument '" << arg << "'\n";
      return 2;
    }
  }
  // The output is opened first (a path that cannot be written fails before the work), and
  // written unbuffered in one call.
  std::FILE* out = std::fopen(argv[1], "wb");
  if (out == nullptr) {
    std::cerr << argv[1] << ": error: cannot be written\n";
    return 3;
  }
  std::setvbuf(out, nullptr, _IONBF, 0);
  try {
    const plenary::book::Result result = plenary::book::assemble(input);
    for (const auto& [file, message] : result.warnings)
      std::cerr << file << ": warning: " << message << "\n";
    const bool written = std::fwrite(result.pdf.data(), 1, result.pdf.size(), out) ==
                         result.pdf.size();
    for (const auto& [ref, page] : result.first_pages) std::cout << ref << " " << page << "\n";
    return std::fclose(out) == 0 && written ? 0 : 3;
  } catch (const plenary::book::BookError& e) {
    std::cerr << e.file << ": error: " << e.what() + e.file.size() + 2 << "\n";
    std::fclose(out);
    std::remove(argv[1]);  // no book
    return 1;
  }
}
