#include "render/formats.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "render/docx/docx_writer.hpp"
#include "render/html/html_writer.hpp"
#include "render/md/md_writer.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace plenary::render {

// ---- the shared layout ---------------------------------------------------------------------

struct Layout::State {
  const doc::Document& document;
  const doc::Style& style;
  paginate::PaginateOptions options;
  std::mutex mutex;
  std::optional<paginate::Pagination> result;  // once taken
};

Layout::Layout(const doc::Document& document, const doc::Style& style, Pagination needed)
    : state_(new State{document, style, {}, {}, {}}), needed_(needed) {
  state_->options.text = needed == Pagination::Pages;
}

Layout::~Layout() = default;

const paginate::Pagination& Layout::get() {
  std::lock_guard<std::mutex> guard(state_->mutex);
  if (!state_->result)
    state_->result = paginate::paginate(state_->document, state_->style, state_->options);
  return *state_->result;
}

bool Layout::taken() const {
  std::lock_guard<std::mutex> guard(state_->mutex);
  return state_->result.has_value();
}

bool Layout::failed() {
  return get().diagnostics.has_errors();
}

std::unique_ptr<Layout> layout_for(const doc::Document& document, const doc::Style& style,
                                   const std::vector<const Format*>& formats) {
  Pagination needed = Pagination::None;
  for (const Format* format : formats) needed = std::max(needed, format->pagination);
  if (needed == Pagination::None) return nullptr;
  return std::make_unique<Layout>(document, style, needed);
}

// ---- the writers of the built-in rows ---------------------------------------------------------

namespace {

// The painter draws the shared pages; its own problems (libharu's) follow the pagination's.
std::string pdf(const doc::Document& document, const Options& options) {
  const paginate::Pagination& pages = options.layout->get();
  if (pages.diagnostics.has_errors()) throw WriteError("the PDF layout failed");
  PdfOptions pdf_options;
  pdf_options.creator = options.creator;
  pdf_options.pdf_a = options.pdf_a;
  PdfResult result = write_pdf(document, pages, pdf_options);
  const auto& found = result.diagnostics.items();
  if (options.diagnostics) {
    for (std::size_t i = pages.diagnostics.items().size(); i < found.size(); ++i)
      options.diagnostics->add(found[i]);
  }
  if (result.diagnostics.has_errors() || result.bytes.empty())
    throw WriteError("the PDF could not be painted");
  return std::move(result.bytes);
}

// The DOCX takes the PDF's contents page numbers, page count and page breaks
// (Pagination::starts; DocxOptions::page_for_page, on by default). The pagination is made
// before the body is written.
std::string docx(const doc::Document& document, const Options& options) {
  Layout& layout = *options.layout;
  if (layout.failed()) throw WriteError("the PDF layout failed");
  return write_docx(document, options.style, DocxOptions{}, layout.get());
}

std::string md(const doc::Document& document, const Options&) {
  return write_markdown(document, MarkdownOptions{});
}

// The page links the site's one stylesheet (style.css at the top of the output folder, the
// site-stylesheet kind of the same row), relative to where the page sits.
std::string html(const doc::Document& document, const Options& options) {
  HtmlOptions html_options;
  html_options.stylesheet = "style.css";
  for (char c : options.output_stem)
    if (c == '/') html_options.stylesheet.insert(0, "../");
  return write_html(document, options.style, html_options);
}

std::vector<Format>& table() {
  static std::vector<Format> rows = {
      {"pdf", "pdf", "PDF, paged, with contents and bookmarks", Pagination::Pages, true, pdf},
      {"docx", "docx", "Word document, the same pages and contents as the PDF",
       Pagination::PageNumbers, true, docx},
      {"md", "md", "GitHub-flavoured Markdown, for review and diffs between builds",
       Pagination::None, false, md},
      {"html", "html", "standalone HTML5 page, semantic, no script, for the web", Pagination::None,
       true, html},
      // No writer: the row selects the kinds whose Product names it (the plenary calendars).
      {"ics", "ics", "iCalendar (RFC 5545) of each plenary's agenda, for calendar clients",
       Pagination::None, true, nullptr},
  };
  return rows;
}

}  // namespace

const std::vector<Format>& formats() {
  return table();
}

const Format* find_format(std::string_view name) {
  for (const Format& f : table())
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> all_format_names() {
  std::vector<std::string> names;
  for (const Format& f : table())
    if (f.in_all) names.push_back(f.name);
  return names;
}

FormatRegistration::FormatRegistration(Format format) {
  table().push_back(std::move(format));
}

}  // namespace plenary::render
