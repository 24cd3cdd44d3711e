#include "output/plan.hpp"

#include <algorithm>
#include <set>

#include "output/output_path.hpp"

namespace plenary::output::detail {

namespace {

SourcePos record_pos(const model::Committee& committee, const std::string& id) {
  if (const auto* p = committee.plenary(id)) return p->pos;
  if (const auto* t = committee.task_group(id)) return t->pos;
  return {};
}

std::vector<std::string> known_ids(const model::Committee& committee) {
  std::vector<std::string> ids;
  for (const auto& p : committee.plenaries) ids.push_back(p.id);
  for (const auto& t : committee.task_groups) ids.push_back(t.id);
  return ids;
}

// Checks --only ids; fills `wanted` with the known ones.
bool check_only(const model::Committee& committee, const std::vector<std::string>& only,
                std::set<std::string>& wanted, Diagnostics& diags, std::string& usage_error) {
  for (const auto& id : only) {
    const auto* tg = committee.task_group(id);
    if (!committee.plenary(id) && !tg) {
      usage_error = "--only " + id + ": no plenary or task group has this id";
      std::string hint = closest_match(id, known_ids(committee));
      if (!hint.empty()) usage_error += " (hint: did you mean '" + hint + "'?)";
      return false;
    }
    if (tg && tg->status != model::TaskGroupStatus::Closed)
      diags.warning(tg->pos,
                    "--only " + id + ": task group is not closed, so it has no final report");
    wanted.insert(id);
  }
  return true;
}

}  // namespace

std::vector<std::string> extensions(Format format) {
  switch (format) {
    case Format::Pdf:
      return {"pdf"};
    case Format::Docx:
      return {"docx"};
    case Format::Md:
      return {"md"};
    case Format::All:
      return {"pdf", "docx"};
    case Format::None:
      break;
  }
  return {};
}

bool plan_outputs(const model::Committee& committee, const std::vector<std::string>& only,
                  Format format, OutputPlan& plan, Diagnostics& diags, std::string& usage_error) {
  std::set<std::string> wanted;
  if (!check_only(committee, only, wanted, diags, usage_error)) return false;
  std::set<std::string> seen;
  for (auto& spec : compose::plan_documents(committee)) {
    if (!wanted.empty() && !wanted.count(spec.id)) continue;
    plan.documents.push_back(spec);
    for (const auto& extension : extensions(format)) {
      std::string path = spec.output_stem + "." + extension;
      std::string problem = output_path_problem(path);
      if (problem.empty() && !seen.insert(path).second) problem = "two documents share this path";
      if (!problem.empty()) {
        diags.error(record_pos(committee, spec.id),
                    "output path '" + path + "' is not allowed: " + problem,
                    "ids name output files; use letters, digits, '.', '-' and '_'");
        continue;
      }
      plan.outputs.push_back({plan.documents.size() - 1, extension, std::move(path)});
    }
  }
  return true;
}

}  // namespace plenary::output::detail
