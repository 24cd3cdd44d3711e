#!/usr/bin/python3
# Reads a plenary's calendar with python3-icalendar (an independent parser, not libical) and
# checks it against the agenda YAML it was made from: one event per agenda day and per
# numbered item (breaks left out), every start and end in UTC, the time zone, the DTSTAMP, the
# UIDs unique; and the raw text as RFC 5545 writes it (CRLF, lines of at most 75 octets).
# Usage: check_ics.py FILE.ics AGENDA.yaml TZID|- DTSTAMP  (prints the UIDs, one a line)
import datetime
import sys
import zoneinfo

import icalendar
import yaml

ics_path, agenda_path, tzid, dtstamp = sys.argv[1:5]
raw = open(ics_path, "rb").read()
for line in raw.split(b"\r\n"):
    assert b"\n" not in line, "a line ends without CR"
    assert len(line) <= 75, f"a line of {len(line)} octets: {line[:40]!r}"
cal = icalendar.Calendar.from_ical(raw)
assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID"), "VERSION or PRODID missing"
zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
assert zones == ([] if tzid == "-" else [tzid]), f"VTIMEZONE {zones}"

agenda = yaml.safe_load(open(agenda_path, encoding="utf-8"))
expected = []  # (summary prefix, local start, local end)


def minutes(hhmm):
    h, m = str(hhmm).split(":")
    return int(h) * 60 + int(m)


def total(item):
    if "duration" in item:
        return item["duration"]
    return sum(total(i) for i in item.get("items", []))


top = [0]  # the top-level numbers run on from day to day


def walk(items, day, start, prefix):
    number = 0 if prefix else top[0]
    t = start
    for item in items:
        length = total(item)
        if item.get("kind") != "break":
            number += 1
            n = f"{prefix}{number}"
            expected.append((n + ". ", day, t, t + length))
            walk(item.get("items", []), day, t, n + ".")
        t += length
    if not prefix:
        top[0] = number
    return t


for d in agenda["days"]:
    day = datetime.date.fromisoformat(str(d["date"]))
    start = minutes(d["start"])
    at = len(expected)
    end = walk(d["items"], day, start, "")
    expected.insert(at, (None, day, start, end))

events = list(cal.walk("VEVENT"))
assert len(events) == len(expected), f"{len(events)} events, expected {len(expected)}"
zone = None if tzid == "-" else zoneinfo.ZoneInfo(tzid)


def utc(day, mins):
    t = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(minutes=mins)
    return t.replace(tzinfo=zone).astimezone(datetime.timezone.utc) if zone else t


uids = []
for ev, (prefix, day, start, end) in zip(events, expected):
    s, e = ev["DTSTART"].dt, ev["DTEND"].dt
    if zone:
        assert ev["DTSTART"].params.get("TZID") == tzid, "DTSTART without the TZID"
        s, e = s.astimezone(datetime.timezone.utc), e.astimezone(datetime.timezone.utc)
    else:
        assert s.tzinfo is None and "TZID" not in ev["DTSTART"].params, "not a floating time"
    assert (s, e) == (utc(day, start), utc(day, end)), f"{ev['SUMMARY']}: {s}..{e}"
    if prefix:
        assert str(ev["SUMMARY"]).startswith(prefix), f"SUMMARY {ev['SUMMARY']!r} for {prefix}"
    assert ev["DTSTAMP"].dt.strftime("%Y%m%dT%H%M%SZ") == dtstamp, "DTSTAMP"
    uids.append(str(ev["UID"]))
assert len(set(uids)) == len(uids), "two events share a UID"
print("\n".join(uids))
