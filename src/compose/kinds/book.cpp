// The meeting book of a plenary (`<P>/<P>-book.pdf`, documents.md "Meeting book"): a Product of
// the `pdf` row made of the briefing pack (an output of this build, so written in the second
// wave) and of the papers the agenda names (read from the data root when written; hashed into
// its inputs through the register's file_sha256). Assembled by book::assemble (libqpdf, in
// src/book/qpdf/); DOCX and ODT papers are converted first (book/convert.hpp), cached under
// out/.plenary-cache/. A paper that cannot go into a book is an error naming its file:
// that book fails, every other output is still written. docs/book.md.
#include <set>

#include "book/book.hpp"
#include "book/convert.hpp"
#include "compose/inlines.hpp"
#include "compose/kinds.hpp"
#include "compose/markdown.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "paginate/paginate.hpp"
#include "render/formats.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/stamps.hpp"

namespace plenary::compose::kinds {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxPaperBytes = std::uintmax_t{1} << 30;

std::string plain(const model::Markdown& md) {
  doc::Inlines inlines;
  detail::flatten(detail::field_blocks_parsed(md.source), inlines);
  return doc::plain_text(inlines, ' ');
}

// An agenda item that names registered papers with a file, with those papers (each once).
struct BookItem {
  const model::AgendaItem* item;
  std::vector<const model::Paper*> papers;
};

void collect(const model::Register& reg, const std::vector<model::AgendaItem>& items,
             std::vector<BookItem>& out) {
  for (const auto& it : items) {
    BookItem b{&it, {}};
    for (const std::string& ref : it.documents) {
      const model::Paper* p = reg.find(ref);
      if (!p || p->file.empty() || p->status == model::DocumentStatus::Withdrawn) continue;
      if (std::find(b.papers.begin(), b.papers.end(), p) == b.papers.end()) b.papers.push_back(p);
    }
    if (!b.papers.empty()) out.push_back(std::move(b));
    collect(reg, it.items, out);
  }
}

// The plenary's agenda items with papers, in agenda order; empty: no book.
std::vector<BookItem> book_items(const model::Committee& c, const std::string& plenary) {
  std::vector<BookItem> out;
  const model::Agenda* a = c.agenda_for(plenary);
  if (!a || !c.documents) return out;
  for (const auto& day : a->days) collect(*c.documents, day.items, out);
  return out;
}

std::string pack_path(const std::string& plenary) {
  return plenary + "/" + plenary + "-briefing-pack.pdf";
}

std::string text(const TemplateSet& t, const std::string& key, const std::string& fallback) {
  const auto it = t.texts.find(key);
  return it == t.texts.end() ? fallback : it->second;
}

// The paper's type: by content as the register's check found it, else by its name.
std::string file_type(const model::Paper& p) {
  if (!p.file_type.empty()) return p.file_type;
  const std::size_t dot = p.file.rfind('.');
  return dot == std::string::npos ? std::string() : p.file.substr(dot + 1);
}

// The paper's bytes, as PDF. Read again from the data root (the register checked the file when
// loading: under papers/, no link leading out, a PDF/DOCX/ODT); the bytes must still be those
// it hashed, so that the book is what its input hash says.
std::string paper_pdf(const model::Paper& p, const ProductEnv& env) {
  std::string bytes;
  const fs::path path = env.root / p.file;
  std::error_code ec;
  if (p.file.rfind("papers/", 0) != 0 || p.file.find("..") != std::string::npos ||
      fs::is_symlink(path, ec))
    throw book::BookError(p.file, "a paper must be a file under papers/, not a link");
  const core::ReadStatus status = core::read_file(path, bytes, kMaxPaperBytes);
  if (status != core::ReadStatus::Ok)
    throw book::BookError(p.file, core::describe(status, kMaxPaperBytes));
  if (!p.file_sha256.empty() && core::sha256_hex(bytes) != p.file_sha256)
    throw book::BookError(p.file, "the file changed during the build; build again");
  const std::string type = file_type(p);
  if (type == "docx" || type == "odt") {
    book::ConvertOptions options;
    options.cache = env.out / ".plenary-cache";
    return book::convert_to_pdf(bytes, type, p.file, options);
  }
  return bytes;
}

// Where the pack (laid out as `layout`) names a paper of the book, a link: each text run
// searched for the papers' references, longest first, on word boundaries; the rectangles
// measured with the fonts the layout used. Each is a LinkItem to "#paper-<name>" (which
// book::assemble turns into a jump to the paper) with a Link element of its own under the
// run's, holding the run when the run is the reference alone: the painter tags it as it tags
// every link (/StructParent, an object reference).
void link_papers(paginate::Pagination& layout, const book::Input& input) {
  std::vector<std::pair<std::string, std::string>> names;  // text -> link name, longest first
  for (const book::Item& item : input.items)
    for (const book::Paper& paper : item.papers) {
      names.emplace_back(paper.ref, paper.ref);
      for (const std::string& n : paper.link_names) names.emplace_back(n, n);
    }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a < b;
  });
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (!layout.fonts) return;
  auto word = [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  };
  for (paginate::Page& page : layout.pages) {
    page.nodes.resize(page.items.size(), 0);
    const std::size_t runs = page.items.size();
    for (std::size_t k = 0; k < runs; ++k) {
      const auto* run = std::get_if<paginate::TextItem>(&page.items[k]);
      if (!run || page.nodes[k] == paginate::kArtifact) continue;
      const std::string t = run->text;
      const double x = run->x, baseline = run->y, size = run->size;
      const paginate::FontId font = run->font;
      for (std::size_t at = 0; at < t.size();) {
        const auto hit = std::find_if(names.begin(), names.end(), [&](const auto& n) {
          return t.compare(at, n.first.size(), n.first) == 0 && (at == 0 || !word(t[at - 1])) &&
                 (at + n.first.size() == t.size() || !word(t[at + n.first.size()]));
        });
        if (hit == names.end()) {
          ++at;
          continue;
        }
        const double x0 = x + layout.fonts->width(font, t.substr(0, at), size);
        const double w = layout.fonts->width(font, hit->first, size);
        const int parent = page.nodes[k];
        layout.structure.push_back(
            paginate::StructNode{"Link", parent, {}, hit->second, false});
        const int id = static_cast<int>(layout.structure.size()) - 1;
        if (hit->first.size() == t.size()) page.nodes[k] = id;
        page.items.emplace_back(std::in_place_type<paginate::LinkItem>,
                                paginate::LinkItem{x0, baseline - 0.9 * size, w, 1.15 * size,
                                                   "#paper-" + hit->second, {}});
        page.nodes.push_back(id);
        at += hit->first.size();
      }
    }
  }
}

// The section the pack gains in the book: every paper, in book order, with its agenda item
// and the book page it starts on (the pack having `pack_pages` pages).
void papers_section(doc::Document& d, const TemplateSet& t, const book::Input& input,
                    const std::map<std::string, int>& page_counts, int pack_pages) {
  auto cell = [](std::string s) { return doc::TableCell{{doc::text(std::move(s))}}; };
  doc::Table table;
  table.weights = {2, 6, 1, 1};
  table.aligns = {doc::Align::Left, doc::Align::Left, doc::Align::Left, doc::Align::Right};
  table.rows.push_back(
      {cell(text(t, "book.reference", "Reference")), cell(text(t, "book.title", "Title")),
       cell(text(t, "book.agenda_item", "Item")), cell(text(t, "book.page", "Page"))});
  std::set<std::string> seen;
  int page = pack_pages + 1;
  for (const book::Item& item : input.items)
    for (const book::Paper& paper : item.papers) {
      if (!seen.insert(paper.ref).second) continue;
      table.rows.push_back(
          {cell(paper.ref), cell(paper.title), cell(item.number), cell(std::to_string(page))});
      page += page_counts.at(paper.ref);
    }
  d.blocks.push_back(doc::Block{doc::PageBreak{}});
  d.blocks.push_back(doc::Block{doc::Heading{
      1, "papers-in-this-book", {doc::text(text(t, "book.papers", "Papers in this book"))}, true}});
  d.blocks.push_back(doc::Block{std::move(table)});
}

// The pack as it opens the book: the briefing pack composed again with the papers' section
// (so its contents lists it), laid out until its page count, on which the papers' book pages
// depend, is stable; its footer counting the book's pages ("Page 3 of 28"), on its cover too;
// its references to papers linked. Unset when it cannot be made (the book then opens with the
// pack as the build wrote it, without links).
std::optional<std::string> book_pack(const model::Committee& c, const DocumentSpec& spec,
                                     const TemplateSet& templates, const book::Input& input) {
  const DocumentSpec pack{"briefing-pack", spec.id, spec.id + "/" + spec.id + "-briefing-pack"};
  Diagnostics ignored;
  std::optional<doc::Document> document = compose(c, pack, templates, ignored);
  if (!document) return std::nullopt;
  std::map<std::string, int> page_counts;
  int paper_pages = 0;
  for (const book::Item& item : input.items)
    for (const book::Paper& paper : item.papers)
      if (!page_counts.count(paper.ref))
        paper_pages += page_counts[paper.ref] = book::page_count(paper.pdf, paper.name);
  int pack_pages = book::page_count(input.pack_pdf, "briefing pack") + 1;
  paginate::PaginateOptions paging;
  paging.footer_on_cover = true;
  for (int pass = 0; pass < 4; ++pass) {
    doc::Document d = *document;
    papers_section(d, templates, input, page_counts, pack_pages);
    const std::string total = std::to_string(pack_pages + paper_pages);
    for (std::size_t at = 0; (at = d.meta.footer.find("{pages}", at)) != std::string::npos;
         at += total.size())
      d.meta.footer.replace(at, 7, total);
    paginate::Pagination layout = paginate::paginate(d, templates.style, paging);
    if (layout.page_count() == 0 || layout.diagnostics.has_errors()) return std::nullopt;
    if (layout.page_count() != pack_pages) {
      pack_pages = layout.page_count();
      continue;
    }
    // The pass that settled is painted; the composed pack each pass copied is not needed
    // any more (the pagination points into `d`, not into it): freed before libharu's peak.
    document.reset();
    link_papers(layout, input);
    render::PdfOptions options;
    options.creator = "plenary";
    render::PdfResult pdf = render::write_pdf(d, layout, options);
    if (pdf.bytes.empty()) return std::nullopt;
    return std::move(pdf.bytes);
  }
  return std::nullopt;
}

std::string write_book(const model::Committee& c, const DocumentSpec& spec,
                       const TemplateSet& templates, OutputFiles outputs,
                       const ProductEnv& env) {
  book::Input input;
  input.plenary = spec.id;
  input.pack_pdf = std::move(outputs.at(pack_path(spec.id)));  // held once, not copied
  input.texts.stamp = text(templates, "book.stamp", input.texts.stamp);
  input.texts.item_bookmark = text(templates, "book.item", input.texts.item_bookmark);
  input.stamp_margin = templates.style.margin_left_pt;
  const doc::Style& style = templates.style;
  input.paint_stamps = [&style](const std::vector<std::string>& texts) {
    render::StampSheet sheet = render::paint_stamps(texts, style);
    return book::StampSheet{std::move(sheet.pdf), sheet.baseline, std::move(sheet.contents)};
  };
  std::string failed;  // the first paper that cannot go in; every one is reported
  std::map<const model::Paper*, std::string> pdfs;
  for (const BookItem& b : book_items(c, spec.id)) {
    book::Item item{b.item->number, plain(b.item->title), {}};
    for (const model::Paper* p : b.papers) {
      book::Paper paper;
      paper.ref = p->full_ref();
      paper.title = plain(p->title);
      paper.name = p->file;
      paper.link_names = {p->ref};
      try {
        auto known = pdfs.find(p);
        paper.pdf = known != pdfs.end() ? known->second : (pdfs[p] = paper_pdf(*p, env));
        if (paper.pdf.compare(0, 5, "%PDF-") != 0 && paper.pdf.find("%PDF-") > 1024)
          throw book::BookError(p->file, "not a PDF file by its content");
      } catch (const book::BookError& e) {
        if (env.diagnostics) env.diagnostics->error({p->file, 0, 0}, e.what() + e.file.size() + 2);
        if (failed.empty()) failed = p->file;
        pdfs[p] = {};
      }
      item.papers.push_back(std::move(paper));
    }
    input.items.push_back(std::move(item));
  }
  if (!failed.empty())
    throw render::WriteError("the book is not written: " + failed + " cannot go into it");
  try {
    if (auto pack = book_pack(c, spec, templates, input)) input.pack_pdf = std::move(*pack);
    book::Result result = book::assemble(input);
    if (env.diagnostics)
      for (const auto& [file, message] : result.warnings)
        env.diagnostics->warning({file, 0, 0}, message + " (read around; the book was written)");
    return std::move(result.pdf);
  } catch (const book::BookError& e) {
    if (env.diagnostics) env.diagnostics->error({e.file, 0, 0}, e.what() + e.file.size() + 2);
    throw render::WriteError("the book is not written: " + e.file + " cannot go into it");
  }
}

// What the book is made of besides the pack, as bytes for its input hash: the items, the papers'
// references, titles, files and content hashes.
std::string book_inputs(const model::Committee& c, const DocumentSpec& spec) {
  std::string all = "book " + spec.id + "\n";
  for (const BookItem& b : book_items(c, spec.id)) {
    all += "item " + b.item->number + " " + b.item->title.source + "\n";
    for (const model::Paper* p : b.papers)
      all += "paper " + p->full_ref() + " " + p->file + " " + p->file_type + " " + p->file_sha256 +
             " " + p->title.source + "\n";
  }
  return all;
}

}  // namespace

DocumentKind book() {
  DocumentKind k;
  k.id = "book";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    if (book_items(c, id).empty()) return {};
    return id + "/" + id + "-book";
  };
  k.text_keys = {"book.stamp", "book.item",        "book.papers", "book.reference",
                 "book.title", "book.agenda_item", "book.page"};
  // --only: the plenary, or a register reference: the books that hold that paper.
  k.only_matches = [](const model::Committee& c, const DocumentSpec& spec,
                      const std::string& only_id) {
    if (spec.id == only_id) return true;
    if (!c.documents) return false;
    const model::Paper* wanted = c.documents->find(only_id);
    if (!wanted) return false;
    for (const BookItem& b : book_items(c, spec.id))
      for (const model::Paper* p : b.papers)
        if (p == wanted || p->ref == wanted->ref) return true;
    return false;
  };
  Product product;
  product.format = "pdf";
  product.extension = "pdf";
  product.inputs = book_inputs;
  product.input_outputs = [](const model::Committee&, const DocumentSpec& spec) {
    return std::vector<std::string>{pack_path(spec.id)};
  };
  product.write_env = write_book;
  // The DOCX/ODT papers converted into the cache before the build confines itself: LibreOffice
  // cannot run under the build's Landlock rules (it needs a socket in /tmp).
  product.prepare = [](const model::Committee& c, const DocumentSpec& spec, const ProductEnv& env) {
    for (const BookItem& b : book_items(c, spec.id))
      for (const model::Paper* p : b.papers) {
        const std::string type = file_type(*p);
        if (type != "docx" && type != "odt") continue;
        try {
          paper_pdf(*p, env);
        } catch (const std::exception&) {  // reported when the book is written
        }
      }
  };
  k.product = product;
  return k;
}

}  // namespace plenary::compose::kinds
