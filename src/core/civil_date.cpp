#include "core/civil_date.hpp"

#include <cstdlib>

namespace plenary::core {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

long long days_from_civil(int year, int month, int day) {
  const long long y = static_cast<long long>(year) - (month <= 2);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long long days) {
  const long long z = days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  return d;
}

int iso_weekday(int year, int month, int day) {
  const long long days = days_from_civil(year, month, day);
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;  // 1970-01-01 was a Thursday (4)
}

SourceDateEpoch source_date_epoch() {
  SourceDateEpoch e;
  const char* text = std::getenv("SOURCE_DATE_EPOCH");
  if (!text || !*text) return e;
  const std::string s = text;
  constexpr long long kLast = 253402300799LL;  // 9999-12-31T23:59:59Z
  if (s.find_first_not_of("0123456789") != std::string::npos) {
    e.error = "SOURCE_DATE_EPOCH '" + s.substr(0, 40) +
              "' is not a number of seconds since 1970-01-01 UTC (digits only)";
    return e;
  }
  const std::size_t first = s.find_first_not_of('0');
  const std::string digits = first == std::string::npos ? "0" : s.substr(first);
  if (digits.size() > 12 || std::stoll(digits) > kLast) {
    e.error = "SOURCE_DATE_EPOCH '" + s.substr(0, 40) +
              "' lies after 9999-12-31T23:59:59Z (at most 253402300799)";
    return e;
  }
  e.set = true;
  e.seconds = std::stoll(digits);
  return e;
}

}  // namespace plenary::core
