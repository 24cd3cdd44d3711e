#include "model/model.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace plenary::model {

std::string Date::iso() const {
  char buf[32];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

bool Date::operator<(const Date& o) const {
  return std::tie(year, month, day) < std::tie(o.year, o.month, o.day);
}

bool Date::operator==(const Date& o) const {
  return year == o.year && month == o.month && day == o.day;
}

std::string TimeOfDay::hhmm() const {
  int m = ((minutes % 1440) + 1440) % 1440;  // past midnight reads as the next day's clock
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

namespace {
template <typename T, typename Key>
const T* find_by(const std::vector<T>& items, const std::string& id, Key key) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return key(t) == id; });
  return it == items.end() ? nullptr : &*it;
}
const auto by_id = [](const auto& t) -> const std::string& { return t.id; };
}  // namespace

const Plenary* Committee::plenary(const std::string& id) const {
  return find_by(plenaries, id, by_id);
}
const Sector* Committee::sector(const std::string& id) const {
  return find_by(sectors, id, by_id);
}
const Stakeholder* Committee::stakeholder(const std::string& id) const {
  return find_by(stakeholders, id, by_id);
}
const Criterion* Committee::criterion(const std::string& id) const {
  return find_by(criteria, id, by_id);
}
const TaskGroup* Committee::task_group(const std::string& id) const {
  return find_by(task_groups, id, by_id);
}
const Agenda* Committee::agenda_for(const std::string& plenary_id) const {
  return find_by(agendas, plenary_id,
                 [](const Agenda& a) -> const std::string& { return a.plenary.id; });
}
const PlanEntry* Committee::plan_for(const std::string& plenary_id) const {
  return find_by(plan, plenary_id,
                 [](const PlanEntry& p) -> const std::string& { return p.plenary.id; });
}

const Outcomes* Committee::outcomes_for(const std::string& plenary_id) const {
  return find_by(outcomes, plenary_id,
                 [](const Outcomes& o) -> const std::string& { return o.plenary.id; });
}

const Paper* Register::find(const std::string& reference) const {
  // "CCQM/26-07" names the ref's latest revision, even where an unrevised "CCQM/26-07" exists;
  // "CCQM/26-07b" names that revision exactly.
  const Paper* latest = nullptr;
  const Paper* exact = nullptr;
  // Compared in place, not through full_ref(): this runs for every reference of every agenda
  // item for every paper of a plenary (items_naming), 236 M instructions of the K=4 PDF build
  // when each comparison built a string.
  for (const Paper& p : documents) {
    if (p.ref == reference && (latest == nullptr || latest->revision < p.revision)) latest = &p;
    if (!exact && reference.size() == p.ref.size() + p.revision.size() &&
        reference.compare(0, p.ref.size(), p.ref) == 0 &&
        reference.compare(p.ref.size(), std::string::npos, p.revision) == 0)
      exact = &p;
  }
  return latest ? latest : exact;
}

}  // namespace plenary::model
