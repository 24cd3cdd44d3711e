// Which files a build writes: the documents of compose::plan_documents, narrowed by --only,
// times the extensions of --format, each path checked to stay inside the output folder.
#pragma once

#include <string>
#include <vector>

#include "output/output.hpp"
#include "compose/compose.hpp"
#include "diag/diagnostic.hpp"
#include "model/model.hpp"

namespace plenary::output::detail {

struct PlannedOutput {
  std::size_t document = 0;  // index into OutputPlan::documents
  std::string extension;     // "pdf", "docx", "md"
  std::string path;          // relative to the output folder: output_stem + "." + extension
};

struct OutputPlan {
  std::vector<compose::DocumentSpec> documents;
  std::vector<PlannedOutput> outputs;  // document by document, extensions in format order
};

// "pdf", "docx" for All; one extension otherwise.
std::vector<std::string> extensions(Format format);

// Plans the outputs. An --only id that is neither a plenary nor a task group sets
// `usage_error` and returns false; a path that would leave the output folder is an error in
// `diags` (at the record it comes from); a task group named by --only that has no final report
// (not closed) is a warning.
bool plan_outputs(const model::Committee& committee, const std::vector<std::string>& only,
                  Format format, OutputPlan& plan, Diagnostics& diags, std::string& usage_error);

}  // namespace plenary::output::detail
