#!/usr/bin/env bash
# The calendars read by a third parser, ical.js (check_ics.cjs), every event's start and end
# checked in UTC against the agenda (local times through the platform's own time-zone data):
# the sample, and a plenary moved over the last Sunday of October in Europe/Paris (25 October
# 2026, summer time ends: day 1 at UTC+2, day 2 at UTC+1); the UIDs unchanged after an
# unrelated edit (the venue); the DESCRIPTION's fixed texts in French with --lang fr.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$here/web-tools/node_modules/ical.js/dist/ical.es5.cjs" ] ||
  fail "ical.js is not installed (scripts/install-deps.sh installs it)"
export SOURCE_DATE_EPOCH=1700000000
json() { /usr/bin/python3 -c 'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=str))' "$1"; }

# 1. The sample's calendars (all includes ics).
root=$(make_root ics)
run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --quiet
for p in 28 31 32; do
  json "$root/agendas/CCQM-$p.yaml" >"$WORK/agenda-$p.json"
  node "$here/check_ics.cjs" "$WORK/a/CCQM-$p/CCQM-$p.ics" "$WORK/agenda-$p.json" Europe/Paris \
    >"$WORK/events-$p" || fail "ical.js reads CCQM-$p.ics otherwise than the agenda says"
done
grep -q 'Kind: Decision' "$WORK/events-31" || fail "no English kind in the descriptions"

# 2. Across the end of summer time: CCQM-31 on Saturday 24 and Sunday 25 October 2026.
dst=$(make_root dst)
sed -i '/id: CCQM-31/,/end:/{s/start: .*/start: 2026-10-24/;s/end: .*/end: 2026-10-25/}' "$dst/data/committee.yaml"
sed -i 's/date: 2026-04-16/date: 2026-10-24/; s/date: 2026-04-17/date: 2026-10-25/' "$dst/agendas/CCQM-31.yaml"
run 0 "$PLENARY" build --root "$dst" --out "$WORK/dst-out" --format ics --only CCQM-31 --quiet
json "$dst/agendas/CCQM-31.yaml" >"$WORK/dst.json"
node "$here/check_ics.cjs" "$WORK/dst-out/CCQM-31/CCQM-31.ics" "$WORK/dst.json" Europe/Paris \
  >"$WORK/dst-events" || fail "ical.js: times across the end of summer time are wrong"
offsets=$(awk -F'\t' '{print substr($2, 1, 10), $4}' "$WORK/dst-events" | LC_ALL=C sort -u)
[ "$offsets" = $'2026-10-24 120\n2026-10-25 60' ] || fail "not UTC+2 then UTC+1: $offsets"

# 3. An unrelated edit (the venue) keeps every UID.
cut -f1 "$WORK/dst-events" >"$WORK/uids-before"
sed -i '/id: CCQM-31/,/venue:/s/venue: .*/venue: Pavillon de Breteuil, Sèvres/' "$dst/data/committee.yaml"
run 0 "$PLENARY" build --root "$dst" --out "$WORK/dst-out" --format ics --only CCQM-31
[ "$(built_paths)" = "CCQM-31/CCQM-31.ics" ] || fail "the venue edit did not rebuild the calendar"
node "$here/check_ics.cjs" "$WORK/dst-out/CCQM-31/CCQM-31.ics" "$WORK/dst.json" Europe/Paris |
  cut -f1 | cmp -s - "$WORK/uids-before" || fail "the UIDs changed after an unrelated edit"

# 4. French: the DESCRIPTION's labels and kinds are the French fixed texts.
run 0 "$PLENARY" build --root "$root" --out "$WORK/fr" --format ics --lang fr --quiet
node "$here/check_ics.cjs" "$WORK/fr/CCQM-31/CCQM-31.ics" "$WORK/agenda-31.json" Europe/Paris \
  >"$WORK/fr-events" || fail "ical.js reads the French CCQM-31.ics wrong"
nbsp=$'\xc2\xa0'
grep -q $'\t'"Présentateur$nbsp: " "$WORK/fr-events" || fail "no French presenter label"
grep -q "Nature$nbsp: Décision" "$WORK/fr-events" || fail "no French kind"
! grep -q 'Presenter\|Kind:' "$WORK/fr-events" || fail "English labels in the French calendar"
cmp -s <(cut -f1 "$WORK/fr-events") <(cut -f1 "$WORK/events-31") || fail "the UIDs depend on --lang"
echo "ok"
