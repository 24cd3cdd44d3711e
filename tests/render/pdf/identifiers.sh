#!/usr/bin/env bash
# Issue #13: the identifiers of the data — task-group ids (CCQM-TG-BIOTECH) and working-document
# refs (CCQM/27-14) — read back intact from every sample PDF, English and French, by poppler's
# pdftotext and by pdf.js, and never split over two lines (identifiers_check.py says how).
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1  # without its helpers nothing is checked
here="$PLENARY_SOURCE_DIR/tests/render/pdf"
[ -f "$here/pdfjs/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ] && command -v node >/dev/null ||
  fail "pdf.js is not installed under tests/render/pdf/pdfjs: run scripts/install-deps.sh"

root=$(make_root identifiers)
for lang in en fr; do
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$lang" --lang "$lang" --format pdf,md
  mapfile -t pdfs < <(tree_documents "$WORK/$lang" | grep '\.pdf$' | sed "s|^|$WORK/$lang/|")
  [ "${#pdfs[@]}" -ge 10 ] || fail "only ${#pdfs[@]} PDFs in $lang"
  node "$here/pdfjs_text.mjs" "${pdfs[@]}" >"$WORK/pdfjs.$lang" 2>"$WORK/pdfjs.err" ||
    { cat "$WORK/pdfjs.err" >&2; fail "pdf.js failed in $lang"; }
  /usr/bin/python3 "$here/identifiers_check.py" "$root" "$WORK/pdfjs.$lang" "${pdfs[@]}" ||
    fail "identifiers in the $lang PDFs"
done
