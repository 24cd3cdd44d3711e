#!/usr/bin/env bash
# An output damaged in place with its size and modification time unchanged (a disk error, a
# careless tool that restores times) is caught by the next build, which hashes every output
# it would keep: rebuilt, and only it. docs/cli.md promises this hash check.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root damaged)
out="$WORK/out"
run 0 "$PLENARY" build --root "$root" --out "$out"
all=$(tree_documents "$out")
for target in "$(echo "$all" | grep '\.pdf$' | head -n 1)" "$(echo "$all" | grep '\.docx$' | head -n 1)"; do
  size=$(stat -c %s "$out/$target")
  mtime=$(stat -c %Y "$out/$target")
  printf 'X' | dd of="$out/$target" bs=1 seek=300 conv=notrunc status=none
  touch -d "@$mtime" "$out/$target"  # the time as it was, older than the manifest
  [ "$(stat -c '%s %Y' "$out/$target")" = "$size $mtime" ] || fail "the damage changed size or time"
  run 0 "$PLENARY" build --root "$root" --out "$out"
  [ "$(built_paths)" = "$target" ] || fail "expected only $target rebuilt, got: $(built_paths | tr '\n' ' ')"
done
echo "ok"
