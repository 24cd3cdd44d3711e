// build_context: the values every document shares (committee, language, metadata, running
// headers), the kind's own part from the kinds table, and ContextBuilder, the shared values.
#include "compose/context.hpp"

#include <cstdlib>

#include "compose/kinds.hpp"
#include "compose/markdown.hpp"
#include "core/civil_date.hpp"

namespace plenary::compose::detail {

namespace {

// SOURCE_DATE_EPOCH (seconds since 1970, UTC) as an ISO date; `fallback` when malformed.
std::string epoch_date(long long seconds) {
  const core::CivilDate d = core::civil_from_days(seconds / 86400);
  return iso(model::Date{d.year, d.month, d.day});
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

void plenary_document(const ContextBuilder& b, const model::Plenary& p, const std::string& name_key,
                      DocumentContext& out) {
  out.document_name = b.texts_of().get(name_key);
  out.root.set("plenary", b.plenary(p));
  out.meta.subject = b.plenary_title(p);
  out.meta.date = iso(p.start);
  out.meta.keywords = join({b.committee_model().committee.id, p.id, out.document_name});
  out.meta.has_cover = false;
}

// ---- the shared values ------------------------------------------------------------------------

Value ContextBuilder::texts() const {
  Value t = Value::object();
  for (const auto& [key, text] : set_.texts) {
    Value* node = &t;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = key.find('.', start);
      const std::string part =
          key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (dot == std::string::npos) {
        node->set(part, Value::plain(text));
        break;
      }
      Value* child = node->get(part);
      if (!child || child->kind != Value::Kind::Object) child = &node->set(part, Value::object());
      node = child;
      start = dot + 1;
    }
  }
  return t;
}

Value ContextBuilder::committee() const {
  const auto& ci = c_.committee;
  Value v = Value::object();
  v.set_text("id", ci.id);
  v.set_text("name", ci.name);
  v.set_text("organisation", ci.organisation);
  v.set("president", ci.president ? person(*ci.president) : Value::boolean(false));
  v.set("executive_secretary",
        ci.executive_secretary ? person(*ci.executive_secretary) : Value::boolean(false));
  return v;
}

Value ContextBuilder::person(const model::Person& p) const {
  Value v = Value::object();
  v.set_text("name", p.name);
  v.set_text("institute", p.institute);
  v.set_text("role", p.role);
  v.set_text("email", p.email);
  v.set_text("display", display(p));
  return v;
}

std::string ContextBuilder::display(const model::Person& p) {
  return p.institute.empty() ? p.name : p.name + " (" + p.institute + ")";
}

std::string ContextBuilder::plenary_title(const model::Plenary& p) const {
  if (!p.title.empty()) return p.title;
  return fill(tx_.get("plenary_title"),
              {{"n", tx_.ordinal(p.number)}, {"committee", c_.committee.id}});
}

Value ContextBuilder::plenary(const model::Plenary& p) const {
  Value v = Value::object();
  v.set_text("id", p.id);
  v.set_text("number", std::to_string(p.number));
  v.set_text("ordinal", tx_.ordinal(p.number));
  v.set_text("title", plenary_title(p));
  v.set_text("dates", tx_.date_range(p.start, p.end));
  v.set_text("start", tx_.date(p.start));
  v.set_text("end", p.end ? tx_.date(*p.end) : "");
  v.set_text("venue", p.venue);
  v.set_text("format", format_text(p.format));
  v.set_text("status", plenary_status_text(p.status));
  v.set("held", Value::boolean(p.status == model::PlenaryStatus::Held));
  return v;
}

std::string ContextBuilder::format_text(model::PlenaryFormat f) const {
  switch (f) {
    case model::PlenaryFormat::Hybrid:
      return tx_.get("format.hybrid");
    case model::PlenaryFormat::Online:
      return tx_.get("format.online");
    default:
      return tx_.get("format.in_person");
  }
}

std::string ContextBuilder::plenary_status_text(model::PlenaryStatus s) const {
  return tx_.get(s == model::PlenaryStatus::Held ? "plenary_status.held"
                                                 : "plenary_status.planned");
}

std::string ContextBuilder::item_kind_text(model::ItemKind k) const {
  switch (k) {
    case model::ItemKind::Decision:
      return tx_.get("kind.decision");
    case model::ItemKind::Discussion:
      return tx_.get("kind.discussion");
    case model::ItemKind::Break:
      return tx_.get("kind.break");
    default:
      return tx_.get("kind.information");
  }
}

std::string ContextBuilder::tg_status_text(model::TaskGroupStatus s) const {
  switch (s) {
    case model::TaskGroupStatus::Active:
      return tx_.get("tg_status.active");
    case model::TaskGroupStatus::Closed:
      return tx_.get("tg_status.closed");
    default:
      return tx_.get("tg_status.planned");
  }
}

std::string ContextBuilder::stakeholder_kind_text(model::StakeholderKind k) const {
  switch (k) {
    case model::StakeholderKind::Liaison:
      return tx_.get("stakeholder_kind.liaison");
    case model::StakeholderKind::Cooperation:
      return tx_.get("stakeholder_kind.cooperation");
    case model::StakeholderKind::Prospective:
      return tx_.get("stakeholder_kind.prospective");
    default:
      return tx_.get("stakeholder_kind.other");
  }
}

std::string ContextBuilder::answer_text(bool yes) const {
  return tx_.get(yes ? "answer.yes" : "answer.no");
}

std::string ContextBuilder::sector_names(const std::vector<model::Ref>& refs) const {
  std::vector<std::string> names;
  for (const auto& r : refs) {
    const model::Sector* s = c_.sector(r.id);
    names.push_back(s ? s->name : r.id);
  }
  return join(names);
}

Value ContextBuilder::stakeholder_brief(const model::Stakeholder& s) const {
  Value v = Value::object();
  v.set_text("id", s.id);
  v.set_text("name", s.name);
  v.set_text("acronym", s.acronym);
  v.set_text("kind", stakeholder_kind_text(s.kind));
  v.set_text("display",
             s.acronym.empty() || s.acronym == s.name ? s.name : s.name + " (" + s.acronym + ")");
  return v;
}

Value ContextBuilder::tg_brief(const model::TaskGroup& tg) const {
  Value v = Value::object();
  v.set_text("id", tg.id);
  v.set_text("name", tg.name);
  v.set_text("anchor", "tg-" + slug(tg.id));
  v.set_text("status", tg_status_text(tg.status));
  return v;
}

Value ContextBuilder::md_list(const std::vector<model::Markdown>& items) {
  Value l = Value::list();
  for (const auto& m : items) l.push(Value::markdown(m.source));
  return l;
}

Value ContextBuilder::tg_full(const model::TaskGroup& tg) const {
  Value v = tg_brief(tg);
  v.set_text("parent", tg.parent);
  v.set("chair", person(tg.chair));
  v.set_text("established", tg.established ? tx_.date(*tg.established) : "");
  v.set_text("closed", tg.closed ? tx_.date(*tg.closed) : "");
  if (want("members") || want("has_members")) {
    Value members = Value::list();
    for (const auto& m : tg.members) members.push(person(m));
    v.set_list("members", std::move(members));
  }
  v.set_text("sectors", sector_names(tg.sectors));
  v.set_text("engagement", answer_text(tg.stakeholder_engagement));
  Value stakeholders = Value::list();
  for (const auto& r : tg.stakeholders) {
    if (const model::Stakeholder* s = c_.stakeholder(r.id))
      stakeholders.push(stakeholder_brief(*s));
  }
  std::vector<std::string> stakeholder_names;
  for (const auto& s : stakeholders.items) stakeholder_names.push_back(s.get("display")->text);
  v.set_list("stakeholders", std::move(stakeholders));
  v.set_text("stakeholder_names", join(stakeholder_names, "; "));
  v.set_list("goals", md_list(tg.goals));
  v.set_list("activities", md_list(tg.activities));
  Value extensions = Value::list();
  for (const auto& e : tg.extensions) {
    Value x = Value::object();
    if (const model::Plenary* p = c_.plenary(e.approved_at.id)) {
      if (want("approving_plenary")) x.set("approving_plenary", plenary(*p));
      x.set_text("approved", fill(tx_.get("text.approved_at"), {{"plenary", plenary_title(*p)}}));
    } else {
      x.set_text("approved", fill(tx_.get("text.approved_at"), {{"plenary", e.approved_at.id}}));
    }
    x.set_md("reason", e.reason ? e.reason->source : "");
    x.set_list("items", md_list(e.items));
    extensions.push(std::move(x));
  }
  v.set_list("extensions", std::move(extensions));
  v.set_list("outcomes", md_list(tg.outcomes));
  v.set_list("recommendations", md_list(tg.recommendations));
  return v;
}

void ContextBuilder::agenda_rows(const std::vector<model::AgendaItem>& items, bool sub,
                                 const model::Plenary& p, Value& rows) const {
  for (const auto& item : items) {
    Value row = Value::object();
    row.set_text("time", hhmm(item.start));
    row.set_text("number", item.number);
    row.set_md("title", item.title.source);
    row.set_text("duration", tx_.duration(item.total_minutes));
    row.set_text("presenter", item.presenter ? display(*item.presenter) : "");
    if (want("presenter_person"))
      row.set("presenter_person", item.presenter ? person(*item.presenter) : Value::boolean(false));
    row.set_text("kind", item_kind_text(item.kind));
    row.set("is_break", Value::boolean(item.kind == model::ItemKind::Break));
    row.set("is_sub", Value::boolean(sub));
    row.set_text("documents", join(item.documents, "; "));
    if (want("document_list") || want("has_document_list")) {
      Value docs = Value::list();
      for (const auto& d : item.documents) docs.push(Value::plain(d));
      row.set_list("document_list", std::move(docs));
    }
    Value tgs = Value::list();
    std::vector<std::string> tg_names;
    for (const auto& r : item.task_groups) {
      const model::TaskGroup* tg = c_.task_group(r.id);
      Value b = Value::object();
      b.set_text("id", r.id);
      b.set_text("anchor", "tg-" + slug(r.id));
      b.set_text("name", tg ? tg->name : "");
      tgs.push(std::move(b));
      tg_names.push_back(r.id);
    }
    row.set_list("task_groups", std::move(tgs));
    row.set_text("task_group_ids", join(tg_names));
    const model::PlanEntry* plan = item.sector_focus ? c_.plan_for(p.id) : nullptr;
    row.set("sector_focus", plan ? focus_brief(*plan) : Value::boolean(false));
    rows.push(std::move(row));
    agenda_rows(item.items, true, p, rows);
  }
}

Value ContextBuilder::focus_brief(const model::PlanEntry& plan) const {
  Value f = Value::object();
  const model::Sector* sector = c_.sector(plan.sector.id);
  f.set_text("sector", sector ? sector->name : plan.sector.id);
  Value invited = Value::list();
  std::vector<std::string> names;
  for (const auto& r : plan.invited) {
    if (const model::Stakeholder* s = c_.stakeholder(r.id)) {
      invited.push(stakeholder_brief(*s));
      names.push_back(s->acronym.empty() ? s->name : s->acronym);
    }
  }
  f.set_list("invited", std::move(invited));
  f.set_text("invited_names", join(names));
  return f;
}

Value ContextBuilder::agenda(const model::Agenda& a, const model::Plenary& p) const {
  Value v = Value::object();
  Value days = Value::list();
  for (const auto& d : a.days) {
    Value day = Value::object();
    day.set_text("heading", tx_.day_heading(d.date));
    day.set_text("date", tx_.date(d.date));
    day.set_text("date_iso", iso(d.date));
    day.set_text("start", hhmm(d.start));
    Value rows = Value::list();
    agenda_rows(d.items, false, p, rows);
    day.set_list("items", std::move(rows));
    days.push(std::move(day));
  }
  v.set_list("days", std::move(days));
  return v;
}

// ---- one document's context ------------------------------------------------------------------

std::optional<DocumentContext> build_context(const model::Committee& committee,
                                             const DocumentSpec& spec, const TemplateSet& templates,
                                             const TemplateNames* names) {
  const DocumentKind* kind = find_kind(spec.kind);
  if (!kind || !kind->context) return std::nullopt;
  const ContextBuilder b(committee, templates, names);
  const Texts& tx = b.texts_of();
  const model::CommitteeInfo& ci = committee.committee;

  DocumentContext out;
  Value& root = out.root;
  root = Value::object();
  root.set_text("lang", templates.lang == Lang::Fr ? "fr" : "en");
  root.set("t", b.texts());
  root.set("committee", b.committee());
  doc::Metadata& meta = out.meta;
  meta.author = ci.id;
  meta.language = templates.lang == Lang::Fr ? "fr" : "en";
  meta.footer = tx.get("footer");
  meta.contents_title = tx.get("heading.contents");
  out.template_name = kind->template_name;
  if (!kind->context(b, spec, out)) return std::nullopt;

  if (const core::SourceDateEpoch epoch = core::source_date_epoch(); epoch.set)
    meta.date = epoch_date(epoch.seconds);
  meta.title =
      fill(tx.get("title_pattern"), {{"document", out.document_name}, {"subject", meta.subject}});
  const std::vector<std::pair<std::string, std::string>> header_values = {
      {"organisation", ci.organisation}, {"committee", ci.id},  {"committee_name", ci.name},
      {"document", out.document_name},   {"title", meta.title}, {"subject", meta.subject}};
  meta.header_left = squeeze(fill(templates.header_left, header_values));
  meta.header_right = squeeze(fill(templates.header_right, header_values));

  for (std::string* field :
       {&meta.title, &meta.subject, &meta.author, &meta.date, &meta.keywords, &meta.header_left,
        &meta.header_right, &meta.footer, &meta.contents_title}) {
    *field = sanitize(*field);
  }

  Value d = Value::object();
  d.set_text("kind", kind->id);
  d.set_text("name", out.document_name);
  d.set_text("title", meta.title);
  d.set_text("subject", meta.subject);
  d.set_text("date", meta.date);
  root.set("document", std::move(d));
  root.set("has_logo", Value::boolean(templates.logo.has_value()));
  return out;
}

}  // namespace plenary::compose::detail
