// The meeting book (documents.md "Meeting book"): the briefing pack, then every paper the agenda
// names, in agenda order, as one PDF. assemble() is a pure function of its input (bytes in,
// bytes out, no clock, no file system); libqpdf is used only behind it, in book/qpdf/. The kind
// that plans and feeds it is compose/kinds/book.cpp; docs/book.md describes the whole design.
#pragma once

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace plenary::book {

struct Paper {
  std::string ref;    // "CCQM/26-07b", the reference with its revision: stamp and bookmark
  std::string title;  // plain text: the bookmark reads "CCQM/26-07b  Report of …"
  std::string name;   // the file as the user knows it ("papers/CCQM26-07b.pdf"): diagnostics
  std::string pdf;    // the paper's PDF bytes (DOCX/ODT already converted: book/convert.hpp)
  // What the pack's links may call it: a link annotation to the URI "#paper-<name>" for any of
  // these (and for `ref`) becomes a jump to the paper's first page in the book.
  std::vector<std::string> link_names;
};

struct Item {
  std::string number;         // "4.2": stamp and bookmark
  std::string title;          // plain text
  std::vector<Paper> papers;  // in the order the agenda names them
};

struct Texts {
  // The stamp: {plenary} {item} {ref} {paper_page} {paper_pages} (the page in the paper) {page}
  // {pages} (in the book) are replaced; UTF-8, painted by Input::paint_stamps.
  std::string stamp =
      "{plenary} | item {item} | {ref}, page {paper_page} of {paper_pages} | Page {page} of "
      "{pages}";
  std::string item_bookmark = "{item}. {title}";  // the bookmark of an agenda item
};

// A place in the pack that names a paper: it becomes a link to the paper's first page.
struct PackLink {
  int page = 0;                           // 1-based page of the pack
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // PDF user space (origin bottom-left)
  std::string paper;                      // a Paper's ref or one of its link_names
};

// The stamps as painted by the project's PDF writer (render/pdf/stamps.hpp): a PDF with one page
// per stamp text, in order, all of one size; each text starts at x = 0 with its baseline
// `baseline` points above its page's bottom.
// Every text is set in one font (the sheet's first page names it), so that the assembler
// reads one page's resources, not every page.
struct StampSheet {
  std::string pdf;
  double baseline = 0;
  // Each page's operators, uncompressed (from the painter, which has them: the assembler then
  // reads no page of `pdf` but the first); empty: read from the pages.
  std::vector<std::string> contents;
};
using StampPainter = std::function<StampSheet(const std::vector<std::string>& texts)>;

struct Input {
  std::string plenary;   // "CCQM-31", on every stamp
  std::string pack_pdf;  // the briefing pack (its own outline comes first in the book's)
  std::vector<Item> items;
  Texts texts;
  std::vector<PackLink> pack_links;  // where the pack names papers (links added here, untagged)
  // Paints the stamps (required: a book needs them; an empty sheet is an error).
  StampPainter paint_stamps;
  // The stamp's distance from the left (and at most from the right) edge of the page as shown:
  // the pack's side margin, so that the stamp lines up with the pack's footer.
  double stamp_margin = 62;
};

struct Result {
  std::string pdf;
  // qpdf's warnings about the inputs (a damaged object it read around): file, message. A
  // warning does not stop the book; the build reports it.
  std::vector<std::pair<std::string, std::string>> warnings;
  // The book page (1-based) of each paper's first page, by ref; and the page count.
  std::map<std::string, int> first_pages;
  int pages = 0;
};

// A paper (or the pack) that cannot go into a book: damaged, not a PDF, encrypted with a user
// password. `file` names it ("papers/x.pdf"), what() is the whole diagnostic text.
struct BookError : std::runtime_error {
  BookError(std::string file, const std::string& message)
      : std::runtime_error(file + ": " + message), file(std::move(file)) {}
  std::string file;
};

// The book's bytes: the same input gives the same bytes (the /ID is derived from the content).
// Throws BookError naming the first input that cannot be read.
Result assemble(const Input& input);

// The PDF without what changes from run to run of its producer (the document information
// dictionary's dates, the XMP metadata) and with an /ID derived from its content: how a paper
// converted by LibreOffice is cached, so that two builds cache the same bytes. Throws BookError.
std::string normalize(const std::string& pdf, const std::string& name);

// The number of pages of a PDF (for the pack's links and contents); throws BookError.
int page_count(const std::string& pdf, const std::string& name);

}  // namespace plenary::book
