// data/outcomes/<plenary>.yaml: the decisions and actions of a held plenary, read into
// Committee::outcomes and checked against the rest of the committee (after the agendas are
// numbered, so that an outcome's `item` can be looked up).
#include <algorithm>
#include <cctype>
#include <set>

#include "model/committee_builder.hpp"
#include "model/values.hpp"

namespace plenary::model::detail {

namespace {

// "2027-04-14" (or any text starting with four digits and '-') is a date; anything else an id.
bool looks_like_date(const std::string& text) {
  if (text.size() < 5 || text[4] != '-') return false;
  return std::all_of(text.begin(), text.begin() + 4,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

void item_numbers(const std::vector<AgendaItem>& items, std::set<std::string>& out) {
  for (const auto& it : items) {
    if (!it.number.empty()) out.insert(it.number);
    item_numbers(it.items, out);
  }
}

}  // namespace

void CommitteeBuilder::outcomes_file(const load::SourceFile& src) {
  if (!src.ok) return;
  FileReader f(src.path, diags_);
  Fields fl(f, src.root, {"plenary", "decisions", "actions"}, "an outcomes file");
  if (!fl.ok()) return;
  Outcomes o;
  o.source_file = src.path;
  o.pos = fl.pos();
  if (auto r = fl.ref("plenary", Need::Required)) o.plenary = *r;
  for (const auto& node : fl.list("decisions", Need::Optional)) {
    Fields df(f, node, {"text", "kind", "item", "task_groups", "documents"}, "a decision");
    if (!df.ok()) continue;
    Decision d;
    d.number = static_cast<int>(o.decisions.size()) + 1;
    d.pos = df.pos();
    if (auto t = df.markdown("text", Need::Required)) d.text = *t;
    d.kind = df.choice<DecisionKind>("kind", Need::Optional,
                                     {{"decision", DecisionKind::Decision},
                                      {"recommendation", DecisionKind::Recommendation},
                                      {"resolution", DecisionKind::Resolution}},
                                     DecisionKind::Decision);
    d.item = df.string("item", Need::Optional);
    d.item_pos = df.value_pos("item");
    d.task_groups = df.refs("task_groups");
    d.documents = df.refs("documents");
    o.decisions.push_back(std::move(d));
  }
  for (const auto& node : fl.list("actions", Need::Optional)) {
    Fields af(f, node, {"text", "owner", "body", "due", "status", "closed_at", "notes"},
              "an action");
    if (!af.ok()) continue;
    Action a;
    a.number = static_cast<int>(o.actions.size()) + 1;
    a.pos = af.pos();
    if (auto t = af.markdown("text", Need::Required)) a.text = *t;
    if (auto p = af.person("owner", Need::Required)) a.owner = *p;
    a.body = af.ref("body", Need::Optional);
    if (af.has("due")) {
      std::string due = af.string("due", Need::Optional);
      if (looks_like_date(due)) {
        a.due_date = af.date("due", Need::Optional, DatePrecision::Day);
      } else if (!due.empty()) {
        a.due_plenary = Ref{due, af.value_pos("due")};
      }
    }
    a.status = af.choice<ActionStatus>(
        "status", Need::Optional,
        {{"open", ActionStatus::Open}, {"done", ActionStatus::Done}, {"dropped", ActionStatus::Dropped}},
        ActionStatus::Open);
    a.closed_at = af.ref("closed_at", Need::Optional);
    if (a.closed_at && a.status == ActionStatus::Open)
      diags_.error(af.key_pos("closed_at"), "'closed_at' is set but the status is open",
                   "an action closed at a plenary is done or dropped");
    a.notes = af.markdown("notes", Need::Optional);
    o.actions.push_back(std::move(a));
  }
  c_.outcomes.push_back(std::move(o));
}

// After link() and schedule(): references, held plenaries, agenda item numbers, the register,
// and the task-group extensions that no decision records.
void CommitteeBuilder::link_outcomes() {
  std::map<std::string, std::string> files;
  auto plenary_of = [&](const std::string& id) -> const Plenary* {
    for (const auto& p : c_.plenaries)
      if (p.id == id) return &p;
    return nullptr;
  };
  for (const auto& o : c_.outcomes) {
    const Plenary* held = nullptr;
    if (!o.plenary.id.empty()) {
      resolve(o.plenary, plenaries_);
      auto [it, inserted] = files.emplace(o.plenary.id, o.source_file);
      if (!inserted)
        diags_.error(o.plenary.pos,
                     "plenary " + squote(o.plenary.id) + " already has an outcomes file",
                     "the first is " + it->second);
      const std::string expected = "data/outcomes/" + o.plenary.id + ".yaml";
      if (o.source_file != expected)
        diags_.warning(o.plenary.pos, "outcomes for " + squote(o.plenary.id) + " are not named " +
                                          squote(expected.substr(14)));
      held = plenary_of(o.plenary.id);
      if (held && held->status != PlenaryStatus::Held) {
        diags_.error(o.plenary.pos,
                     "outcomes for plenary " + squote(held->id) + ", which is not held",
                     "set its status to held in data/committee.yaml once it has met");
        held = nullptr;
      }
    }
    const Agenda* agenda = held ? c_.agenda_for(held->id) : nullptr;
    std::set<std::string> numbers;
    if (agenda)
      for (const auto& d : agenda->days) item_numbers(d.items, numbers);
    for (const auto& d : o.decisions) {
      resolve_all(d.task_groups, task_groups_);
      if (agenda && !d.item.empty() && !numbers.count(d.item))
        diags_.error(d.item_pos,
                     "plenary " + squote(held->id) + " has no agenda item " + squote(d.item),
                     "the items are numbered in " + agenda->source_file);
      if (c_.documents)
        for (const auto& r : d.documents)
          if (!r.id.empty() && !c_.documents->find(r.id))
            diags_.error(r.pos, "unknown document " + squote(r.id),
                         "not in " + c_.documents->source_file);
    }
    for (const auto& a : o.actions) {
      if (a.body && !a.body->id.empty() && task_groups_.known && stakeholders_.known &&
          !task_groups_.set.contains(a.body->id) && !stakeholders_.set.contains(a.body->id)) {
        std::vector<std::string> ids = task_groups_.set.ids();
        ids.insert(ids.end(), stakeholders_.set.ids().begin(), stakeholders_.set.ids().end());
        std::string close = closest_match(a.body->id, ids);
        diags_.error(a.body->pos, "unknown task group or stakeholder " + squote(a.body->id),
                     close.empty() ? "" : "did you mean " + squote(close) + "?");
      }
      if (a.due_plenary) resolve(*a.due_plenary, plenaries_);
      if (!a.closed_at) continue;
      resolve(*a.closed_at, plenaries_);
      const Plenary* closed = plenary_of(a.closed_at->id);
      const Plenary* own = plenary_of(o.plenary.id);
      if (closed && own && closed->start.year != 0 && own->start.year != 0 &&
          closed->start < own->start)
        diags_.error(a.closed_at->pos,
                     "closed at " + squote(closed->id) + ", before the action's own plenary " +
                         squote(own->id),
                     "an action is closed at its own plenary or a later one");
    }
  }
  for (const auto& tg : c_.task_groups)
    for (const auto& e : tg.extensions) {
      const Outcomes* o = c_.outcomes_for(e.approved_at.id);
      if (!o || e.approved_at.id.empty()) continue;
      bool named = false;
      for (const auto& d : o->decisions)
        for (const auto& r : d.task_groups) named = named || r.id == tg.id;
      if (!named)
        diags_.warning(e.approved_at.pos,
                       "extension approved at " + squote(e.approved_at.id) + ", but " +
                           o->source_file + " names no decision for " + squote(tg.id),
                       "add 'task_groups: [" + tg.id + "]' to the decision that extended it");
    }
}

}  // namespace plenary::model::detail
