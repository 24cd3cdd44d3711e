// The formats table: every output format is one row (name, extension, help line, what
// pagination it needs, whether `--format all` includes it, its writer). The CLI's --format and
// help text, `plenary list`, the plan and the manifest all read this table; the output stage
// only iterates it. Adding a format is a folder under src/render/ with its writer and one row
// in formats.cpp (or a FormatRegistration inside that folder).
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "document/style.hpp"
#include "paginate/paginate.hpp"

namespace plenary::render {

// What a writer needs from the document's pagination.
enum class Pagination {
  None,         // nothing (md)
  PageNumbers,  // the page of each heading in the contents (docx)
  Pages,        // the laid-out pages themselves (pdf)
};

// The pagination of one document, shared by all its formats in one build: computed at most
// once (paginate::paginate), by the first writer that asks, thread-safe. With Pagination::Pages among the document's formats the pages carry
// their text (the PDF painter draws them); for page numbers alone they do not, which costs a
// fraction of it.
class Layout {
 public:
  Layout(const doc::Document& document, const doc::Style& style, Pagination needed);
  ~Layout();
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  // The pagination, made by the first call. Every call returns the same.
  const paginate::Pagination& get();
  // Whether get() has been called: a writer then takes the pages directly.
  bool taken() const;
  // get() has errors (no usable body font): no writer can use it.
  bool failed();
  Pagination needed() const { return needed_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  Pagination needed_;
};

// What every writer receives besides the document.
struct Options {
  const doc::Style& style;   // the resolved house style
  std::string creator;       // "plenary 0.1.0" (PDF /Creator)
  Layout* layout = nullptr;  // the document's shared pagination; null when no row needs it
  // Where a writer reports its own warnings (the pagination's are reported by its owner);
  // never shared between threads.
  Diagnostics* diagnostics = nullptr;
  // The document's output stem ("CCQM-31/CCQM-31-agenda"): where its files sit in the output
  // folder, for a writer's relative links (the html row's link to the site's style.css).
  std::string output_stem;
  bool pdf_a = false;  // the PDF as PDF/A-2a (--pdf-a, and final reports)
};

struct Format;

// The layout one document's outputs share: none when no format needs pagination, else one
// computing as much as the most demanding format needs (the DOCX row waits for it before it
// writes its body: its page breaks and contents numbers come from it).
std::unique_ptr<Layout> layout_for(const doc::Document& document, const doc::Style& style,
                                   const std::vector<const Format*>& formats);

// A writer's failure reported as is ("the PDF layout failed"); any other exception becomes
// "the <name> writer failed: <what>".
struct WriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Writer = std::function<std::string(const doc::Document&, const Options&)>;

struct Format {
  std::string name;         // the --format word: "pdf"
  std::string extension;    // of the output file, without the dot: "pdf"
  std::string description;  // one line for --help
  Pagination pagination = Pagination::None;
  bool in_all = false;  // part of `--format all` (the default)
  // Null for a row that writes no Document, only the products of the kinds that name it
  // (`ics`: the calendars): a paged document gets no file in it.
  Writer write;
};

// Every format, built-in rows first (pdf, docx, md), then registered ones, in that order: the
// order of --help and of each document's outputs in the plan.
const std::vector<Format>& formats();
const Format* find_format(std::string_view name);
// The names `all` stands for, in table order.
std::vector<std::string> all_format_names();

// A self-registering row: a static FormatRegistration in a format's folder adds its row to the
// table before main() runs (link that object into the program).
struct FormatRegistration {
  explicit FormatRegistration(Format format);
};

}  // namespace plenary::render
