// The iCalendar (RFC 5545) writer: a plain calendar description → the bytes of one .ics file,
// written with libical (the only file that includes it is ics_writer.cpp), which folds and
// escapes the text. The calendar of a plenary is built from the model by the `calendar`
// document kind (compose/kinds/calendar.cpp).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace plenary::ics {

// A local time of the calendar's time zone: a civil date and minutes since its midnight (may
// exceed a day: it is carried over).
struct LocalTime {
  int year = 0, month = 0, day = 0;
  int minutes = 0;
};

struct Event {
  std::string uid;  // stable from build to build
  std::string summary;
  std::string description;  // lines separated by '\n'
  std::string location;
  LocalTime start, end;
};

struct Calendar {
  std::string prodid;        // "-//BIPM//plenary 0.1.0//EN"
  std::string timezone;      // IANA name; empty = floating local times, no VTIMEZONE
  std::int64_t dtstamp = 0;  // seconds since 1970 UTC: from the data or SOURCE_DATE_EPOCH
  std::vector<Event> events;
};

struct UnknownTimeZone : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The VCALENDAR with its VTIMEZONE (when a time zone is named) and one VEVENT per event, in
// order. Throws UnknownTimeZone when the time zone database has no such zone.
std::string write_ics(const Calendar& calendar);

}  // namespace plenary::ics
