#!/usr/bin/env bash
# Links planted in the output folder, and output folders that overlap the data: a build never
# writes, truncates or deletes through a link (lock file, outputs, out/ itself), an output that
# is a link is replaced by a regular file, the stale-temporary sweep leaves other programs' files
# alone, and --out equal to the data root, containing it, or inside data/, agendas/ or
# templates/ is a usage error (exit 2) before anything is touched.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

# 1. The lock file is a link to a file outside out/: refused (exit 3), the file untouched.
root=$(make_root lock-link)
mkdir -p "$root/out"
echo keep >"$SANDBOX/victim-lock"
ln -s "$SANDBOX/victim-lock" "$root/out/.plenary.lock"
hostile 3 "$root/out" build --root "$root" --format md
[ "$(cat "$SANDBOX/victim-lock")" = keep ] || fail "the lock file was written through a link"
expect_error 'lock file .* symbolic link'

# 2. out/ is itself a link to a folder holding other programs' temporary files: refused, and
#    nothing there is swept or written.
root=$(make_root out-link)
mkdir -p "$SANDBOX/elsewhere/sub"
for f in .pack.tmp-4321 .report.pdf.tmp-99 sub/.x.md.tmp-7; do echo theirs >"$SANDBOX/elsewhere/$f"; done
ln -s "$SANDBOX/elsewhere" "$root/out"
hostile 3 "$root/out" build --root "$root" --format md
[ "$(find "$SANDBOX/elsewhere" -type f | wc -l)" -eq 3 ] || fail "the sweep followed out/, a link"
[ ! -e "$SANDBOX/elsewhere/manifest.json" ] || fail "the build wrote through out/, a link"
expect_error 'output folder .* symbolic link'

# 3. An output replaced by a link to a file of the same bytes, size and age: an unchanged build
#    must not trust it; the link becomes a regular file and its target is untouched.
root=$(make_root output-link)
hostile 0 "$root/out" build --root "$root" --format md
doc="$root/out/CCQM-32/CCQM-32-agenda.md"
[ -f "$doc" ] || fail "no $doc"
cp -p "$doc" "$SANDBOX/victim-output"
rm "$doc"
ln -s "$SANDBOX/victim-output" "$doc"
touch -h -r "$SANDBOX/victim-output" "$doc"
before=$(stat -c '%s %Y' "$SANDBOX/victim-output")
hostile 0 "$root/out" build --root "$root" --format md
[ ! -L "$doc" ] && [ -f "$doc" ] || fail "an output that is a link was left in place"
[ "$(stat -c '%s %Y' "$SANDBOX/victim-output")" = "$before" ] || fail "the link's target was touched"

# 4. A subfolder of out/ that is a link: the build writes nothing through it.
root=$(make_root folder-link)
mkdir -p "$SANDBOX/elsewhere2" "$root/out"
ln -s "$SANDBOX/elsewhere2" "$root/out/CCQM-32"
hostile "3" "$root/out" build --root "$root" --format md
[ -z "$(ls -A "$SANDBOX/elsewhere2")" ] || fail "the build wrote through a folder link"
expect_error 'symbolic link'

# 5. --out overlapping the data: a usage error, nothing created, nothing swept.
root=$(make_root overlap)
mkdir -p "$root/.git/objects/pack"
echo pack >"$root/.git/objects/pack/.tmp-pack.tmp-4321"
echo half >"$root/.CCQM-32-agenda.pdf.tmp-4321"
mkdir -p "$root/templates"
for out in "$root" "$root/" "$root/data" "$root/data/out" "$root/agendas/x" "$root/templates/out" \
  "$SANDBOX" "$root/data/../agendas"; do
  STATUS=0
  (cd "$SANDBOX/cwd" && "$PLENARY" build --root "$root" --out "$out" --format md) >"$OUT" 2>"$ERR" || STATUS=$?
  [ "$STATUS" -eq 2 ] || fail "--out $out (the root $root) exited $STATUS, expected 2"
  grep -q 'output folder' "$ERR" || fail "--out $out: no message naming the output folder"
  [ -f "$root/.git/objects/pack/.tmp-pack.tmp-4321" ] && [ -f "$root/.CCQM-32-agenda.pdf.tmp-4321" ] ||
    fail "--out $out swept the data root"
  [ ! -e "$root/manifest.json" ] && [ ! -e "$root/data/out" ] && [ ! -e "$root/agendas/x" ] &&
    [ ! -e "$root/templates/out" ] || fail "--out $out created files in the data root"
done

echo "out links: lock, out/, an output and a folder link refused or replaced; overlapping --out refused"
