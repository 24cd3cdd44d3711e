// Each source file of the data root (data/*.yaml, data/task-groups/*.yaml, agendas/*.yaml)
// read into the committee's typed records, with every field checked where it is written.
#include <algorithm>
#include <cctype>

#include "model/committee_builder.hpp"
#include "model/values.hpp"

namespace plenary::model::detail {

// ---- data/committee.yaml ------------------------------------------------------------------

// An IANA time zone name: "Europe/Paris", "America/Argentina/Buenos_Aires", "UTC".
void CommitteeBuilder::check_timezone(const std::string& tz, const SourcePos& pos) {
  if (tz.empty()) return;
  bool ok = tz.front() != '/' && tz.back() != '/' && tz.find("..") == std::string::npos;
  for (char c : tz)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
          c == '+'))
      ok = false;
  if (!ok)
    diags_.error(pos, "timezone " + squote(tz) + " is not an IANA time zone name",
                 "write it like Europe/Paris");
}

Plenary CommitteeBuilder::plenary(const FileReader& f, const YAML::Node& node) {
  Plenary p;
  Fields fl(f, node,
            {"id", "number", "start", "end", "venue", "format", "status", "title", "timezone"},
            "a plenary");
  p.pos = fl.pos();
  if (!fl.ok()) return p;
  p.id = fl.id("id", Need::Required);
  plenaries_.set.add(p.id, fl.value_pos("id"), diags_);
  if (auto n = fl.integer("number", Need::Required)) {
    if (*n <= 0)
      diags_.error(fl.value_pos("number"), "plenary number must be a positive whole number");
    p.number = *n;
  }
  auto start = fl.date("start", Need::Required, DatePrecision::Day);
  if (start) p.start = *start;
  p.end = fl.date("end", Need::Optional, DatePrecision::Day);
  if (start && p.end && *p.end < *start)
    diags_.error(fl.value_pos("end"), "end " + p.end->iso() + " is before start " + start->iso());
  p.venue = fl.string("venue", Need::Optional);
  p.format = fl.choice<PlenaryFormat>("format", Need::Optional,
                                      {{"in-person", PlenaryFormat::InPerson},
                                       {"hybrid", PlenaryFormat::Hybrid},
                                       {"online", PlenaryFormat::Online}},
                                      PlenaryFormat::InPerson);
  p.status = fl.choice<PlenaryStatus>(
      "status", Need::Optional,
      {{"planned", PlenaryStatus::Planned}, {"held", PlenaryStatus::Held}}, PlenaryStatus::Planned);
  p.title = fl.string("title", Need::Optional);
  p.timezone = fl.string("timezone", Need::Optional);
  check_timezone(p.timezone, fl.value_pos("timezone"));
  return p;
}

void CommitteeBuilder::committee_file(const load::SourceFile& src) {
  if (!src.ok) {
    plenaries_.known = false;
    return;
  }
  FileReader f(src.path, diags_);
  Fields top(f, src.root, {"committee", "plenaries"}, "the committee file");
  if (!top.ok()) {
    plenaries_.known = false;
    return;
  }
  if (top.has("committee")) {
    Fields cf(f, top.value("committee"),
              {"id", "name", "organisation", "president", "executive_secretary", "timezone"},
              "the committee");
    CommitteeInfo& info = c_.committee;
    info.pos = cf.pos();
    info.id = cf.id("id", Need::Required);
    info.name = cf.string("name", Need::Required);
    info.organisation = cf.string("organisation", Need::Optional);
    info.president = cf.person("president", Need::Optional);
    info.executive_secretary = cf.person("executive_secretary", Need::Optional);
    info.timezone = cf.string("timezone", Need::Optional);
    check_timezone(info.timezone, cf.value_pos("timezone"));
  } else {
    top.missing("committee");
  }
  YAML::Node list = top.list("plenaries", Need::Required, true);
  if (!list.IsDefined()) plenaries_.known = false;
  for (const auto& node : list) c_.plenaries.push_back(plenary(f, node));
}

// ---- data/sector-focus.yaml ---------------------------------------------------------------

void CommitteeBuilder::sector_focus_file(const load::SourceFile& src) {
  if (!src.ok) {
    sectors_.known = false;
    return;
  }
  FileReader f(src.path, diags_);
  Fields top(f, src.root, {"sectors", "plan"}, "the sector-focus file");
  if (!top.ok()) {
    sectors_.known = false;
    return;
  }
  YAML::Node sector_list = top.list("sectors", Need::Required, true);
  if (!sector_list.IsDefined()) sectors_.known = false;
  for (const auto& node : sector_list) {
    Fields fl(f, node, {"id", "name", "description"}, "a sector");
    if (!fl.ok()) continue;
    Sector s;
    s.pos = fl.pos();
    s.id = fl.id("id", Need::Required);
    sectors_.set.add(s.id, fl.value_pos("id"), diags_);
    s.name = fl.string("name", Need::Required);
    s.description = fl.markdown("description", Need::Optional);
    c_.sectors.push_back(std::move(s));
  }
  for (const auto& node : top.list("plan", Need::Optional)) {
    Fields fl(f, node, {"plenary", "sector", "rationale", "lead", "invited", "questions"},
              "a plan entry");
    if (!fl.ok()) continue;
    PlanEntry e;
    e.pos = fl.pos();
    if (auto r = fl.ref("plenary", Need::Required)) e.plenary = *r;
    if (auto r = fl.ref("sector", Need::Required)) e.sector = *r;
    e.rationale = fl.markdown("rationale", Need::Optional);
    e.lead = fl.person("lead", Need::Optional);
    e.invited = fl.refs("invited");
    e.questions = fl.markdowns("questions", Need::Optional);
    c_.plan.push_back(std::move(e));
  }
}

// ---- data/stakeholders.yaml ---------------------------------------------------------------

void CommitteeBuilder::stakeholders_file(const load::SourceFile& src) {
  if (!src.ok) {
    stakeholders_.known = criteria_.known = false;
    return;
  }
  FileReader f(src.path, diags_);
  Fields top(f, src.root, {"criteria", "stakeholders"}, "the stakeholders file");
  if (!top.ok()) {
    stakeholders_.known = criteria_.known = false;
    return;
  }
  for (const auto& node : top.list("criteria", Need::Optional)) {
    Fields fl(f, node, {"id", "text"}, "a criterion");
    if (!fl.ok()) continue;
    Criterion cr;
    cr.pos = fl.pos();
    cr.id = fl.id("id", Need::Required);
    criteria_.set.add(cr.id, fl.value_pos("id"), diags_);
    if (auto t = fl.markdown("text", Need::Required)) cr.text = *t;
    c_.criteria.push_back(std::move(cr));
  }
  YAML::Node stakeholder_list = top.list("stakeholders", Need::Required);
  if (!stakeholder_list.IsDefined() && top.has("stakeholders")) stakeholders_.known = false;
  for (const auto& node : stakeholder_list) {
    Fields fl(f, node,
              {"id", "name", "acronym", "kind", "since", "sectors", "url", "contact", "mechanisms",
               "criteria_met", "attended", "notes"},
              "a stakeholder");
    if (!fl.ok()) continue;
    Stakeholder s;
    s.pos = fl.pos();
    s.id = fl.id("id", Need::Required);
    stakeholders_.set.add(s.id, fl.value_pos("id"), diags_);
    s.name = fl.string("name", Need::Required);
    s.acronym = fl.string("acronym", Need::Optional);
    s.kind = fl.choice<StakeholderKind>("kind", Need::Required,
                                        {{"liaison", StakeholderKind::Liaison},
                                         {"cooperation", StakeholderKind::Cooperation},
                                         {"prospective", StakeholderKind::Prospective},
                                         {"other", StakeholderKind::Other}},
                                        StakeholderKind::None);
    s.since = fl.date("since", Need::Optional, DatePrecision::Year);
    s.sectors = fl.refs("sectors");
    s.url = fl.string("url", Need::Optional);
    s.contact = fl.person("contact", Need::Optional);
    s.mechanisms = fl.strings("mechanisms");
    s.criteria_met = fl.refs("criteria_met");
    s.attended = fl.refs("attended");
    s.notes = fl.markdown("notes", Need::Optional);
    if (s.kind == StakeholderKind::Liaison && s.criteria_met.empty())
      diags_.warning(s.pos, "liaison stakeholder " + squote(s.id) + " lists no criteria_met",
                     "name the liaison criteria it meets, as CIPM-D-01 clause 4.6 asks");
    c_.stakeholders.push_back(std::move(s));
  }
}

// ---- data/task-groups/*.yaml --------------------------------------------------------------

void CommitteeBuilder::task_group_file(const load::SourceFile& src) {
  if (!src.ok) {
    task_groups_.known = false;
    return;
  }
  FileReader f(src.path, diags_);
  Fields fl(f, src.root,
            {"id", "name", "parent", "status", "established", "closed", "chair", "members",
             "sectors", "stakeholder_engagement", "stakeholders", "terms_of_reference",
             "extensions", "outcomes", "recommendations"},
            "a task group");
  if (!fl.ok()) {
    task_groups_.known = false;
    return;
  }
  TaskGroup tg;
  tg.source_file = src.path;
  tg.pos = fl.pos();
  tg.id = fl.id("id", Need::Required);
  task_groups_.set.add(tg.id, fl.value_pos("id"), diags_);
  tg.name = fl.string("name", Need::Required);
  tg.parent = fl.string("parent", Need::Optional);
  tg.status = fl.choice<TaskGroupStatus>("status", Need::Required,
                                         {{"planned", TaskGroupStatus::Planned},
                                          {"active", TaskGroupStatus::Active},
                                          {"closed", TaskGroupStatus::Closed}},
                                         TaskGroupStatus::None);
  bool status_known = tg.status != TaskGroupStatus::None;
  tg.established = fl.date("established", Need::Optional, DatePrecision::Year);
  tg.closed = fl.date("closed", Need::Optional, DatePrecision::Year);
  if (status_known && tg.status != TaskGroupStatus::Planned && !fl.has("established"))
    fl.missing("established", "required unless status is planned");
  if (tg.status == TaskGroupStatus::Closed && !fl.has("closed"))
    fl.missing("closed", "required when status is closed");
  if (status_known && tg.status != TaskGroupStatus::Closed && fl.has("closed"))
    diags_.warning(fl.key_pos("closed"), "'closed' is set but the status is not closed");
  if (tg.established && tg.closed && *tg.closed < *tg.established)
    diags_.error(fl.value_pos("closed"),
                 "closed " + tg.closed->iso() + " is before established " + tg.established->iso());
  if (auto chair = fl.person("chair", Need::Required)) tg.chair = *chair;
  tg.members = fl.persons("members");
  if (tg.status == TaskGroupStatus::Active && tg.members.empty())
    diags_.warning(tg.pos, "active task group " + squote(tg.id) + " has no members");
  tg.sectors = fl.refs("sectors");
  tg.stakeholder_engagement = fl.boolean("stakeholder_engagement", false);
  tg.stakeholders = fl.refs("stakeholders");
  if (fl.has("terms_of_reference")) {
    Fields tor(f, fl.value("terms_of_reference"), {"goals", "activities"},
               "the terms of reference");
    tg.goals = tor.markdowns("goals", Need::Required);
    tg.activities = tor.markdowns("activities", Need::Optional);
  } else {
    fl.missing("terms_of_reference");
  }
  for (const auto& node : fl.list("extensions", Need::Optional)) {
    Fields ef(f, node, {"approved_at", "reason", "items"}, "an extension");
    if (!ef.ok()) continue;
    Extension e;
    e.pos = ef.pos();
    if (auto r = ef.ref("approved_at", Need::Required)) e.approved_at = *r;
    e.reason = ef.markdown("reason", Need::Optional);
    e.items = ef.markdowns("items", Need::Required);
    tg.extensions.push_back(std::move(e));
  }
  tg.outcomes = fl.markdowns("outcomes", Need::Optional);
  tg.recommendations = fl.markdowns("recommendations", Need::Optional);
  c_.task_groups.push_back(std::move(tg));
}

// ---- agendas/*.yaml -----------------------------------------------------------------------

std::optional<AgendaItem> CommitteeBuilder::item(const FileReader& f, const YAML::Node& node,
                                                 int depth) {
  Fields fl(f, node,
            {"title", "duration", "presenter", "kind", "documents", "task_groups", "sector_focus",
             "items"},
            "an agenda item");
  if (!fl.ok()) return std::nullopt;
  AgendaItem it;
  it.pos = fl.pos();
  if (auto t = fl.markdown("title", Need::Required)) it.title = *t;
  it.duration = fl.integer("duration", Need::Optional);
  if (it.duration && *it.duration <= 0) {
    diags_.error(fl.value_pos("duration"), "duration must be greater than 0",
                 "durations are in minutes");
    it.duration.reset();
  }
  it.presenter = fl.person("presenter", Need::Optional);
  it.kind = fl.choice<ItemKind>("kind", Need::Optional,
                                {{"decision", ItemKind::Decision},
                                 {"discussion", ItemKind::Discussion},
                                 {"information", ItemKind::Information},
                                 {"break", ItemKind::Break}},
                                ItemKind::Information);
  it.documents = fl.strings("documents");
  if (fl.has("documents") && fl.value("documents").IsSequence())
    for (const auto& d : fl.value("documents"))
      if (d.IsScalar()) it.document_positions.push_back(f.pos(d));
  it.task_groups = fl.refs("task_groups");
  it.sector_focus = fl.boolean("sector_focus", false);
  YAML::Node subs = fl.list("items", Need::Optional);
  if (subs.IsDefined() && subs.size() > 0 && depth >= kMaxItemDepth) {
    diags_.error(fl.value_pos("items"),
                 "sub-items nested more than " + std::to_string(kMaxItemDepth) + " levels deep");
  } else {
    for (const auto& sub : subs)
      if (auto s = item(f, sub, depth + 1)) it.items.push_back(std::move(*s));
  }
  int sum = 0;
  for (const auto& s : it.items) sum += s.total_minutes;
  if (it.duration) {
    it.total_minutes = *it.duration;
    if (!it.items.empty() && *it.duration < sum)
      diags_.error(fl.value_pos("duration"),
                   "duration of " + std::to_string(*it.duration) +
                       " minutes is shorter than its sub-items' total of " + std::to_string(sum),
                   "remove the duration or make it at least " + std::to_string(sum));
  } else if (!it.items.empty()) {
    it.total_minutes = sum;
  } else if (!fl.has("duration") && !(subs.IsDefined() && subs.size() > 0)) {
    diags_.error(it.pos, "item has neither a duration nor sub-items", "add 'duration: <minutes>'");
  }
  return it;
}

void CommitteeBuilder::agenda_file(const load::SourceFile& src) {
  if (!src.ok) return;
  FileReader f(src.path, diags_);
  Fields fl(f, src.root, {"plenary", "days"}, "an agenda");
  if (!fl.ok()) return;
  Agenda a;
  a.source_file = src.path;
  a.pos = fl.pos();
  if (auto r = fl.ref("plenary", Need::Required)) a.plenary = *r;
  for (const auto& node : fl.list("days", Need::Required, true)) {
    Fields df(f, node, {"date", "start", "items"}, "an agenda day");
    if (!df.ok()) continue;
    AgendaDay day;
    day.pos = df.pos();
    if (auto d = df.date("date", Need::Required, DatePrecision::Day)) {
      day.date = *d;
      for (const auto& other : a.days)
        if (other.date == *d && other.date.year != 0)
          diags_.error(df.value_pos("date"), "duplicate day " + d->iso(),
                       "first at line " + std::to_string(other.pos.line));
    }
    if (auto t = df.time("start", Need::Required)) day.start = *t;
    for (const auto& in : df.list("items", Need::Required, true))
      if (auto i = item(f, in, 1)) day.items.push_back(std::move(*i));
    a.days.push_back(std::move(day));
  }
  c_.agendas.push_back(std::move(a));
}

}  // namespace plenary::model::detail
