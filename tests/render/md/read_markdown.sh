#!/bin/sh
# Reads the sample Markdown back with pandoc's GFM reader: the text a reader sees is the
# document's text (special characters unescaped), links point at the heading anchors, and
# writing twice gives the same bytes.
# Usage: read_markdown.sh <md_sample executable>
set -eu
driver=$1
work=$(mktemp -d /tmp/plenary-md.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/a" "$work/b"
"$driver" "$work/a"
"$driver" "$work/b"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

cmp -s "$work/a/sample.md" "$work/b/sample.md" || fail "sample.md differs between two runs"
pandoc -f gfm -t plain --wrap=none "$work/a/sample.md" >"$work/plain.txt"
for text in "Agenda & <items>" "Specials: & < > \" ' and « guillemets » — em-dash, µ;" \
  "Greek Ελληνικά, Cyrillic Менделеев, Polish Główny Urząd Miar." \
  "Bold, italic, code <x> & y, BIPM link, see Task groups." \
  "Laboratoire « national » — µ & <co> 3" "Traceability « in » practice" \
  "5.  Fifth" "Back to the agenda or a missing anchor."; do
  grep -qF -- "$text" "$work/plain.txt" || fail "pandoc does not show '$text'"
done
grep -q '\\' "$work/plain.txt" && fail "a backslash escape leaked into the text"

pandoc -f gfm -t html "$work/a/sample.md" >"$work/sample.html"
for anchor in agenda agenda-items stakeholders task-groups; do
  grep -qF "id=\"$anchor\"" "$work/sample.html" || fail "anchor $anchor missing"
  grep -qF "href=\"#$anchor\"" "$work/sample.html" || fail "no link to #$anchor"
done
grep -c "<tr" "$work/sample.html" | grep -x 43 >/dev/null || fail "expected 43 table rows"

[ "$failed" -eq 0 ] && echo "all checks passed"
exit "$failed"
