#include <catch2/catch.hpp>

#include "model/values.hpp"

using namespace plenary::model;

TEST_CASE("full dates, months and years parse to their parts", "[model][values]") {
  auto d = parse_date("2026-04-14", DatePrecision::Day);
  REQUIRE(d.date);
  CHECK(d.date->year == 2026);
  CHECK(d.date->month == 4);
  CHECK(d.date->day == 14);
  auto m = parse_date("2021-04", DatePrecision::Year);
  REQUIRE(m.date);
  CHECK(m.date->month == 4);
  CHECK(m.date->day == 0);
  auto y = parse_date("2005", DatePrecision::Year);
  REQUIRE(y.date);
  CHECK(y.date->month == 0);
}

TEST_CASE("impossible dates are refused with a reason", "[model][values]") {
  CHECK_FALSE(parse_date("2026-13-01", DatePrecision::Day).date);
  CHECK(parse_date("2026-13-01", DatePrecision::Day).hint == "there is no month 13");
  CHECK(parse_date("2026-02-30", DatePrecision::Day).hint == "february 2026 has 28 days");
  CHECK(parse_date("2024-02-29", DatePrecision::Day).date);
  CHECK_FALSE(parse_date("2100-02-29", DatePrecision::Day).date);
  CHECK(parse_date("2000-02-29", DatePrecision::Day).date);
  CHECK_FALSE(parse_date("2026-00-10", DatePrecision::Day).date);
  CHECK_FALSE(parse_date("2026-04-00", DatePrecision::Day).date);
}

TEST_CASE("dates in other shapes are refused", "[model][values]") {
  for (const char* bad :
       {"14/04/2026", "2026-4-14", "2026-04-14T09:00", "", "26-04-14", "2026/04/14", " 2026-04-14"})
    CHECK_FALSE(parse_date(bad, DatePrecision::Year).date);
  auto coarse = parse_date("2026-04", DatePrecision::Day);
  CHECK_FALSE(coarse.date);
  CHECK(coarse.hint == "dates are written yyyy-mm-dd, e.g. 2026-04-14");
}

TEST_CASE("times are hh:mm within a day", "[model][values]") {
  REQUIRE(parse_time("09:30"));
  CHECK(parse_time("09:30")->minutes == 570);
  CHECK(parse_time("9:30")->minutes == 570);
  CHECK(parse_time("00:00")->minutes == 0);
  CHECK(parse_time("23:59")->minutes == 1439);
  for (const char* bad :
       {"9:3", "24:00", "12:60", "0930", "09:30:00", ":30", "ab:cd", "", "123:00"})
    CHECK_FALSE(parse_time(bad));
}

TEST_CASE("ids start with a letter or digit and use only letters, digits and . _ -",
          "[model][values]") {
  for (const char* good : {"CCQM-30", "CCQM-TG-STAKEHOLDER", "health", "ISO_TC.334", "3D"})
    CHECK(is_valid_id(good));
  for (const char* bad : {"", "_food", "-x", "CCQM 30", "a/b", "café", ".hidden"})
    CHECK_FALSE(is_valid_id(bad));
}

TEST_CASE("month lengths follow the gregorian calendar", "[model][values]") {
  CHECK(days_in_month(2026, 1) == 31);
  CHECK(days_in_month(2026, 4) == 30);
  CHECK(days_in_month(2026, 2) == 28);
  CHECK(days_in_month(2028, 2) == 29);
  CHECK(days_in_month(2026, 13) == 0);
}
