#!/usr/bin/env bash
# The book assembler on papers from five producers — LibreOffice (from .fodt, with bookmarks and
# an internal link), Ghostscript (US Letter), a hand-written PDF with a form field (twice, same
# field name), qpdf (rotated, then encrypted with an empty user password) — after a briefing
# pack from plenary's own writer; then read back by qpdf, poppler and mupdf: structure, outline,
# stamps, links, field names, sizes and rotations, same bytes twice; and each damaged paper.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1
source "$PLENARY_SOURCE_DIR/tests/book/papers.sh" || exit 1
: "${BOOK_ASSEMBLE:?BOOK_ASSEMBLE must name the book_assemble tool}"

# 1. The pack and the papers.
root=$(make_root book)
run 0 "$PLENARY" build --root "$root" --out "$WORK/out" --format pdf --only CCQM-31
pack="$WORK/out/CCQM-31/CCQM-31-briefing-pack.pdf"
[ -s "$pack" ] || fail "no briefing pack"
p="$WORK/papers"
mkdir -p "$p"
paper_lo "$p" lo "Alpha" || fail "LibreOffice made no PDF"
paper_gs "$p" gs "Beta" 3
paper_form "$p" form1 amount
paper_form "$p" form2 amount
paper_gs "$p" rot "Gamma" 2
qpdf --rotate=+90:2 "$p/rot.pdf" "$p/rot2.pdf"
qpdf --encrypt "" owner-secret 256 -- "$p/rot2.pdf" "$p/enc.pdf"
pack_pages=$(pdfinfo "$pack" | sed -n 's/^Pages: *//p')
total=$((pack_pages + 2 + 3 + 1 + 1 + 2))

args=(item="4:Reports" paper="CCQM/26-01:$p/lo.pdf" paper="CCQM/26-02:$p/gs.pdf"
      item="5:Forms" paper="CCQM/26-03:$p/form1.pdf" paper="CCQM/26-04:$p/form2.pdf"
      paper="CCQM/26-05:$p/enc.pdf"
      item="6:Again" paper="CCQM/26-01:$p/lo.pdf")
run 0 "$BOOK_ASSEMBLE" "$WORK/book.pdf" CCQM-31 "$pack" "${args[@]}"
[ -s "$ERR" ] && fail "the assembler printed on stderr"
run 0 "$BOOK_ASSEMBLE" "$WORK/book2.pdf" CCQM-31 "$pack" "${args[@]}"
cmp -s "$WORK/book.pdf" "$WORK/book2.pdf" || fail "two runs gave different bytes"
book="$WORK/book.pdf"

# 2. qpdf: clean structure, unencrypted.
qpdf --check "$book" >"$WORK/check.txt" 2>&1 || { cat "$WORK/check.txt" >&2; fail "qpdf --check"; }
grep -q "No syntax or stream encoding errors found" "$WORK/check.txt" || fail "qpdf --check found errors"
grep -qi "warning" "$WORK/check.txt" && fail "qpdf --check warns"
qpdf --show-encryption "$book" | grep "File is not encrypted" >/dev/null || fail "the book is encrypted"

# 3. poppler and mupdf read it without a word on stderr.
pdfinfo -f 1 -l "$total" "$book" >"$WORK/info.txt" 2>"$WORK/poppler.err" || fail "pdfinfo"
pdftotext -layout "$book" "$WORK/all.txt" 2>>"$WORK/poppler.err" || fail "pdftotext"
[ -s "$WORK/poppler.err" ] && { cat "$WORK/poppler.err" >&2; fail "poppler warns"; }
mutool draw -q -F txt -o "$WORK/mu.txt" "$book" 2>"$WORK/mupdf.err" || fail "mutool draw"
# (Debian's mupdf is built without ICC support and says so for Ghostscript's ICC colour space.)
grep -v -e '^$' -e 'ICC support is not available' "$WORK/mupdf.err" | grep . >/dev/null && { cat "$WORK/mupdf.err" >&2; fail "mupdf warns"; }
grep -q "^Pages: *$total$" "$WORK/info.txt" || fail "expected $total pages"

# 4. Sizes, rotations and stamps page by page (pdfinfo, pdftotext -f N -l N).
page_size() { awk -v n="$1" '$1 == "Page" && $2 == n && $3 == "size:" { printf "%.0fx%.0f", $4, $6 }' "$WORK/info.txt"; }
page_rot() { sed -n "s/^Page *$1 rot: *//p" "$WORK/info.txt"; }
stamp() { pdftotext -f "$1" -l "$1" "$book" - 2>/dev/null | tr -s ' \n' ' '; }
first=$((pack_pages + 1))
# item, paper, size, rotation, the page in the paper and the paper's page count
expect=("4 CCQM/26-01 595x842 0 1 2" "4 CCQM/26-01 595x842 0 2 2"
        "4 CCQM/26-02 612x792 0 1 3" "4 CCQM/26-02 612x792 0 2 3" "4 CCQM/26-02 612x792 0 3 3"
        "5 CCQM/26-03 595x842 0 1 1" "5 CCQM/26-04 595x842 0 1 1"
        "5 CCQM/26-05 612x792 0 1 2" "5 CCQM/26-05 612x792 90 2 2")
for ((i = 0; i < ${#expect[@]}; i++)); do
  read -r item ref size rot k m <<<"${expect[$i]}"
  n=$((first + i))
  got=$(page_size "$n")
  [ "$got" = "$size" ] || fail "page $n size $got, expected $size"
  [ "$(page_rot "$n")" = "$rot" ] || fail "page $n rotation $(page_rot "$n"), expected $rot"
  want="CCQM-31 | item $item | $ref, page $k of $m | Page $n of $total"
  stamp "$n" | grep -F "$want" >/dev/null || fail "page $n: no stamp '$want' in: $(stamp "$n")"
done
# The stamp's font is embedded with a ToUnicode map (pdffonts): the book has no font without
# one but those its papers brought (the hand-written forms' Helvetica, Ghostscript's Times).
bare() { pdffonts "$1" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes")' | wc -l; }
papers_bare=0
for q in lo gs form1 form2 enc; do papers_bare=$((papers_bare + $(bare "$p/$q.pdf"))); done
[ "$(bare "$book")" = "$papers_bare" ] ||
  fail "fonts without embedding or ToUnicode beyond the papers': $(pdffonts "$book")"
pdffonts "$book" | grep -E '^[A-Z]{6}\+DejaVuSans' | grep ' yes yes yes ' >/dev/null ||
  fail "no embedded stamp font with a ToUnicode map"
stamp "$first" | grep "Alpha introduction" >/dev/null || fail "the stamp hides or replaced the paper's text"
stamp 1 | grep "| page 1 of" >/dev/null && fail "the pack is stamped"

# 5. The outline, the fields and the links, from qpdf's JSON.
qpdf --json --json-key=outlines --json-key=acroform --json-key=pages --json-key=qpdf "$book" \
  >"$WORK/book.json"
/usr/bin/python3 - "$WORK/book.json" "$first" <<'PY' || fail "outline, fields or links"
import json, sys
j = json.load(open(sys.argv[1]))
first = int(sys.argv[2])
pages = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
objects = j["qpdf"][1]
outl = j["outlines"]
titles = [o["title"] for o in outl]
items = [o for o in outl if o["title"][:2] in ("4.", "5.", "6.")]
errors = []
if [o["title"] for o in items] != ["4. Reports", "5. Forms", "6. Again"]:
    errors.append(f"item bookmarks: {titles}")
if titles.index("4. Reports") == 0:
    errors.append("the pack's own outline does not come first")
kids = [[(k["title"], k["destpageposfrom1"]) for k in o["kids"]] for o in items]
want = [[("CCQM/26-01  Paper CCQM/26-01", first), ("CCQM/26-02  Paper CCQM/26-02", first + 2)],
        [("CCQM/26-03  Paper CCQM/26-03", first + 5), ("CCQM/26-04  Paper CCQM/26-04", first + 6),
         ("CCQM/26-05  Paper CCQM/26-05", first + 7)],
        [("CCQM/26-01  Paper CCQM/26-01", first)]]
if kids != want:
    errors.append(f"paper bookmarks {kids}, expected {want}")
own = [(k["title"], k["destpageposfrom1"]) for k in items[0]["kids"][0]["kids"]]
if own != [("Alpha introduction", first), ("Alpha findings", first + 1)]:
    errors.append(f"the paper's own bookmarks: {own}")
names = sorted(f["fullname"] for f in j["acroform"]["fields"])
if names != ["CCQM/26-03.amount", "CCQM/26-04.amount"]:
    errors.append(f"field names {names}")
if any(f["value"] not in ("filled", "u:filled") for f in j["acroform"]["fields"]):
    errors.append("field values lost")
# The LibreOffice paper's internal link: from its first page to its second, in the book.
page_obj = [o for o, n in pages.items() if n == first][0]
annots = objects["obj:" + page_obj]["value"].get("/Annots", [])
if isinstance(annots, str):
    annots = objects["obj:" + annots]["value"]
dests = []
for a in annots:
    v = objects["obj:" + a]["value"] if isinstance(a, str) else a
    if v.get("/Subtype") == "/Link":
        d = v.get("/Dest") or v.get("/A", {}).get("/D")
        if isinstance(d, str):
            d = objects["obj:" + d]["value"]
        dests.append(pages.get(d[0]) if d else None)
if dests != [first + 1]:
    errors.append(f"internal link lands on {dests}, expected [{first + 1}]")
if errors:
    sys.exit("\n".join(errors))
PY

# 5b. pdf.js (Firefox's engine; installed by scripts/install-deps.sh under tests/render/pdf/pdfjs
#     with the tagged-PDF test): the outline, the fields and the rotations as it reads them.
pdfjs="${PDFJS_DIR:-$PLENARY_SOURCE_DIR/tests/render/pdf/pdfjs}"
if [ -f "$pdfjs/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ] && command -v node >/dev/null; then
  node "$PLENARY_SOURCE_DIR/tests/book/pdfjs_read.mjs" "$pdfjs" "$book" >"$WORK/pdfjs.json" \
    2>"$WORK/pdfjs.err" || { cat "$WORK/pdfjs.err" >&2; fail "pdf.js cannot read the book"; }
  [ -s "$WORK/pdfjs.err" ] && { cat "$WORK/pdfjs.err" >&2; fail "pdf.js warns"; }
  /usr/bin/python3 - "$WORK/pdfjs.json" "$first" "$total" <<'PY' || fail "pdf.js reads another book"
import json, sys
j = json.load(open(sys.argv[1]))
first, total = int(sys.argv[2]), int(sys.argv[3])
items = [o for o in j["outline"] if o["title"][:2] in ("4.", "5.", "6.")]
got = [(o["title"], o["page"], [(k["title"].split()[0], k["page"]) for k in o["kids"]]) for o in items]
want = [("4. Reports", first, [("CCQM/26-01", first), ("CCQM/26-02", first + 2)]),
        ("5. Forms", first + 5, [("CCQM/26-03", first + 5), ("CCQM/26-04", first + 6), ("CCQM/26-05", first + 7)]),
        ("6. Again", first, [("CCQM/26-01", first)])]
errors = [f"pdf.js: {w}" for w in j["warnings"]]
if got != want:
    errors.append(f"outline {got}")
own = [(k["title"], k["page"]) for k in items[0]["kids"][0]["kids"]]
if own != [("Alpha introduction", first), ("Alpha findings", first + 1)]:
    errors.append(f"the paper's own outline {own}")
if not {"CCQM/26-03.amount", "CCQM/26-04.amount"} <= set(j["fields"]) or "amount" in j["fields"]:
    errors.append(f"fields {j['fields']}")
if len(j["pages"]) != total or j["pages"][total - 1]["rotate"] != 90 or j["pages"][first + 1]["width"] != 612:
    errors.append("pages: " + str(j["pages"][first - 1:]))
if errors:
    sys.exit("\n".join(errors))
PY
else
  echo "pdf.js is not installed under $pdfjs: its reading of the book is not checked"
fi

# 6. French stamps.
run 0 "$BOOK_ASSEMBLE" "$WORK/fr.pdf" CCQM-31 "$pack" --fr "${args[@]}"
pdftotext -f "$first" -l "$first" "$WORK/fr.pdf" - | tr -s ' \n' ' ' |
  grep -qF "CCQM-31 | point 4 | CCQM/26-01, page 1 sur 2 | Page $first sur $total" ||
  fail "no French stamp"

# 7. Damaged papers: an error naming the file, exit 1, no book.
head -c 600 "$p/gs.pdf" >"$p/truncated.pdf"
qpdf --encrypt "user-secret" owner-secret 256 -- "$p/gs.pdf" "$p/locked.pdf"
printf 'PK\003\004 not a PDF at all\n' >"$p/zip.pdf"
for bad in truncated locked zip; do
  rm -f "$WORK/bad.pdf"
  run 1 "$BOOK_ASSEMBLE" "$WORK/bad.pdf" CCQM-31 "$pack" item="4:R" paper="CCQM/26-01:$p/lo.pdf" \
    paper="CCQM/26-09:$p/$bad.pdf"
  grep -q "^$p/$bad.pdf: error: " "$ERR" || fail "$bad: no error naming the file"
  [ -e "$WORK/bad.pdf" ] && fail "$bad: a book was written"
  [ "$(grep -c . "$ERR")" = 1 ] || fail "$bad: qpdf printed more than the one diagnostic"
done
grep -q "password" <(run 1 "$BOOK_ASSEMBLE" "$WORK/bad.pdf" CCQM-31 "$pack" item="4:R" \
  paper="CCQM/26-09:$p/locked.pdf"; cat "$ERR") || fail "the locked paper's error does not say password"
# A damaged object inside an intact file (the font's "6 0 obj" is not where the xref says): qpdf
# reads around it; a warning naming the file, on the tool's stderr, never printed by qpdf.
sed 's/^6 0 obj$/9 0 obj/' "$p/form1.pdf" >"$p/badobj.pdf"
run 0 "$BOOK_ASSEMBLE" "$WORK/bad.pdf" CCQM-31 "$pack" item="4:R" paper="CCQM/26-09:$p/badobj.pdf"
grep -q "^$p/badobj.pdf: warning: expected 6 0 obj" "$ERR" || fail "no warning naming the damaged object's file"
[ "$(grep -vc "^$p/badobj.pdf: warning: " "$ERR")" = 0 ] || fail "qpdf printed on its own"
qpdf --check "$WORK/bad.pdf" >/dev/null 2>&1 || fail "the book around a damaged object does not check"
echo "book assembled from $((${#args[@]} - 3)) papers, $total pages: ok"
