// load_committee: raw YAML (src/load) -> typed records -> links and cross-checks -> schedule.
#include <algorithm>
#include <tuple>

#include "load/load.hpp"
#include "model/check.hpp"
#include "model/committee_builder.hpp"

namespace plenary::model {

std::optional<Committee> load_committee(const std::filesystem::path& root, Diagnostics& diags,
                                        unsigned threads) {
  return load_committee(root, diags, threads, LoadSide{});
}

std::optional<Committee> load_committee(const std::filesystem::path& root, Diagnostics& diags,
                                        unsigned threads, const LoadSide& side) {
  Diagnostics local;
  load::RawRoot raw = load::load_root(root, local, {}, threads);
  if (side.parsed) side.parsed();
  detail::CommitteeBuilder b(local);
  b.committee_file(raw.committee);
  b.sector_focus_file(raw.sector_focus);
  b.stakeholders_file(raw.stakeholders);
  for (const auto& tg : raw.task_groups) b.task_group_file(tg);
  for (const auto& a : raw.agendas) b.agenda_file(a);
  for (const auto& o : raw.outcomes) b.outcomes_file(o);
  if (!raw.documents.path.empty()) b.documents_file(raw.documents, root);
  b.link();
  b.link_documents();
  b.cross_check();
  b.schedule();
  b.link_outcomes();
  Committee c = b.take();
  for (load::SourceFile* f : {&raw.committee, &raw.sector_focus, &raw.stakeholders, &raw.documents})
    if (f->ok) c.source_bytes[f->path] = std::move(f->bytes);
  for (auto* files : {&raw.task_groups, &raw.agendas, &raw.outcomes})
    for (auto& f : *files)
      if (f.ok) c.source_bytes[f.path] = std::move(f.bytes);
  std::stable_sort(c.plenaries.begin(), c.plenaries.end(), [](const Plenary& x, const Plenary& y) {
    return std::tie(x.start.year, x.start.month, x.start.day, x.number) <
           std::tie(y.start.year, y.start.month, y.start.day, y.number);
  });
  auto plenary_rank = [&c](const Outcomes& o) {
    std::size_t n = 0;
    while (n < c.plenaries.size() && c.plenaries[n].id != o.plenary.id) ++n;
    return n;
  };
  std::stable_sort(c.outcomes.begin(), c.outcomes.end(), [&](const Outcomes& x, const Outcomes& y) {
    return plenary_rank(x) < plenary_rank(y);
  });
  std::stable_sort(c.task_groups.begin(), c.task_groups.end(),
                   [](const TaskGroup& x, const TaskGroup& y) { return x.id < y.id; });
  // The trees (a third of the heap of a K=4 build, some 3 ms to free) are not read again: the
  // caller goes on while another core frees them.
  if (side.free_later != nullptr && core::thread_count(threads, 2) > 1)
    *side.free_later = core::Background([trees = std::move(raw)]() mutable {
      load::RawRoot gone = std::move(trees);
    });
  local.sort();
  bool failed = local.has_errors();
  diags.append(local);
  if (failed) return std::nullopt;
  return c;
}

}  // namespace plenary::model
