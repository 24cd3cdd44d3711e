#!/usr/bin/env bash
# The nightly set-up the README shows works as written: the systemd pair passes
# systemd-analyze verify, and the cron line's command builds a data root mailing nothing (its
# summary goes to the log file), and reports a failure through its exit status.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing

units="$PLENARY_SOURCE_DIR/scripts/systemd"
cron="$PLENARY_SOURCE_DIR/scripts/cron/plenary-nightly.cron"
root=$(make_root nightly)

# The cron line: five time fields, a user, then the command.
line=$(grep -E '^[0-9*]' "$cron")
[ "$(echo "$line" | wc -l)" -eq 1 ] || fail "expected one cron line"
read -r minute hour dom month dow user command <<<"$line"
[ "$minute $hour $dom $month $dow" = "30 2 * * *" ] || fail "cron schedule is not nightly"
[ -n "$user" ] || fail "no user in the cron.d line"
grep -q 'build --quiet --root' <<<"$command" || fail "cron line does not run build --quiet --root"
command=${command//\/usr\/local\/bin\/plenary/$PLENARY}
command=${command//\/srv\/plenary\/committee/$root}
command=${command//\/var\/log\/plenary-nightly.log/$WORK/nightly.log}
logger() { echo "logger $*" >>"$WORK/syslog"; }
export -f logger
export WORK
run 0 bash -c "$command"
# Only problems may be printed (cron mails them); the summary goes to the log, a line a night.
grep -v ': warning: ' "$ERR" | grep . >/dev/null && fail "a good nightly run printed more than warnings"
[ ! -s "$OUT" ] || fail "a good nightly run printed on stdout (cron would mail it)"
[ "$(wc -l <"$WORK/nightly.log")" -eq 1 ] && grep -q '^built [0-9]*, unchanged 0, failed 0 in ' \
  "$WORK/nightly.log" || fail "the log did not get one summary line"
[ -n "$(tree_documents "$root/out")" ] || fail "the cron command built nothing"
# A broken input: the command reports through logger, and prints the diagnostics for the mail.
sed -i '0,/^  name:/s//  nmae:/' "$root/data/committee.yaml"
run 0 bash -c "$command"
grep -q 'error' "$ERR" || fail "the cron run's mail would not show the error"
grep -q 'plenary build failed with exit status 1' "$WORK/syslog" || fail "exit status not logged"

# The systemd pair.
if command -v systemd-analyze >/dev/null; then
  mkdir "$WORK/units"
  sed "s|/usr/local/bin/plenary|$PLENARY|" "$units/plenary-nightly.service" \
    >"$WORK/units/plenary-nightly.service"
  cp "$units/plenary-nightly.timer" "$WORK/units/"
  systemd-analyze verify "$WORK/units/plenary-nightly.service" "$WORK/units/plenary-nightly.timer" \
    >"$OUT" 2>"$ERR" || fail "systemd-analyze verify fails"
  [ ! -s "$ERR" ] || fail "systemd-analyze verify warns"
else
  echo "systemd-analyze not installed: unit files not verified"
fi
grep -q '^ExecStart=.*plenary build --quiet --root' "$units/plenary-nightly.service" ||
  fail "the service does not run build --quiet --root"
grep -q '^OnCalendar=' "$units/plenary-nightly.timer" || fail "the timer has no schedule"
echo "ok"
