// Compose: committee model + templates -> Document (Mustache, then Markdown via cmark-gfm).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "document/style.hpp"
#include "model/model.hpp"

namespace plenary::compose {

enum class Lang { None, En, Fr };

// One file a build writes: its kind, record and path (relative to the output folder).
struct PlannedOutput {
  std::string kind;
  std::string id;
  std::string path;
};

struct DocumentSpec {
  std::string kind;         // a row of the kinds table (compose/kinds.hpp): "agenda",
                            // "briefing-pack", "final-report"
  std::string id;           // plenary id (agenda, briefing pack) or task-group id (final report)
  std::string output_stem;  // relative to the output folder, no extension:
                            // "CCQM-30/CCQM-30-agenda", "task-groups/CCQM-TG-X-final-report"
  // Products only (set by the output plan): every file this run writes in its selected formats,
  // --only aside, in plan order (the site's index lists them). Null elsewhere.
  std::shared_ptr<const std::vector<PlannedOutput>> run_outputs = nullptr;
};

// Every document a full build writes, in a stable order (documents.md), from the kinds table:
// per plenary an agenda (if it has one) and a briefing pack, a final report per closed task
// group (see compose/kinds.hpp for the order).
std::vector<DocumentSpec> plan_documents(const model::Committee& committee);

// Templates, house style, fixed texts and logo for one language, after the override rule:
// a file in an earlier folder wins over the same file in a later one.
struct TemplateSet {
  Lang lang = Lang::En;
  std::map<std::string, std::string> files;       // relative name ("agenda.md", "style.yaml",
                                                  // "i18n/en.yaml", "logo.png") -> bytes
  std::map<std::string, std::string> file_paths;  // relative name -> path shown in diagnostics
  doc::Style style;
  // Fixed texts and the date format (i18n/<lang>.yaml), flattened: "heading.contents" ->
  // "Contents".
  std::map<std::string, std::string> texts;
  // From style.yaml: running-header patterns ({organisation}, {committee}, {committee_name},
  // {document}, {title}, {subject}) and the logo at its cover and running-header sizes.
  std::string header_left;
  std::string header_right;
  std::optional<doc::Image> logo;
  std::optional<doc::Image> header_logo;
};

std::optional<TemplateSet> load_templates(const std::vector<std::filesystem::path>& folders,
                                          Lang lang, Diagnostics& diags);

// A hash (hex SHA-256) of exactly what the document is made from: its Mustache context (the
// records it uses), its template, style, fixed texts and logo. Equal fingerprints give equal
// documents. Cheap next to composing and rendering.
std::string fingerprint(const model::Committee& committee, const DocumentSpec& spec,
                        const TemplateSet& templates);

// The document, or nullopt with errors in `diags` (e.g. a template with an unbalanced tag,
// reported at the template's path and line).
std::optional<doc::Document> compose(const model::Committee& committee, const DocumentSpec& spec,
                                     const TemplateSet& templates, Diagnostics& diags);

}  // namespace plenary::compose
