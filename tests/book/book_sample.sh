#!/usr/bin/env bash
# The sample committee's meeting book (CCQM-32), in English and in French, read as a reader's
# software reads it (docs/book.md "What a reader's software finds"): every font embedded with a
# ToUnicode map (pdffonts); "Page N of <book pages>" on every page, the cover included, and each
# paper page's stamp (pdftotext); every word inside the side margins and none running into
# another (pdftotext -bbox); a tagged file whose every link annotation has its /StructParent,
# an element of the structure tree holding it, and no PDF/UA claim (qpdf --json, pdfinfo);
# silence from qpdf --check, poppler, mupdf, Ghostscript and pdf.js.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1
export SOURCE_DATE_EPOCH=1700000000
root=$(make_root sample)
pdfjs="${PDFJS_DIR:-$PLENARY_SOURCE_DIR/tests/render/pdf/pdfjs}"

check_book() {  # check_book BOOK.pdf WORD ("of", "sur")
  local f=$1 of=$2 pages
  qpdf --check "$f" >"$WORK/check.txt" 2>&1 || { cat "$WORK/check.txt" >&2; fail "qpdf --check $f"; }
  grep -v -e "No syntax or stream encoding errors" -e "errors that qpdf cannot detect" "$WORK/check.txt" |
    grep -qiE "warning|error" &&
    fail "qpdf --check warns on $f"
  pages=$(pdfinfo "$f" 2>"$WORK/poppler.err" | sed -n 's/^Pages: *//p')
  pdfinfo "$f" | grep "^Tagged: *yes" >/dev/null || fail "$f is not tagged"
  pdfinfo -meta "$f" | grep "pdfuaid:part" >/dev/null && fail "$f claims PDF/UA, its papers are not tagged"

  # Fonts: embedded, each with a ToUnicode map (the stamp's included).
  pdffonts "$f" >"$WORK/fonts.txt" 2>>"$WORK/poppler.err"
  awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes")' "$WORK/fonts.txt" | grep . &&
    fail "fonts not embedded or without ToUnicode in $f"

  # Page numbers and stamps; every word inside the margins, none overlapping another.
  pdftotext -layout "$f" "$WORK/text.txt" 2>>"$WORK/poppler.err"
  pdftotext -bbox "$f" "$WORK/words.html" 2>>"$WORK/poppler.err"
  /usr/bin/python3 - "$WORK/text.txt" "$WORK/words.html" "$pages" "$of" <<'PY' || fail "pages of $f"
import re, sys
text, words, total, of = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
errors = []
pages = open(text, encoding="utf-8").read().split("\f")[:total]
for n, page in enumerate(pages, 1):
    flat = " ".join(page.split())
    if f"Page {n} {of} {total}" not in flat:
        errors.append(f"page {n}: no 'Page {n} {of} {total}'")
stamped = [n for n, p in enumerate(pages, 1) if re.search(r"CCQM-32 \| \w+ [\d.]+ \| CCQM/\d\d-\d\d\w*, page \d+ " + of + r" \d+ \| Page " + str(n) + " ", " ".join(p.split()))]
if not stamped or stamped != list(range(stamped[0], total + 1)):
    errors.append(f"stamped pages {stamped}: expected every page from the first paper's to {total}")
n = 0
for line in open(words, encoding="utf-8"):
    if "<page " in line:
        n += 1
        width = float(re.search(r'width="([\d.]+)"', line).group(1))
        boxes = []
    m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
    if not m:
        continue
    x0, y0, x1, y1 = map(float, m.groups()[:4])
    if x0 < 56.7 - 1.5 or x1 > width - 56.7 + 1.5:
        errors.append(f"page {n}: '{m.group(5)}' at x={x0:.0f}..{x1:.0f}, in the side margin")
    for a0, b0, a1, b1, t in boxes:
        if min(y1, b1) - max(y0, b0) > 0.5 * min(y1 - y0, b1 - b0) and min(x1, a1) - max(x0, a0) > 1:
            errors.append(f"page {n}: '{m.group(5)}' runs into '{t}'")
    boxes.append((x0, y0, x1, y1, m.group(5)))
if errors:
    sys.exit("\n".join(errors[:20]))
PY

  # Tagged links: each link annotation's /StructParent leads, through the parent tree, to a
  # Link element whose object reference is that annotation.
  qpdf --json --json-key=qpdf "$f" >"$WORK/objects.json"
  /usr/bin/python3 - "$WORK/objects.json" <<'PY' || fail "link annotations of $f"
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
val = lambda v: (objs["obj:" + v].get("value") or objs["obj:" + v].get("stream", {}).get("dict")) \
    if isinstance(v, str) and v.endswith(" R") else v
root = val(objs["trailer"]["value"]["/Root"])
tree = val(root["/StructTreeRoot"])
nums = {}
def walk(node):
    node = val(node)
    pairs = val(node.get("/Nums", []))
    for i in range(0, len(pairs), 2):
        nums[pairs[i]] = pairs[i + 1]
    for kid in val(node.get("/Kids", [])):
        walk(kid)
walk(tree["/ParentTree"])
errors, links = [], 0
for key, o in objs.items():
    d = o.get("value") if key.startswith("obj:") else None
    if not isinstance(d, dict) or d.get("/Subtype") != "/Link":
        continue
    links += 1
    ref = key[4:]
    sp = d.get("/StructParent")
    element = val(nums.get(sp)) if sp is not None else None
    if not sp or not isinstance(element, dict):
        errors.append(f"{ref}: /StructParent {sp} leads to no element")
        continue
    kids = val(element.get("/K"))
    kids = kids if isinstance(kids, list) else [kids]
    if element.get("/S") != "/Link" or not any(isinstance(val(k), dict) and val(k).get("/Obj") == ref for k in kids):
        errors.append(f"{ref}: element {element.get('/S')} does not hold it")
if not links:
    errors.append("no link annotation")
if errors:
    sys.exit("\n".join(errors[:20]))
PY

  # Silence: poppler (above), mupdf, Ghostscript, pdf.js.
  [ -s "$WORK/poppler.err" ] && { cat "$WORK/poppler.err" >&2; fail "poppler warns on $f"; }
  mutool draw -q -o /dev/null "$f" 2>"$WORK/mupdf.err" || fail "mutool draw $f"
  grep -v -e '^$' -e 'ICC support is not available' "$WORK/mupdf.err" | grep . >/dev/null &&
    { cat "$WORK/mupdf.err" >&2; fail "mupdf warns on $f"; }
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage -dPDFSTOPONERROR "$f" >"$WORK/gs.txt" 2>&1 ||
    { cat "$WORK/gs.txt" >&2; fail "Ghostscript fails on $f"; }
  grep -q . "$WORK/gs.txt" && { cat "$WORK/gs.txt" >&2; fail "Ghostscript warns on $f"; }
  if [ -f "$pdfjs/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ] && command -v node >/dev/null; then
    node "$PLENARY_SOURCE_DIR/tests/book/pdfjs_silent.mjs" "$pdfjs" "$f" >"$WORK/pdfjs.txt" 2>&1 ||
      fail "pdf.js cannot read $f"
    grep -q . "$WORK/pdfjs.txt" && { cat "$WORK/pdfjs.txt" >&2; fail "pdf.js warns on $f"; }
  else
    echo "pdf.js is not installed under $pdfjs: its reading of the book is not checked"
  fi
  echo "$f: $pages pages"
}

run 0 "$PLENARY" build --root "$root" --out "$WORK/en" --format pdf --only CCQM-32
check_book "$WORK/en/CCQM-32/CCQM-32-book.pdf" of
run 0 "$PLENARY" build --root "$root" --out "$WORK/fr" --format pdf --only CCQM-32 --lang fr
check_book "$WORK/fr/CCQM-32/CCQM-32-book.pdf" sur
