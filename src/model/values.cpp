#include "model/values.hpp"

#include <cctype>

#include "core/civil_date.hpp"

namespace plenary::model {

namespace {

bool all_digits(const std::string& s, std::size_t from, std::size_t count) {
  if (from + count > s.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int number_at(const std::string& s, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

const char* const kMonthNames[] = {"january",   "february", "march",    "april",
                                   "may",       "june",     "july",     "august",
                                   "september", "october",  "november", "december"};

}  // namespace

int days_in_month(int year, int month) {
  return core::days_in_month(year, month);
}

DateParse parse_date(const std::string& text, DatePrecision finest_required) {
  const std::string format_hint = finest_required == DatePrecision::Day
                                      ? "dates are written yyyy-mm-dd, e.g. 2026-04-14"
                                      : "dates are written yyyy-mm-dd, yyyy-mm or yyyy";
  DateParse result;
  Date d;
  DatePrecision precision = DatePrecision::None;
  if (text.size() == 4 && all_digits(text, 0, 4)) {
    precision = DatePrecision::Year;
  } else if (text.size() == 7 && all_digits(text, 0, 4) && text[4] == '-' &&
             all_digits(text, 5, 2)) {
    precision = DatePrecision::Month;
  } else if (text.size() == 10 && all_digits(text, 0, 4) && text[4] == '-' &&
             all_digits(text, 5, 2) && text[7] == '-' && all_digits(text, 8, 2)) {
    precision = DatePrecision::Day;
  } else {
    result.hint = format_hint;
    return result;
  }
  d.year = number_at(text, 0, 4);
  if (precision >= DatePrecision::Month) {
    d.month = number_at(text, 5, 2);
    if (d.month < 1 || d.month > 12) {
      result.hint = "there is no month " + text.substr(5, 2);
      return result;
    }
  }
  if (precision == DatePrecision::Day) {
    d.day = number_at(text, 8, 2);
    int days = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > days) {
      result.hint = std::string(kMonthNames[d.month - 1]) + " " + std::to_string(d.year) + " has " +
                    std::to_string(days) + " days";
      return result;
    }
  }
  if (precision < finest_required) {
    result.hint = format_hint;
    return result;
  }
  result.date = d;
  return result;
}

std::optional<TimeOfDay> parse_time(const std::string& text) {
  std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon < 1 || colon > 2 || text.size() != colon + 3)
    return std::nullopt;
  if (!all_digits(text, 0, colon) || !all_digits(text, colon + 1, 2)) return std::nullopt;
  int h = number_at(text, 0, colon), m = number_at(text, colon + 1, 2);
  if (h > 23 || m > 59) return std::nullopt;
  return TimeOfDay{h * 60 + m};
}

bool is_valid_id(const std::string& id) {
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) return false;
    if (!std::isalnum(u) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace plenary::model
