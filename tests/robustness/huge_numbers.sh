#!/usr/bin/env bash
# Numbers and dates at the edges: durations of 2^63 and beyond, negative, fractional and
# exponent numbers, years 0 and 99999, days past midnight, a plenary number of 1e400, a start
# time of "25:00": each an error at its position, never an overflow (UBSan watches in
# make test-sanitize) or a wrapped time.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

# case NAME FILE OLD NEW [ALLOWED]: replaces OLD by NEW in FILE of a fresh root and builds.
n=0
case_() {
  local name=$1 file=$2 old=$3 new=$4 allowed=${5:-1}
  n=$((n + 1))
  local root
  root=$(make_root "num-$n")
  "$PY" - "$root/$file" "$old" "$new" <<'PY'
import sys
p, old, new = sys.argv[1:4]
s = open(p).read()
assert old in s, (p, old)
open(p, "w").write(s.replace(old, new, 1))
PY
  hostile "$allowed" "$root/out" build --root "$root" --format md
  if [ "$STATUS" -eq 1 ]; then
    expect_error "^$file:[0-9]+:[0-9]+: error: "
  fi
  echo "$name: exit $STATUS"
}

A=agendas/CCQM-31.yaml
C=data/committee.yaml
case_ duration-2^63 $A "duration: 15" "duration: 9223372036854775808"
case_ duration-2^63-1 $A "duration: 15" "duration: 9223372036854775807"
case_ duration-2^31 $A "duration: 15" "duration: 2147483648"
case_ duration-int-max $A "duration: 15" "duration: 2147483647"
case_ duration-sum-overflow $A "duration: 15
        presenter: President" "duration: 2147483000
        presenter: President"
case_ duration-negative $A "duration: 15" "duration: -15"
case_ duration-zero $A "duration: 15" "duration: 0"
case_ duration-fraction $A "duration: 15" "duration: 15.5"
case_ duration-exponent $A "duration: 15" "duration: 1e3"
case_ duration-nan $A "duration: 15" "duration: .nan"
case_ duration-inf $A "duration: 15" "duration: .inf"
case_ duration-hex $A "duration: 15" "duration: 0x7fffffffffffffff"
case_ duration-text $A "duration: 15" "duration: fifteen"
case_ duration-list $A "duration: 15" "duration: [15]"
case_ past-midnight $A 'start: "09:30"' 'start: "23:50"' "0|1"
case_ start-25h $A 'start: "09:30"' 'start: "25:00"'
case_ start-negative $A 'start: "09:30"' 'start: "-1:30"'
case_ start-seconds $A 'start: "09:30"' 'start: "09:30:00"'
case_ start-number $A 'start: "09:30"' 'start: 570'
case_ number-huge $C "number: 30" "number: 1e400"
case_ number-2^64 $C "number: 30" "number: 18446744073709551616"
case_ number-negative $C "number: 30" "number: -30"
case_ number-zero $C "number: 30" "number: 0"
case_ year-0 $C "start: 2026-04-16" "start: 0000-04-16" "0|1"
case_ year-99999 $C "start: 2026-04-16" "start: 99999-04-16" "0|1"
case_ feb-30 $C "start: 2026-04-16" "start: 2026-02-30"
case_ month-13 $C "start: 2026-04-16" "start: 2026-13-01"
case_ date-garbage $C "start: 2026-04-16" "start: 2026-04-14T25:99:99Z"
case_ end-before-start $C "end: 2026-04-17" "end: 1970-01-01"
case_ end-far-future $C "end: 2026-04-17" "end: 9999-12-31" "0|1"
case_ since-huge data/stakeholders.yaml "since: 2005" "since: 99999999999999999999" 
case_ established-month-0 data/task-groups/CCQM-TG-MNP.yaml "established: 2023-04" "established: 2023-00"
echo "numbers and dates: $n cases"
