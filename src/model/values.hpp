// Parsing of the small value types of the data format (dates, times, ids), without YAML.
#pragma once

#include <optional>
#include <string>

#include "model/model.hpp"

namespace plenary::model {

enum class DatePrecision { None, Year, Month, Day };

struct DateParse {
  std::optional<Date> date;  // set when valid
  std::string hint;          // why not, when invalid
};

// "2026-04-14", "2021-04" or "2005"; anything coarser than `finest_required` is refused.
DateParse parse_date(const std::string& text, DatePrecision finest_required);

// "09:30" (also "9:30"); nullopt for anything else, including "9:3" and "24:00".
std::optional<TimeOfDay> parse_time(const std::string& text);

// [A-Za-z0-9][A-Za-z0-9._-]*
bool is_valid_id(const std::string& id);

// Days in a month of the proleptic Gregorian calendar.
int days_in_month(int year, int month);

}  // namespace plenary::model
