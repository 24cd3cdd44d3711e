// Cross-checks between records that each read well on their own but cannot all be true:
// the "silent semantic gaps" a hostile or hurried edit leaves (docs/robustness.md, class 7).
// Each is an error at the record that contradicts an earlier one, with the other as a hint.
#include <map>

#include "core/slug.hpp"

#include "model/committee_builder.hpp"

namespace plenary::model::detail {

namespace {

// The first sector-focus item of an agenda (sub-items included), or nullptr.
void sector_focus_items(const std::vector<AgendaItem>& items,
                        std::vector<const AgendaItem*>& found) {
  for (const auto& it : items) {
    if (it.sector_focus) found.push_back(&it);
    sector_focus_items(it.items, found);
  }
}

}  // namespace

void CommitteeBuilder::cross_check() {
  // Two plenaries with one number: "the 31st meeting" would name two sessions.
  std::map<int, const Plenary*> by_number;
  for (const auto& p : c_.plenaries) {
    if (p.number <= 0) continue;
    auto [it, inserted] = by_number.emplace(p.number, &p);
    if (!inserted)
      diags_.error(p.pos,
                   "plenaries " + squote(it->second->id) + " and " + squote(p.id) +
                       " have the same number " + std::to_string(p.number),
                   "first at " + where(it->second->pos));
  }

  // Task groups are linked to by an anchor made of their id ("tg-" + slug): two ids with one
  // slug ("CCQM-TG.A", "CCQM-TG-A") would send both links to the first section.
  std::map<std::string, const TaskGroup*> by_slug;
  for (const auto& tg : c_.task_groups) {
    if (tg.id.empty()) continue;
    auto [it, inserted] = by_slug.emplace(core::slug(tg.id), &tg);
    if (!inserted && it->second->id != tg.id)
      diags_.error(tg.pos,
                   "task groups " + squote(it->second->id) + " and " + squote(tg.id) +
                       " give the same link anchor " + squote("tg-" + it->first),
                   "ids must differ in more than case and punctuation; first at " +
                       where(it->second->pos));
  }

  // Attendance can only be recorded for a plenary that was held.
  for (const auto& s : c_.stakeholders)
    for (const auto& ref : s.attended)
      if (const Plenary* p = c_.plenary(ref.id); p && p->status == PlenaryStatus::Planned)
        diags_.error(ref.pos,
                     squote(s.id) + " is recorded as attending " + squote(p->id) +
                         ", which is a planned plenary",
                     "record attendance once the plenary is held (status: held)");

  // An extension cannot be approved after its task group closed.
  for (const auto& tg : c_.task_groups) {
    if (!tg.closed) continue;
    for (const auto& e : tg.extensions) {
      const Plenary* p = c_.plenary(e.approved_at.id);
      if (!p || p->start.year == 0) continue;
      // A closing month or year covers its whole month or year.
      Date closed = *tg.closed;
      if (closed.month == 0) closed.month = 12;
      if (closed.day == 0) closed.day = 31;
      if (closed < p->start)
        diags_.error(e.approved_at.pos,
                     "extension approved at " + squote(p->id) + " (" + p->start.iso() +
                         "), after task group " + squote(tg.id) + " closed (" +
                         tg.closed->iso() + ")",
                     "check the plenary id or the closing date");
    }
  }

  for (const auto& a : c_.agendas) {
    // Agenda days in date order: the numbering and the calendar follow the file's order.
    for (std::size_t i = 1; i < a.days.size(); ++i) {
      const Date& prev = a.days[i - 1].date;
      const Date& day = a.days[i].date;
      if (prev.year != 0 && day.year != 0 && day < prev)
        diags_.error(a.days[i].pos,
                     "day " + day.iso() + " is listed after day " + prev.iso(),
                     "list the days in date order");
    }
    // One sector-focus item per plenary: the pack's section 4 and the plan name one sector.
    std::vector<const AgendaItem*> focus;
    for (const auto& d : a.days) sector_focus_items(d.items, focus);
    for (std::size_t i = 1; i < focus.size(); ++i)
      diags_.error(focus[i]->pos, "a second sector-focus item in this agenda",
                   "the first is at " + where(focus[0]->pos) + "; a plenary has one focus sector");
  }
}

}  // namespace plenary::model::detail
