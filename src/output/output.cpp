// list, check and build: load and plan, then (build) one OutputRun.
#include "output/output.hpp"

#include <new>

#include "compose/kinds.hpp"
#include "core/confined_path.hpp"
#include "core/landlock.hpp"
#include "model/check.hpp"
#include "output/output_run.hpp"
#include "output/side_load.hpp"
#include "output/unchanged_check.hpp"

namespace plenary::output {

namespace {

using detail::Clock;

// Ends a report with the diagnostics sorted and the status they imply.
Report finish(Report report, Status status, Clock::time_point start) {
  report.diagnostics.sort();
  report.status = status;
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

// Loads the committee and plans the outputs. Returns None on success, else the status to end
// with (InputErrors or UsageError, with `report` filled in).
Status load_and_plan(const Options& options, detail::Loaded& loaded, Report& report,
                     std::function<void()> parsed = {}) {
  try {
    loaded.committee = model::load_committee(options.root, report.diagnostics, options.jobs,
                                             {std::move(parsed), &loaded.freeing});
  } catch (const std::bad_alloc&) {
    // Every file is bounded before it is read and every walk counted, so this is a net: an
    // input problem (exit 1) named at the root, not "unexpected failure" (exit 3, retried).
    loaded.committee.reset();
    report.diagnostics.error({options.root.string(), 0, 0},
                             "reading the data needs more memory than is available",
                             "look for a very large or repetitive file in data/ or agendas/");
    return Status::InputErrors;
  }
  if (!loaded.committee || report.diagnostics.has_errors()) return Status::InputErrors;
  if (!detail::plan_outputs(*loaded.committee, options.only, options.formats, loaded.plan,
                            report.diagnostics, report.message))
    return Status::UsageError;
  if (report.diagnostics.has_errors()) return Status::InputErrors;
  return Status::None;
}

}  // namespace

namespace detail {

void confine_to_reading(const Options& options) {
  if (landlock_wanted()) core::confine_paths(readable_folders(options.root), {});
}

}  // namespace detail

Report list(const Options& options) {
  auto start = Clock::now();
  detail::confine_to_reading(options);
  Report report;
  detail::Loaded loaded;
  if (Status s = load_and_plan(options, loaded, report); s != Status::None)
    return finish(std::move(report), s, start);
  for (const auto& output : loaded.plan.outputs) report.paths.push_back(output.path);
  return finish(std::move(report), Status::Ok, start);
}

Report check(const Options& options) {
  auto start = Clock::now();
  detail::confine_to_reading(options);
  Report report;
  Options all = options;
  all.only.clear();
  detail::Loaded loaded;
  Status status = load_and_plan(all, loaded, report);
  for (compose::Lang lang : {compose::Lang::En, compose::Lang::Fr}) {
    auto templates =
        compose::load_templates(template_folders(options.root), lang, report.diagnostics);
    if (!templates || !loaded.committee) continue;
    for (const auto& spec : loaded.plan.documents) {
      if (compose::kind_of(spec).product) continue;  // not a composed Document
      compose::compose(*loaded.committee, spec, *templates, report.diagnostics);
      if (lang == compose::Lang::En) report.paths.push_back(spec.output_stem);
    }
  }
  if (status == Status::None)
    status = report.diagnostics.has_errors() ? Status::InputErrors : Status::Ok;
  return finish(std::move(report), status, start);
}

Report build(const Options& options, const Callbacks& callbacks) {
  auto start = Clock::now();
  Report report;
  if (std::string problem = detail::out_problem(options); !problem.empty()) {
    report.message = problem;
    return finish(std::move(report), Status::UsageError, start);
  }
  // Nothing changed since the last build: answered without parsing any YAML (unless the
  // start-up front has just checked the record and found a change: no second check).
  if (!detail::take_front_verdict() && detail::build_if_unchanged(options, callbacks, report))
    return finish(std::move(report), Status::Ok, start);
  // The templates, and the fonts the layouts will measure with, are read on a core of their own
  // while the model is built from the parsed files (detail::SideLoad).
  detail::SideLoad side(options);
  detail::Loaded loaded;
  Status status = load_and_plan(options, loaded, report, [&side] { side.start(); });
  std::optional<compose::TemplateSet> templates = side.templates(report.diagnostics);
  loaded.warming = side.thread();
  if (status == Status::None && (!templates || report.diagnostics.has_errors()))
    status = Status::InputErrors;
  if (status != Status::None) return finish(std::move(report), status, start);

  detail::OutputRun run(options, callbacks, loaded, *templates, report);
  status = run.run();
  return finish(std::move(report), status, start);
}

}  // namespace plenary::output
