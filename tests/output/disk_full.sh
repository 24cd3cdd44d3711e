#!/usr/bin/env bash
# A full disk: exit 3, "failed" lines naming the cause, every file present is whole, no
# temporary file is left, and once there is room the next build completes the rest.
# Needs a small tmpfs (mount, as root); skipped (77) where mounting is not allowed.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root disk-full)
run 0 "$PLENARY" list --root "$root"
total=$(wc -l <"$OUT")

out="$WORK/small"
mkdir "$out"
if ! mount -t tmpfs -o size=600k tmpfs "$out" 2>/dev/null; then
  echo "cannot mount a tmpfs here: skipped"
  exit 77
fi
trap 'umount "$out" 2>/dev/null; rm -rf "$WORK"' EXIT

run 3 "$PLENARY" build --root "$root" --out "$out" --jobs 2
grep -q '^failed .*: No space left on device' "$ERR" || fail "no 'failed ...: No space left on device' line"
summary=$(tail -n 1 "$OUT")
[[ "$summary" =~ ^built\ ([0-9]+),\ unchanged\ 0,\ failed\ ([1-9][0-9]*)\ in ]] || fail "bad summary: $summary"
built=${BASH_REMATCH[1]}
[ $((built + BASH_REMATCH[2])) -eq "$total" ] || fail "built + failed != $total"
no_temp_files "$out"
check_documents_whole "$out"
written=$(tree_documents "$out" | wc -l)
[ "$written" -eq "$built" ] || fail "$written documents on disk, $built reported built"

# Room again: the next build writes what is missing (all of it if the manifest did not fit).
mount -o remount,size=64m "$out"
run 0 "$PLENARY" build --root "$root" --out "$out"
[ "$(tree_documents "$out" | wc -l)" -eq "$total" ] || fail "the build after the disk-full one is incomplete"
check_documents_whole "$out"
no_temp_files "$out"
run 0 "$PLENARY" build --root "$root" --out "$out"
[[ "$(summary_line)" == "built 0, unchanged $total, failed 0 in "* ]] || fail "not up to date afterwards"
echo "ok"
