#!/bin/sh
# Opens the sample .docx in LibreOffice (headless PDF export) and reads the text back with
# pdftotext: the text, the filled contents, the running header and "Page X of Y" footer on
# every page but the cover.
# Usage: libreoffice.sh <docx_sample executable>
set -eu
driver=$1
work=$(mktemp -d /tmp/plenary-docx-lo.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$driver" "$work"
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf \
  --outdir "$work" "$work/sample.docx" >"$work/soffice.log" 2>&1
test -s "$work/sample.pdf" || { echo "FAIL: LibreOffice wrote no PDF"; cat "$work/soffice.log"; exit 1; }

pages=$(pdfinfo "$work/sample.pdf" | awk '/^Pages:/ {print $2}')
failed=0
fail() { echo "FAIL: $*"; failed=1; }

pdftotext -layout "$work/sample.pdf" "$work/all.txt"
for text in "Agenda & <items>" "« guillemets » — em-dash, µ" "Ελληνικά" "Менделеев" \
  "Główny Urząd Miar" "Traceability « in » practice" "Page 2 of $pages" "Contents"; do
  grep -qF -- "$text" "$work/all.txt" || fail "text '$text' missing"
done
grep -q "Task groups\.\.\.*  *6" "$work/all.txt" || fail "contents entry with dot leader and page"

pdftotext -f 1 -l 1 -layout "$work/sample.pdf" "$work/cover.txt"
grep -qF "Consultative Committee for" "$work/cover.txt" || fail "cover title"
grep -qF "CCQM & <co>" "$work/cover.txt" && fail "running header on the cover"
grep -qF "Page 1 of" "$work/cover.txt" && fail "footer on the cover"

page=2
while [ "$page" -le "$pages" ]; do
  pdftotext -f "$page" -l "$page" -layout "$work/sample.pdf" "$work/page.txt"
  grep -qF "CCQM & <co>" "$work/page.txt" || fail "running header missing on page $page"
  grep -qF "Page $page of $pages" "$work/page.txt" || fail "footer missing on page $page"
  page=$((page + 1))
done

# The 40-row table runs past a page: its header row repeats on the next page.
header_pages=$(grep -c "^ *Name  *Acronym  *Kind  *Since" "$work/all.txt" || true)
[ "$header_pages" -ge 2 ] || fail "table header row not repeated ($header_pages)"

[ "$failed" -eq 0 ] && echo "all checks passed ($pages pages)"
exit "$failed"
