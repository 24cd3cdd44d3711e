#include "compose/style_file.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace plenary::compose::detail {

namespace {

SourcePos pos_of(const std::string& path, const YAML::Mark& mark) {
  if (mark.is_null()) return {path, 0, 0};
  return {path, mark.line + 1, mark.column + 1};
}

// Reads one style.yaml value, reporting problems at the value's position.
class StyleReader {
 public:
  StyleReader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

  void check_keys(const YAML::Node& map, const std::vector<std::string>& known) {
    if (!map.IsMap()) {
      diags_.error(pos_of(path_, map.Mark()), "expected a mapping");
      return;
    }
    // yaml-cpp keeps both entries of a key given twice and a look-up finds the first: the
    // second, the one a reader of the file sees last, would be silently ignored.
    std::map<std::string, YAML::Mark> seen;
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (auto [it, inserted] = seen.emplace(key, kv.first.Mark()); !inserted) {
        diags_.error(pos_of(path_, kv.first.Mark()), "duplicate key '" + key + "'",
                     "first at line " + std::to_string(it->second.line + 1));
        continue;
      }
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        const std::string near = closest_match(key, known);
        diags_.error(pos_of(path_, kv.first.Mark()), "unknown key '" + key + "'",
                     near.empty() ? "" : "did you mean '" + near + "'?");
      }
    }
  }

  void length(const YAML::Node& n, double& out) {
    if (!n) return;
    const std::string s = n.IsScalar() ? n.Scalar() : "";
    std::size_t used = 0;
    double v = 0;
    try {
      v = std::stod(s, &used);
    } catch (...) {
      used = 0;
    }
    const std::string unit = used ? s.substr(used) : "";
    double factor = 0;
    if (unit.empty() || unit == "pt") factor = 1;
    if (unit == "mm") factor = kPtPerMm;
    if (unit == "cm") factor = 10 * kPtPerMm;
    if (unit == "in") factor = 72;
    if (!used || factor == 0 || !(v > 0) || !std::isfinite(v)) {
      diags_.error(pos_of(path_, n.Mark()), "invalid length '" + s + "'",
                   "write a positive number with a unit: 25mm, 2.5cm, 1in or 12pt");
      return;
    }
    out = v * factor;
  }

  void number(const YAML::Node& n, double& out) {
    if (!n) return;
    try {
      const double v = n.as<double>();
      if (v > 0 && std::isfinite(v)) {
        out = v;
        return;
      }
    } catch (const YAML::Exception&) {
    }
    diags_.error(pos_of(path_, n.Mark()), "expected a positive number");
  }

  void text(const YAML::Node& n, std::string& out) {
    if (!n) return;
    if (!n.IsScalar()) {
      diags_.error(pos_of(path_, n.Mark()), "expected a text");
      return;
    }
    out = n.Scalar();
  }

  void color(const YAML::Node& n, doc::Color& out) {
    if (!n) return;
    const std::string s = n.IsScalar() ? n.Scalar() : "";
    const bool ok = s.size() == 7 && s[0] == '#' &&
                    s.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
    if (!ok) {
      diags_.error(pos_of(path_, n.Mark()), "invalid colour '" + s + "'",
                   "write a hex colour such as \"#003373\"");
      return;
    }
    const auto channel = [&](std::size_t i) {
      return std::stoi(s.substr(i, 2), nullptr, 16) / 255.0;
    };
    out = {channel(1), channel(3), channel(5)};
  }

 private:
  std::string path_;
  Diagnostics& diags_;
};

// The spacing, list, contents, image and cover keys (all optional). Values not given are
// derived from the sizes as the writers used to compute them, so a style.yaml that changes a
// size moves the spacing with it.
void parse_layout_keys(const YAML::Node& root, const std::string& path, doc::Style& s,
                       StyleReader& r, Diagnostics& diags) {
  for (int i = 0; i < 3; ++i) {
    s.heading_space_before_pt[i] = s.heading_size_pt[i] * (i == 0 ? 1.3 : 1.0);
    s.heading_space_after_pt[i] = s.heading_size_pt[i] * 0.45;
  }
  s.title_space_after_pt = s.title_size_pt * 0.45;
  s.subtitle_space_after_pt = s.subtitle_size_pt * 0.5;
  s.list_item_space_pt = s.paragraph_space_pt * 0.4;
  s.list_space_after_pt = s.paragraph_space_pt * 0.6;
  s.table_space_after_pt = s.paragraph_space_pt * 1.5;
  // A space in points from 0 to 720.
  const auto space = [&](const YAML::Node& n, double& out) {
    if (!n) return;
    try {
      const double v = n.as<double>();
      if (v >= 0 && v <= 720) {
        out = v;
        return;
      }
    } catch (const YAML::Exception&) {
    }
    diags.error(pos_of(path, n.Mark()), "expected a space in points from 0 to 720");
  };
  const auto three = [&](const YAML::Node& n, double(&out)[3]) {
    if (!n) return;
    if (!n.IsSequence() || n.size() != 3) {
      diags.error(pos_of(path, n.Mark()), "expected three values, one per heading level",
                  "write [20.8, 13, 11]");
      return;
    }
    for (std::size_t i = 0; i < 3; ++i) space(n[i], out[i]);
  };
  if (const YAML::Node sp = root["spacing"]) {
    r.check_keys(sp, {"heading_before", "heading_after", "title_after", "subtitle_after",
                      "list_item", "list_after", "table_after"});
    if (sp.IsMap()) {
      three(sp["heading_before"], s.heading_space_before_pt);
      three(sp["heading_after"], s.heading_space_after_pt);
      space(sp["title_after"], s.title_space_after_pt);
      space(sp["subtitle_after"], s.subtitle_space_after_pt);
      space(sp["list_item"], s.list_item_space_pt);
      space(sp["list_after"], s.list_space_after_pt);
      space(sp["table_after"], s.table_space_after_pt);
    }
  }
  if (const YAML::Node l = root["lists"]) {
    r.check_keys(l, {"indent", "bullets"});
    if (l.IsMap()) {
      r.length(l["indent"], s.list_indent_pt);
      if (const YAML::Node b = l["bullets"]) {
        if (b.IsSequence() && b.size() == 3) {
          for (std::size_t i = 0; i < 3; ++i) r.text(b[i], s.bullets[i]);
        } else {
          diags.error(pos_of(path, b.Mark()), "expected three bullets, one per list level",
                      "write [\"\u2022\", \"\u2013\", \"\u25e6\"]");
        }
      }
    }
  }
  if (const YAML::Node c = root["contents"]) {
    r.check_keys(c, {"indent"});
    if (c.IsMap()) r.length(c["indent"], s.contents_indent_pt);
  }
  if (const YAML::Node im = root["images"]) {
    r.check_keys(im, {"dpi", "fallback_width"});
    if (im.IsMap()) {
      r.number(im["dpi"], s.image_dpi);
      r.length(im["fallback_width"], s.image_fallback_width_pt);
    }
  }
  if (const YAML::Node c = root["cover"]) {
    r.check_keys(c, {"top"});
    if (c.IsMap() && c["top"]) {
      double top = s.cover_top_fraction;
      r.number(c["top"], top);
      if (top < 1) {
        s.cover_top_fraction = top;
      } else {
        diags.error(pos_of(path, c["top"].Mark()), "expected a fraction of the text area below 1",
                    "write 0.22 to start the cover a fifth of the way down");
      }
    }
  }
}

}  // namespace

void parse_style(const YAML::Node& root, const std::string& path, TemplateSet& set,
                 std::optional<LogoSpec>& logo, Diagnostics& diags) {
  StyleReader r(path, diags);
  if (!root || root.IsNull()) return;
  r.check_keys(root, {"page", "fonts", "sizes", "spacing", "lists", "contents", "colors", "images",
                      "cover", "header", "logo"});
  if (!root.IsMap()) return;
  doc::Style& s = set.style;
  if (const YAML::Node page = root["page"]) {
    r.check_keys(page, {"size", "margins"});
    if (const YAML::Node size = page["size"]) {
      if (size.IsScalar() && (size.Scalar() == "A4" || size.Scalar() == "a4")) {
        s.page_width_pt = 210 * kPtPerMm;
        s.page_height_pt = 297 * kPtPerMm;
      } else if (size.IsScalar() && (size.Scalar() == "Letter" || size.Scalar() == "letter")) {
        s.page_width_pt = 612;
        s.page_height_pt = 792;
      } else if (size.IsMap()) {
        r.check_keys(size, {"width", "height"});
        r.length(size["width"], s.page_width_pt);
        r.length(size["height"], s.page_height_pt);
      } else {
        diags.error(pos_of(path, size.Mark()), "unknown page size",
                    "write A4, Letter or {width: 210mm, height: 297mm}");
      }
    }
    if (const YAML::Node m = page["margins"]) {
      r.check_keys(m, {"top", "bottom", "left", "right"});
      if (m.IsMap()) {
        r.length(m["top"], s.margin_top_pt);
        r.length(m["bottom"], s.margin_bottom_pt);
        r.length(m["left"], s.margin_left_pt);
        r.length(m["right"], s.margin_right_pt);
      }
    }
  }
  // What a page can hold: PDF pages are 3 to 14400 pt a side, and the margins must leave a
  // text area of at least an inch each way, or no line or table cell could fit.
  const auto within = [&](const YAML::Node& n, double value, double lo, double hi,
                          const std::string& what) {
    if (!n || (value >= lo && value <= hi)) return;
    diags.error(pos_of(path, n.Mark()), what + " out of range",
                "between " + std::to_string(static_cast<int>(lo)) + " and " +
                    std::to_string(static_cast<int>(hi)) + " pt");
  };
  if (const YAML::Node page = root["page"]; page && page.IsMap()) {
    within(page["size"], std::min(s.page_width_pt, s.page_height_pt), 3, 14400, "page size");
    within(page["size"], std::max(s.page_width_pt, s.page_height_pt), 3, 14400, "page size");
    const YAML::Node m = page["margins"] ? page["margins"] : page;
    if (s.page_width_pt - s.margin_left_pt - s.margin_right_pt < 72 ||
        s.page_height_pt - s.margin_top_pt - s.margin_bottom_pt < 72)
      diags.error(pos_of(path, m.Mark()), "the margins leave less than an inch of text area",
                  "make the margins smaller or the page larger");
  }
  if (const YAML::Node f = root["fonts"]) {
    r.check_keys(f, {"body", "heading", "mono"});
    if (f.IsMap()) {
      r.text(f["body"], s.body_font);
      r.text(f["heading"], s.heading_font);
      r.text(f["mono"], s.mono_font);
    }
  }
  if (const YAML::Node z = root["sizes"]) {
    r.check_keys(z, {"body", "line_spacing", "heading", "title", "subtitle", "note",
                     "header_footer", "table", "paragraph_space", "code"});
    if (z.IsMap()) {
      // Each size read, then held to what a page can show: font sizes from 2 to 72 pt, up to
      // 144 pt for the title.
      const auto size = [&](const YAML::Node& n, double& out, double lo, double hi,
                            const char* what) {
        r.number(n, out);
        within(n, out, lo, hi, what);
      };
      size(z["body"], s.body_size_pt, 2, 72, "font size");
      size(z["line_spacing"], s.line_spacing, 0.5, 5, "line spacing");
      if (const YAML::Node h = z["heading"]) {
        if (h.IsSequence() && h.size() == 3) {
          for (std::size_t i = 0; i < 3; ++i) size(h[i], s.heading_size_pt[i], 2, 72, "font size");
        } else {
          diags.error(pos_of(path, h.Mark()), "expected three heading sizes", "write [16, 13, 11]");
        }
      }
      size(z["title"], s.title_size_pt, 2, 144, "font size");
      size(z["subtitle"], s.subtitle_size_pt, 2, 72, "font size");
      size(z["note"], s.note_size_pt, 2, 72, "font size");
      size(z["header_footer"], s.header_footer_size_pt, 2, 72, "font size");
      size(z["table"], s.table_size_pt, 2, 72, "font size");
      size(z["paragraph_space"], s.paragraph_space_pt, 0, 720, "paragraph space");
      size(z["code"], s.code_size_ratio, 0.25, 4, "inline code size (a ratio of the text size)");
    }
  }
  parse_layout_keys(root, path, s, r, diags);
  if (const YAML::Node c = root["colors"]) {
    r.check_keys(
        c, {"text", "heading", "subtitle", "link", "muted", "table_header_fill", "table_rule"});
    if (c.IsMap()) {
      r.color(c["text"], s.text_color);
      s.subtitle_color = s.text_color;  // unless given
      r.color(c["subtitle"], s.subtitle_color);
      r.color(c["heading"], s.heading_color);
      r.color(c["link"], s.link_color);
      r.color(c["muted"], s.muted_color);
      r.color(c["table_header_fill"], s.table_header_fill);
      r.color(c["table_rule"], s.table_rule);
    }
  }
  if (const YAML::Node h = root["header"]) {
    r.check_keys(h, {"left", "right"});
    if (h.IsMap()) {
      r.text(h["left"], set.header_left);
      r.text(h["right"], set.header_right);
    }
  }
  if (const YAML::Node l = root["logo"]) {
    LogoSpec spec;
    spec.pos = pos_of(path, l.Mark());
    if (l.IsScalar()) {
      spec.file = l.Scalar();
    } else {
      r.check_keys(l, {"file", "width", "header_height", "alt"});
      if (l.IsMap()) {
        r.text(l["file"], spec.file);
        r.text(l["alt"], spec.alt);
        r.length(l["width"], spec.width_pt);
        r.length(l["header_height"], spec.header_height_pt);
      }
    }
    if (!spec.file.empty()) logo = spec;
  }
}

}  // namespace plenary::compose::detail
