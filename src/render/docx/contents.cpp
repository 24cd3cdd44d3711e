#include "render/docx/contents.hpp"

#include <algorithm>

#include "render/docx/styles.hpp"

namespace plenary::render::docx {

namespace {

struct Entry {
  const doc::Heading* heading;
  int page;  // 0 = unknown
};

std::vector<Entry> contents_entries(const WriterState& state) {
  std::vector<Entry> entries;
  for (const doc::Block& block : state.document.blocks) {
    const auto* heading = std::get_if<doc::Heading>(&block.value);
    if (heading == nullptr || !heading->in_contents) continue;
    const std::size_t index = entries.size();
    const auto& pages = state.heading_pages;
    entries.push_back({heading, index < pages.size() ? pages[index] : 0});
  }
  return entries;
}

void open_entry_paragraph(XmlOut& x, int level, long tab_pos) {
  x.open("w:p");
  x.open("w:pPr");
  x.leaf("w:pStyle", {{"w:val", style_id::toc(std::clamp(level, 1, 3))}});
  x.open("w:tabs");
  x.leaf("w:tab", {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", std::to_string(tab_pos)}});
  x.close("w:tabs");
  x.close("w:pPr");
}

void field_char(XmlOut& x, const char* type) {
  x.open("w:r");
  x.leaf("w:fldChar", {{"w:fldCharType", type}});
  x.close("w:r");
}

void write_entry(PartWriter& w, const Entry& entry) {
  const auto found = w.state.bookmarks.find(entry.heading->anchor);
  const bool linked = found != w.state.bookmarks.end();
  if (linked) w.x.open("w:hyperlink", {{"w:anchor", found->second}, {"w:history", "1"}});
  write_text(w, doc::plain_text(entry.heading->content, ' '), {});
  if (entry.page > 0) {
    w.x.open("w:r");
    w.x.leaf("w:tab");
    w.x.close("w:r");
    if (linked) {
      write_field(w, " PAGEREF " + found->second + " \\h ", std::to_string(entry.page));
    } else {
      write_text(w, std::to_string(entry.page), {});
    }
  }
  if (linked) w.x.close("w:hyperlink");
}

}  // namespace

void write_contents(PartWriter& w) {
  XmlOut& x = w.x;
  const doc::Metadata& meta = w.state.document.meta;
  if (!meta.contents_title.empty()) {
    x.open("w:p");
    x.open("w:pPr");
    x.leaf("w:pStyle", {{"w:val", style_id::kTocHeading}});
    x.close("w:pPr");
    write_text(w, meta.contents_title, {});
    x.close("w:p");
  }
  const long tab_pos = text_width_twips(w.state.style);
  const std::vector<Entry> entries = contents_entries(w.state);
  // The field begins in the first entry's paragraph and ends in a paragraph of its own.
  open_entry_paragraph(x, entries.empty() ? 1 : entries.front().heading->level, tab_pos);
  field_char(x, "begin");
  x.open("w:r");
  x.element("w:instrText", kTocInstruction, {{"xml:space", "preserve"}});
  x.close("w:r");
  field_char(x, "separate");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) open_entry_paragraph(x, entries[i].heading->level, tab_pos);
    write_entry(w, entries[i]);
    x.close("w:p");
  }
  if (entries.empty()) x.close("w:p");
  x.open("w:p");
  field_char(x, "end");
  x.close("w:p");
}

}  // namespace plenary::render::docx
