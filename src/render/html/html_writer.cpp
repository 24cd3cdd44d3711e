#include "render/html/html_writer.hpp"

namespace plenary {

namespace {

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += digits[(n >> k) & 63];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += digits[(n >> 18) & 63];
    out += digits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

const char* kStyle =
    "body{font-family:\"DejaVu Sans\",sans-serif;line-height:1.4;max-width:48em;margin:2em auto;"
    "padding:0 1em;color:#111}\n"
    "h1,h2,h3{line-height:1.2}\n"
    "table{border-collapse:collapse;width:100%;margin:1em 0}\n"
    "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}\n"
    "thead th{background:#eee}\n"
    ".title{font-size:1.8em;font-weight:bold}.subtitle{font-size:1.2em}.note{color:#555;"
    "font-size:.9em}\n"
    ".center{text-align:center}.right{text-align:right}\n"
    "nav ol{list-style:none;padding-left:1em}\n"
    "img{max-width:100%;height:auto}\n"
    "@media print{body{max-width:none;margin:0}nav{page-break-after:always}"
    ".page-break{page-break-after:always}a{color:inherit;text-decoration:none}"
    "thead{display:table-header-group}tr{page-break-inside:avoid}}\n";

class Writer {
 public:
  explicit Writer(const doc::Document& d) : d_(d) {}

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
    out_ += std::string("<style>\n") + kStyle + "</style>\n</head>\n<body>\n";
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
  std::string out_;
};

}  // namespace

std::string write_html(const doc::Document& document) {
  return Writer(document).run();
}

}  // namespace plenary
