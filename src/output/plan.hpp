// Which files a build writes: the documents of compose::plan_documents, narrowed by --only,
// times the selected rows of the formats table (render/formats.hpp), each path checked to stay
// inside the output folder. A kind whose product is not a Document has one output, planned when
// its format is selected.
#pragma once

#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "diag/diagnostic.hpp"
#include "model/model.hpp"
#include "output/output.hpp"
#include "render/formats.hpp"

namespace plenary::output::detail {

struct PlannedOutput {
  std::size_t document = 0;                // index into OutputPlan::documents
  const render::Format* format = nullptr;  // the row that writes it; null for a kind's product
  std::string extension;                   // "pdf", "docx", "md"
  std::string path;  // relative to the output folder: output_stem + "." + extension
};

struct OutputPlan {
  std::vector<compose::DocumentSpec> documents;
  std::vector<PlannedOutput> outputs;  // document by document, formats in table order
};

// The rows of the formats table named by `names` (empty = those `all` stands for), in table
// order; an unknown name sets `error`.
std::vector<const render::Format*> selected_formats(const std::vector<std::string>& names,
                                                    std::string& error);

// Plans the outputs. An --only id that selects nothing and is neither a plenary nor a task
// group sets `usage_error` and returns false (so does an unknown format name); a path that would
// leave the output folder is an error in `diags` (at the record it comes from); a task group
// named by --only that has no final report (not closed) is a warning.
bool plan_outputs(const model::Committee& committee, const std::vector<std::string>& only,
                  const std::vector<std::string>& formats, OutputPlan& plan, Diagnostics& diags,
                  std::string& usage_error);

}  // namespace plenary::output::detail
