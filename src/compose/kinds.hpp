// The document-kinds table: one row per kind of document (agenda, briefing pack, final report),
// each supplied by one file under compose/kinds/. plan_documents, the templates load_templates
// reads, the fixed texts it requires, build_context and --only all read this table. Adding a
// kind is its file, its template, its fixed texts and one line in kinds.cpp (or a static
// KindRegistration inside that file, linked into the program).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compose/compose.hpp"

namespace plenary::compose {

namespace detail {
class ContextBuilder;
struct DocumentContext;
}  // namespace detail

// The records a kind has instances for; the plan takes them in this order: for each plenary
// (in date order) every Plenary kind, then for each task group every TaskGroup kind, then the
// Committee kinds.
enum class KindScope { Plenary, TaskGroup, Committee };

// Other outputs a product is made of: path (relative to the output folder) -> bytes.
using OutputFiles = std::map<std::string, std::string>;

// A product that is not a paged Document (an ICS calendar, a site index, a meeting book made
// of other outputs): its bytes come from the model and, if it says so, from other outputs of
// the build. It takes part in the plan, the manifest, the incremental decision and --only like
// every document.
// What a product may use of the build besides the model (the meeting book: the papers under the
// data root, its cache of converted papers under the output folder, its warnings).
struct ProductEnv {
  std::filesystem::path root;         // the data root
  std::filesystem::path out;          // the output folder (absolute)
  Diagnostics* diagnostics = nullptr;  // warnings and errors about the inputs, with positions
};

struct Product {
  std::string format;     // the formats-table row whose --format selects it ("pdf" for a book)
  std::string extension;  // of the file written, without the dot
  // What it reads of the model, as bytes: hashed into its input hash, so that a change
  // rebuilds it.
  std::function<std::string(const model::Committee&, const DocumentSpec&)> inputs;
  // Other outputs it is made of (paths relative to the output folder; optional): it is written
  // after them, its input hash includes theirs, and write() gets their bytes. A path this
  // build does not plan counts with its input hash in the manifest, and must exist on disk.
  std::function<std::vector<std::string>(const model::Committee&, const DocumentSpec&)>
      input_outputs;
  std::function<std::string(const model::Committee&, const DocumentSpec&, const TemplateSet&,
                            const OutputFiles& outputs)>
      write;
  // Optional, instead of write: the same with the build's environment (a product that reads
  // files or reports diagnostics). Either one is set. The outputs are its own (by value): it
  // may move their bytes out or drop them once read (the meeting book holds the pack's 3 MB
  // once, not twice, while it lays the pack out again).
  std::function<std::string(const model::Committee&, const DocumentSpec&, const TemplateSet&,
                            OutputFiles outputs, const ProductEnv& env)>
      write_env;
  // Optional: run before the build confines itself (core/landlock.hpp), for work that starts
  // programs (the book converts DOCX/ODT papers with LibreOffice into its cache); errors are
  // left for write_env to report.
  std::function<void(const model::Committee&, const DocumentSpec&, const ProductEnv& env)> prepare;
  // Optional: a warning about this product when it is planned ("" = none); the plan reports
  // each distinct text once per run (the calendars' floating times).
  std::function<std::string(const model::Committee&, const DocumentSpec&)> warning;
};

struct DocumentKind {
  std::string id;  // "agenda": names the kind in the context (document.kind) and the manifest
  KindScope scope = KindScope::Plenary;
  // The output stem (no extension, relative to the output folder) of this kind's document for
  // the record `id` (a plenary, a task group or the committee); "" when it has none.
  std::function<std::string(const model::Committee&, const std::string& id)> output_stem;
  std::string template_name;           // "agenda.md"; "" for a Product
  std::vector<std::string> text_keys;  // fixed texts this kind reads itself ("document.agenda")
  // The kind's part of the Mustache context and metadata; false when the record named by the
  // spec has no such document. Not used by a Product.
  std::function<bool(const detail::ContextBuilder&, const DocumentSpec&, detail::DocumentContext&)>
      context;
  // --only: whether `only_id` selects this document. Unset: the spec's own id.
  std::function<bool(const model::Committee&, const DocumentSpec&, const std::string& only_id)>
      only_matches;
  std::optional<Product> product;  // set: not a Document (no template, no context)
};

// Every kind: the built-in rows (agenda, briefing pack, final report), then registered ones.
const std::vector<DocumentKind>& document_kinds();
const DocumentKind* find_kind(std::string_view id);
// The kind of a planned document (it always exists: specs come from plan_documents).
const DocumentKind& kind_of(const DocumentSpec& spec);
// Whether --only `only_id` selects this document.
bool only_selects(const model::Committee& committee, const DocumentSpec& spec,
                  const std::string& only_id);
// Every template file the kinds name, in table order ("agenda.md", ...).
std::vector<std::string> kind_template_names();

struct KindRegistration {
  explicit KindRegistration(DocumentKind kind);
};

}  // namespace plenary::compose
