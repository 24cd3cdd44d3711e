#!/usr/bin/env bash
# The HTML pages (--format html): every document as one page, parsed strictly by html5lib
# (check_html.py: lang, headings with ids, tables with thead/th scope, images with alt and
# inside the page, no script, no external resource, internal links resolve); loaded by
# headless Chromium with every host unresolvable, which still renders the headings; bytes
# reproducible; a second build leaves them unchanged; `all` includes html.
source "$(dirname "$0")/../../output/lib.sh" || exit 1  # without its helpers a test would check nothing
export SOURCE_DATE_EPOCH=1700000000
root=$(make_root html)

run 0 "$PLENARY" list --root "$root" --format html
[ "$(grep -vc '\.html$' "$OUT")" -eq 1 ] && grep -qx style.css "$OUT" ||
  fail "list --format html lists other files than pages and the site's stylesheet"
grep -qx 'CCQM-31/CCQM-31-agenda.html' "$OUT" || fail "no agenda page"
grep -qx 'task-groups/CCQM-TG-STAKEHOLDER-final-report.html' "$OUT" || fail "no report page"
pages=$(wc -l <"$OUT")
run 0 "$PLENARY" list --root "$root"
grep -qx 'CCQM-31/CCQM-31-agenda.html' "$OUT" || fail "all does not include html"

run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --format html
[ "$(built_paths | wc -l)" -eq "$pages" ] || fail "not every listed page was built"
# The documents' pages (the site's own pages, index.html and task-groups/<T>.html, are
# tests/site/'s): their names end in the kind, lower case.
mapfile -t files < <(find "$WORK/a" -name '*-*[a-z].html' | LC_ALL=C sort)
/usr/bin/python3 "$(dirname "$0")/check_html.py" "${files[@]}" >/dev/null || fail "a page fails the checks"
# Each page links the site's one stylesheet, relative to where it sits.
grep -q '<link rel="stylesheet" href="../style.css">' "$WORK/a/CCQM-31/CCQM-31-agenda.html" ||
  fail "the agenda page does not link ../style.css"
! grep -q '<style>' "$WORK/a/CCQM-31/CCQM-31-agenda.html" || fail "an inline stylesheet besides"

run 0 "$PLENARY" build --root "$root" --out "$WORK/b" --format html
[ "$(tree_digest "$WORK/a" | grep html)" = "$(tree_digest "$WORK/b" | grep html)" ] ||
  fail "two builds gave different pages"
run 0 "$PLENARY" build --root "$root" --out "$WORK/a" --format html
grep -q "^built 0, unchanged $pages" "$OUT" || fail "a second build rewrote pages"

# Headless Chromium, every host name unresolvable: the page still has its headings.
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium is not installed (scripts/install-deps.sh)"
page="$WORK/a/CCQM-31/CCQM-31-agenda.html"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$WORK/chromium" --host-resolver-rules='MAP * ~NOTFOUND' \
  --dump-dom "file://$page" >"$WORK/dom.html" 2>/dev/null || fail "chromium could not load $page"
want=$(grep -o '<h[1-3] id=' "$page" | wc -l)
got=$(grep -o '<h[1-3] id=' "$WORK/dom.html" | wc -l)
[ "$want" -gt 0 ] && [ "$got" -eq "$want" ] || fail "chromium shows $got headings of $want"
grep -q '<html lang="en"' "$WORK/dom.html" || fail "the loaded page has no lang"
echo "ok"
