#include "render/pdf/hpdf/tagging.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>

#include "core/markup_escape.hpp"
#include "core/utf8.hpp"

namespace plenary::render::pdf {

namespace {

void write_raw(HPDF_Page page, const std::string& text) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                        static_cast<HPDF_UINT>(text.size())) != HPDF_OK) {
    HPDF_CheckError(page->error);
  }
}

// A new indirect dictionary (struct elements are referenced from several places).
HPDF_Dict indirect_dict(HPDF_Doc pdf) {
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (dict == nullptr) return nullptr;
  if (HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;
  return dict;
}

std::string xml_escape(const std::string& text) { return core::markup_escape(text); }

}  // namespace

void begin_marked(HPDF_Page page, const std::string& role, int mcid) {
  write_raw(page, "/" + role + " <</MCID " + std::to_string(mcid) + ">> BDC\012");
}

void begin_artifact(HPDF_Page page) {
  write_raw(page, "/Artifact BMC\012");
}

void end_marked(HPDF_Page page) {
  write_raw(page, "EMC\012");
}

HPDF_Binary text_string(HPDF_Doc pdf, const std::string& utf8) {
  std::string bytes = "\xFE\xFF";
  for (std::size_t pos = 0; pos < utf8.size();) {
    char32_t cp = plenary::core::next_code_point(utf8, pos);
    auto unit = [&](unsigned u) {
      bytes += static_cast<char>((u >> 8) & 0xFF);
      bytes += static_cast<char>(u & 0xFF);
    };
    if (cp > 0xFFFF) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

StructureTree::StructureTree(const std::vector<paginate::StructNode>& nodes)
    : nodes_(nodes), kids_(nodes.size()), reached_(nodes.size(), false) {}

void StructureTree::reach(int node) {
  while (node >= 0 && !reached_[node]) {
    reached_[node] = true;
    const int parent = nodes_[node].parent;
    if (parent < 0) break;
    kids_[parent].push_back(Kid{Kid::Node, node, 0, -1, nullptr});
    node = parent;
  }
}

int StructureTree::mark(std::size_t page_index, int node) {
  if (page_mcids_.size() <= page_index) page_mcids_.resize(page_index + 1);
  std::vector<int>& mcids = page_mcids_[page_index];
  const int mcid = static_cast<int>(mcids.size());
  mcids.push_back(node);
  reach(node);
  kids_[node].push_back(Kid{Kid::Content, -1, page_index, mcid, nullptr});
  return mcid;
}

void StructureTree::annotation(HPDF_Annotation annot, std::size_t page_index, int node) {
  if (node < 0 || static_cast<std::size_t>(node) >= nodes_.size()) node = 0;
  reach(node);
  kids_[node].push_back(Kid{Kid::Object, -1, page_index, -1, annot});
  annots_.push_back(Annot{annot, page_index, node});
}

bool StructureTree::write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages) {
  HPDF_MMgr mmgr = pdf->mmgr;
  reached_[0] = true;
  // A table row holds all its cells, even empty ones, in column order.
  std::vector<std::vector<Kid>> cells(nodes_.size());
  for (std::size_t c = 1; c < nodes_.size(); ++c) {
    const int row = nodes_[c].parent;
    if (row >= 0 && reached_[row] && nodes_[row].role == "TR") {
      cells[row].push_back(Kid{Kid::Node, static_cast<int>(c), 0, -1, nullptr});
      reached_[c] = true;
    }
  }
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    if (reached_[n] && nodes_[n].role == "TR") kids_[n] = std::move(cells[n]);
  }
  std::vector<HPDF_Dict> elems(nodes_.size(), nullptr);
  HPDF_Dict root = indirect_dict(pdf);
  if (root == nullptr) return false;
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    if (!reached_[n]) continue;
    elems[n] = indirect_dict(pdf);
    if (elems[n] == nullptr) return false;
  }
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    HPDF_Dict elem = elems[n];
    if (elem == nullptr) continue;
    const paginate::StructNode& node = nodes_[n];
    // (/Type /StructElem is optional; left out, as it would be in every element)
    HPDF_Dict_AddName(elem, "S", node.role.c_str());
    HPDF_Dict_Add(elem, "P", node.parent >= 0 ? elems[node.parent] : root);
    if (node.role == "Figure") {
      HPDF_Dict_Add(elem, "Alt", text_string(pdf, node.alt));
    }
    if (node.column_header) {
      HPDF_Dict attributes = HPDF_Dict_New(mmgr);
      HPDF_Dict_AddName(attributes, "O", "Table");
      HPDF_Dict_AddName(attributes, "Scope", "Column");
      HPDF_Dict_Add(elem, "A", attributes);
    }
    if (node.role == "Link" && !node.text.empty()) {
      HPDF_Dict_Add(elem, "Alt", text_string(pdf, node.text));
    }
    // Content on one page (the usual case): /Pg on the element and bare MCIDs; else a marked
    // content reference with its page per MCID.
    std::size_t page = pages.size();
    bool one_page = true;
    for (const Kid& kid : kids_[n]) {
      if (kid.kind == Kid::Node) continue;
      if (page == pages.size()) page = kid.page;
      if (kid.page != page) one_page = false;
    }
    if (page < pages.size() && one_page) HPDF_Dict_Add(elem, "Pg", pages[page]);
    HPDF_Array kids = HPDF_Array_New(mmgr);
    for (const Kid& kid : kids_[n]) {
      if (kid.kind == Kid::Node) {
        if (elems[kid.node] != nullptr) HPDF_Array_Add(kids, elems[kid.node]);
      } else if (kid.kind == Kid::Content && one_page) {
        HPDF_Array_AddNumber(kids, kid.mcid);
      } else if (kid.kind == Kid::Content) {
        HPDF_Dict mcr = HPDF_Dict_New(mmgr);
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", pages[kid.page]);
        HPDF_Dict_AddNumber(mcr, "MCID", kid.mcid);
        HPDF_Array_Add(kids, mcr);
      } else {
        HPDF_Dict objr = HPDF_Dict_New(mmgr);
        HPDF_Dict_AddName(objr, "Type", "OBJR");
        HPDF_Dict_Add(objr, "Pg", pages[kid.page]);
        HPDF_Dict_Add(objr, "Obj", kid.annot);
        HPDF_Array_Add(kids, objr);
      }
    }
    HPDF_Dict_Add(elem, "K", kids);
  }
  HPDF_Dict_Add(root, "K", elems[0]);
  // The parent tree: key i (page i's /StructParents) -> the element of each MCID; then one
  // key per annotation (its /StructParent) -> its element.
  HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
  HPDF_Array nums = HPDF_Array_New(mmgr);
  int key = 0;
  for (std::size_t p = 0; p < pages.size(); ++p, ++key) {
    HPDF_Array owners = HPDF_Array_New(mmgr);
    if (p < page_mcids_.size()) {
      for (int node : page_mcids_[p]) HPDF_Array_Add(owners, elems[node]);
    }
    HPDF_Array_AddNumber(nums, key);
    HPDF_Array_Add(nums, owners);
    HPDF_Dict_AddNumber(pages[p], "StructParents", key);
  }
  std::vector<bool> annotated(pages.size(), false);
  for (const Annot& a : annots_) {
    HPDF_Array_AddNumber(nums, key);
    HPDF_Array_Add(nums, elems[a.node]);
    HPDF_Dict_AddNumber(a.annot, "StructParent", key);
    ++key;
    annotated[a.page] = true;
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (annotated[p]) HPDF_Dict_AddName(pages[p], "Tabs", "S");
  }
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);
  HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
  return HPDF_GetError(pdf) == HPDF_OK;
}

std::string xmp_packet(const doc::Metadata& meta, const std::string& creator_tool,
                       const std::string& producer, bool pdf_a) {
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\"\n";
  x += "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n";
  if (pdf_a) {
    x += "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
    x += "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n";
    x += "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n";
    x += "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"\n";
  }
  x += ">\n";
  if (!meta.title.empty()) {
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(meta.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!meta.author.empty()) {
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(meta.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!meta.subject.empty()) {
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(meta.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  if (!meta.language.empty()) {
    x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(meta.language) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  }
  x += "<dc:format>application/pdf</dc:format>\n";
  if (!meta.keywords.empty()) x += "<pdf:Keywords>" + xml_escape(meta.keywords) + "</pdf:Keywords>\n";
  if (!producer.empty()) x += "<pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  if (!creator_tool.empty()) {
    x += "<xmp:CreatorTool>" + xml_escape(creator_tool) + "</xmp:CreatorTool>\n";
  }
  if (!meta.date.empty()) {
    x += "<xmp:CreateDate>" + xml_escape(meta.date) + "</xmp:CreateDate>\n";
    x += "<xmp:ModifyDate>" + xml_escape(meta.date) + "</xmp:ModifyDate>\n";
  }
  x += "<pdfuaid:part>1</pdfuaid:part>\n";
  if (pdf_a) {
    x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n";
    // pdfuaid is not among PDF/A-2's predefined schemas: described by an extension schema.
    x += "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>part</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is "
         "followed</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n";
  }
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

bool add_metadata(HPDF_Doc pdf, const std::string& xmp) {
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (stream == nullptr) return false;
  stream->filter = HPDF_STREAM_FILTER_NONE;  // PDF/A: metadata readable without a filter
  HPDF_Dict_AddName(stream, "Type", "Metadata");
  HPDF_Dict_AddName(stream, "Subtype", "XML");
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                        static_cast<HPDF_UINT>(xmp.size())) != HPDF_OK) {
    return false;
  }
  return HPDF_Dict_Add(pdf->catalog, "Metadata", stream) == HPDF_OK;
}

bool add_output_intent(HPDF_Doc pdf, const std::string& icc) {
  HPDF_Dict profile = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (profile == nullptr) return false;
  profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict_AddNumber(profile, "N", 3);
  if (HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc.data()),
                        static_cast<HPDF_UINT>(icc.size())) != HPDF_OK) {
    return false;
  }
  HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(intents, intent);
  return HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK;
}

bool set_file_id(HPDF_Doc pdf, const std::string& digest) {
  HPDF_Array id = HPDF_Array_New(pdf->mmgr);
  if (id == nullptr) return false;
  std::string bytes = digest;
  for (int i = 0; i < 2; ++i) {
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                       static_cast<HPDF_UINT>(bytes.size())));
  }
  return HPDF_Dict_Add(pdf->trailer, "ID", id) == HPDF_OK;
}

}  // namespace plenary::render::pdf
