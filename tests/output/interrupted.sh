#!/usr/bin/env bash
# kill -9 at any moment leaves only whole documents (old or new), never a half file; the next
# build removes the temporary files and repairs everything.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root interrupted)
run 0 "$PLENARY" build --root "$root" --out "$WORK/reference" --force
reference=$(tree_digest "$WORK/reference" | grep -v manifest.json)

out="$WORK/out"
midway=0  # kills that landed after some documents were replaced but before the manifest
for delay in 0.02 0.05 0.08 0.1 0.12 0.15 0.2 0.3 0.4 0.8; do
  # An older build in place first (other language), then a forced build killed midway.
  "$PLENARY" build --root "$root" --out "$out" --lang fr --quiet >/dev/null 2>&1 || true
  "$PLENARY" build --root "$root" --out "$out" --force --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_documents_whole "$out"
  if [ -n "$(find "$out" -name '*.pdf' -newer "$out/manifest.json")" ]; then
    midway=$((midway + 1))
  fi
  if [ -f "$out/manifest.json" ]; then
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out/manifest.json" ||
      fail "manifest.json is not whole after kill -9 at ${delay}s"
  fi
  # The next build repairs: exit 0, no temporary file, the same bytes as a clean build.
  run 0 "$PLENARY" build --root "$root" --out "$out"
  no_temp_files "$out"
  [ "$(tree_digest "$out" | grep -v manifest.json)" = "$reference" ] ||
    fail "the build after kill -9 at ${delay}s did not repair the outputs"
  check_documents_whole "$out"
done

[ "$midway" -gt 0 ] || fail "no kill landed in the middle of a build: the test proved nothing"

# A stale temporary file from a killed run (another pid) is removed by the next build.
docdir=$(dirname "$(tree_documents "$out" | head -n 1)")
printf 'half a file' >"$out/$docdir/.stale.pdf.tmp-999999"
printf 'body {' >"$out/.style.css.tmp-999999"  # the site's stylesheet, at the top
run 0 "$PLENARY" build --root "$root" --out "$out"
no_temp_files "$out"
echo "ok ($midway of 10 kills landed between a replaced document and the manifest)"
