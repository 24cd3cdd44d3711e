// libFuzzer target: composing documents from fuzzed templates. The input holds up to two
// files separated by kFileSeparator lines: templates/agenda.md and
// templates/partials/agenda-body.md (Markdown with Mustache tags), composed with the sample
// committee into the agenda and the briefing pack of CCQM-31, then written as Markdown and
// DOCX. Any template must give a document or errors naming a template, never a crash or a hang.
#include <algorithm>
#include <string>

#include "compose/compose.hpp"
#include "fuzz_input.hpp"
#include "model/check.hpp"
#include "render/docx/docx_writer.hpp"
#include "render/md/md_writer.hpp"

namespace {

using namespace plenary;

struct Sample {
  model::Committee committee;
  compose::TemplateSet templates;
  std::vector<compose::DocumentSpec> specs;
};

const Sample& sample() {
  static const Sample s = [] {
    Sample out;
    Diagnostics diags;
    auto committee = model::load_committee(PLENARY_SOURCE_DIR, diags);
    fuzz::require(committee.has_value(), "the sample committee does not load");
    out.committee = std::move(*committee);
    auto templates =
        compose::load_templates({PLENARY_SOURCE_DIR "/templates"}, compose::Lang::En, diags);
    fuzz::require(templates.has_value(), "the shipped templates do not load");
    out.templates = std::move(*templates);
    for (const auto& spec : compose::plan_documents(out.committee)) {
      if (spec.id == "CCQM-31" || spec.kind.empty())
        out.specs.push_back(spec);
    }
    fuzz::require(!out.specs.empty(), "no CCQM-31 documents in the sample");
    return out;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Sample& s = sample();
  const auto files = fuzz::split_files(data, size, 2);
  compose::TemplateSet templates = s.templates;
  templates.files["agenda.md"] = files[0];
  if (files.size() > 1) templates.files["partials/agenda-body.md"] = files[1];
  for (const auto& spec : s.specs) {
    Diagnostics diags;
    const auto document = compose::compose(s.committee, spec, templates, diags);
    fuzz::require(document.has_value() != diags.has_errors(),
                  "a document with errors, or no document and no error");
    for (const auto& d : diags.items())
      fuzz::require(
          d.pos.path.find("templates/") != std::string::npos || d.pos.path == spec.output_stem,
          "a template diagnostic that names no template: " + format(d));
    if (!document) continue;
    const std::string md = render::write_markdown(*document, {});
    const std::string problem = fuzz::text_problem(md);
    fuzz::require(problem.empty(), "markdown output: " + problem);
    const std::string docx_problem =
        fuzz::docx_problem(render::write_docx(*document, templates.style, {}));
    fuzz::require(docx_problem.empty(), docx_problem);
  }
  return 0;
}
