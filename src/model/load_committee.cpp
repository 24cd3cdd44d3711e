// load_committee: raw YAML (src/load) -> typed records -> links and cross-checks -> schedule.
#include <algorithm>
#include <tuple>

#include "load/load.hpp"
#include "model/check.hpp"
#include "model/committee_builder.hpp"

namespace plenary::model {

std::optional<Committee> load_committee(const std::filesystem::path& root, Diagnostics& diags,
                                        unsigned threads) {
  Diagnostics local;
  load::RawRoot raw = load::load_root(root, local, {}, threads);
  detail::CommitteeBuilder b(local);
  b.committee_file(raw.committee);
  b.sector_focus_file(raw.sector_focus);
  b.stakeholders_file(raw.stakeholders);
  for (const auto& tg : raw.task_groups) b.task_group_file(tg);
  for (const auto& a : raw.agendas) b.agenda_file(a);
  if (!raw.documents.path.empty()) b.documents_file(raw.documents, root);
  b.link();
  b.link_documents();
  b.schedule();
  Committee c = b.take();
  for (load::SourceFile* f : {&raw.committee, &raw.sector_focus, &raw.stakeholders, &raw.documents})
    if (f->ok) c.source_bytes[f->path] = std::move(f->bytes);
  for (auto* files : {&raw.task_groups, &raw.agendas})
    for (auto& f : *files)
      if (f.ok) c.source_bytes[f.path] = std::move(f.bytes);
  std::stable_sort(c.plenaries.begin(), c.plenaries.end(), [](const Plenary& x, const Plenary& y) {
    return std::tie(x.start.year, x.start.month, x.start.day, x.number) <
           std::tie(y.start.year, y.start.month, y.start.day, y.number);
  });
  std::stable_sort(c.task_groups.begin(), c.task_groups.end(),
                   [](const TaskGroup& x, const TaskGroup& y) { return x.id < y.id; });
  local.sort();
  bool failed = local.has_errors();
  diags.append(local);
  if (failed) return std::nullopt;
  return c;
}

}  // namespace plenary::model
