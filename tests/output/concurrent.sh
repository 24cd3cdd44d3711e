#!/usr/bin/env bash
# Two builds on one output folder never write at once: the second waits for the lock
# (out/.plenary.lock), or gives up after PLENARY_LOCK_TIMEOUT seconds with exit 3.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root concurrent)
out="$root/out"
run 0 "$PLENARY" build --root "$root"
reference=$(tree_digest "$out")

# Hold the lock from outside (flock(1) uses the same flock(2) lock), as a build would.
echo $$ >"$out/.plenary.lock"
flock "$out/.plenary.lock" sleep 5 &
holder=$!
sleep 0.3

# Refuses at once with timeout 0: exit 3, a clear message naming the pid in the lock file.
start=$(date +%s.%N)
run 3 env PLENARY_LOCK_TIMEOUT=0 "$PLENARY" build --root "$root" --force
grep -q "another plenary build is writing to .*(pid $$)" "$ERR" || fail "no clear lock message"
[ "$(tree_digest "$out")" = "$reference" ] || fail "a refused build changed out/"

# Waits with a timeout: says so, then builds once the lock is free.
run 0 env PLENARY_LOCK_TIMEOUT=20 "$PLENARY" build --root "$root" --force
end=$(date +%s.%N)
grep -q "waiting for another plenary build" "$ERR" || fail "no waiting message"
python3 -c "import sys; sys.exit(0 if float(sys.argv[2]) - float(sys.argv[1]) >= 2.5 else 1)" \
  "$start" "$end" || fail "the second build did not wait for the lock"
wait "$holder"

# Two real builds at once: both succeed, one after the other, and the outputs are whole.
"$PLENARY" build --root "$root" --force >"$WORK/one.out" 2>"$WORK/one.err" &
one=$!
"$PLENARY" build --root "$root" --force --lang fr >"$WORK/two.out" 2>"$WORK/two.err" &
two=$!
wait "$one" || fail "first concurrent build failed: $(cat "$WORK/one.err")"
wait "$two" || fail "second concurrent build failed: $(cat "$WORK/two.err")"
check_documents_whole "$out"
no_temp_files "$out"
# Whichever finished last, a following build agrees with the manifest it left.
run 0 "$PLENARY" build --root "$root" --lang fr
run 0 "$PLENARY" build --root "$root" --lang fr
[[ "$(summary_line)" == "built 0, "* ]] || fail "manifest out of step after concurrent builds"
echo "ok"
