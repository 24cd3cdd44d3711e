// The records linked: every reference resolved against the ids it may name, cross-checks
// between files, then each agenda's items timed and numbered.
#include "model/committee_builder.hpp"

namespace plenary::model::detail {

void CommitteeBuilder::resolve(const Ref& ref, const Target& target) {
  if (!target.known || target.set.contains(ref.id)) return;
  std::string close = closest_match(ref.id, target.set.ids());
  diags_.error(ref.pos, "unknown " + target.kind_name + " " + squote(ref.id),
               close.empty() ? "" : "did you mean " + squote(close) + "?");
}

// ---- links and cross-checks ---------------------------------------------------------------

void CommitteeBuilder::link_items(const std::vector<AgendaItem>& items) {
  for (const auto& it : items) {
    resolve_all(it.task_groups, task_groups_);
    link_items(it.items);
  }
}

void CommitteeBuilder::check_sector_focus(const std::vector<AgendaItem>& items,
                                          const std::string& plenary_id) {
  for (const auto& it : items) {
    if (it.sector_focus && !c_.plan_for(plenary_id))
      diags_.warning(it.pos,
                     "sector-focus item, but plenary " + squote(plenary_id) +
                         " has no entry in the sector-focus plan",
                     "add one to data/sector-focus.yaml");
    check_sector_focus(it.items, plenary_id);
  }
}

void CommitteeBuilder::link() {
  for (const auto& s : c_.stakeholders) {
    resolve_all(s.sectors, sectors_);
    resolve_all(s.criteria_met, criteria_);
    resolve_all(s.attended, plenaries_);
  }
  std::map<std::string, SourcePos> planned;
  for (const auto& e : c_.plan) {
    if (!e.plenary.id.empty()) {
      resolve(e.plenary, plenaries_);
      auto [it, inserted] = planned.emplace(e.plenary.id, e.plenary.pos);
      if (!inserted)
        diags_.error(e.plenary.pos, "plenary " + squote(e.plenary.id) + " already has a plan entry",
                     "first at " + where(it->second));
    }
    if (!e.sector.id.empty()) resolve(e.sector, sectors_);
    resolve_all(e.invited, stakeholders_);
  }
  for (const auto& tg : c_.task_groups) {
    resolve_all(tg.sectors, sectors_);
    resolve_all(tg.stakeholders, stakeholders_);
    for (const auto& e : tg.extensions)
      if (!e.approved_at.id.empty()) resolve(e.approved_at, plenaries_);
  }
  std::map<std::string, const Agenda*> agenda_files;
  for (const auto& a : c_.agendas) {
    for (const auto& d : a.days) link_items(d.items);
    if (a.plenary.id.empty()) continue;
    resolve(a.plenary, plenaries_);
    std::string expected = "agendas/" + a.plenary.id + ".yaml";
    auto [it, inserted] = agenda_files.emplace(a.plenary.id, &a);
    if (!inserted) {
      // Two files for one plenary: the one not named for it is the stray copy, whichever
      // sorts first.
      const Agenda& first = *it->second;
      const bool blame_first = first.source_file != expected && a.source_file == expected;
      const Agenda& stray = blame_first ? first : a;
      const Agenda& kept = blame_first ? a : first;
      diags_.error(stray.plenary.pos,
                   "plenary " + squote(a.plenary.id) + " already has an agenda",
                   "the " + std::string(blame_first ? "one named for it" : "first") + " is " +
                       kept.source_file);
    }
    if (a.source_file != expected)
      diags_.warning(a.plenary.pos, "agenda for " + squote(a.plenary.id) + " is not named " +
                                        squote(expected.substr(8)));
    const Plenary* p = nullptr;
    for (const auto& candidate : c_.plenaries)
      if (!p && candidate.id == a.plenary.id) p = &candidate;
    if (!p) continue;
    if (sectors_.known)
      for (const auto& d : a.days) check_sector_focus(d.items, p->id);
    if (p->start.year == 0) continue;
    Date last = p->end && p->start <= *p->end ? *p->end : p->start;
    for (const auto& d : a.days)
      if (d.date.year != 0 && (d.date < p->start || last < d.date))
        diags_.error(
            d.pos, "day " + d.date.iso() + " is outside plenary " + squote(p->id),
            "the plenary runs " + p->start.iso() + (last == p->start ? "" : " to " + last.iso()));
  }
}

// ---- start times and numbers --------------------------------------------------------------

// Sub-items run one after another from their parent's start and are numbered under it
// ("4.1"); breaks, and anything inside a break, carry no number and use none up.
void CommitteeBuilder::number_items(std::vector<AgendaItem>& items, const std::string& prefix,
                                    bool numbered, int& counter, int start) {
  int cursor = start;
  for (auto& it : items) {
    it.start.minutes = cursor;
    bool has_number = numbered && it.kind != ItemKind::Break;
    if (has_number) it.number = prefix + std::to_string(++counter);
    int sub_counter = 0;
    number_items(it.items, it.number + ".", has_number, sub_counter, cursor);
    cursor += it.total_minutes;
  }
}

void CommitteeBuilder::schedule() {
  for (auto& a : c_.agendas) {
    int counter = 0;
    for (auto& d : a.days) {
      number_items(d.items, "", true, counter, d.start.minutes);
      int end = d.start.minutes;
      for (const auto& it : d.items) {
        end += it.total_minutes;
        if (end > 24 * 60) {
          diags_.warning(it.pos, "the day's items run past midnight",
                         "this item ends at " + TimeOfDay{end}.hhmm() + " the next day");
          break;
        }
      }
    }
  }
}

}  // namespace plenary::model::detail
