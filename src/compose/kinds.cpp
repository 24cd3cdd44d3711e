// The kinds table and what reads it first: plan_documents.
#include "compose/kinds.hpp"

#include <stdexcept>

namespace plenary::compose {

// One function per kind, each in its own file under compose/kinds/.
namespace kinds {
DocumentKind agenda();
DocumentKind briefing_pack();
DocumentKind final_report();
DocumentKind calendar();
DocumentKind document_register();
DocumentKind book();
DocumentKind decisions();
DocumentKind site_stylesheet();
DocumentKind site_index();
DocumentKind site_plenary();
DocumentKind site_task_group();
}  // namespace kinds

namespace {

std::vector<DocumentKind>& table() {
  static std::vector<DocumentKind> rows = {
      kinds::agenda(),
      kinds::briefing_pack(),
      kinds::final_report(),
      kinds::calendar(),
      kinds::document_register(),
      kinds::book(),
      kinds::decisions(),
      kinds::site_stylesheet(),
      kinds::site_index(),
      kinds::site_plenary(),
      kinds::site_task_group(),
  };
  return rows;
}

void plan_kinds(const model::Committee& committee, KindScope scope, const std::string& id,
                std::vector<DocumentSpec>& specs) {
  for (const DocumentKind& kind : table()) {
    if (kind.scope != scope) continue;
    std::string stem = kind.output_stem(committee, id);
    if (!stem.empty()) specs.push_back({kind.id, id, std::move(stem)});
  }
}

}  // namespace

const std::vector<DocumentKind>& document_kinds() {
  return table();
}

const DocumentKind* find_kind(std::string_view id) {
  for (const DocumentKind& kind : table())
    if (kind.id == id) return &kind;
  return nullptr;
}

const DocumentKind& kind_of(const DocumentSpec& spec) {
  const DocumentKind* kind = find_kind(spec.kind);
  if (!kind) throw std::logic_error("no document kind '" + spec.kind + "'");
  return *kind;
}

bool only_selects(const model::Committee& committee, const DocumentSpec& spec,
                  const std::string& only_id) {
  const DocumentKind* kind = find_kind(spec.kind);
  if (kind && kind->only_matches) return kind->only_matches(committee, spec, only_id);
  return spec.id == only_id;
}

std::vector<std::string> kind_template_names() {
  std::vector<std::string> names;
  for (const DocumentKind& kind : table())
    if (!kind.template_name.empty()) names.push_back(kind.template_name);
  return names;
}

KindRegistration::KindRegistration(DocumentKind kind) {
  table().push_back(std::move(kind));
}

std::vector<DocumentSpec> plan_documents(const model::Committee& committee) {
  std::vector<DocumentSpec> specs;
  for (const auto& p : committee.plenaries) plan_kinds(committee, KindScope::Plenary, p.id, specs);
  for (const auto& tg : committee.task_groups)
    plan_kinds(committee, KindScope::TaskGroup, tg.id, specs);
  plan_kinds(committee, KindScope::Committee, committee.committee.id, specs);
  return specs;
}

}  // namespace plenary::compose
