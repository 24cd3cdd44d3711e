#!/usr/bin/env bash
# The site (docs/web.md), read as a visitor's browser reads it. A default build (all =
# pdf,docx,html,ics) writes index.html, style.css, <P>/index.html and task-groups/<T>.html
# besides each document's page; then:
# - every page (index, plenary pages, task-group pages, each document's .html) in headless
#   Chromium (check_pages.cjs, puppeteer-core): no console error, no failed request, nothing
#   loaded from outside out/, a screenshot that is not blank, every link resolving to a file in
#   out/, no axe-core violation;
# - the Nu HTML Checker (vnu.jar on Java): no error on any page or on the stylesheet;
# - the index links every file `plenary list` names, in every format, and only those
#   (--format html: no PDF link); with the test-only txt row and its kinds (plenary_with_txt)
#   it links their .txt files too: the list comes from the kinds table and the plan;
# - CCQM-TG-STAKEHOLDER.html holds every sentence of the public page's terms of reference;
# - bytes reproducible, a second build writes nothing, --lang fr pages in French pass too;
#   markup in the data is shown as text.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/web-tools/node_modules"
[ -f "$tools/puppeteer-core/package.json" ] && [ -f "$tools/axe-core/axe.min.js" ] &&
  [ -f "$tools/vnu-jar/build/dist/vnu.jar" ] ||
  fail "the web test tools are not installed (scripts/install-deps.sh installs them)"
export SOURCE_DATE_EPOCH=1700000000
root=$(make_root site)
grep -rhoE "https?://[^] )>\"'<]+" "$root/data" "$root/agendas" | LC_ALL=C sort -u >"$WORK/data-links"

# 1. The default formats write the site.
run 0 "$PLENARY" list --root "$root"
for f in index.html style.css CCQM-31/index.html CCQM-31/CCQM-31.ics task-groups/CCQM-TG-STAKEHOLDER.html \
  task-groups/CCQM-TG-BIOTECH.html CCQM-31/CCQM-31-agenda.html CCQM-31/CCQM-31-agenda.pdf; do
  grep -qx "$f" "$OUT" || fail "plenary list (all) lacks $f"
done
cp "$OUT" "$WORK/listed"
run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --quiet
mapfile -t pages < <(cd "$WORK/a" && find . -name '*.html' | sed 's|^\./||' | LC_ALL=C sort)
[ "${#pages[@]}" -eq "$(grep -c '\.html$' "$WORK/listed")" ] || fail "not every listed page was written"

# 2. Every page in Chromium, with axe-core.
DATA_LINKS="$WORK/data-links" timeout 900 node "$here/check_pages.cjs" "$WORK/a" "${pages[@]}" \
  >"$WORK/chromium.txt" 2>&1 || { cat "$WORK/chromium.txt" >&2; fail "a page fails in Chromium"; }
[ "$(grep -c '^ok ' "$WORK/chromium.txt")" -eq "${#pages[@]}" ] || fail "not every page was checked"

# 3. The Nu HTML Checker: no error on any page, nor on the stylesheet.
(cd "$WORK/a" && timeout 600 java -jar "$tools/vnu-jar/build/dist/vnu.jar" --errors-only \
  --also-check-css "${pages[@]}" style.css) >"$WORK/vnu.txt" 2>&1 ||
  { cat "$WORK/vnu.txt" >&2; fail "the Nu HTML Checker reports errors"; }

# 4. The index links every file of the run (itself aside), and the stylesheet is linked.
index_links() { grep -o 'href="[^"#]*"' "$1" | sed 's/^href="//; s/"$//' | LC_ALL=C sort -u; }
index_links "$WORK/a/index.html" >"$WORK/linked"
grep -vx 'index.html' "$WORK/listed" | LC_ALL=C sort >"$WORK/want"
missing=$(LC_ALL=C comm -23 "$WORK/want" "$WORK/linked")
[ -z "$missing" ] || fail "the index does not link: $missing"
extra=$(LC_ALL=C comm -13 "$WORK/want" "$WORK/linked")
[ -z "$extra" ] || fail "the index links files the run does not write: $extra"

# 5. The task-group page holds the public page's terms of reference, sentence by sentence.
/usr/bin/python3 "$here/seed_sentences.py" "$here/seed/ccqm-tg-stakeholder-page.txt" \
  "$WORK/a/task-groups/CCQM-TG-STAKEHOLDER.html" >/dev/null || fail "a seed sentence is missing"

# 6. Reproducible, incremental.
run 0 "$PLENARY" build --root "$root" --out "$WORK/b" --quiet
diff -r -x .plenary.lock "$WORK/a" "$WORK/b" >/dev/null || fail "two builds differ"
run 0 "$PLENARY" build --root "$root" --out "$WORK/a"
grep -q '^built 0, unchanged' "$OUT" || fail "a second build rewrote files"

# 7. --format html alone: the index lists the pages only, and each link resolves.
run 0 "$PLENARY" build --root "$root" --out "$WORK/h" --format html --quiet
! grep -q 'href="[^"]*\.\(pdf\|docx\|ics\)"' "$WORK/h/index.html" || fail "--format html links PDFs"
grep -q 'href="CCQM-31/CCQM-31-agenda.html"' "$WORK/h/index.html" || fail "no agenda page link"
DATA_LINKS="$WORK/data-links" timeout 300 node "$here/check_pages.cjs" "$WORK/h" index.html \
  CCQM-31/index.html >"$WORK/h.txt" 2>&1 || { cat "$WORK/h.txt" >&2; fail "--format html pages fail"; }

# 8. The list is the plan's: the test-only txt row and its kinds appear without a site edit.
with_txt="${PLENARY_BUILD_DIR:-}/plenary_with_txt"
if [ -x "$with_txt" ]; then
  run 0 "$with_txt" build --root "$root" --out "$WORK/t" --format html,txt --quiet
  for f in CCQM-31/CCQM-31-agenda.txt CCQM-31/CCQM-31-book.txt CCQM-plenaries.txt; do
    grep -q "href=\"$f\"" "$WORK/t/index.html" || fail "the index does not list $f"
  done
fi

# 9. French: the same pages in French pass Chromium and axe-core.
run 0 "$PLENARY" build --root "$root" --out "$WORK/fr" --format html --lang fr --quiet
grep -q '<html lang="fr">' "$WORK/fr/index.html" || fail "the French index is not lang=fr"
grep -q 'Réunions prévues' "$WORK/fr/index.html" || fail "the French index is not in French"
DATA_LINKS="$WORK/data-links" timeout 300 node "$here/check_pages.cjs" "$WORK/fr" index.html \
  task-groups/CCQM-TG-STAKEHOLDER.html >"$WORK/fr.txt" 2>&1 ||
  { cat "$WORK/fr.txt" >&2; fail "the French pages fail"; }
# 10. Markup in the data is text on the pages: a task group named with a script tag.
hostile=$(make_root hostile)
sed -i 's/^name: .*/name: "CCQM <script>alert(1)<\/script> \& \\"TG\\""/' \
  "$hostile/data/task-groups/CCQM-TG-STAKEHOLDER.yaml"
run 0 "$PLENARY" build --root "$hostile" --out "$WORK/x" --format html --quiet
for f in index.html task-groups/CCQM-TG-STAKEHOLDER.html; do
  ! grep -q '<script' "$WORK/x/$f" || fail "a script tag from the data on $f"
  grep -qF 'CCQM &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;TG&quot;' "$WORK/x/$f" ||
    fail "the name is not shown as text on $f"
done
echo "ok: ${#pages[@]} pages"
