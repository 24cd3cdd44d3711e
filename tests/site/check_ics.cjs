// A plenary's calendar read by ical.js (Mozilla's iCalendar parser, neither libical nor
// python3-icalendar) against its agenda: one event per agenda day and per numbered item (breaks
// left out), every start and end in UTC equal to the agenda's local time in the time zone, the
// event's zone that time zone (its VTIMEZONE), the UIDs unique.
// Usage: node check_ics.cjs FILE.ics AGENDA.json TZID
// Prints, one event a line: UID, start and end in UTC (ISO), the UTC offset of the start in
// minutes, and the DESCRIPTION with its line breaks as " | ".
'use strict';
const fs = require('fs');
const path = require('path');
const ICAL = require(path.join(__dirname, 'web-tools', 'node_modules', 'ical.js', 'dist',
                               'ical.es5.cjs'));

const [icsPath, agendaPath, tzid] = process.argv.slice(2);
const fail = (msg) => { console.error('FAIL: ' + msg); process.exit(1); };

// The agenda's local times -> UTC through the platform's time-zone data (ICU), not the ICS.
function offsetAt(ms) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tzid, hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit' }).formatToParts(new Date(ms));
  const v = Object.fromEntries(parts.map((p) => [p.type, Number(p.value)]));
  return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - ms;
}
function utc(date, minutes) {
  const [y, m, d] = date.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d, 0, minutes);
  let t = local - offsetAt(local);
  t = local - offsetAt(t);
  return t;
}

const agenda = JSON.parse(fs.readFileSync(agendaPath, 'utf8'));
const total = (item) => item.duration !== undefined ? item.duration
  : (item.items || []).reduce((s, i) => s + total(i), 0);
const hm = (s) => { const [h, m] = String(s).split(':').map(Number); return h * 60 + m; };
const expected = [];
let top = 0;
function walk(items, day, start, prefix) {
  let number = prefix ? 0 : top;
  let t = start;
  for (const item of items) {
    const length = total(item);
    if (item.kind !== 'break') {
      number++;
      const n = prefix + number;
      expected.push({ prefix: n + '. ', day, start: t, end: t + length });
      walk(item.items || [], day, t, n + '.');
    }
    t += length;
  }
  if (!prefix) top = number;
  return t;
}
for (const d of agenda.days) {
  const at = expected.length;
  const end = walk(d.items, d.date, hm(d.start), '');
  expected.splice(at, 0, { prefix: null, day: d.date, start: hm(d.start), end });
}

const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(icsPath, 'utf8')));
const zones = cal.getAllSubcomponents('vtimezone');
if (zones.length !== 1 || zones[0].getFirstPropertyValue('tzid') !== tzid)
  fail(`VTIMEZONE is not ${tzid}`);
ICAL.TimezoneService.register(zones[0]);
const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
if (events.length !== expected.length) fail(`${events.length} events, expected ${expected.length}`);
const uids = new Set();
const lines = [];
events.forEach((ev, i) => {
  const want = expected[i];
  if (ev.startDate.zone.tzid !== tzid) fail(`${ev.uid}: start in zone ${ev.startDate.zone.tzid}`);
  const s = ev.startDate.toUnixTime() * 1000;
  const e = ev.endDate.toUnixTime() * 1000;
  const ws = utc(want.day, want.start);
  const we = utc(want.day, want.end);
  if (s !== ws || e !== we)
    fail(`${ev.summary}: ${new Date(s).toISOString()}..${new Date(e).toISOString()}, expected ` +
         `${new Date(ws).toISOString()}..${new Date(we).toISOString()}`);
  if (want.prefix && !ev.summary.startsWith(want.prefix)) fail(`SUMMARY ${ev.summary} for ${want.prefix}`);
  if (uids.has(ev.uid)) fail(`two events share the UID ${ev.uid}`);
  uids.add(ev.uid);
  lines.push([ev.uid, new Date(s).toISOString(), new Date(e).toISOString(), offsetAt(s) / 60000,
              (ev.description || '').replace(/\n/g, ' | ')].join('\t'));
});
console.log(lines.join('\n'));
