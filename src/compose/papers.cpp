#include "compose/papers.hpp"

#include "model/register.hpp"

namespace plenary::compose::detail {

namespace {

std::string status_text(const Texts& tx, model::DocumentStatus s) {
  switch (s) {
    case model::DocumentStatus::Draft:
      return tx.get("doc_status.draft");
    case model::DocumentStatus::Withdrawn:
      return tx.get("doc_status.withdrawn");
    case model::DocumentStatus::Final:
      break;
  }
  return tx.get("doc_status.final");
}

}  // namespace

const std::vector<std::string>& paper_text_keys() {
  static const std::vector<std::string> keys = {
      "doc_status.draft", "doc_status.final",   "doc_status.withdrawn", "text.late",
      "text.withdrawn",   "text.superseded_by", "text.replaces",        "text.no_file",
      "text.papers_due",  "text.no_papers"};
  return keys;
}

Value paper_rows(const ContextBuilder& b, const model::Plenary& plenary) {
  const model::Committee& c = b.committee_model();
  const Texts& tx = b.texts_of();
  Value rows = Value::list();
  if (!c.documents) return rows;
  const model::Register& reg = *c.documents;
  for (const model::Paper* p : model::plenary_papers(c, plenary.id)) {
    Value row = Value::object();
    row.set_text("ref", p->full_ref());
    row.set_md("title", p->title.source);
    std::vector<std::string> authors;
    for (const auto& a : p->authors) authors.push_back(ContextBuilder::display(a));
    row.set_text("authors", join(authors));
    row.set_text("date", tx.date(p->date));
    row.set_text("status", status_text(tx, p->status));
    row.set_text("items", join(model::items_naming(c, plenary.id, *p)));
    const bool late = model::is_late(c, *p);
    const bool withdrawn = p->status == model::DocumentStatus::Withdrawn;
    const std::string by = model::superseded_by(reg, *p);
    const std::string replaces =
        p->replaces
            ? (reg.find(p->replaces->id) ? reg.find(p->replaces->id)->full_ref() : p->replaces->id)
            : std::string();
    row.set("late", Value::boolean(late));
    row.set("withdrawn", Value::boolean(withdrawn));
    row.set("no_file", Value::boolean(p->file.empty()));
    row.set_text("superseded_by", by);
    row.set_text("replaces", replaces);
    std::vector<std::string> notes;
    if (late) notes.push_back(tx.get("text.late"));
    if (withdrawn) notes.push_back(tx.get("text.withdrawn"));
    if (!by.empty()) notes.push_back(fill(tx.get("text.superseded_by"), {{"ref", by}}));
    if (!replaces.empty()) notes.push_back(fill(tx.get("text.replaces"), {{"ref", replaces}}));
    if (p->file.empty()) notes.push_back(tx.get("text.no_file"));
    row.set_text("notes", join(notes, "; "));
    row.set_text("file_type", p->file_type);
    row.set_text("book_page", "");  // the meeting book's hook: the paper's first page in it
    rows.push(std::move(row));
  }
  return rows;
}

}  // namespace plenary::compose::detail
