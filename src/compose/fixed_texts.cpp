#include "compose/fixed_texts.hpp"

#include <cstdio>

#include "compose/kinds.hpp"
#include "core/civil_date.hpp"

namespace plenary::compose::detail {

// The fixed texts the shared context and formatting read; each kind adds its own (its
// document name, "document.agenda"), in the kinds table's order, after "language".
const std::vector<std::string>& required_text_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all = {"language"};
    for (const DocumentKind& kind : document_kinds())
      all.insert(all.end(), kind.text_keys.begin(), kind.text_keys.end());
    for (const char* key : {"title_pattern",
                            "plenary_title",
                            "ordinal.one",
                            "ordinal.two",
                            "ordinal.few",
                            "ordinal.other",
                            "footer",
                            "date.day_one",
                            "date.date",
                            "date.month_year",
                            "date.range_same_month",
                            "date.range_same_year",
                            "date.range",
                            "date.weekday_date",
                            "months.1",
                            "months.2",
                            "months.3",
                            "months.4",
                            "months.5",
                            "months.6",
                            "months.7",
                            "months.8",
                            "months.9",
                            "months.10",
                            "months.11",
                            "months.12",
                            "weekdays.1",
                            "weekdays.2",
                            "weekdays.3",
                            "weekdays.4",
                            "weekdays.5",
                            "weekdays.6",
                            "weekdays.7",
                            "duration",
                            "format.in_person",
                            "format.hybrid",
                            "format.online",
                            "plenary_status.planned",
                            "plenary_status.held",
                            "kind.decision",
                            "kind.discussion",
                            "kind.information",
                            "kind.break",
                            "tg_status.planned",
                            "tg_status.active",
                            "tg_status.closed",
                            "stakeholder_kind.liaison",
                            "stakeholder_kind.cooperation",
                            "stakeholder_kind.prospective",
                            "stakeholder_kind.other",
                            "answer.yes",
                            "answer.no",
                            "heading.contents",
                            "text.approved_at",
                            "text.attended_of_three",
                            "text.none"})
      all.push_back(key);
    return all;
  }();
  return keys;
}

std::string fill(const std::string& pattern,
                 const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        const std::string name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& v : values) {
          if (v.first == name) {
            out += v.second;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::string iso(const model::Date& d) {
  char buf[32];
  if (d.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::string hhmm(const model::TimeOfDay& t) {
  char buf[16];
  const int m = ((t.minutes % 1440) + 1440) % 1440;
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

int weekday(const model::Date& d) {
  return core::iso_weekday(d.year, d.month, d.day);
}

bool date_less(const model::Date& a, const model::Date& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}

bool date_equal(const model::Date& a, const model::Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

std::string Texts::get(const std::string& key) const {
  const auto it = texts_.find(key);
  return it == texts_.end() ? key : it->second;
}

std::string Texts::day(int d) const {
  return d == 1 ? get("date.day_one") : std::to_string(d);
}

std::string Texts::date(const model::Date& d) const {
  if (d.month == 0) return std::to_string(d.year);
  const std::string month = get("months." + std::to_string(d.month));
  const std::string year = std::to_string(d.year);
  if (d.day == 0) return fill(get("date.month_year"), {{"month", month}, {"year", year}});
  return fill(get("date.date"), {{"day", day(d.day)}, {"month", month}, {"year", year}});
}

std::string Texts::date_range(const model::Date& start,
                              const std::optional<model::Date>& end) const {
  if (!end || date_equal(*end, start) || start.day == 0 || end->day == 0) return date(start);
  const std::string year = std::to_string(end->year);
  if (start.year == end->year && start.month == end->month) {
    return fill(get("date.range_same_month"),
                {{"day1", day(start.day)},
                 {"day2", day(end->day)},
                 {"month", get("months." + std::to_string(end->month))},
                 {"year", year}});
  }
  if (start.year == end->year) {
    return fill(get("date.range_same_year"),
                {{"day1", day(start.day)},
                 {"month1", get("months." + std::to_string(start.month))},
                 {"day2", day(end->day)},
                 {"month2", get("months." + std::to_string(end->month))},
                 {"year", year}});
  }
  return fill(get("date.range"), {{"date1", date(start)}, {"date2", date(*end)}});
}

std::string Texts::day_heading(const model::Date& d) const {
  if (d.day == 0) return date(d);
  return fill(get("date.weekday_date"),
              {{"weekday", get("weekdays." + std::to_string(weekday(d)))}, {"date", date(d)}});
}

std::string Texts::ordinal(int n) const {
  std::string form = "other";
  if (lang_ == Lang::Fr) {
    if (n == 1) form = "one";
  } else {
    const int tens = n % 100;
    if (tens < 11 || tens > 13) {
      if (n % 10 == 1) form = "one";
      if (n % 10 == 2) form = "two";
      if (n % 10 == 3) form = "few";
    }
  }
  return fill(get("ordinal." + form), {{"n", std::to_string(n)}});
}

std::string Texts::duration(int minutes) const {
  return fill(get("duration"), {{"minutes", std::to_string(minutes)}});
}

}  // namespace plenary::compose::detail
