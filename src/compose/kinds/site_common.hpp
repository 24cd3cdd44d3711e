// What the site's kinds share (docs/web.md): the page frame from the templates (language, logo,
// committee), (md) fields as HTML, what each product reads (its input bytes), and the run's
// documents grouped by stem with their formats, from the plan (DocumentSpec::run_outputs), so
// the pages list every file this run writes whatever kinds the table holds.
#pragma once

#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "compose/fixed_texts.hpp"
#include "render/html/site.hpp"

namespace plenary::compose::kinds::site {

// The ids of the site's own kinds (not listed as documents).
bool is_site_kind(const std::string& kind);

// One document of the run in all the formats it is written in.
struct Listed {
  std::string kind;
  std::string id;
  std::string stem;                // "CCQM-31/CCQM-31-agenda"
  std::vector<std::string> paths;  // "CCQM-31/CCQM-31-agenda.pdf", ... in plan order
};
std::vector<Listed> listed(const DocumentSpec& spec);
// Whether the run writes `path`.
bool written(const DocumentSpec& spec, const std::string& path);

// The page frame: language, logo and its alt text, the committee, the way home.
html::SitePage frame(const model::Committee& c, const TemplateSet& t, const std::string& root,
                     const std::string& title);

std::string esc(const std::string& text);
std::string md_inline(const model::Markdown& md, const TemplateSet& t);  // one line
std::string md_blocks(const model::Markdown& md, const TemplateSet& t);  // paragraphs, lists

// The name of a document kind for a reader: its "document.*" fixed text, else its id.
std::string document_name(const std::string& kind, const detail::Texts& tx);
// `path` (relative to the output folder) as a link from a page in `folder` ("" = the root).
std::string relative(const std::string& folder, const std::string& path);
// The formats of one document as links: "PDF", "DOCX" ..., each with its document named for
// screen readers (visually hidden), so no two links read alike.
std::string format_links(const Listed& doc, const std::string& folder, const std::string& name);
// A plenary's title as the documents give it.
std::string plenary_title(const model::Committee& c, const model::Plenary& p,
                          const detail::Texts& tx);

// What a site page reads, as bytes: the page itself written without templates (no fixed
// texts, the default style, no logo), which holds exactly the records and outputs it shows; the
// templates, style, texts and logo are in every product's fingerprint already. So a comment in
// the data, or a field no page shows, rebuilds no page.
inline const TemplateSet& no_templates() {
  static const TemplateSet none;
  return none;
}

}  // namespace plenary::compose::kinds::site
