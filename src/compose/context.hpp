// The Mustache context of one document: exactly the records it uses, formatted for its language.
#pragma once

#include <optional>
#include <string>

#include "compose/compose.hpp"
#include "compose/template_names.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail {

struct DocumentContext {
  Value root;                 // the context the template is rendered with
  doc::Metadata meta;         // without header_logo (added by compose)
  std::string template_name;  // "agenda.md", "briefing-pack.md", "task-group-report.md"
};

// The template a document of this kind is rendered with ("" for none).
std::string template_name(DocumentKind kind);

// nullopt when the spec names no plenary / task group of the committee. With `names`, some
// members the template cannot name (lists of persons, whole plenaries, none holding an (md)
// field) are left out: such a context serves rendering only, never the fingerprint.
std::optional<DocumentContext> build_context(const model::Committee& committee,
                                             const DocumentSpec& spec, const TemplateSet& templates,
                                             const TemplateNames* names = nullptr);

}  // namespace plenary::compose::detail
