// The program's one piece of calendar arithmetic, on the proleptic Gregorian calendar
// (H. Hinnant's days_from_civil and civil_from_days, public domain algorithms). No time zone,
// no clock: dates only.
#pragma once

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

// ISO weekday: 1 = Monday .. 7 = Sunday.
int iso_weekday(int year, int month, int day);

}  // namespace plenary::core
