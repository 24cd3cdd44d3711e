// load_templates: the override rule, style.yaml, i18n/<lang>.yaml and the logo.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "compose/compose.hpp"
#include "compose/fixed_texts.hpp"
#include "compose/image.hpp"
#include "compose/kinds.hpp"
#include "core/read_file.hpp"
#include "load/load.hpp"

namespace plenary::compose {

namespace {

namespace fs = std::filesystem;

constexpr double kPtPerMm = 72.0 / 25.4;

std::string lang_code(Lang lang) {
  return lang == Lang::Fr ? "fr" : "en";
}

// Templates, texts, style and logo are small; anything larger is a mistake or an attack.
constexpr std::uintmax_t kMaxTemplateFileBytes = 16u << 20;

std::string strip_bom(std::string s) {
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
  return s;
}

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
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
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

struct LogoSpec {
  std::string file;
  double width_pt = 40 * kPtPerMm;
  double header_height_pt = 7 * kPtPerMm;
  SourcePos pos;
};

void parse_style(const YAML::Node& root, const std::string& path, TemplateSet& set,
                 std::optional<LogoSpec>& logo, Diagnostics& diags) {
  StyleReader r(path, diags);
  if (!root || root.IsNull()) return;
  r.check_keys(root, {"page", "fonts", "sizes", "colors", "header", "logo"});
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
                     "header_footer", "table", "paragraph_space"});
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
    }
  }
  if (const YAML::Node c = root["colors"]) {
    r.check_keys(c, {"text", "heading", "link", "muted", "table_header_fill", "table_rule"});
    if (c.IsMap()) {
      r.color(c["text"], s.text_color);
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
      r.check_keys(l, {"file", "width", "header_height"});
      if (l.IsMap()) {
        r.text(l["file"], spec.file);
        r.length(l["width"], spec.width_pt);
        r.length(l["header_height"], spec.header_height_pt);
      }
    }
    if (!spec.file.empty()) logo = spec;
  }
}

void flatten(const YAML::Node& n, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  if (n.IsMap()) {
    for (const auto& kv : n) {
      flatten(kv.second, prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar(),
              out);
    }
  } else if (n.IsSequence()) {
    for (std::size_t i = 0; i < n.size(); ++i)
      flatten(n[i], prefix + "." + std::to_string(i + 1), out);
  } else if (n.IsScalar()) {
    out[prefix] = n.Scalar();
  }
}

// How a file is named in diagnostics: relative to the data root for the first folder (the data
// root's own templates/, "templates/agenda.md", like "data/committee.yaml"), in full otherwise.
std::string shown_path(const std::vector<fs::path>& folders, std::size_t index,
                       const std::string& name) {
  const fs::path& folder = folders[index];
  if (index == 0 && !folder.filename().empty()) return (folder.filename() / name).generic_string();
  return (folder / name).generic_string();
}

enum class Found { Yes, No, Unreadable };

// Finds `name` in the first folder that has it. Unreadable (reported in `diags`): the file is
// there but too large or cannot be read.
Found find_file(const std::vector<fs::path>& folders, const std::string& name, TemplateSet& set,
                Diagnostics& diags) {
  for (std::size_t i = 0; i < folders.size(); ++i) {
    const fs::path p = folders[i] / fs::path(name);
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) continue;
    std::string bytes;
    const core::ReadStatus read = core::read_file(p, bytes, kMaxTemplateFileBytes);
    if (read != core::ReadStatus::Ok) {
      diags.error({shown_path(folders, i, name), 0, 0},
                  core::describe(read, kMaxTemplateFileBytes));
      return Found::Unreadable;
    }
    const bool text = fs::path(name).extension() == ".md" || fs::path(name).extension() == ".yaml";
    set.files[name] = text ? strip_bom(std::move(bytes)) : std::move(bytes);
    set.file_paths[name] = shown_path(folders, i, name);
    return Found::Yes;
  }
  return Found::No;
}

// A YAML file of the templates, parsed by the load stage (its limits, its positions).
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& path,
                                     Diagnostics& diags) {
  load::SourceFile file = load::parse_text(path, text, diags);
  if (!file.ok) return std::nullopt;
  return file.root;
}

doc::Image scaled(const std::string& name, const std::string& bytes, const detail::ImageInfo& info,
                  double width_pt, double height_pt) {
  doc::Image img;
  img.name = name;
  img.data = bytes;
  img.format = info.format;
  img.align = doc::Align::Center;
  if (width_pt > 0) {
    img.width_pt = width_pt;
    img.height_pt = width_pt * info.height_px / info.width_px;
  } else {
    img.height_pt = height_pt;
    img.width_pt = height_pt * info.width_px / info.height_px;
  }
  return img;
}

}  // namespace

std::optional<TemplateSet> load_templates(const std::vector<fs::path>& folders, Lang lang,
                                          Diagnostics& diags) {
  TemplateSet set;
  set.lang = lang == Lang::Fr ? Lang::Fr : Lang::En;
  const std::size_t errors_before = diags.error_count();
  const auto missing = [&](const std::string& name) {
    std::string looked;
    for (const auto& f : folders) looked += (looked.empty() ? "" : ", ") + f.generic_string();
    const std::string where = folders.empty() ? "templates/" + name : shown_path(folders, 0, name);
    diags.error({where, 0, 0}, "template file '" + name + "' not found",
                "looked in " + (looked.empty() ? std::string("no folder") : looked));
  };

  // 1. Templates and partials, first folder wins file by file.
  for (const auto& name : kind_template_names()) {
    if (find_file(folders, name, set, diags) == Found::No) missing(name);
  }
  std::vector<std::string> partials;
  for (const auto& folder : folders) {
    std::error_code ec;
    const fs::path dir = folder / "partials";
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".md")
        partials.push_back("partials/" + entry.path().filename().string());
    }
  }
  std::sort(partials.begin(), partials.end());
  partials.erase(std::unique(partials.begin(), partials.end()), partials.end());
  for (const auto& name : partials) find_file(folders, name, set, diags);

  // 2. House style.
  std::optional<LogoSpec> logo;
  if (const Found found = find_file(folders, "style.yaml", set, diags); found == Found::No) {
    missing("style.yaml");
  } else if (found == Found::Yes) {
    if (auto root = parse_yaml(set.files["style.yaml"], set.file_paths["style.yaml"], diags))
      parse_style(*root, set.file_paths["style.yaml"], set, logo, diags);
  }

  // 3. Fixed texts.
  const std::string i18n = "i18n/" + lang_code(set.lang) + ".yaml";
  if (const Found found = find_file(folders, i18n, set, diags); found == Found::No) {
    missing(i18n);
  } else if (found == Found::Yes) {
    auto root = parse_yaml(set.files[i18n], set.file_paths[i18n], diags);
    if (root && !root->IsMap()) {
      diags.error({set.file_paths[i18n], 1, 1}, "expected a mapping of fixed texts");
    } else if (root) {
      flatten(*root, "", set.texts);
      for (const auto& key : detail::required_text_keys()) {
        if (!set.texts.count(key))
          diags.error({set.file_paths[i18n], 0, 0}, "missing fixed text '" + key + "'");
      }
    }
  }

  // 4. Logo, found by the same rule.
  if (logo) {
    const Found found = find_file(folders, logo->file, set, diags);
    if (found == Found::No) {
      diags.error(logo->pos, "logo file '" + logo->file + "' not found");
    } else if (found == Found::Unreadable) {
      // reported by find_file
    } else if (auto info = detail::image_info(set.files[logo->file])) {
      const std::string name = fs::path(logo->file).filename().string();
      set.logo = scaled(name, set.files[logo->file], *info, logo->width_pt, 0);
      set.header_logo = scaled(name, set.files[logo->file], *info, 0, logo->header_height_pt);
    } else {
      diags.error({set.file_paths[logo->file], 0, 0}, "the logo is neither a PNG nor a JPEG image");
    }
  }

  if (diags.error_count() > errors_before) return std::nullopt;
  return set;
}

}  // namespace plenary::compose
