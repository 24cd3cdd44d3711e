// fingerprint and compose: the public face of the compose stage (plan_documents: kinds.cpp).
#include "compose/compose.hpp"

#include <algorithm>

#include "compose/context.hpp"
#include "compose/escape.hpp"
#include "compose/kinds.hpp"
#include "compose/markdown.hpp"
#include "compose/mustache/render.hpp"
#include "compose/table_geometry.hpp"
#include "compose/template_checks.hpp"
#include "compose/template_names.hpp"
#include "compose/template_text.hpp"
#include "core/sha256.hpp"

namespace plenary::compose {

namespace {

namespace mustache = detail::mustache;
using detail::check_directives;
using detail::check_templates;
using detail::path_of;
using detail::report_mustache_error;
using detail::report_unknown_fields;
using detail::tables_fit;
using detail::template_files;
using mustache::Rendered;

std::string serialize_meta(const doc::Metadata& m) {
  detail::Value v = detail::Value::object();
  for (const auto& [k, s] :
       std::vector<std::pair<std::string, std::string>>{{"title", m.title},
                                                        {"subject", m.subject},
                                                        {"author", m.author},
                                                        {"language", m.language},
                                                        {"date", m.date},
                                                        {"keywords", m.keywords},
                                                        {"header_left", m.header_left},
                                                        {"header_right", m.header_right},
                                                        {"footer", m.footer},
                                                        {"contents_title", m.contents_title}}) {
    v.set(k, detail::Value::plain(s));
  }
  v.set("has_cover", detail::Value::boolean(m.has_cover));
  return detail::serialize(v);
}

}  // namespace

std::string fingerprint(const model::Committee& committee, const DocumentSpec& spec,
                        const TemplateSet& templates) {
  core::Sha256 sha;
  const auto add = [&sha](const std::string& label, const std::string& bytes) {
    sha.update(label + ":" + std::to_string(bytes.size()) + ":");
    sha.update(bytes);
  };
  const auto& kinds = document_kinds();
  const DocumentKind* kind = find_kind(spec.kind);
  const bool product = kind && kind->product;
  add("compose", "plenary-compose-1");
  // The kind as its 1-based place in the kinds table (the numbers of the enum it replaced).
  add("spec",
      std::to_string(kind ? kind - kinds.data() + 1 : 0) + "/" + spec.id + "/" + spec.output_stem);
  add("lang", templates.lang == Lang::Fr ? "fr" : "en");
  if (product) add("product", kind->product->inputs(committee, spec));
  if (auto ctx = product ? std::optional<detail::DocumentContext>()
                         : detail::build_context(committee, spec, templates)) {
    add("context", detail::serialize(ctx->root));
    add("meta", serialize_meta(ctx->meta));
    for (const auto& name : template_files(templates, ctx->template_name)) {
      const auto it = templates.files.find(name);
      add("template " + name, it == templates.files.end() ? std::string() : it->second);
    }
  }
  const std::string lang_file = templates.lang == Lang::Fr ? "i18n/fr.yaml" : "i18n/en.yaml";
  for (const auto& name : {std::string("style.yaml"), lang_file}) {
    const auto it = templates.files.find(name);
    add(name, it == templates.files.end() ? std::string() : it->second);
  }
  add("logo", templates.logo ? templates.logo->data : std::string());
  return sha.hex();
}

std::optional<doc::Document> compose(const model::Committee& committee, const DocumentSpec& spec,
                                     const TemplateSet& templates, Diagnostics& diags) {
  // 1. The context: exactly the records this document uses, without some the template cannot
  //    name (its texts are as kainjow parses them: files[i] -> texts[i], "" when missing).
  const DocumentKind* kind = find_kind(spec.kind);
  const auto files = template_files(templates, kind ? kind->template_name : std::string());
  std::vector<std::string> texts;
  for (const auto& name : files) {
    const auto it = templates.files.find(name);
    texts.push_back(it == templates.files.end() ? std::string()
                                                : detail::mark_heading_anchors(it->second));
  }
  const detail::TemplateNames names(texts);
  auto ctx = detail::build_context(committee, spec, templates, &names);
  if (!ctx) {
    diags.error({spec.output_stem, 0, 0},
                "'" + spec.id + "' names no plenary with an agenda or task group of the committee");
    return std::nullopt;
  }

  // 2. The template and its partials, checked one by one so errors point at the right file.
  if (!check_templates(templates, files, diags)) return std::nullopt;
  check_directives(templates, files, diags);

  // 3. Mustache: data escaped for Markdown, (md) fields as private tokens. The data holds only
  //    the members the template can name, unless a partial renders a string of the data: then
  //    the whole context is rendered again.
  std::vector<std::string> fields;
  auto rendered = mustache::render(files, texts, ctx->root, &names, fields);
  if (rendered.status == Rendered::Status::NeedsWholeContext) {
    ctx = detail::build_context(committee, spec, templates);
    rendered = mustache::render(files, texts, ctx->root, nullptr, fields);
  }
  if (rendered.status == Rendered::Status::TooLarge) {
    diags.error({path_of(templates, files[0]), 0, 0},
                "the template renders too much (over " +
                    std::to_string(mustache::kMaxRenderedBytes >> 20) + " MiB of text or " +
                    std::to_string(mustache::kMaxRenderWork / 1'000'000) +
                    " million tags and sections)",
                "a section inside a section over long lists repeats for every combination");
    return std::nullopt;
  }
  if (rendered.status == Rendered::Status::Invalid) {
    report_mustache_error(rendered.error, templates.files.at(files[0]),
                          path_of(templates, files[0]), diags);
    return std::nullopt;
  }
  std::string markdown = std::move(rendered.text);
  const std::vector<std::string>& missing = rendered.missing;
  if (!missing.empty()) {  // hints from every field of the whole context
    report_unknown_fields(templates, files, missing,
                          detail::build_context(committee, spec, templates)->root, diags);
    return std::nullopt;
  }

  // 4. Markdown -> the document tree.
  doc::Document document;
  document.meta = ctx->meta;
  document.meta.header_logo = templates.header_logo;
  document.blocks = detail::markdown_to_blocks({markdown, std::move(fields), templates.logo});
  if (!tables_fit(document.blocks, templates, files, spec, 0, diags)) return std::nullopt;
  return document;
}

}  // namespace plenary::compose
