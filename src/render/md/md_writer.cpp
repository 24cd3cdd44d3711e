#include "render/md/md_writer.hpp"

#include <algorithm>
#include <set>

#include "core/markup_escape.hpp"
#include "render/md/inline.hpp"

namespace plenary::render {

namespace {

using md::Context;

// Prefixes the first line with `first` and every other non-empty line with `rest`.
std::string indent(const std::string& text, const std::string& first, const std::string& rest) {
  std::string out = first;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n') out += rest;
  }
  return out;
}

// An anchor as an HTML attribute value (anchors are [a-z0-9-]+, but stay safe).
// Spelled like the links' fragment (md::anchor_fragment) so "#anchor" links find it.
std::string anchor_attribute(const std::string& anchor) {
  return core::markup_escape(md::anchor_fragment(anchor));
}

std::set<std::string> heading_anchors(const doc::Blocks& blocks) {
  std::set<std::string> anchors;
  for (const doc::Block& block : blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&block.value)) anchors.insert(h->anchor);
    if (const auto* list = std::get_if<doc::List>(&block.value)) {
      for (const doc::ListItem& item : list->items) {
        const std::set<std::string> nested = heading_anchors(item.content);
        anchors.insert(nested.begin(), nested.end());
      }
    }
  }
  anchors.erase("");
  return anchors;
}

class MarkdownWriter {
 public:
  MarkdownWriter(const doc::Document& document, const MarkdownOptions& options)
      : document_(document), options_(options), anchors_(heading_anchors(document.blocks)) {}

  // Blocks separated by blank lines; two lists in a row are kept apart by an HTML comment,
  // else GFM would join them into one list.
  std::string blocks(const doc::Blocks& blocks, const char* separator = "\n\n") const {
    std::string out;
    bool previous_list = false;
    for (const doc::Block& block : blocks) {
      std::string text = std::visit([&](const auto& node) { return render(node); }, block.value);
      if (text.empty()) continue;
      const bool list = std::holds_alternative<doc::List>(block.value);
      if (!out.empty()) out += (previous_list && list) ? "\n\n<!-- -->\n\n" : separator;
      out += text;
      previous_list = list;
    }
    return out;
  }

 private:
  std::string render(const doc::Heading& h) const {
    const int level = std::clamp(h.level, 1, 6);
    std::string out;
    if (!h.anchor.empty()) out += "<a id=\"" + anchor_attribute(h.anchor) + "\"></a>\n\n";
    return out + std::string(level, '#') + " " + heading_text(h);
  }

  std::string render(const doc::Paragraph& p) const {
    const std::string text = md::render_inlines(p.content, Context::Paragraph, anchors_);
    if (text.empty()) return "";
    switch (p.style) {
      case doc::ParagraphStyle::Title:
        return "**" + text + "**";
      case doc::ParagraphStyle::Subtitle:
        return "*" + text + "*";
      case doc::ParagraphStyle::Note:
        return indent(text, "> ", "> ");
      case doc::ParagraphStyle::Normal:
      case doc::ParagraphStyle::None:
        break;
    }
    return text;
  }

  std::string render(const doc::List& list) const {
    // Tight unless an item holds more than one paragraph.
    const bool loose = std::any_of(list.items.begin(), list.items.end(), [](const auto& item) {
      return std::count_if(item.content.begin(), item.content.end(), [](const doc::Block& b) {
               return std::holds_alternative<doc::Paragraph>(b.value);
             }) > 1;
    });
    std::string out;
    int number = std::max(0, list.start);
    for (const doc::ListItem& item : list.items) {
      const std::string marker = list.ordered ? std::to_string(number++) + ". " : "- ";
      const std::string body = blocks(item.content, loose ? "\n\n" : "\n");
      if (!out.empty()) out += loose ? "\n\n" : "\n";
      out += indent(body.empty() ? "" : body, marker, std::string(marker.size(), ' '));
    }
    return out;
  }

  std::string render(const doc::Table& table) const {
    std::size_t columns = 0;
    for (const auto& row : table.rows) columns = std::max(columns, row.size());
    if (columns == 0) return "";
    auto row_text = [&](const std::vector<doc::TableCell>* row) {
      std::string out = "|";
      for (std::size_t c = 0; c < columns; ++c) {
        std::string cell;
        if (row != nullptr && c < row->size()) {
          cell = md::render_inlines((*row)[c].content, Context::Cell, anchors_);
        }
        out += " " + cell + " |";
      }
      return out;
    };
    std::string out;
    const bool has_header = table.header_rows > 0;
    out += row_text(has_header ? &table.rows.front() : nullptr) + "\n|";
    for (std::size_t c = 0; c < columns; ++c) {
      const doc::Align a = c < table.aligns.size() ? table.aligns[c] : doc::Align::Left;
      out += a == doc::Align::Center ? " :---: |" : a == doc::Align::Right ? " ---: |" : " --- |";
    }
    for (std::size_t r = has_header ? 1 : 0; r < table.rows.size(); ++r) {
      out += "\n" + row_text(&table.rows[r]);
    }
    return out;
  }

  std::string render(const doc::Image& image) const {
    if (image.name.empty()) return "";
    return "![" + md::escape_text(image.name, Context::Cell) + "](" +
           md::link_destination(image.name) + ")";
  }

  std::string render(const doc::PageBreak&) const { return "---"; }

  // The contents: every in_contents heading as a link, nested by level.
  std::string render(const doc::Contents&) const {
    if (!options_.contents) return "";
    std::string out;
    if (!document_.meta.contents_title.empty()) {
      out += "**" + md::escape_text(document_.meta.contents_title, Context::Heading) + "**\n\n";
    }
    bool any = false;
    for (const doc::Block& block : document_.blocks) {
      const auto* h = std::get_if<doc::Heading>(&block.value);
      if (h == nullptr || !h->in_contents) continue;
      out += std::string(2 * (std::clamp(h->level, 1, 6) - 1), ' ') + "- [" + heading_text(*h) +
             "](#" + md::anchor_fragment(h->anchor) + ")\n";
      any = true;
    }
    if (!any && !out.empty()) out.resize(out.size() - 2);
    if (any) out.pop_back();
    return out;
  }

  std::string heading_text(const doc::Heading& h) const {
    return md::render_inlines(h.content, Context::Heading, anchors_);
  }

  const doc::Document& document_;
  const MarkdownOptions& options_;
  const std::set<std::string> anchors_;
};

}  // namespace

std::string write_markdown(const doc::Document& document, const MarkdownOptions& options) {
  const std::string body = MarkdownWriter(document, options).blocks(document.blocks);
  return body.empty() ? "" : body + "\n";
}

}  // namespace plenary::render
