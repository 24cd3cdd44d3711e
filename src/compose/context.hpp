// The Mustache context of one document: exactly the records it uses, formatted for its language.
// The shared part (committee, persons, plenaries, agendas, task groups, the enum texts) is built
// here by ContextBuilder; each kind adds its own part (compose/kinds/).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compose/compose.hpp"
#include "compose/fixed_texts.hpp"
#include "compose/template_names.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail {

struct DocumentContext {
  Value root;                 // the context the template is rendered with
  doc::Metadata meta;         // without header_logo (added by compose)
  std::string template_name;  // "agenda.md", "briefing-pack.md", "task-group-report.md"
  // Set by the kind: its name in the fixed texts ("Agenda"); meta.subject, meta.date,
  // meta.keywords and meta.has_cover too.
  std::string document_name;
};

// nullopt when the spec names no plenary / task group of the committee (or one without such a
// document). With `names`, some members the template cannot name (lists of persons, whole
// plenaries, none holding an (md) field) are left out: such a context serves rendering only,
// never the fingerprint.
std::optional<DocumentContext> build_context(const model::Committee& committee,
                                             const DocumentSpec& spec, const TemplateSet& templates,
                                             const TemplateNames* names = nullptr);

// "a, b, c": the non-empty parts joined.
std::string join(const std::vector<std::string>& parts, const std::string& sep = ", ");

// Builds the values every kind shares, for one committee and language.
class ContextBuilder {
 public:
  ContextBuilder(const model::Committee& c, const TemplateSet& t, const TemplateNames* names)
      : c_(c), tx_(t.texts, t.lang), set_(t), names_(names) {}

  const model::Committee& committee_model() const { return c_; }
  const Texts& texts_of() const { return tx_; }
  const TemplateSet& templates() const { return set_; }

  // Whether the context needs `key`: always, unless it only serves a template that cannot
  // name it.
  bool want(std::string_view key) const { return !names_ || names_->can_name(key); }

  Value texts() const;  // the fixed texts as nested objects: t.heading.contents
  Value committee() const;
  Value person(const model::Person& p) const;
  static std::string display(const model::Person& p);  // "Name (Institute)"
  std::string plenary_title(const model::Plenary& p) const;
  Value plenary(const model::Plenary& p) const;
  Value agenda(const model::Agenda& a, const model::Plenary& p) const;  // the days and items
  std::string sector_names(const std::vector<model::Ref>& refs) const;
  Value stakeholder_brief(const model::Stakeholder& s) const;
  Value focus_brief(const model::PlanEntry& plan) const;
  Value tg_brief(const model::TaskGroup& tg) const;
  Value tg_full(const model::TaskGroup& tg) const;  // the task group in full
  static Value md_list(const std::vector<model::Markdown>& items);

  // The model's enums as fixed texts (the one place that maps them).
  std::string format_text(model::PlenaryFormat f) const;
  std::string plenary_status_text(model::PlenaryStatus s) const;
  std::string item_kind_text(model::ItemKind k) const;
  std::string tg_status_text(model::TaskGroupStatus s) const;
  std::string stakeholder_kind_text(model::StakeholderKind k) const;
  std::string answer_text(bool yes) const;

 private:
  void agenda_rows(const std::vector<model::AgendaItem>& items, bool sub, const model::Plenary& p,
                   Value& rows) const;

  const model::Committee& c_;
  Texts tx_;
  const TemplateSet& set_;
  const TemplateNames* names_;
};

// What every plenary document starts with: its name (the fixed text `name_key`, e.g.
// "document.agenda"), the plenary's values under `plenary`, and the metadata (subject: the
// plenary's title; date: its first day; keywords: committee, plenary, document). No cover
// unless the kind sets one.
void plenary_document(const ContextBuilder& b, const model::Plenary& p, const std::string& name_key,
                      DocumentContext& out);

}  // namespace plenary::compose::detail
