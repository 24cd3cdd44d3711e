#include "render/ics/ics_writer.hpp"

#include <libical/ical.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace plenary::ics {

namespace {

// libical's time zone cache and TZID prefix are process-wide.
std::mutex& libical_mutex() {
  static std::mutex m;
  return m;
}

icaltimetype local(const LocalTime& t) {
  icaltimetype v = icaltime_null_time();
  v.year = t.year;
  v.month = t.month;
  v.day = t.day;
  v.is_date = 0;
  v.hour = 0;
  v.minute = 0;
  v.second = 0;
  icaltime_adjust(&v, 0, 0, t.minutes, 0);
  return v;
}

icalproperty* with_tzid(icalproperty* p, const std::string& tzid) {
  if (!tzid.empty()) icalproperty_add_parameter(p, icalparameter_new_tzid(tzid.c_str()));
  return p;
}

}  // namespace

std::string write_ics(const Calendar& cal) {
  std::lock_guard<std::mutex> guard(libical_mutex());
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> root(icalcomponent_new_vcalendar(),
                                                                icalcomponent_free);
  icalcomponent* c = root.get();
  icalcomponent_add_property(c, icalproperty_new_prodid(cal.prodid.c_str()));
  icalcomponent_add_property(c, icalproperty_new_version("2.0"));
  icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(c, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  std::string tzid;
  if (!cal.timezone.empty()) {
    icaltimezone* zone = icaltimezone_get_builtin_timezone(cal.timezone.c_str());
    icalcomponent* vtimezone = zone ? icaltimezone_get_component(zone) : nullptr;
    if (!vtimezone) throw UnknownTimeZone("unknown time zone '" + cal.timezone + "'");
    // libical names its zones "/freeassociation.sourceforge.net/<IANA name>"; clients
    // expect the IANA name itself.
    icalcomponent* clone = icalcomponent_new_clone(vtimezone);
    tzid = cal.timezone;
    if (icalproperty* p = icalcomponent_get_first_property(clone, ICAL_TZID_PROPERTY))
      icalproperty_set_tzid(p, tzid.c_str());
    icalcomponent_add_component(c, clone);
  }
  const icaltimetype stamp = icaltime_from_timet_with_zone(static_cast<time_t>(cal.dtstamp), 0,
                                                           icaltimezone_get_utc_timezone());
  for (const Event& e : cal.events) {
    icalcomponent* ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtstart(local(e.start)), tzid));
    icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtend(local(e.end)), tzid));
    icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.c_str()));
    if (!e.location.empty())
      icalcomponent_add_property(ev, icalproperty_new_location(e.location.c_str()));
    if (!e.description.empty())
      icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
    icalcomponent_add_component(c, ev);
  }
  char* text = icalcomponent_as_ical_string_r(c);
  std::string bytes = text ? text : "";
  std::free(text);
  return bytes;
}

}  // namespace plenary::ics
