#!/usr/bin/env bash
# Tagged PDF (PDF/UA-1's machine-checkable rules) and PDF/A-2a, on the sample committee's
# PDFs in English and French, read by clients nobody here wrote:
#  - tagged_check.py (pikepdf, i.e. qpdf): the structural rules (every painting operator in
#    tagged content or an artifact, parent tree, annotations in the tree, /Lang,
#    DisplayDocTitle, XMP pdfuaid, fonts embedded, TH /Scope, Figure /Alt); for the final
#    reports (always archival) and a --pdf-a build also PDF/A-2a's (output intent, pdfaid, /ID,
#    no transparency, no JavaScript, Info equal to XMP);
#  - poppler's `pdfinfo -struct-text`: every heading of the Markdown twin, in order, with its
#    text, under an H1-H3 element; tables as Table/TR/TH/TD, lists as L/LI/Lbl/LBody, the
#    logo as a Figure;
#  - pdf.js's page.getStructTree(): the same headings with their text, table header and data
#    cells, nothing logged;
#  - `qpdf --check` and mupdf (`mutool info`, `mutool draw`) silent;
#  - a --pdf-a build twice: the same bytes (the /ID comes from the content, not the clock).
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1
here="$PLENARY_SOURCE_DIR/tests/render/pdf"
PY=/usr/bin/python3
"$PY" -c 'import pikepdf' 2>/dev/null || fail "python3-pikepdf is not installed (scripts/install-deps.sh)"
pdfjs=1
[ -f "$here/pdfjs/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ] && command -v node >/dev/null ||
  { pdfjs=0; echo "note: pdf.js not installed under tests/render/pdf/pdfjs; its part is skipped"; }

root=$(make_root tagged)
checked=0
for lang in en fr; do
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$lang" --lang "$lang" --format pdf,md
  # The meeting book (a product assembling other producers' papers, docs/book.md) is not tagged.
  mapfile -t pdfs < <(tree_documents "$WORK/$lang" | grep '\.pdf$' | grep -v -- '-book\.pdf$')
  [ "${#pdfs[@]}" -ge 10 ] || fail "only ${#pdfs[@]} PDFs built in $lang"
  plain=() archival=()
  for pdf in "${pdfs[@]}"; do
    case "$pdf" in *final-report.pdf) archival+=("$WORK/$lang/$pdf") ;; *) plain+=("$WORK/$lang/$pdf") ;; esac
  done
  [ "${#archival[@]}" -ge 1 ] || fail "no final report in $lang"
  # 1. The structural rules.
  "$PY" "$here/tagged_check.py" "${plain[@]}" >"$WORK/check.txt" || { cat "$WORK/check.txt" >&2; fail "tagged_check: $lang"; }
  "$PY" "$here/tagged_check.py" --pdf-a "${archival[@]}" >"$WORK/check.txt" || { cat "$WORK/check.txt" >&2; fail "tagged_check --pdf-a: $lang final reports"; }
  # pdf.js reads them all in one process: one JSON line per file, in order.
  if [ "$pdfjs" = 1 ]; then
    node "$here/pdfjs_struct.mjs" "${plain[@]}" "${archival[@]}" >"$WORK/pdfjs.all" 2>"$WORK/pdfjs.err" || { cat "$WORK/pdfjs.err" >&2; fail "pdf.js failed in $lang"; }
  fi
  n=0
  for file in "${plain[@]}" "${archival[@]}"; do
    pdf=${file#"$WORK/$lang/"}
    n=$((n + 1))
    # 2. qpdf and mupdf: silent.
    qpdf --check "$file" >"$WORK/qpdf.txt" 2>&1 || { cat "$WORK/qpdf.txt" >&2; fail "qpdf --check: $lang/$pdf"; }
    if command -v mutool >/dev/null; then
      for what in "info" "draw -q -F txt -o $WORK/mu.txt"; do
        # shellcheck disable=SC2086
        mutool $what "$file" >/dev/null 2>"$WORK/mu.err" || fail "mutool $what failed on $lang/$pdf"
        grep -v 'ICC support is not available' "$WORK/mu.err" >"$WORK/mu.real" || true
        [ -s "$WORK/mu.real" ] && { cat "$WORK/mu.real" >&2; fail "mupdf ($what) warns on $lang/$pdf"; }
      done
    fi
    # 3. poppler's view of the logical structure, and 4. pdf.js's.
    pdfinfo -struct-text "$file" >"$WORK/struct.txt" 2>"$WORK/struct.err" || fail "pdfinfo -struct-text failed on $lang/$pdf"
    [ -s "$WORK/struct.err" ] && { cat "$WORK/struct.err" >&2; fail "poppler warns on the structure of $lang/$pdf"; }
    if [ "$pdfjs" = 1 ]; then
      sed -n "${n}p" "$WORK/pdfjs.all" >"$WORK/pdfjs.json"
    else
      echo '{}' >"$WORK/pdfjs.json"
    fi
    "$PY" - "$WORK/struct.txt" "$WORK/pdfjs.json" "${file%.pdf}.md" "$lang/$pdf" "$pdfjs" <<'PY' || fail "structure of $lang/$pdf"
import json, re, sys, unicodedata
struct_lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
pdfjs = json.load(open(sys.argv[2]))
md = open(sys.argv[3], encoding="utf-8").read().splitlines()
name, use_pdfjs = sys.argv[4], sys.argv[5] == "1"
squash = lambda s: "".join(unicodedata.normalize("NFC", s).split())  # line breaks join words
def md_text(s):
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\s*\{#[^}]*\}$", "", s)
    return re.sub(r"[*_`\\]", "", s)
want = []
for line in md:
    m = re.match(r"^(#{1,3}) (.+)$", line)
    if m:
        want.append((len(m.group(1)), squash(md_text(m.group(2)))))
if not want:
    sys.exit(f"{name}: the Markdown twin has no heading")
# poppler: an element line ("H2 (block)") is followed by its text lines ("  \"...\"").
elements, headings = [], []
for i, line in enumerate(struct_lines):
    m = re.match(r'^(\s*)([A-Za-z][A-Za-z0-9]*)\b', line)
    if not m:
        continue
    role, depth = m.group(2), len(m.group(1))
    elements.append(role)
    if re.fullmatch(r"H[1-3]", role):
        text = ""
        for follow in struct_lines[i + 1:]:
            t = re.match(r'^\s*"(.*)"$', follow)
            if not t or len(follow) - len(follow.lstrip()) <= depth:
                break
            text += t.group(1)
        headings.append((int(role[1]), squash(text)))
def in_order(found, source):
    k = 0
    for h in found:
        if k < len(want) and h == want[k]:
            k += 1
    if k < len(want):
        sys.exit(f"{name}: {source}: heading {want[k]} missing or out of order; "
                 f"found {found[:12]}")
in_order(headings, "pdfinfo -struct-text")
if elements[:1] != ["Document"]:
    sys.exit(f"{name}: the structure does not begin with Document: {elements[:3]}")
has_table = any(re.match(r"^\|.*\|$", l) for l in md)
has_list = any(re.match(r"^\s*([-*+]|\d+\.) ", l) for l in md)
if has_table and not {"Table", "TR", "TH", "TD"} <= set(elements):
    sys.exit(f"{name}: a table in the Markdown, but no Table/TR/TH/TD in the PDF")
if has_list and not {"L", "LI", "Lbl", "LBody"} <= set(elements):
    sys.exit(f"{name}: a list in the Markdown, but no L/LI/Lbl/LBody in the PDF")
if use_pdfjs:
    if pdfjs.get("warnings"):
        sys.exit(f"{name}: pdf.js logged {pdfjs['warnings'][:3]}")
    if pdfjs.get("emptyPages"):
        sys.exit(f"{name}: pdf.js finds no structure on pages {pdfjs['emptyPages']}")
    found = [(int(h["role"][1]), squash(h["text"])) for h in pdfjs["headings"]]
    in_order(found, "pdf.js getStructTree")
    if has_table and (pdfjs["th"] == 0 or pdfjs["td"] == 0):
        sys.exit(f"{name}: pdf.js finds no TH/TD: {pdfjs['th']}/{pdfjs['td']}")
PY
    checked=$((checked + 1))
  done
  # The logo on the briefing packs' covers is a Figure (its /Alt is checked by tagged_check.py).
  pack=$(ls "$WORK/$lang"/CCQM-31/*briefing-pack.pdf)
  grep -q '^  Figure' <(pdfinfo -struct-text "$pack") || fail "no Figure in $pack"
done

# --pdf-a: any document archival; twice, the same bytes.
for n in 1 2; do
  run 0 env SOURCE_DATE_EPOCH=1700000000 "$PLENARY" build --root "$root" --out "$WORK/a$n" --only CCQM-31 --format pdf --pdf-a
done
mapfile -t pdfs < <(tree_documents "$WORK/a1" | grep '\.pdf$')
[ "${#pdfs[@]}" -ge 2 ] || fail "--pdf-a built ${#pdfs[@]} PDFs"
for pdf in "${pdfs[@]}"; do
  cmp -s "$WORK/a1/$pdf" "$WORK/a2/$pdf" || fail "--pdf-a: $pdf differs between two builds"
  "$PY" "$here/tagged_check.py" --pdf-a "$WORK/a1/$pdf" >"$WORK/check.txt" || { cat "$WORK/check.txt" >&2; fail "tagged_check --pdf-a: $pdf"; }
done
# Without --pdf-a an agenda is tagged but not archival.
grep -q 'pdfaid' <(/usr/bin/python3 -c 'import pikepdf,sys; print(pikepdf.open(sys.argv[1]).Root.Metadata.read_bytes().decode())' "$WORK/en/CCQM-31/CCQM-31-agenda.pdf") &&
  fail "an agenda built without --pdf-a claims PDF/A"
echo "ok: $checked PDFs tagged (pdf.js: $pdfjs), ${#pdfs[@]} built with --pdf-a"
