// book::assemble on PDFs made here with libqpdf: order and de-duplication, the outline, the
// stamps, form fields kept apart, internal links, rotation and sizes, errors, same bytes twice.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <functional>
#include <set>

#include <catch2/catch.hpp>

#include "book/book.hpp"
#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "paginate/page.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/stamps.hpp"

using namespace plenary;

namespace {

struct PageSpec {
  double width = 595, height = 842;
  int rotate = 0;
};

struct PdfSpec {
  std::string text = "paper";   // drawn on every page, followed by " p<N>"
  std::vector<PageSpec> pages;  // none: one A4 page
  std::string field;            // a text field of this name on page 1 ("" = no form)
  bool outline = false;         // one bookmark "Section two" -> page 2, named destination
  bool link = false;            // page 1 links to the last page
};

// The bytes of `pdf` as qpdf writes them, with a fixed /ID so that the same file gives the same
// bytes.
std::string written(QPDF& pdf) {
  QPDFWriter w(pdf);
  w.setOutputMemory();
  w.setStaticID(true);
  w.write();
  auto buffer = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

std::string make_pdf(PdfSpec spec) {
  if (spec.pages.empty()) spec.pages.emplace_back();
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"));
  QPDFPageDocumentHelper pages(pdf);
  for (std::size_t i = 0; i < spec.pages.size(); ++i) {
    const PageSpec& p = spec.pages[i];
    QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Page /MediaBox [0 0 " + std::to_string(p.width) + " " +
        std::to_string(p.height) + "] /Rotate " + std::to_string(p.rotate) + " >>"));
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
    fonts.replaceKey("/F1", font);
    resources.replaceKey("/Font", fonts);
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(
                                     &pdf, "BT /F1 14 Tf 72 400 Td (" + spec.text + " p" +
                                               std::to_string(i + 1) + ") Tj ET"));
    pages.addPage(QPDFPageObjectHelper(page), false);
  }
  auto all = pages.getAllPages();
  if (!spec.field.empty()) {
    QPDFObjectHandle widget = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Annot /Subtype /Widget /FT /Tx /F 4 /Rect [72 600 272 620] "
        "/DA (/Helv 10 Tf 0 g) /V (value) >>"));
    widget.replaceKey("/T", QPDFObjectHandle::newString(spec.field));
    widget.replaceKey("/P", all[0].getObjectHandle());
    all[0].getObjectHandle().replaceKey("/Annots", QPDFObjectHandle::newArray({widget}));
    QPDFObjectHandle helv = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    QPDFObjectHandle acroform = QPDFObjectHandle::parse("<< /DA (/Helv 0 Tf 0 g) >>");
    acroform.replaceKey("/Fields", QPDFObjectHandle::newArray({widget}));
    QPDFObjectHandle dr = QPDFObjectHandle::newDictionary(),
                     drf = QPDFObjectHandle::newDictionary();
    drf.replaceKey("/Helv", helv);
    dr.replaceKey("/Font", drf);
    acroform.replaceKey("/DR", dr);
    pdf.getRoot().replaceKey("/AcroForm", acroform);
  }
  if (spec.outline && all.size() >= 2) {
    // A named destination, as many producers write them.
    QPDFObjectHandle dests = QPDFObjectHandle::newDictionary();
    dests.replaceKey("/two", QPDFObjectHandle::newArray(
                                 {all[1].getObjectHandle(), QPDFObjectHandle::newName("/Fit")}));
    pdf.getRoot().replaceKey("/Dests", pdf.makeIndirectObject(dests));
    QPDFObjectHandle root =
        pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines /Count 1 >>"));
    QPDFObjectHandle item =
        pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (Section two) /Dest /two >>"));
    item.replaceKey("/Parent", root);
    root.replaceKey("/First", item);
    root.replaceKey("/Last", item);
    pdf.getRoot().replaceKey("/Outlines", root);
  }
  if (spec.link) {
    QPDFObjectHandle link = pdf.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Type /Annot /Subtype /Link /Rect [72 72 200 90] >>"));
    link.replaceKey("/Dest", QPDFObjectHandle::newArray({all.back().getObjectHandle(),
                                                         QPDFObjectHandle::newName("/Fit")}));
    QPDFObjectHandle annots = all[0].getObjectHandle().getKey("/Annots");
    if (annots.isArray())
      annots.appendItem(link);
    else
      all[0].getObjectHandle().replaceKey("/Annots", QPDFObjectHandle::newArray({link}));
  }
  return written(pdf);
}

book::Paper paper(const std::string& ref, const PdfSpec& spec) {
  book::Paper p;
  p.ref = ref;
  p.title = "Title of " + ref;
  p.name = "papers/" + ref + ".pdf";
  p.pdf = make_pdf(spec);
  return p;
}

struct Opened {
  QPDF pdf;
  explicit Opened(const std::string& bytes) : keep(bytes) {
    pdf.processMemoryFile("book", keep.data(), keep.size());
  }
  std::string keep;
  std::vector<QPDFPageObjectHelper> pages() { return QPDFPageDocumentHelper(pdf).getAllPages(); }
  int page_of(QPDFObjectHandle page_ref) {
    auto all = pages();
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].getObjectHandle().getObjGen() == page_ref.getObjGen())
        return static_cast<int>(i + 1);
    return 0;
  }
  std::string contents(int page) {  // 1-based
    auto all = pages();
    return all.at(static_cast<std::size_t>(page - 1)).getObjectHandle().unparseResolved().size()
               ? [&] {
                   std::string text;
                   for (auto& s : all.at(static_cast<std::size_t>(page - 1))
                                      .getObjectHandle()
                                      .getPageContents()) {
                     auto data = s.getStreamData();
                     text.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
                   }
                   return text;
                 }()
               : std::string();
  }
};

// The stamp texts the last assemble() asked to be painted.
std::vector<std::string> painted;

book::Input sample() {
  book::Input in;
  in.plenary = "CCQM-31";
  in.paint_stamps = [](const std::vector<std::string>& texts) {
    painted = texts;
    const render::StampSheet sheet = render::paint_stamps(texts, doc::Style{});
    return book::StampSheet{sheet.pdf, sheet.baseline, sheet.contents};
  };
  PdfSpec pack;
  pack.text = "pack";
  pack.pages.resize(3);
  in.pack_pdf = make_pdf(pack);
  PdfSpec a;
  a.text = "alpha";
  a.pages.resize(2);
  a.pages[1].width = 612, a.pages[1].height = 792;  // A4 then Letter
  a.outline = true;
  a.link = true;
  a.field = "amount";
  PdfSpec b;
  b.text = "beta";
  b.pages.resize(2);
  b.pages[0].width = 842, b.pages[0].height = 595;  // landscape, then rotated
  b.pages[1].rotate = 90;
  b.field = "amount";
  in.items.push_back({"4", "Reports", {paper("CCQM/26-07", a), paper("CCQM/26-08", b)}});
  in.items.push_back({"5", "No papers", {}});
  in.items.push_back({"6", "Again", {paper("CCQM/26-07", a)}});
  return in;
}

}  // namespace

TEST_CASE("the book is the pack then each paper once, in agenda order", "[book]") {
  const book::Result r = book::assemble(sample());
  Opened o(r.pdf);
  REQUIRE(o.pages().size() == 3 + 2 + 2);
  CHECK(r.pages == 7);
  CHECK(r.first_pages.at("CCQM/26-07") == 4);
  CHECK(r.first_pages.at("CCQM/26-08") == 6);
  CHECK(o.contents(1).find("(pack p1)") != std::string::npos);
  CHECK(o.contents(4).find("(alpha p1)") != std::string::npos);
  CHECK(o.contents(7).find("(beta p2)") != std::string::npos);
}

TEST_CASE("papers keep their page sizes and rotation", "[book]") {
  Opened o(book::assemble(sample()).pdf);
  auto pages = o.pages();
  auto box = [&](int n) {
    return pages[static_cast<std::size_t>(n - 1)].getMediaBox().getArrayAsRectangle();
  };
  CHECK(box(5).urx == 612);
  CHECK(box(5).ury == 792);
  CHECK(box(6).urx == 842);
  CHECK(pages[6].getObjectHandle().getKey("/Rotate").getIntValue() == 90);
}

TEST_CASE("every paper page carries the stamp, outside q/Q of the paper's content", "[book]") {
  Opened o(book::assemble(sample()).pdf);
  // Painted by the project's PDF writer: the paper's page and the book's, per paper page.
  REQUIRE(painted.size() == 4);
  CHECK(painted[0] == "CCQM-31 | item 4 | CCQM/26-07, page 1 of 2 | Page 4 of 7");
  CHECK(painted[3] == "CCQM-31 | item 4 | CCQM/26-08, page 2 of 2 | Page 7 of 7");
  const std::string p4 = o.contents(4);
  const std::size_t at = p4.find("\nQ\nq 1.00000 0.00000 0.00000 1.00000 62.00 6.20 cm\n");
  CHECK(at != std::string::npos);
  CHECK(p4.find("/PlenaryStampF1 7 Tf", at) != std::string::npos);  // (the painter's /F1)
  CHECK(p4.compare(0, 2, "q\n") == 0);
  // Its font is embedded (a TrueType subset) with a ToUnicode map.
  QPDFObjectHandle font = o.pages()[3]
                              .getObjectHandle()
                              .getKey("/Resources")
                              .getKey("/Font")
                              .getKey("/PlenaryStampF1");
  REQUIRE(font.isDictionary());
  CHECK(font.hasKey("/ToUnicode"));
  QPDFObjectHandle descendant = font.getKey("/DescendantFonts");
  REQUIRE(descendant.isArray());
  CHECK(descendant.getArrayItem(0).getKey("/FontDescriptor").hasKey("/FontFile2"));
  // The rotated page's stamp runs up the right edge of the user space (its shown bottom).
  const std::string p7 = o.contents(7);
  CHECK(p7.find("q 0.00000 1.00000 -1.00000 0.00000 588.80 62.00 cm\n") != std::string::npos);
  CHECK(o.contents(1).find("/PlenaryStamp") == std::string::npos);  // the pack is not stamped
}

TEST_CASE("a book without a stamp painter is an error, not a book without stamps", "[book]") {
  book::Input in = sample();
  in.paint_stamps = nullptr;
  CHECK_THROWS_AS(book::assemble(in), book::BookError);
}

TEST_CASE(
    "the outline: an item per agenda item with papers, a paper under it, its own outline under "
    "that",
    "[book][outline]") {
  Opened o(book::assemble(sample()).pdf);
  QPDFOutlineDocumentHelper outlines(o.pdf);
  auto top = outlines.getTopLevelOutlines();
  REQUIRE(top.size() == 2);
  CHECK(top[0].getTitle() == "4. Reports");
  CHECK(top[1].getTitle() == "6. Again");
  auto kids = top[0].getKids();
  REQUIRE(kids.size() == 2);
  CHECK(kids[0].getTitle() == "CCQM/26-07  Title of CCQM/26-07");
  CHECK(o.page_of(kids[0].getDestPage()) == 4);
  CHECK(o.page_of(kids[1].getDestPage()) == 6);
  auto own = kids[0].getKids();
  REQUIRE(own.size() == 1);
  CHECK(own[0].getTitle() == "Section two");
  CHECK(o.page_of(own[0].getDestPage()) == 5);  // the named destination, remapped
  // Named again under item 6: the bookmark points at the same pages, without a second copy.
  auto again = top[1].getKids();
  REQUIRE(again.size() == 1);
  CHECK(o.page_of(again[0].getDestPage()) == 4);
  CHECK(again[0].getKids().empty());
}

TEST_CASE("a paper's internal link still lands on its page in the book", "[book][links]") {
  Opened o(book::assemble(sample()).pdf);
  int links = 0;
  for (auto& a : o.pages()[3].getAnnotations("/Link")) {
    ++links;
    CHECK(o.page_of(a.getObjectHandle().getKey("/Dest").getArrayItem(0)) == 5);
  }
  CHECK(links == 1);
}

TEST_CASE("two papers' fields with the same name stay two fields", "[book][forms]") {
  Opened o(book::assemble(sample()).pdf);
  QPDFAcroFormDocumentHelper forms(o.pdf);
  std::vector<std::string> names;
  for (auto& f : forms.getFormFields()) names.push_back(f.getFullyQualifiedName());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"CCQM/26-07.amount", "CCQM/26-08.amount"});
}

TEST_CASE("the pack's #paper- links become jumps to the paper's first page", "[book][links]") {
  book::Input in = sample();
  QPDF pack;
  pack.processMemoryFile("pack", in.pack_pdf.data(), in.pack_pdf.size());
  auto page = QPDFPageDocumentHelper(pack).getAllPages()[1].getObjectHandle();
  QPDFObjectHandle link = pack.makeIndirectObject(
      QPDFObjectHandle::parse("<< /Type /Annot /Subtype /Link /Rect [72 72 200 90] /A << /S /URI "
                              "/URI (#paper-CCQM/26-08) >> >>"));
  page.replaceKey("/Annots", QPDFObjectHandle::newArray({link}));
  in.pack_pdf = written(pack);
  Opened o(book::assemble(in).pdf);
  auto annots = o.pages()[1].getAnnotations("/Link");
  REQUIRE(annots.size() == 1);
  QPDFObjectHandle annot = annots[0].getObjectHandle();
  CHECK_FALSE(annot.hasKey("/A"));
  CHECK(o.page_of(annot.getKey("/Dest").getArrayItem(0)) == 6);
  CHECK(annot.getKey("/Contents").getUTF8Value() == "CCQM/26-08");  // not the URI
}

TEST_CASE("the same input gives the same bytes", "[book]") {
  const book::Input in = sample();
  CHECK(book::assemble(in).pdf == book::assemble(in).pdf);
}

TEST_CASE("a paper that is not a PDF fails the book, naming the file", "[book][errors]") {
  book::Input in = sample();
  in.items[0].papers[1].pdf = "PK\x03\x04 this is a zip, not a PDF";
  try {
    book::assemble(in);
    FAIL("no error");
  } catch (const book::BookError& e) {
    CHECK(e.file == "papers/CCQM/26-08.pdf");
    CHECK(std::string(e.what()).find("papers/CCQM/26-08.pdf: not a readable PDF") == 0);
  }
}

TEST_CASE("a truncated paper fails the book, naming the file", "[book][errors]") {
  book::Input in = sample();
  std::string& pdf = in.items[0].papers[0].pdf;
  pdf.resize(pdf.size() / 2);
  CHECK_THROWS_AS(book::assemble(in), book::BookError);
  CHECK(book::page_count(in.pack_pdf, "pack") == 3);
  CHECK_THROWS_AS(book::page_count(pdf, "x"), book::BookError);
}

namespace {

// `pdf` rewritten by `edit` (given the file and its pages).
std::string edited(const std::string& pdf,
                   const std::function<void(QPDF&, std::vector<QPDFPageObjectHelper>&)>& edit) {
  QPDF q;
  q.processMemoryFile("edit", pdf.data(), pdf.size());
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  edit(q, pages);
  return written(q);
}

}  // namespace

TEST_CASE("a tagged pack: the papers' annotations join its structure tree, their own tags go",
          "[book][tagged]") {
  book::Input in = sample();
  in.pack_pdf = edited(in.pack_pdf, [](QPDF& q, std::vector<QPDFPageObjectHelper>& pages) {
    QPDFObjectHandle tree = q.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /StructTreeRoot /ParentTree << /Nums [0 []] >> /ParentTreeNextKey 1 >>"));
    QPDFObjectHandle document = q.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Type /StructElem /S /Document /K [] >>"));
    document.replaceKey("/P", tree);
    tree.replaceKey("/K", document);
    q.getRoot().replaceKey("/StructTreeRoot", tree);
    q.getRoot().replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    pages[0].getObjectHandle().replaceKey("/StructParents", QPDFObjectHandle::newInteger(0));
  });
  // A tagged paper whose first page claims the pack's parent tree key 0 too.
  std::string& alpha = in.items[0].papers[0].pdf;
  alpha = edited(alpha, [](QPDF&, std::vector<QPDFPageObjectHelper>& pages) {
    pages[0].getObjectHandle().replaceKey("/StructParents", QPDFObjectHandle::newInteger(0));
  });
  in.items[2].papers[0].pdf = alpha;
  Opened o(book::assemble(in).pdf);
  auto pages = o.pages();
  QPDFObjectHandle tree = o.pdf.getRoot().getKey("/StructTreeRoot");
  REQUIRE(tree.isDictionary());
  QPDFNumberTreeObjectHelper parents(tree.getKey("/ParentTree"), o.pdf);
  std::set<std::string> parts;
  int tagged = 0;
  for (std::size_t i = 3; i < pages.size(); ++i) {
    CHECK_FALSE(pages[i].getObjectHandle().hasKey("/StructParents"));
    for (QPDFAnnotationObjectHelper& a : pages[i].getAnnotations()) {
      QPDFObjectHandle annot = a.getObjectHandle();
      REQUIRE(annot.getKey("/StructParent").isInteger());
      const long long key = annot.getKey("/StructParent").getIntValue();
      CHECK(key > 0);
      QPDFObjectHandle element;
      REQUIRE(parents.findObject(key, element));
      const bool link = annot.getKey("/Subtype").isNameAndEquals("/Link");
      CHECK(element.getKey("/S").getName() == (link ? "/Link" : "/Form"));
      CHECK(element.getKey("/K").getKey("/Type").getName() == "/OBJR");
      CHECK(element.getKey("/K").getKey("/Obj").getObjGen() == annot.getObjGen());
      QPDFObjectHandle part = element.getKey("/P");
      CHECK(part.getKey("/S").getName() == "/Part");
      CHECK(part.getKey("/P").getKey("/S").getName() == "/Document");
      parts.insert(part.getKey("/T").getUTF8Value());
      CHECK(key < tree.getKey("/ParentTreeNextKey").getIntValue());
      ++tagged;
    }
  }
  CHECK(tagged == 3);  // alpha's link and field, beta's field
  CHECK(parts == std::set<std::string>{"CCQM/26-07", "CCQM/26-08"});
}

TEST_CASE("stamps without the painter's operators are read from the painted pages", "[book]") {
  book::Input in = sample();
  in.paint_stamps = [](const std::vector<std::string>& texts) {
    const render::StampSheet sheet = render::paint_stamps(texts, doc::Style{}, 7, true);
    return book::StampSheet{sheet.pdf, sheet.baseline, {}};  // (no contents)
  };
  Opened o(book::assemble(in).pdf);
  for (int page = 4; page <= 7; ++page) {
    const std::string content = o.contents(page);
    CHECK(content.find("/PlenaryStampF1 7 Tf") != std::string::npos);
    CHECK(content.find("/Artifact BMC") != std::string::npos);
  }
  // Fewer painted pages than stamps: an error, not a book with stamps missing.
  in.paint_stamps = [](const std::vector<std::string>& texts) {
    const render::StampSheet sheet =
        render::paint_stamps({texts.begin(), texts.begin() + 1}, doc::Style{}, 7, true);
    return book::StampSheet{sheet.pdf, sheet.baseline, {}};
  };
  CHECK_THROWS_AS(book::assemble(in), book::BookError);
}

namespace {

// An object as bytes, indirect references followed (a font: its descendant, descriptor, widths,
// CIDToGIDMap, ToUnicode and font file), streams with their data as stored.
std::string dump(QPDFObjectHandle o, int depth = 0) {
  if (depth > 16) return "...";
  if (o.isStream()) {
    std::shared_ptr<Buffer> data = o.getRawStreamData();
    return dump(o.getDict(), depth + 1) + " stream " +
           std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  }
  if (o.isDictionary()) {
    std::string out = "<<";
    for (const std::string& key : o.getKeys()) out += key + " " + dump(o.getKey(key), depth + 1);
    return out + ">>";
  }
  if (o.isArray()) {
    std::string out = "[";
    for (const QPDFObjectHandle& item : o.getArrayAsVector()) out += dump(item, depth + 1) + " ";
    return out + "]";
  }
  return o.unparseResolved();  // (a stream's /Length may be an indirect number)
}

// Varied stamp texts: accents and ligatures, digits, the sample's paper references, French,
// a character above the BMP (drawn as a space), a lone combining mark (no width), quotes and
// parentheses (escaped in the string), repeats.
const std::vector<std::string> kStampTexts = {
    "CCQM-31 | item 4 | CCQM/26-07, page 1 of 2 | Page 4 of 7",
    "CCQM-31 | point 4 | CCQM/26-07, page 2 sur 2 | Page 5 sur 7",
    "CCQM-32 | item 12.3 | CCQM/25-104(rev.1), page 10 of 11 | Page 99 of 100",
    "Réunion – Œuvre « déjà » ß Ærø ÿ ñ ç 0123456789 \\ ( ) [ ] { }",
    "\xF0\x9D\x94\xB8 math A above the BMP",
    "\xCC\x81",
    "CCQM-31 | item 4 | CCQM/26-07, page 1 of 2 | Page 4 of 7",
};

}  // namespace

TEST_CASE("the stamps' one-page sheet: the operators and the font of every page painted",
          "[book][stamps]") {
  const render::StampSheet one = render::paint_stamps(kStampTexts, doc::Style{});
  const render::StampSheet all = render::paint_stamps(kStampTexts, doc::Style{}, 7, true);
  REQUIRE_FALSE(one.pdf.empty());
  REQUIRE_FALSE(all.pdf.empty());
  CHECK(one.width == all.width);
  CHECK(one.height == all.height);
  CHECK(one.baseline == all.baseline);
  REQUIRE(one.contents.size() == kStampTexts.size());
  CHECK(one.contents == all.contents);
  CHECK(one.contents[0] == one.contents.back());
  CHECK(one.contents[0].find("/F1 7 Tf") != std::string::npos);
  Opened a(one.pdf), b(all.pdf);
  REQUIRE(a.pages().size() == 1);
  REQUIRE(b.pages().size() == kStampTexts.size());
  // The first page: the same size, content and font, byte for byte.
  CHECK(dump(a.pages()[0].getObjectHandle().getKey("/MediaBox")) ==
        dump(b.pages()[0].getObjectHandle().getKey("/MediaBox")));
  CHECK(a.contents(1) == b.contents(1));
  QPDFObjectHandle font = a.pages()[0].getObjectHandle().getKey("/Resources").getKey("/Font");
  REQUIRE(font.isDictionary());
  CHECK(font.getKeys() == std::set<std::string>{"/F1"});
  const std::string subset = dump(font);
  CHECK(subset == dump(b.pages()[0].getObjectHandle().getKey("/Resources").getKey("/Font")));
  // ... whose subset holds the glyphs of every page: its ToUnicode map reads back the accents
  // of the fourth text (not on the first page).
  std::shared_ptr<Buffer> cmap = font.getKey("/F1").getKey("/ToUnicode").getStreamData();
  const std::string map(reinterpret_cast<const char*>(cmap->getBuffer()), cmap->getSize());
  CHECK(map.find("<0152>") != std::string::npos);  // Œ
}

TEST_CASE("a page drawn for its operators only may hold only artifact text", "[book][stamps]") {
  auto layout_with = [](int second_node) {
    paginate::Pagination layout;
    layout.page_width = 100;
    layout.page_height = 20;
    layout.fonts = std::make_shared<fonts::FontRegistry>(doc::Style{});
    layout.structure.push_back(paginate::StructNode{"Document", -1, {}, {}, false});
    for (int node : {paginate::kArtifact, second_node}) {
      paginate::Page page;
      paginate::TextItem run;
      run.y = 10;
      run.font = layout.fonts->font(fonts::Family::Body, false, false);
      run.size = 7;
      run.text = "x";
      page.items.emplace_back(std::move(run));
      page.nodes.push_back(node);
      layout.pages.push_back(std::move(page));
      layout.starts.push_back({});
    }
    return layout;
  };
  render::PdfOptions options;
  options.keep_page_contents = true;
  options.first_page_only = true;
  const render::PdfResult ok =
      render::write_pdf(doc::Document{}, layout_with(paginate::kArtifact), options);
  CHECK_FALSE(ok.diagnostics.has_errors());
  CHECK(ok.page_contents.size() == 2);
  CHECK_FALSE(ok.bytes.empty());
  const render::PdfResult tagged = render::write_pdf(doc::Document{}, layout_with(0), options);
  CHECK(tagged.diagnostics.has_errors());
  CHECK(tagged.bytes.empty());
}

TEST_CASE("the book is the same byte for byte whether the stamps' sheet has one page or all",
          "[book][stamps]") {
  book::Input in = sample();
  in.texts.stamp = "{plenary} · point {item} — {ref} « p. {paper_page}/{paper_pages} » "
                   "Seite {page} von {pages} Œß (ñ) \xF0\x9D\x94\xB8";
  const std::string one = book::assemble(in).pdf;
  in.paint_stamps = [](const std::vector<std::string>& texts) {
    const render::StampSheet sheet = render::paint_stamps(texts, doc::Style{}, 7, true);
    return book::StampSheet{sheet.pdf, sheet.baseline, sheet.contents};
  };
  const std::string all = book::assemble(in).pdf;
  REQUIRE_FALSE(one.empty());
  CHECK(one == all);
  // And the same again when the assembler reads every page's operators from the pages.
  in.paint_stamps = [](const std::vector<std::string>& texts) {
    const render::StampSheet sheet = render::paint_stamps(texts, doc::Style{}, 7, true);
    return book::StampSheet{sheet.pdf, sheet.baseline, {}};
  };
  CHECK(one == book::assemble(in).pdf);
  // Each page carries its stamp's operators as painted, only the font's name replaced (the
  // assembler does not read again the operators a stamp shares with the one before).
  Opened o(one);
  REQUIRE(painted.size() == 4);
  const render::StampSheet sheet = render::paint_stamps(painted, doc::Style{});
  REQUIRE(sheet.contents.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    std::string expected = sheet.contents[i];
    const std::size_t at = expected.find("/F1 7 Tf");
    REQUIRE(at != std::string::npos);
    expected.replace(at, 3, "/PlenaryStampF1");
    CHECK(o.contents(static_cast<int>(i) + 4).find(expected) != std::string::npos);
  }
}

TEST_CASE("a stamp's operators reach the page as painted, only its font renamed", "[book][stamps]") {
  book::Input in = sample();
  // The first paper's first page already names a font of its own /PlenaryStampF1.
  {
    QPDF paper;
    const std::string bytes = in.items[0].papers[0].pdf;
    paper.processMemoryFile("paper", bytes.data(), bytes.size());
    QPDFObjectHandle page = QPDFPageDocumentHelper(paper).getAllPages()[0].getObjectHandle();
    QPDFObjectHandle fonts = page.getKey("/Resources").getKey("/Font");
    fonts.replaceKey("/PlenaryStampF1", fonts.getKey("/F1"));
    const std::string changed = written(paper);
    for (book::Item& item : in.items)
      for (book::Paper& p : item.papers)
        if (p.ref == "CCQM/26-07") p.pdf = changed;
  }
  Opened o(book::assemble(in).pdf);
  REQUIRE(painted.size() == 4);
  const render::StampSheet sheet = render::paint_stamps(painted, doc::Style{});
  REQUIRE(sheet.contents.size() == 4);
  auto as_placed = [&](std::size_t i, const std::string& name) {
    std::string content = sheet.contents[i];
    const std::size_t at = content.find("/F1 ");
    REQUIRE(at != std::string::npos);
    REQUIRE(content.find("/F1 ", at + 1) == std::string::npos);
    return content.replace(at, 3, name);
  };
  // Page 4 (the paper's first): a new name, its own /PlenaryStampF1 left alone.
  const std::string p4 = o.contents(4);
  CHECK(p4.find(as_placed(0, "/PlenaryStampF1X")) != std::string::npos);
  CHECK(p4.find("/F1 14 Tf") != std::string::npos);  // the paper's own operators
  QPDFObjectHandle fonts4 = o.pages()[3].getObjectHandle().getKey("/Resources").getKey("/Font");
  CHECK(fonts4.getKey("/PlenaryStampF1X").getKey("/Subtype").getName() == "/Type0");
  CHECK(fonts4.getKey("/PlenaryStampF1").getKey("/Subtype").getName() != "/Type0");
  // The other pages: the usual name, every other byte as the painter wrote it.
  CHECK(o.contents(5).find(as_placed(1, "/PlenaryStampF1")) != std::string::npos);
  CHECK(o.contents(7).find(as_placed(3, "/PlenaryStampF1")) != std::string::npos);
}
