#include "core/civil_date.hpp"

#include <catch2/catch.hpp>

using namespace plenary::core;

TEST_CASE("days_from_civil and civil_from_days agree with known dates and with each other") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2026, 11, 30) == 20787);  // date -u -d 2026-11-30 +%s / 86400
  for (long long day = -800000; day <= 800000; day += 997) {
    const CivilDate d = civil_from_days(day);
    CHECK(days_from_civil(d.year, d.month, d.day) == day);
    REQUIRE(d.month >= 1);
    REQUIRE(d.month <= 12);
    REQUIRE(d.day >= 1);
    REQUIRE(d.day <= days_in_month(d.year, d.month));
  }
}

TEST_CASE("iso_weekday counts Monday as 1") {
  CHECK(iso_weekday(1970, 1, 1) == 4);    // Thursday
  CHECK(iso_weekday(2026, 11, 30) == 1);  // Monday
  CHECK(iso_weekday(2024, 2, 29) == 4);   // Thursday
  CHECK(iso_weekday(1900, 1, 1) == 1);    // Monday
}

TEST_CASE("leap years and month lengths follow the Gregorian rules") {
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(1900));
  CHECK(is_leap_year(2000));
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2024, 13) == 0);
}
