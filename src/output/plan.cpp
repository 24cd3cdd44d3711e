#include "output/plan.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "compose/kinds.hpp"
#include "output/output_path.hpp"

namespace plenary::output::detail {

namespace {

SourcePos record_pos(const model::Committee& committee, const std::string& id) {
  if (const auto* p = committee.plenary(id)) return p->pos;
  if (const auto* t = committee.task_group(id)) return t->pos;
  return {};
}

std::string case_folded(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::vector<std::string> known_ids(const model::Committee& committee) {
  std::vector<std::string> ids;
  for (const auto& p : committee.plenaries) ids.push_back(p.id);
  for (const auto& t : committee.task_groups) ids.push_back(t.id);
  return ids;
}

bool selected(const model::Committee& committee, const compose::DocumentSpec& spec,
              const std::vector<std::string>& only) {
  return only.empty() || std::any_of(only.begin(), only.end(), [&](const std::string& id) {
           return compose::only_selects(committee, spec, id);
         });
}

// Checks --only ids: each must select a document or name a plenary or task group.
bool check_only(const model::Committee& committee, const std::vector<std::string>& only,
                const std::vector<compose::DocumentSpec>& specs, Diagnostics& diags,
                std::string& usage_error) {
  for (const auto& id : only) {
    const auto* tg = committee.task_group(id);
    const bool selects = std::any_of(specs.begin(), specs.end(), [&](const auto& spec) {
      return compose::only_selects(committee, spec, id);
    });
    if (!committee.plenary(id) && !tg && !selects) {
      usage_error = "--only " + id + ": no plenary or task group has this id";
      // Ids are case-sensitive: a case typo names the id it meant, whatever the edit distance.
      std::string hint;
      for (const auto& known : known_ids(committee))
        if (hint.empty() && case_folded(known) == case_folded(id)) hint = known;
      if (!hint.empty()) {
        usage_error += " (ids are case-sensitive; hint: did you mean '" + hint + "'?)";
        return false;
      }
      hint = closest_match(id, known_ids(committee));
      if (!hint.empty()) usage_error += " (hint: did you mean '" + hint + "'?)";
      return false;
    }
    if (tg && tg->status != model::TaskGroupStatus::Closed)
      diags.warning(tg->pos,
                    "--only " + id + ": task group is not closed, so it has no final report");
  }
  return true;
}

// Output paths that differ only in case overwrite each other on case-insensitive file systems
// (Windows and macOS shares): every document's stem and each of its folders, lower-cased, must
// belong to one spelling. Checked over every document, --only or not. One error per document.
void check_case_collisions(const model::Committee& committee,
                           const std::vector<compose::DocumentSpec>& specs, Diagnostics& diags) {
  std::map<std::string, std::string> spelling;  // lower-cased prefix -> first spelling
  for (const auto& spec : specs) {
    const std::string& stem = spec.output_stem;
    for (std::size_t end = 0; end != std::string::npos;) {
      end = stem.find('/', end + 1);
      const std::string prefix = stem.substr(0, end);
      std::string lower = prefix;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      auto [it, inserted] = spelling.emplace(lower, prefix);
      if (inserted || it->second == prefix) continue;
      diags.error(record_pos(committee, spec.id),
                  "the id '" + spec.id + "' gives the output path '" + prefix +
                      "', which differs only in case from '" + it->second + "'",
                  "on Windows and macOS shares the two would overwrite each other; use one "
                  "spelling, or ids that differ in more than case");
      break;
    }
  }
}

}  // namespace

std::vector<const render::Format*> selected_formats(const std::vector<std::string>& names,
                                                    std::string& error) {
  const std::vector<std::string> wanted = names.empty() ? render::all_format_names() : names;
  for (const auto& name : wanted) {
    if (!render::find_format(name)) {
      error = "unknown format '" + name + "'";
      return {};
    }
  }
  std::vector<const render::Format*> rows;
  for (const render::Format& row : render::formats())
    if (std::find(wanted.begin(), wanted.end(), row.name) != wanted.end()) rows.push_back(&row);
  return rows;
}

bool plan_outputs(const model::Committee& committee, const std::vector<std::string>& only,
                  const std::vector<std::string>& formats, OutputPlan& plan, Diagnostics& diags,
                  std::string& usage_error) {
  const auto rows = selected_formats(formats, usage_error);
  if (!usage_error.empty()) return false;
  const auto specs = compose::plan_documents(committee);
  if (!check_only(committee, only, specs, diags, usage_error)) return false;
  check_case_collisions(committee, specs, diags);
  // What a document becomes: one file per selected format with a writer, or the kind's one
  // product when its format is selected.
  auto outputs_of = [&](const compose::DocumentSpec& spec) {
    std::vector<std::pair<const render::Format*, std::string>> outputs;
    if (const auto& product = compose::kind_of(spec).product) {
      if (std::any_of(rows.begin(), rows.end(),
                      [&](auto* r) { return r->name == product->format; }))
        outputs.push_back({nullptr, product->extension});
    } else {
      for (const render::Format* row : rows)
        if (row->write) outputs.push_back({row, row->extension});  // else: products only
    }
    return outputs;
  };
  // Every file of the run, --only aside: what a product (the site's index) may list.
  auto run_outputs = std::make_shared<std::vector<compose::PlannedOutput>>();
  for (const auto& spec : specs)
    for (const auto& output : outputs_of(spec))
      run_outputs->push_back({spec.kind, spec.id, spec.output_stem + "." + output.second});
  std::set<std::string> seen;
  std::set<std::string> warned;  // the products' warnings, each text once
  for (auto spec : specs) {
    if (!selected(committee, spec, only)) continue;
    const auto outputs = outputs_of(spec);
    if (const auto& product = compose::kind_of(spec).product) {
      if (outputs.empty()) continue;  // its format is not selected
      spec.run_outputs = run_outputs;
      const std::string warning = product->warning ? product->warning(committee, spec) : "";
      if (!warning.empty() && warned.insert(warning).second)
        diags.warning(record_pos(committee, spec.id), warning);
    }
    plan.documents.push_back(spec);
    for (const auto& [row, extension] : outputs) {
      std::string path = spec.output_stem + "." + extension;
      std::string problem = output_path_problem(path);
      if (problem.empty() && !seen.insert(path).second) problem = "two documents share this path";
      if (!problem.empty()) {
        diags.error(record_pos(committee, spec.id),
                    "output path '" + path + "' is not allowed: " + problem,
                    "ids name output files; use letters, digits, '.', '-' and '_'");
        continue;
      }
      plan.outputs.push_back({plan.documents.size() - 1, row, extension, std::move(path)});
    }
  }
  return true;
}

}  // namespace plenary::output::detail
