#!/usr/bin/env bash
# The calendars (--format ics): one <P>/<P>.ics per plenary with an agenda, read back by
# python3-icalendar (check_ics.py, not libical) against the agenda: event count, every start
# and end in UTC (also across a daylight-saving change), TZID and VTIMEZONE, DTSTAMP from
# SOURCE_DATE_EPOCH; bytes reproducible, incremental, UIDs unchanged after an unrelated edit;
# floating times and one warning without a time zone.
source "$(dirname "$0")/../../output/lib.sh" || exit 1  # without its helpers a test would check nothing
check="$(dirname "$0")/check_ics.py"
export SOURCE_DATE_EPOCH=1700000000
stamp=20231114T221320Z

root=$(make_root ics)
run 0 "$PLENARY" list --root "$root" --format ics
[ "$(cat "$OUT")" = "$(printf 'CCQM-28/CCQM-28.ics\nCCQM-31/CCQM-31.ics\nCCQM-32/CCQM-32.ics')" ] ||
  fail "list --format ics is not the three calendars"
run 0 "$PLENARY" list --root "$root"
grep -qx 'CCQM-31/CCQM-31.ics' "$OUT" || fail "all does not include ics"

run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --format ics
[ "$(built_paths | wc -l)" -eq 3 ] || fail "not three calendars built"
! grep -q "timezone" "$ERR" || fail "a warning about the time zone although it is set"
for p in 28 31 32; do
  /usr/bin/python3 "$check" "$WORK/a/CCQM-$p/CCQM-$p.ics" "$root/agendas/CCQM-$p.yaml" \
    Europe/Paris "$stamp" >"$WORK/uids-$p" || fail "CCQM-$p.ics does not read back right"
done

# Reproducible and incremental.
run 0 "$PLENARY" build --root "$root" --out "$WORK/b" --format ics
[ "$(tree_digest "$WORK/a" | grep ics)" = "$(tree_digest "$WORK/b" | grep ics)" ] ||
  fail "two builds gave different calendars"
run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --format ics
grep -q '^built 0, unchanged 3' "$OUT" || fail "a second build rewrote calendars"

# An unrelated edit (the venue) rebuilds the calendar with the same UIDs.
sed -i '/id: CCQM-31/,/venue:/s/venue: .*/venue: Pavillon de Breteuil, Sèvres/' "$root/data/committee.yaml"
run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --format ics
[ "$(built_paths)" = "CCQM-31/CCQM-31.ics" ] || fail "the venue edit did not rebuild only CCQM-31"
grep -q '^LOCATION:Pavillon de Breteuil' "$WORK/a/CCQM-31/CCQM-31.ics" || fail "no new LOCATION"
/usr/bin/python3 "$check" "$WORK/a/CCQM-31/CCQM-31.ics" "$root/agendas/CCQM-31.yaml" \
  Europe/Paris "$stamp" >"$WORK/uids-31b" || fail "the edited CCQM-31.ics does not read back"
cmp -s "$WORK/uids-31" "$WORK/uids-31b" || fail "the UIDs changed after an unrelated edit"

# Across the change to summer time (Paris, 29 March 2026 02:00): day 1 at UTC+1, day 2 at UTC+2.
dst=$(make_root dst)
sed -i '/id: CCQM-31/,/end:/{s/start: .*/start: 2026-03-28/;s/end: .*/end: 2026-03-29/}' "$dst/data/committee.yaml"
sed -i 's/date: 2026-04-16/date: 2026-03-28/; s/date: 2026-04-17/date: 2026-03-29/' "$dst/agendas/CCQM-31.yaml"
run 0 "$PLENARY" build --root "$dst" --out "$WORK/dst-out" --format ics --only CCQM-31
/usr/bin/python3 "$check" "$WORK/dst-out/CCQM-31/CCQM-31.ics" "$dst/agendas/CCQM-31.yaml" \
  Europe/Paris "$stamp" >/dev/null || fail "times across the daylight-saving change are wrong"
grep -q 'DTSTART;TZID=Europe/Paris:20260329T' "$WORK/dst-out/CCQM-31/CCQM-31.ics" || fail "no day 2"

# Without a time zone: floating local times and one warning for the whole run.
sed -i '/^  timezone:/d' "$root/data/committee.yaml"
run 0 "$PLENARY" build --root "$root" --out "$WORK/c" --format ics
[ "$(grep -c 'floating local times' "$ERR")" -eq 1 ] || fail "not exactly one warning"
for p in 28 31 32; do
  /usr/bin/python3 "$check" "$WORK/c/CCQM-$p/CCQM-$p.ics" "$root/agendas/CCQM-$p.yaml" - "$stamp" \
    >/dev/null || fail "the floating CCQM-$p.ics does not read back right"
done
# The same UIDs whatever the time zone.
/usr/bin/python3 "$check" "$WORK/c/CCQM-31/CCQM-31.ics" "$root/agendas/CCQM-31.yaml" - "$stamp" |
  cmp -s - "$WORK/uids-31" || fail "the UIDs depend on the time zone"
echo "ok"
