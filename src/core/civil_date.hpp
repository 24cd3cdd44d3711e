// The program's one piece of calendar arithmetic, on the proleptic Gregorian calendar
// (H. Hinnant's days_from_civil and civil_from_days, public domain algorithms). No time zone,
// no clock: dates only.
#pragma once

#include <string>

namespace plenary::core {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// Days since 1970-01-01 (negative before it), and back.
long long days_from_civil(int year, int month, int day);
CivilDate civil_from_days(long long days);

// SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since 1970 UTC, digits only, at most
// 253402300799 (9999-12-31T23:59:59Z, the last instant an ISO date of four digits can show).
// Unset or empty: no value. `error` is set (and no value given) when it is set but not such a
// number; the command line refuses to run then (exit 2), so no stage meets a bad value.
struct SourceDateEpoch {
  bool set = false;
  long long seconds = 0;
  std::string error;
};
SourceDateEpoch source_date_epoch();

// ISO weekday: 1 = Monday .. 7 = Sunday.
int iso_weekday(int year, int month, int day);

}  // namespace plenary::core
