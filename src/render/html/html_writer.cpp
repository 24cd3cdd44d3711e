#include "render/html/html_writer.hpp"

#include <Poco/Base64Encoder.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/markup_escape.hpp"

namespace plenary {

namespace {

std::string esc(const std::string& s) { return core::markup_escape(s); }

std::string base64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);  // one line: a data: URI
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::string pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2fpt", v);
  return buf;
}

std::string rgb(const doc::Color& c) {
  auto byte = [](double v) {
    return static_cast<int>(std::max(0.0, std::min(1.0, v)) * 255 + 0.5);
  };
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

std::string font(const std::string& family, const char* fallback) {
  return "\"" + esc(family) + "\"," + fallback;
}

// The stylesheet: the house style's fonts, sizes, spacing and colours; for print, its page size
// and margins.
std::string stylesheet(const doc::Style& s) {
  std::string css;
  char spacing[16];
  std::snprintf(spacing, sizeof spacing, "%.3f", s.line_spacing);
  css += "body{font-family:" + font(s.body_font, "sans-serif") +
         ";font-size:" + pt(s.body_size_pt) + ";line-height:" + spacing +
         ";color:" + rgb(s.text_color) + ";max-width:48em;margin:2em auto;padding:0 1em}\n";
  for (int i = 0; i < 3; ++i)
    css += "h" + std::to_string(i + 1) + "{font-family:" + font(s.heading_font, "sans-serif") +
           ";font-size:" + pt(s.heading_size_pt[i]) + ";color:" + rgb(s.heading_color) +
           ";margin:" + pt(s.heading_space_before_pt[i]) + " 0 " + pt(s.heading_space_after_pt[i]) +
           ";line-height:1.2}\n";
  css += "p{margin:0 0 " + pt(s.paragraph_space_pt) + "}\n";
  css += ".title{font-size:" + pt(s.title_size_pt) +
         ";font-weight:bold;margin-bottom:" + pt(s.title_space_after_pt) + "}\n";
  css += ".subtitle{font-size:" + pt(s.subtitle_size_pt) + ";color:" + rgb(s.subtitle_color) +
         ";margin-bottom:" + pt(s.subtitle_space_after_pt) + "}\n";
  css += ".note{font-size:" + pt(s.note_size_pt) + ";color:" + rgb(s.muted_color) + "}\n";
  css += "code{font-family:" + font(s.mono_font, "monospace") + "}\n";
  css += "a{color:" + rgb(s.link_color) + "}\n";
  css += "ul,ol{padding-left:" + pt(s.list_indent_pt) + ";margin:0 0 " + pt(s.list_space_after_pt) +
         "}\nli>p{margin-bottom:" + pt(s.list_item_space_pt) + "}\n";
  css += "table{border-collapse:collapse;width:100%;margin:0 0 " + pt(s.table_space_after_pt) +
         ";font-size:" + pt(s.table_size_pt) + "}\n";
  css += "th,td{border:0.5pt solid " + rgb(s.table_rule) +
         ";padding:.25em .5em;text-align:left;vertical-align:top}\n";
  css += "thead th{background:" + rgb(s.table_header_fill) + "}\n";
  css += ".center{text-align:center}.right{text-align:right}\n";
  css += "nav ol{list-style:none;padding-left:0}nav li.level-2{padding-left:" +
         pt(s.contents_indent_pt) + "}nav li.level-3{padding-left:" + pt(2 * s.contents_indent_pt) +
         "}\n";
  css += "img{max-width:100%;height:auto}\n";
  css += "@page{size:" + pt(s.page_width_pt) + " " + pt(s.page_height_pt) +
         ";margin:" + pt(s.margin_top_pt) + " " + pt(s.margin_right_pt) + " " +
         pt(s.margin_bottom_pt) + " " + pt(s.margin_left_pt) + "}\n";
  css +=
      "@media print{body{max-width:none;margin:0;padding:0}nav{break-after:page}"
      ".page-break{break-after:page}a{color:inherit;text-decoration:none}"
      "thead{display:table-header-group}tr{break-inside:avoid}h1,h2,h3{break-after:avoid}}\n";
  return css;
}

class Writer {
 public:
  Writer(const doc::Document& d, const doc::Style& style, const HtmlOptions& options = {})
      : d_(d), style_(style), options_(options) {}

  // A fragment: blocks or inlines alone, without the page around them (the site's pages).
  std::string fragment(const doc::Blocks& bs) {
    blocks(bs);
    return std::move(out_);
  }
  std::string fragment(const doc::Inlines& content) {
    inlines(content);
    return std::move(out_);
  }
  std::string img(const doc::Image& picture, const std::string& alt) {
    image(picture, alt);
    return std::move(out_);
  }

  std::string run() {
    const std::string lang = d_.meta.language.empty() ? "en" : d_.meta.language;
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"" + esc(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + esc(d_.meta.title) + "</title>\n";
    if (!d_.meta.author.empty())
      out_ += "<meta name=\"author\" content=\"" + esc(d_.meta.author) + "\">\n";
    if (!d_.meta.subject.empty())
      out_ += "<meta name=\"description\" content=\"" + esc(d_.meta.subject) + "\">\n";
    if (!d_.meta.keywords.empty())
      out_ += "<meta name=\"keywords\" content=\"" + esc(d_.meta.keywords) + "\">\n";
    if (options_.stylesheet.empty())
      out_ += "<style>\n" + stylesheet(style_) + "</style>\n";
    else
      out_ += "<link rel=\"stylesheet\" href=\"" + esc(options_.stylesheet) + "\">\n";
    out_ += "</head>\n<body>\n";
    if (d_.meta.header_logo) {
      out_ += "<header>";
      image(*d_.meta.header_logo, d_.meta.author);
      out_ += "</header>\n";
    }
    out_ += "<main>\n";
    blocks(d_.blocks);
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void inlines(const doc::Inlines& content) {
    for (const auto& in : content) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, doc::Text>)
              out_ += esc(v.text);
            else if constexpr (std::is_same_v<T, doc::Strong>)
              wrap("strong", v.content);
            else if constexpr (std::is_same_v<T, doc::Emphasis>)
              wrap("em", v.content);
            else if constexpr (std::is_same_v<T, doc::Code>)
              out_ += "<code>" + esc(v.text) + "</code>";
            else if constexpr (std::is_same_v<T, doc::Link>) {
              out_ += "<a href=\"" + esc(v.url) + "\">";
              inlines(v.content);
              out_ += "</a>";
            } else if constexpr (std::is_same_v<T, doc::Ref>) {
              out_ += "<a href=\"#" + esc(v.anchor) + "\">";
              inlines(v.content);
              out_ += "</a>";
            } else {
              out_ += "<br>";
            }
          },
          in.value);
    }
  }

  void wrap(const char* tag, const doc::Inlines& content) {
    out_ += std::string("<") + tag + ">";
    inlines(content);
    out_ += std::string("</") + tag + ">";
  }

  static std::string align_class(doc::Align a) {
    if (a == doc::Align::Center) return "center";
    if (a == doc::Align::Right) return "right";
    return "";
  }

  void image(const doc::Image& img, const std::string& alt) {
    const char* mime = img.format == doc::ImageFormat::Jpeg ? "image/jpeg" : "image/png";
    out_ += "<img src=\"data:" + std::string(mime) + ";base64," + base64(img.data) + "\" alt=\"" +
            esc(alt) + "\"";
    if (img.width_pt > 0 && img.height_pt > 0)
      out_ += " width=\"" + std::to_string(static_cast<int>(img.width_pt * 4 / 3 + 0.5)) +
              "\" height=\"" + std::to_string(static_cast<int>(img.height_pt * 4 / 3 + 0.5)) + "\"";
    out_ += ">";
  }

  void contents() {
    out_ += "<nav aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">" +
            esc(d_.meta.contents_title.empty() ? "Contents" : d_.meta.contents_title) +
            "</h2>\n<ol>\n";
    for (const auto& b : d_.blocks)
      if (const auto* h = std::get_if<doc::Heading>(&b.value); h && h->in_contents) {
        out_ += "<li class=\"level-" + std::to_string(h->level) + "\"><a href=\"#" +
                esc(h->anchor) + "\">";
        inlines(h->content);
        out_ += "</a></li>\n";
      }
    out_ += "</ol>\n</nav>\n";
  }

  void table(const doc::Table& t) {
    out_ += "<table>\n";
    const std::size_t header = static_cast<std::size_t>(std::max(0, t.header_rows));
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const bool head = r < header;
      if (r == 0 && head) out_ += "<thead>\n";
      if (r == header) out_ += "<tbody>\n";
      out_ += "<tr>";
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const std::string cls = c < t.aligns.size() ? align_class(t.aligns[c]) : "";
        const std::string attr = cls.empty() ? "" : " class=\"" + cls + "\"";
        out_ += head ? "<th scope=\"col\"" + attr + ">" : "<td" + attr + ">";
        inlines(t.rows[r][c].content);
        out_ += head ? "</th>" : "</td>";
      }
      out_ += "</tr>\n";
      if (head && r + 1 == header) out_ += "</thead>\n";
    }
    if (t.rows.size() > header) out_ += "</tbody>\n";
    out_ += "</table>\n";
  }

  void blocks(const doc::Blocks& bs) {
    for (const auto& b : bs) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, doc::Heading>) {
              const std::string tag = "h" + std::to_string(std::min(6, std::max(1, v.level)));
              out_ += "<" + tag + (v.anchor.empty() ? "" : " id=\"" + esc(v.anchor) + "\"") + ">";
              inlines(v.content);
              out_ += "</" + tag + ">\n";
            } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
              std::string cls;
              if (v.style == doc::ParagraphStyle::Title) cls = "title";
              if (v.style == doc::ParagraphStyle::Subtitle) cls = "subtitle";
              if (v.style == doc::ParagraphStyle::Note) cls = "note";
              const std::string a = align_class(v.align);
              if (!a.empty()) cls += (cls.empty() ? "" : " ") + a;
              out_ += cls.empty() ? "<p>" : "<p class=\"" + cls + "\">";
              inlines(v.content);
              out_ += "</p>\n";
            } else if constexpr (std::is_same_v<T, doc::List>) {
              if (v.ordered)
                out_ +=
                    v.start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(v.start) + "\">\n";
              else
                out_ += "<ul>\n";
              for (const auto& item : v.items) {
                out_ += "<li>";
                blocks(item.content);
                out_ += "</li>\n";
              }
              out_ += v.ordered ? "</ol>\n" : "</ul>\n";
            } else if constexpr (std::is_same_v<T, doc::Table>) {
              table(v);
            } else if constexpr (std::is_same_v<T, doc::Image>) {
              out_ += "<figure>";
              image(v, v.name);
              out_ += "</figure>\n";
            } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
              out_ += "<div class=\"page-break\"></div>\n";
            } else {
              contents();
            }
          },
          b.value);
    }
  }

  const doc::Document& d_;
  const doc::Style& style_;
  const HtmlOptions options_;
  std::string out_;
};

}  // namespace

std::string write_html(const doc::Document& document, const doc::Style& style,
                       const HtmlOptions& options) {
  return Writer(document, style, options).run();
}

namespace html {

std::string escape(const std::string& text) { return core::markup_escape(text); }

std::string house_stylesheet(const doc::Style& style) {
  return stylesheet(style);
}

std::string blocks(const doc::Blocks& content, const doc::Style& style) {
  const doc::Document none;
  return Writer(none, style).fragment(content);
}

std::string inlines(const doc::Inlines& content, const doc::Style& style) {
  const doc::Document none;
  return Writer(none, style).fragment(content);
}

std::string image(const doc::Image& picture, const std::string& alt, const doc::Style& style) {
  const doc::Document none;
  return Writer(none, style).img(picture, alt);
}

}  // namespace html

}  // namespace plenary
