// The Mustache context of one document: exactly the records it uses, formatted for its language.
#pragma once

#include <optional>
#include <string>

#include "compose/compose.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail {

struct DocumentContext {
  Value root;                 // the context the template is rendered with
  doc::Metadata meta;         // without header_logo (added by compose)
  std::string template_name;  // "agenda.md", "briefing-pack.md", "task-group-report.md"
};

// nullopt when the spec names no plenary / task group of the committee.
std::optional<DocumentContext> build_context(const model::Committee& committee,
                                             const DocumentSpec& spec,
                                             const TemplateSet& templates);

}  // namespace plenary::compose::detail
