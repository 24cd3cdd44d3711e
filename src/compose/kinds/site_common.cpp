#include "compose/kinds/site_common.hpp"

#include <algorithm>

#include "compose/inlines.hpp"
#include "compose/kinds.hpp"
#include "compose/markdown.hpp"
#include "compose/plain_field.hpp"
#include "render/html/html_writer.hpp"

namespace plenary::compose::kinds::site {

bool is_site_kind(const std::string& kind) {
  return kind.rfind("site-", 0) == 0;
}

std::vector<Listed> listed(const DocumentSpec& spec) {
  std::vector<Listed> docs;
  if (!spec.run_outputs) return docs;
  for (const PlannedOutput& out : *spec.run_outputs) {
    if (is_site_kind(out.kind)) continue;
    const std::size_t dot = out.path.rfind('.');
    const std::string stem = out.path.substr(0, dot);
    auto it = std::find_if(docs.begin(), docs.end(), [&](const Listed& d) {
      return d.stem == stem && d.kind == out.kind && d.id == out.id;
    });
    if (it == docs.end()) it = docs.insert(docs.end(), Listed{out.kind, out.id, stem, {}});
    it->paths.push_back(out.path);
  }
  return docs;
}

bool written(const DocumentSpec& spec, const std::string& path) {
  if (!spec.run_outputs) return false;
  for (const PlannedOutput& out : *spec.run_outputs)
    if (out.path == path) return true;
  return false;
}

std::string esc(const std::string& text) {
  return html::escape(text);
}

html::SitePage frame(const model::Committee& c, const TemplateSet& t, const std::string& root,
                     const std::string& title) {
  const detail::Texts tx(t.texts, t.lang);
  html::SitePage page;
  page.lang = t.lang == Lang::Fr ? "fr" : "en";
  page.title = title;
  page.root = root;
  page.site_name =
      c.committee.name.empty() ? c.committee.id : c.committee.name + " (" + c.committee.id + ")";
  page.logo = t.header_logo ? t.header_logo : t.logo;
  page.logo_alt = detail::fill(tx.get("site.logo_alt"), {{"committee", c.committee.id}});
  page.home = root.empty() ? "" : tx.get("site.home");
  return page;
}

namespace {
// A field as blocks: one line of plain text without a parser (plain_field.hpp, the path the
// documents' fields take), anything else through cmark-gfm. Calling cmark-gfm for every goal
// and activity of every task-group page was 64 M of the 1,669 M instructions of a forced
// K=4 `--format html,ics` build.
doc::Blocks field_blocks(const std::string& source) {
  if (auto plain = detail::plain_field_blocks(source)) return std::move(*plain);
  return detail::field_blocks_parsed(source);
}
}  // namespace

std::string md_inline(const model::Markdown& md, const TemplateSet& t) {
  doc::Inlines inlines;
  detail::flatten(field_blocks(md.source), inlines);
  return html::inlines(inlines, t.style);
}

std::string md_blocks(const model::Markdown& md, const TemplateSet& t) {
  return html::blocks(field_blocks(md.source), t.style);
}

std::string document_name(const std::string& kind, const detail::Texts& tx) {
  if (const DocumentKind* k = find_kind(kind)) {
    for (const auto& key : k->text_keys)
      if (key.rfind("document.", 0) == 0) return tx.get(key);
  }
  if (kind == "calendar") return tx.get("site.calendar");
  return kind;
}

std::string relative(const std::string& folder, const std::string& path) {
  if (folder.empty()) return path;
  if (path.rfind(folder + "/", 0) == 0) return path.substr(folder.size() + 1);
  std::string up;
  for (std::size_t i = 0; i != std::string::npos; i = folder.find('/', i + 1)) up += "../";
  return up + path;
}

std::string format_links(const Listed& doc, const std::string& folder, const std::string& name) {
  std::string out = "<ul class=\"formats\">";
  for (const auto& path : doc.paths) {
    std::string format = path.substr(path.rfind('.') + 1);
    for (char& ch : format)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    out += "<li><a href=\"" + esc(relative(folder, path)) + "\">" + esc(format) +
           "<span class=\"vh\"> (" + esc(name) + ")</span></a></li>";
  }
  return out + "</ul>";
}

std::string plenary_title(const model::Committee& c, const model::Plenary& p,
                          const detail::Texts& tx) {
  if (!p.title.empty()) return p.title;
  return detail::fill(tx.get("plenary_title"),
                      {{"n", tx.ordinal(p.number)}, {"committee", c.committee.id}});
}

}  // namespace plenary::compose::kinds::site
