// book::assemble with libqpdf (the only place that includes it). Phases: open the pack and every
// paper (warnings captured, never printed); copy each paper's pages after the pack, its form
// fields put under a parent field named by its reference; stamp every paper page in its margin
// band; add the outline (items, papers, their own outlines); turn the pack's "#paper-…" links
// into jumps; write with a content-derived /ID. docs/book.md explains the choices.
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <array>
#include <map>
#include <cstdio>
#include <memory>
#include <set>

#include "book/book.hpp"

namespace plenary::book {

namespace {

constexpr int kMaxOutlineDepth = 32;  // a deeper (or looping) paper outline is cut there

// Opens PDF bytes; qpdf's warnings are kept (getWarnings), never printed. A damaged file is not
// repaired: a truncated paper is an error, not a book with pages missing.
std::unique_ptr<QPDF> open_pdf(const std::string& bytes, const std::string& name) {
  auto pdf = std::make_unique<QPDF>();
  pdf->setSuppressWarnings(true);
  pdf->setAttemptRecovery(false);
  try {
    pdf->processMemoryFile(name.c_str(), bytes.data(), bytes.size(), "");
    // Touch every page now, so that a broken page tree fails here, naming the file.
    QPDFPageDocumentHelper(*pdf).getAllPages();
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      throw BookError(name,
                      "the file is encrypted with a password; a book needs papers that "
                      "open without one");
    throw BookError(name, "not a readable PDF (" + e.getMessageDetail() + ")");
  } catch (const std::exception& e) {
    throw BookError(name, std::string("not a readable PDF (") + e.what() + ")");
  }
  return pdf;
}

void take_warnings(QPDF& pdf, const std::string& name,
                   std::vector<std::pair<std::string, std::string>>& out) {
  for (const QPDFExc& w : pdf.getWarnings())
    out.emplace_back(w.getFilename().empty() ? name : w.getFilename(), w.getMessageDetail());
}

std::string replace_all(std::string text, const std::string& key, const std::string& value) {
  for (std::size_t at = 0; (at = text.find(key, at)) != std::string::npos; at += value.size())
    text.replace(at, key.size(), value);
  return text;
}

std::string number(double v, const char* format = "%.2f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// Where the stamp goes, as the `cm` that takes its sheet's space (`width` wide, the text's
// baseline `baseline` above its bottom) onto the page: along the bottom edge of the page as it
// is shown (after /Rotate), `margin` from its left edge, its baseline 9 pt above its bottom
// edge, in the visible box `box`; shrunk when it is wider than the page leaves between its
// margins.
std::string stamp_matrix(const QPDFObjectHandle::Rectangle& box, int rotate, double width,
                         double baseline, double margin) {
  // The point shown at the bottom-left corner, and the user-space directions shown as right
  // (ux) and up (uy).
  double cx = box.llx, cy = box.lly, ux[2] = {1, 0}, uy[2] = {0, 1};
  if (rotate == 90) cx = box.urx, cy = box.lly, ux[0] = 0, ux[1] = 1, uy[0] = -1, uy[1] = 0;
  if (rotate == 180) cx = box.urx, cy = box.ury, ux[0] = -1, ux[1] = 0, uy[0] = 0, uy[1] = -1;
  if (rotate == 270) cx = box.llx, cy = box.ury, ux[0] = 0, ux[1] = -1, uy[0] = 1, uy[1] = 0;
  const double shown = (rotate == 90 || rotate == 270) ? box.ury - box.lly : box.urx - box.llx;
  margin = std::min(margin, shown * 0.15);  // (a small page keeps most of its width)
  const double room = shown - 2 * margin;
  const double scale = width > room && width > 0 ? std::max(room, 1.0) / width : 1.0;
  const double left = margin, up = 9 - baseline * scale;
  const double x = cx + left * ux[0] + up * uy[0], y = cy + left * ux[1] + up * uy[1];
  const char* f = "%.5f";
  return "q " + number(scale * ux[0], f) + " " + number(scale * ux[1], f) + " " +
         number(scale * uy[0], f) + " " + number(scale * uy[1], f) + " " + number(x) + " " +
         number(y) + " cm\n";
}

// The same for a page, from its visible box and /Rotate. Pages of one size and rotation share
// it (all of a paper's, often): `cache` keeps it per box and rotation, for one width, baseline
// and margin.
using MatrixCache = std::map<std::array<double, 5>, std::string>;
const std::string& stamp_matrix(QPDFPageObjectHelper& page, double width, double baseline,
                                double margin, MatrixCache& cache) {
  const QPDFObjectHandle::Rectangle box = page.getCropBox().getArrayAsRectangle();
  int rotate = 0;
  QPDFObjectHandle r = page.getAttribute("/Rotate", false);
  if (r.isInteger()) rotate = static_cast<int>(((r.getIntValue() % 360) + 360) % 360);
  std::string& matrix = cache[{box.llx, box.lly, box.urx, box.ury, static_cast<double>(rotate)}];
  if (matrix.empty()) matrix = stamp_matrix(box, rotate, width, baseline, margin);
  return matrix;
}

// An object of the painted stamps' file copied into the book: indirect ones by qpdf (once
// each), direct dictionaries and arrays rebuilt around them.
QPDFObjectHandle copy_in(QPDF& book, QPDFObjectHandle object) {
  if (object.isIndirect()) return book.copyForeignObject(object);
  if (object.isDictionary()) {
    QPDFObjectHandle out = QPDFObjectHandle::newDictionary();
    for (const std::string& key : object.getKeys())
      out.replaceKey(key, copy_in(book, object.getKey(key)));
    return out;
  }
  if (object.isArray()) {
    QPDFObjectHandle out = QPDFObjectHandle::newArray();
    for (const QPDFObjectHandle& item : object.getArrayAsVector())
      out.appendItem(copy_in(book, item));
    return out;
  }
  return object.shallowCopy();
}

// The content of a page of the painted stamps (uncompressed: a few text operators).
std::string page_content(QPDFPageObjectHelper sheet) {
  std::string content;
  for (QPDFObjectHandle stream : sheet.getPageContents()) {
    std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_generalized);
    content.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    content += '\n';
  }
  return content;
}

// Stamps' operators with their font resource names renamed by `names` (qpdf's content
// tokenizer finds the names; every other byte is copied as it is, the whitespace between
// tokens included, so the tokenizer skips it instead of making a token of it). Consecutive
// stamps begin with the same operators (marked content, text object, font, colour, move) and
// differ from their text on: the tokens that lie wholly inside the bytes a stamp shares with
// the previous one are not read again. A token's end is known from the byte after it at the
// latest, so the tokens read up to a boundary b of the previous stamp are the same in this one
// when their first b + 1 bytes are.
class Renamer {
 public:
  std::string operator()(const std::string& content,
                         const std::map<std::string, std::string>& names) {
    if (names != names_) {
      names_ = names;
      last_.clear();
      boundaries_.clear();
      found_.clear();
    }
    std::size_t same = 0;  // bytes shared with the previous stamp
    while (same < content.size() && same < last_.size() && content[same] == last_[same]) ++same;
    // The last boundary b of the previous stamp with b < same, and what was found before it.
    while (!boundaries_.empty() && boundaries_.back() >= same) boundaries_.pop_back();
    const std::size_t start = boundaries_.empty() ? 0 : boundaries_.back();
    while (!found_.empty() && found_.back().end > start) found_.pop_back();
    auto input = std::make_shared<BufferInputSource>("stamp", content);
    input->seek(static_cast<qpdf_offset_t>(start), SEEK_SET);
    QPDFTokenizer tokenizer;
    tokenizer.allowEOF();
    for (;;) {
      QPDFTokenizer::Token token = tokenizer.readToken(input, "stamp", true);
      if (token.getType() == QPDFTokenizer::tt_eof) break;
      // The name's raw bytes end where the tokenizer stands (it puts back the delimiter it
      // read).
      const auto end = static_cast<std::size_t>(input->tell());
      boundaries_.push_back(end);
      if (token.getType() != QPDFTokenizer::tt_name) continue;
      // (Looked up in this object's copy of `names`: what is found is kept for the next stamp.)
      auto renamed = names_.find(token.getValue());
      if (renamed != names_.end())
        found_.push_back({end - token.getRawValue().size(), end, &renamed->second});
    }
    std::string out;
    out.reserve(content.size() + 32);
    std::size_t copied = 0;  // bytes of `content` already in `out`
    for (const Found& name : found_) {
      out.append(content, copied, name.start - copied);
      out += *name.replacement;
      copied = name.end;
    }
    out.append(content, copied, std::string::npos);
    last_ = content;
    return out;
  }

 private:
  struct Found {
    std::size_t start, end;           // the name's bytes in the stamp
    const std::string* replacement;  // in names_
  };
  std::map<std::string, std::string> names_;
  std::string last_;                     // the previous stamp
  std::vector<std::size_t> boundaries_;  // where each of its tokens ends, in order
  std::vector<Found> found_;             // its names to rename, in order
};

// Draws a stamp (`content`, the operators painted on a page of the sheet whose resources
// `sheet` has) after the page's content: inline, in q … Q with the matrix that puts it in
// place, its fonts (copied once into the book, in `fonts`) added to the page's resources under
// names of their own.
void stamp_page(QPDF& book, QPDFPageObjectHelper page, QPDFPageObjectHelper sheet,
                const std::string& content, std::map<QPDFObjGen, QPDFObjectHandle>& copied_fonts,
                QPDFObjectHandle save, double width, double baseline, double margin,
                MatrixCache& matrices, Renamer& renamed) {
  QPDFObjectHandle resources = page.getAttribute("/Resources", true);
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    page.getObjectHandle().replaceKey("/Resources", resources);
  }
  QPDFObjectHandle fonts = resources.getKey("/Font");
  if (!fonts.isDictionary()) {
    fonts = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/Font", fonts);
  }
  std::map<std::string, std::string> names;
  QPDFObjectHandle sheet_fonts = sheet.getAttribute("/Resources", false).getKey("/Font");
  if (sheet_fonts.isDictionary())
    for (const std::string& key : sheet_fonts.getKeys()) {
      QPDFObjectHandle font = sheet_fonts.getKey(key);
      QPDFObjectHandle& copy = copied_fonts[font.getObjGen()];
      if (!copy.isInitialized() || !font.isIndirect()) copy = copy_in(book, font);
      std::string name = "/PlenaryStamp" + key.substr(1);
      while (fonts.hasKey(name) && fonts.getKey(name).getObjGen() != copy.getObjGen()) name += "X";
      fonts.replaceKey(name, copy);
      names[key] = name;
    }
  // The paper's own content inside q … Q, so that whatever state it leaves, the stamp starts
  // from the page's default one: [q, the page's streams, Q and the stamp] (what
  // addPageContents(save, true) then addPageContents(stamp, false) make, in one pass).
  QPDFObjectHandle stamp = QPDFObjectHandle::newStream(
      &book, "\nQ\n" + stamp_matrix(page, width, baseline, margin, matrices) +
                 renamed(content, names) + "\nQ\n");
  std::vector<QPDFObjectHandle> streams{save};
  for (QPDFObjectHandle& stream : page.getObjectHandle().getPageContents())
    streams.push_back(stream);
  streams.push_back(stamp);
  page.getObjectHandle().replaceKey("/Contents", QPDFObjectHandle::newArray(streams));
}

// A link's destination as the book will need it: a named one made explicit (the book keeps no
// name tree of the papers), and its page as the page's index in the paper (a new array; the
// original may be shared with the outline). Copying a page cuts references to other pages, so
// restore_link_dests puts the book's copies back in after every page has been copied.
QPDFObjectHandle indexed_dest(QPDFOutlineDocumentHelper& outlines, QPDFObjectHandle dest,
                              const std::map<QPDFObjGen, int>& index) {
  if (dest.isString() || dest.isName()) dest = outlines.resolveNamedDest(dest);
  if (!dest.isArray() || dest.getArrayNItems() == 0) return dest;
  auto page = index.find(dest.getArrayItem(0).getObjGen());
  if (page == index.end()) return QPDFObjectHandle::newNull();
  QPDFObjectHandle out = QPDFObjectHandle::newArray();
  out.appendItem(QPDFObjectHandle::newInteger(page->second));
  for (int i = 1; i < dest.getArrayNItems(); ++i) {
    QPDFObjectHandle v = dest.getArrayItem(i);
    out.appendItem(v.isIndirect() ? QPDFObjectHandle::newNull()
                                  : QPDFObjectHandle::parse(v.unparse()));
  }
  return out;
}

void index_link_dests(QPDF& paper, std::vector<QPDFPageObjectHelper>& pages) {
  QPDFOutlineDocumentHelper outlines(paper);
  std::map<QPDFObjGen, int> index;
  for (std::size_t i = 0; i < pages.size(); ++i)
    index[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i);
  for (QPDFPageObjectHelper& page : pages) {
    for (QPDFAnnotationObjectHelper& a : page.getAnnotations("/Link")) {
      QPDFObjectHandle annot = a.getObjectHandle();
      if (annot.hasKey("/Dest"))
        annot.replaceKey("/Dest", indexed_dest(outlines, annot.getKey("/Dest"), index));
      QPDFObjectHandle action = annot.getKey("/A");
      if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/GoTo"))
        action.replaceKey("/D", indexed_dest(outlines, action.getKey("/D"), index));
    }
  }
}

void restore_dest(QPDFObjectHandle dest, const std::vector<QPDFPageObjectHelper>& copied) {
  if (!dest.isArray() || dest.getArrayNItems() == 0 || !dest.getArrayItem(0).isInteger()) return;
  const long long i = dest.getArrayItem(0).getIntValue();
  if (i >= 0 && i < static_cast<long long>(copied.size()))
    dest.setArrayItem(0, copied[static_cast<std::size_t>(i)].getObjectHandle());
}

void restore_link_dests(std::vector<QPDFPageObjectHelper>& copied) {
  for (QPDFPageObjectHelper& page : copied)
    for (QPDFAnnotationObjectHelper& a : page.getAnnotations("/Link")) {
      QPDFObjectHandle annot = a.getObjectHandle();
      restore_dest(annot.getKey("/Dest"), copied);
      QPDFObjectHandle action = annot.getKey("/A");
      if (action.isDictionary()) restore_dest(action.getKey("/D"), copied);
    }
}

// Puts every field of the paper under one new parent field named `name`, so that two papers'
// fields with the same name stay two fields in the book ("CCQM/26-07.amount").
void fields_under_parent(QPDF& paper, const std::string& name) {
  QPDFObjectHandle acroform = paper.getRoot().getKey("/AcroForm");
  if (!acroform.isDictionary()) return;
  QPDFObjectHandle fields = acroform.getKey("/Fields");
  if (!fields.isArray() || fields.getArrayNItems() == 0) return;
  QPDFObjectHandle parent = paper.makeIndirectObject(QPDFObjectHandle::newDictionary());
  parent.replaceKey("/T", QPDFObjectHandle::newUnicodeString(name));
  QPDFObjectHandle kids = QPDFObjectHandle::newArray();
  for (QPDFObjectHandle field : fields.getArrayAsVector()) {
    if (!field.isDictionary() || !field.isIndirect()) continue;
    field.replaceKey("/Parent", parent);
    kids.appendItem(field);
  }
  parent.replaceKey("/Kids", kids);
  acroform.replaceKey("/Fields", QPDFObjectHandle::newArray({parent}));
}

// An outline entry before it becomes PDF objects.
struct Entry {
  std::string title;
  QPDFObjectHandle dest;  // explicit destination in the book, or null
  bool open = false;
  std::vector<Entry> kids;
};

// A destination of a paper, remapped to the book's copy of its page (null when its page is not
// one of the paper's).
QPDFObjectHandle remap_dest(QPDFObjectHandle dest,
                            const std::map<QPDFObjGen, QPDFObjectHandle>& page_map) {
  if (!dest.isArray() || dest.getArrayNItems() == 0) return QPDFObjectHandle::newNull();
  auto page = page_map.find(dest.getArrayItem(0).getObjGen());
  if (page == page_map.end()) return QPDFObjectHandle::newNull();
  QPDFObjectHandle out = QPDFObjectHandle::newArray();
  out.appendItem(page->second);
  for (int i = 1; i < dest.getArrayNItems(); ++i) {
    QPDFObjectHandle v = dest.getArrayItem(i);
    out.appendItem(v.isIndirect() ? QPDFObjectHandle::newNull()
                                  : QPDFObjectHandle::parse(v.unparse()));
  }
  return out;
}

void paper_outline(std::vector<QPDFOutlineObjectHelper> items,
                   const std::map<QPDFObjGen, QPDFObjectHandle>& page_map, int depth,
                   std::vector<Entry>& out) {
  if (depth >= kMaxOutlineDepth) return;
  for (QPDFOutlineObjectHelper& item : items) {
    Entry e;
    e.title = item.getTitle();
    e.dest = remap_dest(item.getDest(), page_map);
    e.open = item.getCount() > 0;
    paper_outline(item.getKids(), page_map, depth + 1, e.kids);
    out.push_back(std::move(e));
  }
}

// Writes `entries` as outline items under `parent`; returns the number of visible descendants
// (what the parent's /Count says when it is open).
int write_outline(QPDF& book, QPDFObjectHandle parent, const std::vector<Entry>& entries) {
  int visible = 0;
  QPDFObjectHandle previous = parent.getKey("/Last");
  if (!previous.isDictionary()) previous = QPDFObjectHandle::newNull();
  for (const Entry& e : entries) {
    QPDFObjectHandle item = book.makeIndirectObject(QPDFObjectHandle::newDictionary());
    item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(e.title));
    item.replaceKey("/Parent", parent);
    QPDFObjectHandle dest = e.dest;  // (qpdf's isNull is not const)
    if (!dest.isNull()) item.replaceKey("/Dest", dest);
    if (previous.isNull()) {
      parent.replaceKey("/First", item);
    } else {
      previous.replaceKey("/Next", item);
      item.replaceKey("/Prev", previous);
    }
    parent.replaceKey("/Last", item);
    previous = item;
    if (!e.kids.empty()) {
      const int below = write_outline(book, item, e.kids);
      item.replaceKey("/Count", QPDFObjectHandle::newInteger(e.open ? below : -below));
      if (e.open) visible += below;
    }
    ++visible;
  }
  return visible;
}

// The root's /Count: its visible items, the pack's own included.
void recount_root(QPDFObjectHandle root) {
  int visible = 0;
  std::set<QPDFObjGen> seen;
  for (QPDFObjectHandle item = root.getKey("/First");
       item.isDictionary() && seen.insert(item.getObjGen()).second; item = item.getKey("/Next")) {
    QPDFObjectHandle count = item.getKey("/Count");
    visible +=
        1 +
        (count.isInteger() && count.getIntValue() > 0 ? static_cast<int>(count.getIntValue()) : 0);
  }
  root.replaceKey("/Count", QPDFObjectHandle::newInteger(visible));
}

// The pack's links to "#paper-<name>" become jumps to the paper's first page (a /Dest).
void link_pack(std::vector<QPDFPageObjectHelper>& pack_pages,
               const std::map<std::string, QPDFObjectHandle>& targets) {
  const std::string prefix = "#paper-";
  for (QPDFPageObjectHelper& page : pack_pages) {
    for (QPDFAnnotationObjectHelper& a : page.getAnnotations("/Link")) {
      QPDFObjectHandle annot = a.getObjectHandle();
      QPDFObjectHandle action = annot.getKey("/A");
      if (!action.isDictionary() || !action.getKey("/S").isNameAndEquals("/URI")) continue;
      QPDFObjectHandle uri = action.getKey("/URI");
      if (!uri.isString()) continue;
      const std::string text = uri.getUTF8Value();
      if (text.compare(0, prefix.size(), prefix) != 0) continue;
      auto target = targets.find(text.substr(prefix.size()));
      if (target == targets.end()) continue;
      annot.removeKey("/A");
      annot.replaceKey(
          "/Dest", QPDFObjectHandle::newArray({target->second, QPDFObjectHandle::newName("/Fit")}));
      // (its description, PDF/UA's alternate text, was the URI)
      annot.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(target->first));
    }
  }
}

// Link annotations on the pack where it names a paper (Input::pack_links).
void add_pack_links(QPDF& book, std::vector<QPDFPageObjectHelper>& pack_pages,
                    const std::vector<PackLink>& links,
                    const std::map<std::string, QPDFObjectHandle>& targets) {
  for (const PackLink& link : links) {
    auto target = targets.find(link.paper);
    if (target == targets.end() || link.page < 1 || link.page > static_cast<int>(pack_pages.size()))
      continue;
    QPDFObjectHandle page = pack_pages[static_cast<std::size_t>(link.page - 1)].getObjectHandle();
    QPDFObjectHandle annot = book.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [" + number(link.x0) + " " +
        number(link.y0) + " " + number(link.x1) + " " + number(link.y1) + "] >>"));
    annot.replaceKey(
        "/Dest", QPDFObjectHandle::newArray({target->second, QPDFObjectHandle::newName("/Fit")}));
    annot.replaceKey("/P", page);
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) {
      annots = QPDFObjectHandle::newArray();
      page.replaceKey("/Annots", annots);
    }
    annots.appendItem(annot);
  }
}

// A paper page copied into a tagged book: its own marked content has no place in the pack's
// structure tree, so its /StructParents (and its annotations' /StructParent) go, lest they
// collide with the pack's parent tree keys.
void untag_paper_page(QPDFObjectHandle page) {
  page.removeKey("/StructParents");
  QPDFObjectHandle annots = page.getKey("/Annots");
  if (annots.isArray())
    for (QPDFObjectHandle annot : annots.getArrayAsVector())
      if (annot.isDictionary()) annot.removeKey("/StructParent");
}

// A tagged book (the pack's structure tree): every paper gets a Part element under the
// document's, holding a Link (or Form) element with an object reference for each of its link
// annotations (and form widgets), registered in the parent tree (/StructParent), as PDF/UA
// asks of every annotation. The papers' own page content is not tagged (docs/book.md).
void tag_paper_annotations(QPDF& book,
                           const std::vector<std::pair<std::string, std::vector<QPDFObjectHandle>>>&
                               papers) {
  QPDFObjectHandle root = book.getRoot().getKey("/StructTreeRoot");
  if (!root.isDictionary()) return;
  QPDFObjectHandle document = root.getKey("/K");
  if (document.isArray() && document.getArrayNItems() > 0) document = document.getArrayItem(0);
  if (!document.isDictionary() || !document.isIndirect()) return;
  QPDFObjectHandle parent_tree = root.getKey("/ParentTree");
  if (!parent_tree.isDictionary()) {
    parent_tree = book.makeIndirectObject(QPDFObjectHandle::parse("<< /Nums [] >>"));
    root.replaceKey("/ParentTree", parent_tree);
  }
  QPDFNumberTreeObjectHelper tree(parent_tree, book);
  long long key = 1;
  QPDFObjectHandle next = root.getKey("/ParentTreeNextKey");
  if (next.isInteger()) key = std::max(key, next.getIntValue());
  if (tree.begin() != tree.end()) key = std::max(key, static_cast<long long>(tree.getMax()) + 1);
  QPDFObjectHandle kids = document.getKey("/K");
  if (!kids.isArray()) {
    QPDFObjectHandle one = kids;
    kids = QPDFObjectHandle::newArray();
    if (!one.isNull()) kids.appendItem(one);
    document.replaceKey("/K", kids);
  }
  for (const auto& [ref, pages] : papers) {
    QPDFObjectHandle part;
    for (QPDFObjectHandle page : pages) {
      QPDFObjectHandle annots = page.getKey("/Annots");
      if (!annots.isArray()) continue;
      bool any = false;
      for (QPDFObjectHandle annot : annots.getArrayAsVector()) {
        if (!annot.isDictionary() || !annot.isIndirect()) continue;
        const bool link = annot.getKey("/Subtype").isNameAndEquals("/Link");
        if (!link && !annot.getKey("/Subtype").isNameAndEquals("/Widget")) continue;
        if (!part.isInitialized()) {
          part = book.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /StructElem /S /Part >>"));
          part.replaceKey("/P", document);
          part.replaceKey("/T", QPDFObjectHandle::newUnicodeString(ref));
          part.replaceKey("/K", QPDFObjectHandle::newArray());
          kids.appendItem(part);
        }
        QPDFObjectHandle objr = QPDFObjectHandle::parse("<< /Type /OBJR >>");
        objr.replaceKey("/Obj", annot);
        objr.replaceKey("/Pg", page);
        QPDFObjectHandle element = book.makeIndirectObject(QPDFObjectHandle::newDictionary());
        element.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
        element.replaceKey("/S", QPDFObjectHandle::newName(link ? "/Link" : "/Form"));
        element.replaceKey("/P", part);
        element.replaceKey("/Pg", page);
        element.replaceKey("/K", objr);
        part.getKey("/K").appendItem(element);
        annot.replaceKey("/StructParent", QPDFObjectHandle::newInteger(key));
        tree.insert(key, element);
        ++key;
        any = true;
      }
      if (any) page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
    }
  }
  root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key));
}

// The pack's XMP claims PDF/UA (and a final report's PDF/A); the book, whose papers' content is
// not tagged, makes neither claim: those properties are taken out of its metadata, which is
// otherwise the pack's (title, language, subject).
void drop_conformance_claims(QPDF& book) {
  QPDFObjectHandle meta = book.getRoot().getKey("/Metadata");
  if (!meta.isStream()) return;
  std::shared_ptr<Buffer> data = meta.getStreamData(qpdf_dl_all);
  std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  bool changed = false;
  for (const std::string tag : {"pdfuaid:part", "pdfaid:part", "pdfaid:conformance", "pdfaid:amd"}) {
    for (std::size_t at; (at = xmp.find("<" + tag + ">")) != std::string::npos;) {
      const std::size_t end = xmp.find("</" + tag + ">", at);
      if (end == std::string::npos) break;
      std::size_t from = at, to = end + tag.size() + 3;
      while (from > 0 && (xmp[from - 1] == ' ' || xmp[from - 1] == '\t')) --from;
      if (to < xmp.size() && xmp[to] == '\n') ++to;
      xmp.erase(from, to - from);
      changed = true;
    }
    for (std::size_t at; (at = xmp.find(" " + tag + "=\"")) != std::string::npos;) {
      const std::size_t end = xmp.find('"', at + tag.size() + 3);
      if (end == std::string::npos) break;
      xmp.erase(at, end + 1 - at);
      changed = true;
    }
  }
  if (changed)
    meta.replaceStreamData(xmp, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

struct OpenPaper {
  const Paper* paper;
  const Item* item;  // the first item that names it
  std::unique_ptr<QPDF> pdf;
  std::vector<QPDFPageObjectHelper> pages;
};

}  // namespace

int page_count(const std::string& pdf, const std::string& name) {
  auto q = open_pdf(pdf, name);
  return static_cast<int>(QPDFPageDocumentHelper(*q).getAllPages().size());
}

std::string normalize(const std::string& pdf, const std::string& name) {
  auto q = open_pdf(pdf, name);
  try {
    q->getTrailer().removeKey("/Info");
    q->getTrailer().removeKey("/DocChecksum");  // LibreOffice's, which hashes its dates
    q->getTrailer().removeKey("/ID");           // else its random first half is kept
    q->getRoot().removeKey("/Metadata");
    QPDFWriter writer(*q);
    writer.setOutputMemory();
    writer.setPreserveEncryption(false);
    writer.setDeterministicID(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    throw BookError(name, std::string("not a readable PDF (") + e.what() + ")");
  }
}

Result assemble(const Input& input) {
  Result result;
  // 1. Open the pack (the book grows from it: its pages, outline and metadata come first) and
  //    every paper, each once, in agenda order.
  std::unique_ptr<QPDF> book = open_pdf(input.pack_pdf, "briefing pack");
  QPDFPageDocumentHelper book_pages(*book);
  std::vector<QPDFPageObjectHelper> pack_pages = book_pages.getAllPages();
  std::vector<OpenPaper> papers;
  std::set<std::string> seen;
  int total = static_cast<int>(pack_pages.size());
  for (const Item& item : input.items)
    for (const Paper& paper : item.papers) {
      if (!seen.insert(paper.ref).second) continue;
      OpenPaper open{&paper, &item, open_pdf(paper.pdf, paper.name), {}};
      open.pages = QPDFPageDocumentHelper(*open.pdf).getAllPages();
      if (open.pages.empty()) throw BookError(paper.name, "the PDF has no page");
      total += static_cast<int>(open.pages.size());
      papers.push_back(std::move(open));
    }
  result.pages = total;

  // 2. Each paper's pages after the pack, with their annotations and form fields; the stamps'
  //    texts noted.
  QPDFAcroFormDocumentHelper book_forms(*book);
  const bool tagged = book->getRoot().getKey("/StructTreeRoot").isDictionary();
  std::vector<std::pair<QPDFPageObjectHelper, std::string>> stamps;
  std::vector<std::pair<std::string, std::vector<QPDFObjectHandle>>> paper_pages;
  std::map<std::string, QPDFObjectHandle> targets;  // link name -> first page in the book
  std::vector<Entry> outline;
  int book_page = static_cast<int>(pack_pages.size());
  for (OpenPaper& open : papers) {
    const Paper& paper = *open.paper;
    try {
      index_link_dests(*open.pdf, open.pages);
      fields_under_parent(*open.pdf, replace_all(paper.ref, ".", "_"));
      QPDFAcroFormDocumentHelper paper_forms(*open.pdf);
      const bool forms = paper_forms.hasAcroForm();
      std::map<QPDFObjGen, QPDFObjectHandle> page_map;
      std::vector<QPDFPageObjectHelper> copied;
      for (QPDFPageObjectHelper& page : open.pages) {
        QPDFObjectHandle copy = book->copyForeignObject(page.getObjectHandle());
        book_pages.addPage(QPDFPageObjectHelper(copy), false);
        page_map[page.getObjectHandle().getObjGen()] = copy;
        copied.emplace_back(copy);
      }
      paper_pages.emplace_back(paper.ref, std::vector<QPDFObjectHandle>{});
      for (std::size_t i = 0; i < copied.size(); ++i) {
        if (forms)
          book_forms.fixCopiedAnnotations(copied[i].getObjectHandle(),
                                          open.pages[i].getObjectHandle(), paper_forms);
        if (tagged) untag_paper_page(copied[i].getObjectHandle());
        paper_pages.back().second.push_back(copied[i].getObjectHandle());
        std::string text = input.texts.stamp;
        text = replace_all(text, "{plenary}", input.plenary);
        text = replace_all(text, "{item}", open.item->number);
        text = replace_all(text, "{ref}", paper.ref);
        text = replace_all(text, "{paper_pages}", std::to_string(copied.size()));
        text = replace_all(text, "{paper_page}", std::to_string(i + 1));
        text = replace_all(text, "{pages}", std::to_string(total));
        text = replace_all(text, "{page}", std::to_string(book_page + 1 + static_cast<int>(i)));
        stamps.emplace_back(copied[i], std::move(text));
      }
      restore_link_dests(copied);
      result.first_pages[paper.ref] = book_page + 1;
      targets[paper.ref] = copied.front().getObjectHandle();
      for (const std::string& name : paper.link_names)
        targets[name] = copied.front().getObjectHandle();
      book_page += static_cast<int>(copied.size());

      // The paper's bookmark, its own outline under it.
      Entry entry;
      entry.title = paper.title.empty() ? paper.ref : paper.ref + "  " + paper.title;
      entry.dest = QPDFObjectHandle::newArray(
          {copied.front().getObjectHandle(), QPDFObjectHandle::newName("/Fit")});
      QPDFOutlineDocumentHelper own(*open.pdf);
      paper_outline(own.getTopLevelOutlines(), page_map, 1, entry.kids);
      // Kept for the item's bookmark below.
      outline.push_back(std::move(entry));
      take_warnings(*open.pdf, paper.name, result.warnings);
    } catch (const BookError&) {
      throw;
    } catch (const QPDFExc& e) {
      throw BookError(paper.name, "not a readable PDF (" + e.getMessageDetail() + ")");
    } catch (const std::exception& e) {
      throw BookError(paper.name, std::string("not a readable PDF (") + e.what() + ")");
    }
  }
  if (tagged) tag_paper_annotations(*book, paper_pages);

  // The stamps, painted by the project's PDF writer (embedded fonts with a ToUnicode map): each
  // one's operators drawn after its page's content, the font copied in once. (The painted file
  // stays open until the book is written: qpdf copies stream data then.)
  StampSheet sheet;  // (qpdf reads the bytes in place)
  std::unique_ptr<QPDF> painted;
  if (!stamps.empty()) {
    std::vector<std::string> texts;
    for (const auto& stamp : stamps) texts.push_back(stamp.second);
    if (input.paint_stamps) sheet = input.paint_stamps(texts);
    if (sheet.pdf.empty()) throw BookError("book", "the page stamps could not be painted");
    std::vector<QPDFPageObjectHelper> sheets;
    if (sheet.contents.size() == stamps.size()) {
      // The painter's operators: of the painted file, only the first page is read (its font).
      painted = std::make_unique<QPDF>();
      painted->setSuppressWarnings(true);
      try {
        painted->processMemoryFile("stamps", sheet.pdf.data(), sheet.pdf.size(), "");
        QPDFObjectHandle first = painted->getRoot().getKey("/Pages");
        for (int depth = 0; depth < kMaxOutlineDepth && first.isDictionary() &&
                            first.getKey("/Type").isNameAndEquals("/Pages");
             ++depth)
          first = first.getKey("/Kids").getArrayItem(0);
        if (first.isDictionary()) sheets.emplace_back(first);
      } catch (const std::exception& e) {
        throw BookError("book", std::string("the page stamps cannot be read (") + e.what() + ")");
      }
      if (sheets.empty()) throw BookError("book", "the page stamps have no page");
      for (std::string& content : sheet.contents) content += '\n';  // as page_content() ends it
    } else {
      painted = open_pdf(sheet.pdf, "stamps");
      sheets = QPDFPageDocumentHelper(*painted).getAllPages();
      if (sheets.size() != stamps.size())
        throw BookError("book", "the page stamps were painted on " +
                                    std::to_string(sheets.size()) + " pages, not " +
                                    std::to_string(stamps.size()));
      for (QPDFPageObjectHelper& page : sheets) sheet.contents.push_back(page_content(page));
    }
    const QPDFObjectHandle::Rectangle box = sheets.front().getMediaBox().getArrayAsRectangle();
    QPDFObjectHandle save = QPDFObjectHandle::newStream(book.get(), "q\n");  // one for all
    std::map<QPDFObjGen, QPDFObjectHandle> fonts;  // the sheet's, copied once each
    MatrixCache matrices;
    Renamer renamed;
    for (std::size_t i = 0; i < stamps.size(); ++i)
      stamp_page(*book, stamps[i].first, sheets.front(), sheet.contents[i], fonts, save,
                 box.urx - box.llx, sheet.baseline - box.lly, input.stamp_margin, matrices,
                 renamed);
  }

  // 3. The outline: the pack's own, then an item per agenda item with papers, a paper under it.
  std::vector<Entry> items;
  {
    std::map<std::string, const Entry*> by_ref;
    for (std::size_t i = 0; i < papers.size(); ++i) by_ref[papers[i].paper->ref] = &outline[i];
    std::set<std::string> nested;  // a paper's own outline goes under its first mention only
    for (const Item& item : input.items) {
      if (item.papers.empty()) continue;
      Entry e;
      e.title = replace_all(replace_all(input.texts.item_bookmark, "{item}", item.number),
                            "{title}", item.title);
      e.open = true;
      std::set<std::string> in_item;
      for (const Paper& paper : item.papers) {
        if (!in_item.insert(paper.ref).second) continue;
        Entry p = *by_ref.at(paper.ref);
        if (!nested.insert(paper.ref).second) p.kids.clear();
        e.kids.push_back(std::move(p));
      }
      e.dest = e.kids.front().dest;
      items.push_back(std::move(e));
    }
  }
  if (!items.empty()) {
    QPDFObjectHandle root = book->getRoot().getKey("/Outlines");
    if (!root.isDictionary()) {
      root = book->makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
      book->getRoot().replaceKey("/Outlines", root);
    }
    write_outline(*book, root, items);
    recount_root(root);
    if (!book->getRoot().hasKey("/PageMode"))
      book->getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
  }

  // 4. The pack's links to papers.
  link_pack(pack_pages, targets);
  add_pack_links(*book, pack_pages, input.pack_links, targets);
  take_warnings(*book, "briefing pack", result.warnings);

  if (!papers.empty()) drop_conformance_claims(*book);

  // 5. Write: unencrypted, object streams, an /ID derived from the content.
  book->getTrailer().removeKey("/ID");  // the pack's: the book's comes from its own content
  // Written straight into the result (qpdf's memory output would be copied twice more: its
  // buffer, then that buffer into the string).
  Pl_String output("book", nullptr, result.pdf);
  QPDFWriter writer(*book);
  writer.setOutputPipeline(&output);
  writer.setPreserveEncryption(false);
  writer.setObjectStreamMode(qpdf_o_generate);
  // Streams are written as the inputs have them (the papers' are compressed already): left to
  // qpdf, compressing the ~120-byte stamp streams one by one was a third of the book's time.
  writer.setCompressStreams(false);
  writer.setDeterministicID(true);
  try {
    writer.write();
  } catch (const QPDFExc& e) {
    // Objects are read when written: a paper damaged past its pages tree fails here, and
    // qpdf names the input it came from (the name given to processMemoryFile).
    throw BookError(e.getFilename().empty() ? std::string("book") : e.getFilename(),
                    "not a readable PDF (" + e.getMessageDetail() + ")");
  }
  take_warnings(*book, "book", result.warnings);
  return result;
}

}  // namespace plenary::book
