// Tagged PDF and PDF/A, written through libharu's low-level objects (libharu 2.3 has no
// tagging API): marked content in the page streams, the structure tree with its parent tree,
// the XMP metadata stream, the sRGB output intent and a content-derived trailer /ID.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "document/document.hpp"
#include "paginate/page.hpp"

namespace plenary::render::pdf {

// Where the sRGB ICC profile of the PDF/A output intent is read from (Debian 12's
// icc-profiles-free; scripts/install-deps.sh installs it).
constexpr const char* kSrgbProfilePath = "/usr/share/color/icc/sRGB.icc";

// Marked content written straight into a page's content stream (outside text objects).
void begin_marked(HPDF_Page page, const std::string& role, int mcid);
void begin_artifact(HPDF_Page page);
void end_marked(HPDF_Page page);

// A PDF text string: UTF-16BE with its byte order mark (any script), as a libharu object.
HPDF_Binary text_string(HPDF_Doc pdf, const std::string& utf8);

// The structure tree of one document: fed while pages are painted (which element each
// marked-content id of each page belongs to, which element each annotation belongs to), then
// written into the catalog.
class StructureTree {
 public:
  explicit StructureTree(const std::vector<paginate::StructNode>& nodes);

  // The next marked-content id of `page_index` for `node`'s content (its role is the tag).
  int mark(std::size_t page_index, int node);
  // Registers a link annotation as content of `node` (an OBJR); returns its /StructParent key
  // (call after every page has been painted).
  void annotation(HPDF_Annotation annot, std::size_t page_index, int node);
  // Writes /StructTreeRoot (with /ParentTree, /ParentTreeNextKey), /MarkInfo, the pages'
  // /StructParents and /Tabs. False when libharu fails.
  bool write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages);

 private:
  struct Kid {
    enum Kind { Node, Content, Object } kind;
    int node = -1;           // Node
    std::size_t page = 0;    // Content, Object
    int mcid = -1;           // Content
    HPDF_Annotation annot = nullptr;  // Object
  };
  void reach(int node);  // registers `node` (and its ancestors) with their parents, once
  const std::vector<paginate::StructNode>& nodes_;
  std::vector<std::vector<Kid>> kids_;
  std::vector<bool> reached_;
  std::vector<std::vector<int>> page_mcids_;  // per page: the node of each MCID
  struct Annot {
    HPDF_Annotation annot;
    std::size_t page;
    int node;
  };
  std::vector<Annot> annots_;
};

// XMP metadata: Dublin Core title, creator, description, language; the PDF/UA identification
// (pdfuaid:part 1, with its extension schema); PDF/A-2a identification when `pdf_a`; the same
// values the document information dictionary holds. No date but the document's own.
std::string xmp_packet(const doc::Metadata& meta, const std::string& creator_tool,
                       const std::string& producer, bool pdf_a);

// Adds /Metadata (uncompressed XMP) to the catalog.
bool add_metadata(HPDF_Doc pdf, const std::string& xmp);
// Adds the sRGB /OutputIntents (GTS_PDFA1) with the profile `icc`.
bool add_output_intent(HPDF_Doc pdf, const std::string& icc);
// Sets the trailer /ID to two copies of `digest` (16 bytes).
bool set_file_id(HPDF_Doc pdf, const std::string& digest);

}  // namespace plenary::render::pdf
