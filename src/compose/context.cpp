#include "compose/context.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "compose/fixed_texts.hpp"
#include "compose/markdown.hpp"
#include "core/civil_date.hpp"

namespace plenary::compose::detail {

namespace {

// --- look-ups (the model's own are not needed for these few) ---------------------------------

template <typename T>
const T* find_id(const std::vector<T>& items, const std::string& id) {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

const model::Agenda* agenda_for(const model::Committee& c, const std::string& plenary) {
  for (const auto& a : c.agendas) {
    if (a.plenary.id == plenary) return &a;
  }
  return nullptr;
}

const model::PlanEntry* plan_for(const model::Committee& c, const std::string& plenary) {
  for (const auto& p : c.plan) {
    if (p.plenary.id == plenary) return &p;
  }
  return nullptr;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep = ", ") {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// --- the builder -------------------------------------------------------------------------------

class Builder {
 public:
  Builder(const model::Committee& c, const TemplateSet& t, const TemplateNames* names)
      : c_(c), tx_(t.texts, t.lang), set_(t), names_(names) {}

  // Whether the context needs `key`: always, unless it only serves a template that cannot
  // name it.
  bool want(std::string_view key) const { return !names_ || names_->can_name(key); }

  Value texts() const {
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

  Value committee() const {
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

  Value person(const model::Person& p) const {
    Value v = Value::object();
    v.set_text("name", p.name);
    v.set_text("institute", p.institute);
    v.set_text("role", p.role);
    v.set_text("email", p.email);
    v.set_text("display", display(p));
    return v;
  }

  static std::string display(const model::Person& p) {
    return p.institute.empty() ? p.name : p.name + " (" + p.institute + ")";
  }

  std::string plenary_title(const model::Plenary& p) const {
    if (!p.title.empty()) return p.title;
    return fill(tx_.get("plenary_title"),
                {{"n", tx_.ordinal(p.number)}, {"committee", c_.committee.id}});
  }

  Value plenary(const model::Plenary& p) const {
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
    v.set_text("status",
               tx_.get(p.status == model::PlenaryStatus::Held ? "plenary_status.held"
                                                              : "plenary_status.planned"));
    v.set("held", Value::boolean(p.status == model::PlenaryStatus::Held));
    return v;
  }

  std::string format_text(model::PlenaryFormat f) const {
    switch (f) {
      case model::PlenaryFormat::Hybrid:
        return tx_.get("format.hybrid");
      case model::PlenaryFormat::Online:
        return tx_.get("format.online");
      default:
        return tx_.get("format.in_person");
    }
  }

  std::string kind_text(model::ItemKind k) const {
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

  std::string tg_status(model::TaskGroupStatus s) const {
    switch (s) {
      case model::TaskGroupStatus::Active:
        return tx_.get("tg_status.active");
      case model::TaskGroupStatus::Closed:
        return tx_.get("tg_status.closed");
      default:
        return tx_.get("tg_status.planned");
    }
  }

  std::string stakeholder_kind(model::StakeholderKind k) const {
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

  std::string sector_names(const std::vector<model::Ref>& refs) const {
    std::vector<std::string> names;
    for (const auto& r : refs) {
      const model::Sector* s = find_id(c_.sectors, r.id);
      names.push_back(s ? s->name : r.id);
    }
    return join(names);
  }

  Value stakeholder_brief(const model::Stakeholder& s) const {
    Value v = Value::object();
    v.set_text("id", s.id);
    v.set_text("name", s.name);
    v.set_text("acronym", s.acronym);
    v.set_text("kind", stakeholder_kind(s.kind));
    v.set_text("display",
               s.acronym.empty() || s.acronym == s.name ? s.name : s.name + " (" + s.acronym + ")");
    return v;
  }

  Value tg_brief(const model::TaskGroup& tg) const {
    Value v = Value::object();
    v.set_text("id", tg.id);
    v.set_text("name", tg.name);
    v.set_text("anchor", "tg-" + slug(tg.id));
    v.set_text("status", tg_status(tg.status));
    return v;
  }

  static Value md_list(const std::vector<model::Markdown>& items) {
    Value l = Value::list();
    for (const auto& m : items) l.push(Value::markdown(m.source));
    return l;
  }

  // The task group in full (final report, and the sections of the briefing pack).
  Value tg_full(const model::TaskGroup& tg) const {
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
    v.set_text("engagement", tx_.get(tg.stakeholder_engagement ? "answer.yes" : "answer.no"));
    Value stakeholders = Value::list();
    for (const auto& r : tg.stakeholders) {
      if (const model::Stakeholder* s = find_id(c_.stakeholders, r.id))
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
      if (const model::Plenary* p = find_id(c_.plenaries, e.approved_at.id)) {
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

  // --- agenda ----------------------------------------------------------------------------------

  void agenda_rows(const std::vector<model::AgendaItem>& items, bool sub, const model::Plenary& p,
                   Value& rows) const {
    for (const auto& item : items) {
      Value row = Value::object();
      row.set_text("time", hhmm(item.start));
      row.set_text("number", item.number);
      row.set_md("title", item.title.source);
      row.set_text("duration", tx_.duration(item.total_minutes));
      row.set_text("presenter", item.presenter ? display(*item.presenter) : "");
      if (want("presenter_person"))
        row.set("presenter_person",
                item.presenter ? person(*item.presenter) : Value::boolean(false));
      row.set_text("kind", kind_text(item.kind));
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
        const model::TaskGroup* tg = find_id(c_.task_groups, r.id);
        Value b = Value::object();
        b.set_text("id", r.id);
        b.set_text("anchor", "tg-" + slug(r.id));
        b.set_text("name", tg ? tg->name : "");
        tgs.push(std::move(b));
        tg_names.push_back(r.id);
      }
      row.set_list("task_groups", std::move(tgs));
      row.set_text("task_group_ids", join(tg_names));
      const model::PlanEntry* plan = item.sector_focus ? plan_for(c_, p.id) : nullptr;
      row.set("sector_focus", plan ? focus_brief(*plan) : Value::boolean(false));
      rows.push(std::move(row));
      agenda_rows(item.items, true, p, rows);
    }
  }

  Value focus_brief(const model::PlanEntry& plan) const {
    Value f = Value::object();
    const model::Sector* sector = find_id(c_.sectors, plan.sector.id);
    f.set_text("sector", sector ? sector->name : plan.sector.id);
    Value invited = Value::list();
    std::vector<std::string> names;
    for (const auto& r : plan.invited) {
      if (const model::Stakeholder* s = find_id(c_.stakeholders, r.id)) {
        invited.push(stakeholder_brief(*s));
        names.push_back(s->acronym.empty() ? s->name : s->acronym);
      }
    }
    f.set_list("invited", std::move(invited));
    f.set_text("invited_names", join(names));
    return f;
  }

  Value agenda(const model::Agenda& a, const model::Plenary& p) const {
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

  // --- briefing pack ---------------------------------------------------------------------------

  std::vector<const model::Plenary*> last_three(const model::Plenary& p) const {
    std::vector<const model::Plenary*> before;
    for (const auto& q : c_.plenaries) {
      if (q.id != p.id && date_less(q.start, p.start)) before.push_back(&q);
    }
    std::stable_sort(before.begin(), before.end(),
                     [](const model::Plenary* a, const model::Plenary* b) {
                       return date_less(a->start, b->start);
                     });
    if (before.size() > 3) before.erase(before.begin(), before.end() - 3);
    return before;
  }

  Value focus_full(const model::PlanEntry& plan) const {
    Value f = focus_brief(plan);
    const model::Sector* s = find_id(c_.sectors, plan.sector.id);
    f.set_text("sector_id", plan.sector.id);
    f.set_md("description", s && s->description ? s->description->source : "");
    f.set_md("rationale", plan.rationale ? plan.rationale->source : "");
    f.set("lead", plan.lead ? person(*plan.lead) : Value::boolean(false));
    f.set_list("questions", md_list(plan.questions));
    std::set<std::string> invited;
    for (const auto& r : plan.invited) invited.insert(r.id);
    Value others = Value::list();
    for (const auto& s : c_.stakeholders) {
      if (invited.count(s.id)) continue;
      const bool in_sector =
          std::any_of(s.sectors.begin(), s.sectors.end(),
                      [&](const model::Ref& r) { return r.id == plan.sector.id; });
      if (in_sector) others.push(stakeholder_brief(s));
    }
    f.set_list("other_stakeholders", std::move(others));
    Value tgs = Value::list();
    for (const auto& tg : c_.task_groups) {
      const bool in_sector =
          std::any_of(tg.sectors.begin(), tg.sectors.end(),
                      [&](const model::Ref& r) { return r.id == plan.sector.id; });
      if (in_sector) tgs.push(tg_brief(tg));
    }
    f.set_list("task_groups", std::move(tgs));
    return f;
  }

  Value register_row(const model::TaskGroup& tg) const {
    Value v = tg_brief(tg);
    v.set_text("chair", display(tg.chair));
    v.set_text("established", tg.established ? tx_.date(*tg.established) : "");
    v.set_text("engagement", tx_.get(tg.stakeholder_engagement ? "answer.yes" : "answer.no"));
    v.set_text("sectors", sector_names(tg.sectors));
    return v;
  }

  void stakeholders(const model::Plenary& p, Value& root) const {
    const auto recent = last_three(p);
    Value last = Value::list();
    std::vector<std::string> last_ids;
    for (const auto* q : recent) {
      Value v = Value::object();
      v.set_text("id", q->id);
      v.set_text("title", plenary_title(*q));
      last.push(std::move(v));
      last_ids.push_back(q->id);
    }
    root.set_list("last_three", std::move(last));
    root.set_text("last_three_ids", join(last_ids));

    Value table = Value::list();
    Value review = Value::list();
    for (const auto& s : c_.stakeholders) {
      if (s.kind != model::StakeholderKind::Liaison &&
          s.kind != model::StakeholderKind::Cooperation)
        continue;
      Value row = stakeholder_brief(s);
      row.set_text("since", s.since ? tx_.date(*s.since) : "");
      row.set_text("sectors", sector_names(s.sectors));
      std::vector<std::string> attended;
      for (const auto* q : recent) {
        const bool went = std::any_of(s.attended.begin(), s.attended.end(),
                                      [&](const model::Ref& r) { return r.id == q->id; });
        if (went) attended.push_back(q->id);
      }
      row.set_text("attended", recent.empty() ? tx_.get("text.none")
                                              : fill(tx_.get("text.attended_of_three"),
                                                     {{"count", std::to_string(attended.size())},
                                                      {"total", std::to_string(recent.size())}}));
      row.set_text("attended_ids", join(attended));
      table.push(row);

      Value r = stakeholder_brief(s);
      Value met = Value::list();
      Value unmet = Value::list();
      for (const auto& c : c_.criteria) {
        const bool ok = std::any_of(s.criteria_met.begin(), s.criteria_met.end(),
                                    [&](const model::Ref& m) { return m.id == c.id; });
        Value cv = Value::object();
        cv.set_text("id", c.id);
        cv.set_md("text", c.text.source);
        (ok ? met : unmet).push(std::move(cv));
      }
      std::vector<std::string> met_ids, unmet_ids;
      for (const auto& m : met.items) met_ids.push_back(m.get("id")->text);
      for (const auto& m : unmet.items) unmet_ids.push_back(m.get("id")->text);
      r.set_text("met_ids", met_ids.empty() ? tx_.get("text.none") : join(met_ids));
      r.set_text("unmet_ids", unmet_ids.empty() ? tx_.get("text.none") : join(unmet_ids));
      r.set_text("attended", row.get("attended")->text);
      r.set_text("attended_ids", join(attended));
      const bool none_attended = !recent.empty() && attended.empty();
      r.set("for_review", Value::boolean(!unmet.items.empty() || none_attended));
      r.set("attended_none", Value::boolean(none_attended));
      r.set_list("met", std::move(met));
      r.set_list("unmet", std::move(unmet));
      review.push(std::move(r));
    }
    root.set_list("stakeholders", std::move(table));
    root.set_list("review", std::move(review));
    Value criteria = Value::list();
    for (const auto& c : c_.criteria) {
      Value cv = Value::object();
      cv.set_text("id", c.id);
      cv.set_md("text", c.text.source);
      criteria.push(std::move(cv));
    }
    root.set_list("criteria", std::move(criteria));
  }

  void plan_table(const model::Plenary& current, Value& root) const {
    Value rows = Value::list();
    std::set<std::string> focused;
    for (const auto& p : c_.plenaries) {
      Value row = Value::object();
      row.set_text("id", p.id);
      row.set_text("title", plenary_title(p));
      row.set_text("dates", tx_.date_range(p.start, p.end));
      row.set_text("status",
                   tx_.get(p.status == model::PlenaryStatus::Held ? "plenary_status.held"
                                                                  : "plenary_status.planned"));
      row.set("current", Value::boolean(p.id == current.id));
      if (const model::PlanEntry* e = plan_for(c_, p.id)) {
        const model::Sector* s = find_id(c_.sectors, e->sector.id);
        row.set_text("sector", s ? s->name : e->sector.id);
        focused.insert(e->sector.id);
      } else {
        row.set_text("sector", tx_.get("text.none"));
      }
      rows.push(std::move(row));
    }
    root.set_list("plan", std::move(rows));
    Value never = Value::list();
    for (const auto& s : c_.sectors) {
      if (focused.count(s.id)) continue;
      Value v = Value::object();
      v.set_text("id", s.id);
      v.set_text("name", s.name);
      never.push(std::move(v));
    }
    root.set("all_in_focus", Value::boolean(never.items.empty()));
    root.set_list("never_in_focus", std::move(never));
  }

  std::optional<DocumentContext> build(const DocumentSpec& spec) const {
    DocumentContext out;
    Value& root = out.root;
    root = Value::object();
    root.set_text("lang", set_.lang == Lang::Fr ? "fr" : "en");
    root.set("t", texts());
    root.set("committee", committee());
    doc::Metadata& meta = out.meta;
    meta.author = c_.committee.id;
    meta.language = set_.lang == Lang::Fr ? "fr" : "en";
    meta.footer = tx_.get("footer");
    meta.contents_title = tx_.get("heading.contents");
    std::string document_name;
    std::string kind;

    if (spec.kind == DocumentKind::Agenda || spec.kind == DocumentKind::BriefingPack) {
      const model::Plenary* p = find_id(c_.plenaries, spec.id);
      if (!p) return std::nullopt;
      const bool pack = spec.kind == DocumentKind::BriefingPack;
      kind = pack ? "briefing-pack" : "agenda";
      document_name = tx_.get(pack ? "document.briefing_pack" : "document.agenda");
      out.template_name = template_name(spec.kind);
      root.set("plenary", plenary(*p));
      const model::Agenda* a = agenda_for(c_, p->id);
      root.set("agenda", a ? agenda(*a, *p) : Value::boolean(false));
      if (!a && !pack) return std::nullopt;
      meta.subject = plenary_title(*p);
      meta.date = iso(p->start);
      meta.keywords = join({c_.committee.id, p->id, document_name});
      meta.has_cover = pack;
      if (pack) {
        const model::PlanEntry* plan = plan_for(c_, p->id);
        root.set("focus", plan ? focus_full(*plan) : Value::boolean(false));
        root.set("no_focus", Value::boolean(plan == nullptr));
        Value reg = Value::list();
        for (const auto& tg : c_.task_groups) {
          if (tg.status == model::TaskGroupStatus::Planned ||
              tg.status == model::TaskGroupStatus::Active) {
            reg.push(register_row(tg));
          }
        }
        root.set_list("register", std::move(reg));
        Value reported = Value::list();
        std::set<std::string> seen;
        if (a) collect_reported(*a, seen, reported);
        root.set_list("reported", std::move(reported));
        stakeholders(*p, root);
        plan_table(*p, root);
      }
    } else if (spec.kind == DocumentKind::FinalReport) {
      const model::TaskGroup* tg = find_id(c_.task_groups, spec.id);
      if (!tg) return std::nullopt;
      kind = "final-report";
      document_name = tx_.get("document.final_report");
      out.template_name = template_name(spec.kind);
      Value v = tg_full(*tg);
      std::string span;
      if (tg->established) span = tx_.date(*tg->established);
      if (tg->closed) span += " \xE2\x86\x92 " + tx_.date(*tg->closed);
      v.set_text("span", span);
      root.set("tg", std::move(v));
      meta.subject = tg->name;
      meta.date = tg->closed ? iso(*tg->closed) : tg->established ? iso(*tg->established) : "";
      meta.keywords = join({c_.committee.id, tg->id, document_name});
    } else {
      return std::nullopt;
    }

    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
      meta.date = epoch_date(epoch, meta.date);
    meta.title =
        fill(tx_.get("title_pattern"), {{"document", document_name}, {"subject", meta.subject}});
    const std::vector<std::pair<std::string, std::string>> header_values = {
        {"organisation", c_.committee.organisation},
        {"committee", c_.committee.id},
        {"committee_name", c_.committee.name},
        {"document", document_name},
        {"title", meta.title},
        {"subject", meta.subject}};
    meta.header_left = squeeze(fill(set_.header_left, header_values));
    meta.header_right = squeeze(fill(set_.header_right, header_values));

    for (std::string* field :
         {&meta.title, &meta.subject, &meta.author, &meta.date, &meta.keywords, &meta.header_left,
          &meta.header_right, &meta.footer, &meta.contents_title}) {
      *field = sanitize(*field);
    }

    Value d = Value::object();
    d.set_text("kind", kind);
    d.set_text("name", document_name);
    d.set_text("title", meta.title);
    d.set_text("subject", meta.subject);
    d.set_text("date", meta.date);
    root.set("document", std::move(d));
    root.set("has_logo", Value::boolean(set_.logo.has_value()));
    return out;
  }

  void collect_reported(const model::Agenda& a, std::set<std::string>& seen, Value& out) const {
    for (const auto& d : a.days) collect_reported(d.items, seen, out);
  }

  void collect_reported(const std::vector<model::AgendaItem>& items, std::set<std::string>& seen,
                        Value& out) const {
    for (const auto& item : items) {
      for (const auto& r : item.task_groups) {
        if (!seen.insert(r.id).second) continue;
        if (const model::TaskGroup* tg = find_id(c_.task_groups, r.id)) out.push(tg_full(*tg));
      }
      collect_reported(item.items, seen, out);
    }
  }

  // SOURCE_DATE_EPOCH (seconds since 1970, UTC) as an ISO date; `fallback` when malformed.
  static std::string epoch_date(const std::string& s, const std::string& fallback) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 15)
      return fallback;
    const core::CivilDate d = core::civil_from_days(std::stoll(s) / 86400);
    return iso(model::Date{d.year, d.month, d.day});
  }

  static std::string squeeze(const std::string& s) {
    std::string out;
    for (char ch : s) {
      if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += ch;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

 private:
  const model::Committee& c_;
  Texts tx_;
  const TemplateSet& set_;
  const TemplateNames* names_;
};

}  // namespace

std::string template_name(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::Agenda:
      return "agenda.md";
    case DocumentKind::BriefingPack:
      return "briefing-pack.md";
    case DocumentKind::FinalReport:
      return "task-group-report.md";
    default:
      return {};
  }
}

std::optional<DocumentContext> build_context(const model::Committee& committee,
                                             const DocumentSpec& spec, const TemplateSet& templates,
                                             const TemplateNames* names) {
  return Builder(committee, templates, names).build(spec);
}

}  // namespace plenary::compose::detail
