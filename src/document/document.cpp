#include "document/document.hpp"

#include <cstdio>
#include <sstream>

namespace plenary::doc {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

const char* align_name(Align a) {
  switch (a) {
    case Align::Left:
      return "left";
    case Align::Center:
      return "center";
    case Align::Right:
      return "right";
    default:
      return "none";
  }
}

const char* style_name(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::Normal:
      return "normal";
    case ParagraphStyle::Title:
      return "title";
    case ParagraphStyle::Subtitle:
      return "subtitle";
    case ParagraphStyle::Note:
      return "note";
    default:
      return "none";
  }
}

const char* format_name(ImageFormat f) {
  switch (f) {
    case ImageFormat::Png:
      return "png";
    case ImageFormat::Jpeg:
      return "jpeg";
    default:
      return "none";
  }
}

class Dumper {
 public:
  std::string str() const { return out_.str(); }

  void line(int depth, const std::string& s) { out_ << std::string(depth * 2, ' ') << s << '\n'; }

  void inlines(const Inlines& content, int depth) {
    for (const auto& i : content) inline_(i, depth);
  }

  void inline_(const Inline& i, int depth) {
    if (const auto* t = std::get_if<Text>(&i.value)) {
      line(depth, "Text " + quoted(t->text));
    } else if (const auto* s = std::get_if<Strong>(&i.value)) {
      line(depth, "Strong");
      inlines(s->content, depth + 1);
    } else if (const auto* e = std::get_if<Emphasis>(&i.value)) {
      line(depth, "Emphasis");
      inlines(e->content, depth + 1);
    } else if (const auto* c = std::get_if<Code>(&i.value)) {
      line(depth, "Code " + quoted(c->text));
    } else if (const auto* l = std::get_if<Link>(&i.value)) {
      line(depth, "Link " + quoted(l->url));
      inlines(l->content, depth + 1);
    } else if (const auto* r = std::get_if<Ref>(&i.value)) {
      line(depth, "Ref #" + r->anchor);
      inlines(r->content, depth + 1);
    } else if (std::holds_alternative<LineBreak>(i.value)) {
      line(depth, "LineBreak");
    }
  }

  void image(const Image& img, int depth, const std::string& label) {
    line(depth, label + " " + quoted(img.name) + " " + format_name(img.format) + " " +
                    number(img.width_pt) + "x" + number(img.height_pt) + "pt " +
                    std::to_string(img.data.size()) + " bytes " + align_name(img.align));
  }

  void blocks(const Blocks& bs, int depth) {
    for (const auto& b : bs) block(b, depth);
  }

  void block(const Block& b, int depth) {
    if (const auto* h = std::get_if<Heading>(&b.value)) {
      line(depth, "Heading " + std::to_string(h->level) + " #" + h->anchor +
                      (h->in_contents ? "" : " (not in contents)"));
      inlines(h->content, depth + 1);
    } else if (const auto* p = std::get_if<Paragraph>(&b.value)) {
      std::string head = "Paragraph";
      if (p->style != ParagraphStyle::Normal) head += std::string(" ") + style_name(p->style);
      if (p->align != Align::Left) head += std::string(" ") + align_name(p->align);
      line(depth, head);
      inlines(p->content, depth + 1);
    } else if (const auto* l = std::get_if<List>(&b.value)) {
      line(depth, l->ordered ? "List ordered start=" + std::to_string(l->start) : "List bullet");
      for (const auto& item : l->items) {
        line(depth + 1, "Item");
        blocks(item.content, depth + 2);
      }
    } else if (const auto* t = std::get_if<Table>(&b.value)) {
      std::string head = "Table header_rows=" + std::to_string(t->header_rows);
      if (!t->aligns.empty()) {
        head += " aligns=";
        for (std::size_t i = 0; i < t->aligns.size(); ++i) {
          head += std::string(i ? "," : "") + align_name(t->aligns[i]);
        }
      }
      if (!t->weights.empty()) {
        head += " weights=";
        for (std::size_t i = 0; i < t->weights.size(); ++i)
          head += std::string(i ? "," : "") + number(t->weights[i]);
      }
      line(depth, head);
      for (const auto& row : t->rows) {
        line(depth + 1, "Row");
        for (const auto& cell : row) {
          line(depth + 2, "Cell");
          inlines(cell.content, depth + 3);
        }
      }
    } else if (const auto* img = std::get_if<Image>(&b.value)) {
      image(*img, depth, "Image");
    } else if (std::holds_alternative<PageBreak>(b.value)) {
      line(depth, "PageBreak");
    } else if (std::holds_alternative<Contents>(b.value)) {
      line(depth, "Contents");
    }
  }

  void meta(const Metadata& m) {
    line(0, "Metadata");
    const std::pair<const char*, const std::string*> fields[] = {
        {"title", &m.title},
        {"subject", &m.subject},
        {"author", &m.author},
        {"language", &m.language},
        {"date", &m.date},
        {"keywords", &m.keywords},
        {"header_left", &m.header_left},
        {"header_right", &m.header_right},
        {"footer", &m.footer},
        {"contents_title", &m.contents_title}};
    for (const auto& [name, value] : fields) line(1, std::string(name) + " " + quoted(*value));
    line(1, std::string("has_cover ") + (m.has_cover ? "true" : "false"));
    if (m.header_logo) image(*m.header_logo, 1, "header_logo");
  }

 private:
  std::ostringstream out_;
};

void plain(const Inlines& content, char line_break, std::string& out) {
  for (const auto& i : content) {
    if (const auto* t = std::get_if<Text>(&i.value)) {
      out += t->text;
    } else if (const auto* s = std::get_if<Strong>(&i.value)) {
      plain(s->content, line_break, out);
    } else if (const auto* e = std::get_if<Emphasis>(&i.value)) {
      plain(e->content, line_break, out);
    } else if (const auto* c = std::get_if<Code>(&i.value)) {
      out += c->text;
    } else if (const auto* l = std::get_if<Link>(&i.value)) {
      if (l->content.empty()) out += l->url;
      plain(l->content, line_break, out);
    } else if (const auto* r = std::get_if<Ref>(&i.value)) {
      plain(r->content, line_break, out);
    } else if (std::holds_alternative<LineBreak>(i.value)) {
      out += line_break;
    }
  }
}

}  // namespace

std::string plain_text(const Inlines& content, char line_break) {
  std::string out;
  plain(content, line_break, out);
  return out;
}

std::string dump(const Document& document) {
  Dumper d;
  d.meta(document.meta);
  d.line(0, "Blocks");
  d.blocks(document.blocks, 1);
  return d.str();
}

}  // namespace plenary::doc
