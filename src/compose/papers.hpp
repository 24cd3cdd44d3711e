// The working-document register in a document's context: one row per registered paper of a
// plenary, shared by the document-register kind and the briefing pack's "Working documents".
#pragma once

#include "compose/context.hpp"
#include "model/model.hpp"

namespace plenary::compose::detail {

// The papers of `plenary` (model::plenary_papers: reference order), each a row with
//   ref ("CCQM/26-07b"), title (md), authors, date, status, items ("4, 6.2"), the flags late,
//   withdrawn, no_file (bools), superseded_by and replaces (refs), notes (the flags as one
//   text: "Late; Superseded by CCQM/26-07b"), file_type ("pdf"/"docx"/"odt"), and
//   book_page: empty for now, the hook a meeting book fills with the paper's first page.
Value paper_rows(const ContextBuilder& b, const model::Plenary& plenary);

// The fixed texts paper_rows reads (required of every template set).
const std::vector<std::string>& paper_text_keys();

}  // namespace plenary::compose::detail
