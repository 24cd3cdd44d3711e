// Fixed texts and the formatting of dates, ordinals and durations for one language.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compose/compose.hpp"
#include "model/model.hpp"

namespace plenary::compose::detail {

// The keys the program itself reads from i18n/<lang>.yaml (templates may read any key).
const std::vector<std::string>& required_text_keys();

// "{n} meeting of the {committee}" with {"n", "30th"}, {"committee", "CCQM"}.
std::string fill(const std::string& pattern,
                 const std::vector<std::pair<std::string, std::string>>& values);

std::string iso(const model::Date& d);        // "2026-04-14", "2021-04", "2005"
std::string hhmm(const model::TimeOfDay& t);  // "09:30"
int weekday(const model::Date& d);            // 1 = Monday .. 7 = Sunday
bool date_less(const model::Date& a, const model::Date& b);
bool date_equal(const model::Date& a, const model::Date& b);

class Texts {
 public:
  Texts(const std::map<std::string, std::string>& texts, Lang lang) : texts_(texts), lang_(lang) {}

  std::string get(const std::string& key) const;  // the text, or the key itself when absent
  std::string date(const model::Date& d) const;   // "14 April 2026", "April 2021", "2005"
  std::string date_range(const model::Date& start, const std::optional<model::Date>& end) const;
  std::string day_heading(const model::Date& d) const;  // "Tuesday 14 April 2026"
  std::string ordinal(int n) const;                     // "30th", "1re"
  std::string duration(int minutes) const;              // "15 min"
  Lang lang() const { return lang_; }

 private:
  std::string day(int d) const;
  const std::map<std::string, std::string>& texts_;
  Lang lang_;
};

}  // namespace plenary::compose::detail
