#include "model/register.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/civil_date.hpp"

namespace plenary::model {

Date papers_due(const Register& reg, const Plenary& p) {
  const long long days =
      core::days_from_civil(p.start.year, p.start.month, p.start.day) - reg.papers_due_days;
  const core::CivilDate d = core::civil_from_days(days);
  return Date{d.year, d.month, d.day};
}

bool is_late(const Committee& c, const Paper& paper) {
  if (!c.documents || !paper.plenary || paper.status == DocumentStatus::Withdrawn) return false;
  const Plenary* p = c.plenary(paper.plenary->id);
  if (!p || p->start.day == 0 || paper.date.day == 0) return false;
  return papers_due(*c.documents, *p) < paper.date;
}

bool reference_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      std::size_t is = i, js = j;  // skip leading zeros, then longer is larger
      while (is + 1 < ie && a[is] == '0') ++is;
      while (js + 1 < je && b[js] == '0') ++js;
      if (ie - is != je - js) return ie - is < je - js;
      int cmp = a.compare(is, ie - is, b, js, je - js);
      if (cmp != 0) return cmp < 0;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
  return a < b;  // equal as numbers ("07" and "7"): the text decides
}

namespace {

template <typename F>
void each_item(const std::vector<AgendaItem>& items, F&& f) {
  for (const auto& it : items) {
    f(it);
    each_item(it.items, f);
  }
}

}  // namespace

std::vector<const Paper*> plenary_papers(const Committee& c, const std::string& plenary_id) {
  std::vector<const Paper*> out;
  if (!c.documents) return out;
  std::set<const Paper*> seen;
  for (const Paper& p : c.documents->documents)
    if (p.plenary && p.plenary->id == plenary_id && seen.insert(&p).second) out.push_back(&p);
  if (const Agenda* a = c.agenda_for(plenary_id))
    for (const auto& d : a->days)
      each_item(d.items, [&](const AgendaItem& it) {
        for (const auto& ref : it.documents)
          if (const Paper* p = c.documents->find(ref); p && seen.insert(p).second) out.push_back(p);
      });
  std::stable_sort(out.begin(), out.end(), [](const Paper* x, const Paper* y) {
    if (x->ref != y->ref) return reference_less(x->ref, y->ref);
    return x->revision < y->revision;
  });
  return out;
}

std::vector<std::string> items_naming(const Committee& c, const std::string& plenary_id,
                                      const Paper& paper) {
  std::vector<std::string> out;
  const Agenda* a = c.agenda_for(plenary_id);
  if (!a || !c.documents) return out;
  for (const auto& d : a->days)
    each_item(d.items, [&](const AgendaItem& it) {
      for (const auto& ref : it.documents)
        // Only a reference that starts with the paper's own ref can name it (find: the ref
        // itself, or the ref and a revision letter); the others skip the register search.
        if (ref.compare(0, paper.ref.size(), paper.ref) == 0 && c.documents->find(ref) == &paper &&
            std::find(out.begin(), out.end(), it.number) == out.end() && !it.number.empty())
          out.push_back(it.number);
    });
  return out;
}

std::string superseded_by(const Register& reg, const Paper& paper) {
  const Paper* latest = reg.find(paper.ref);
  if (latest && latest != &paper && paper.revision < latest->revision) return latest->full_ref();
  for (const Paper& other : reg.documents)
    if (other.replaces && &other != &paper && reg.find(other.replaces->id) == &paper)
      return other.full_ref();
  return {};
}

}  // namespace plenary::model
