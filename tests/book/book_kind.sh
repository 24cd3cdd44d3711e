#!/usr/bin/env bash
# The `book` kind end to end: a register with papers from LibreOffice (PDF, DOCX, ODT),
# Ghostscript and hand-written forms; the book is planned, listed, written and recorded for the
# plenary whose agenda names them (and only for it); DOCX/ODT papers are converted once
# (cache); changing one paper rebuilds that book only; --only <ref> selects the book; without
# LibreOffice, or with a damaged paper, the book fails with exit 1 and an error naming the file,
# the other documents are written and yesterday's book stays; same bytes in two fresh folders.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1
source "$PLENARY_SOURCE_DIR/tests/book/papers.sh" || exit 1

# Every page of book $1 ($2 pages), the pack's cover included, says "Page N of <the book's
# pages>" ($3: the words as a format) by pdftotext.
book_page_numbers() {
  /usr/bin/python3 - "$@" <<'PY'
import subprocess, sys
path, total, form = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                       check=True).stdout.split("\f")[:total]
bad = [n for n, text in enumerate(pages, 1) if form.format(n, total) not in " ".join(text.split())]
if len(pages) != total or bad:
    sys.exit(f"no '{form.format('N', total)}' on page(s) {bad} of {len(pages)}")
PY
}

root=$(make_root kind)
p="$root/papers"
mkdir -p "$p"
paper_lo "$p" lo "Alpha" || fail "LibreOffice made no PDF"
paper_gs "$p" gs "Beta" 3
paper_form "$p" form1 amount
paper_form "$p" form2 amount
paper_lo "$p" word "Gamma" docx || fail "LibreOffice made no DOCX"
paper_lo "$p" open "Delta" odt || fail "LibreOffice made no ODT"

# A register naming every reference the agendas use; files for six of CCQM-31's.
/usr/bin/python3 - "$root" <<'PY'
import glob, re, sys
root = sys.argv[1]
refs = sorted({r for f in glob.glob(root + "/agendas/*.yaml")
               for r in re.findall(r"CCQM/\d\d-\d\d", open(f, encoding="utf-8").read())})
files = {"CCQM/26-01": "lo.pdf", "CCQM/26-02": "gs.pdf", "CCQM/26-10": "form1.pdf",
         "CCQM/26-11": "form2.pdf", "CCQM/26-14": "word.docx", "CCQM/26-15": "open.odt"}
with open(root + "/data/documents.yaml", "w", encoding="utf-8") as out:
    out.write('numbering: "CCQM/{yy}-{nn}"\npapers_due_days: 0\ndocuments:\n')
    for r in refs:
        out.write(f"  - ref: {r}\n    title: Paper {r}\n    date: 20{r[5:7]}-01-05\n")
        if r in files:
            out.write(f"    file: papers/{files[r]}\n")
PY

book=CCQM-31/CCQM-31-book.pdf
run 0 "$PLENARY" list --root "$root" --format pdf
grep -qx "$book" "$OUT" || fail "plenary list does not name $book"
[ "$(grep -c -- '-book.pdf$' "$OUT")" = 1 ] || fail "a book for a plenary without papers"

# 1. The first build: the book, its papers' pages, the conversions cached.
export SOURCE_DATE_EPOCH=1700000000
run 0 "$PLENARY" build --root "$root" --out "$WORK/out" --format pdf
f="$WORK/out/$book"
[ -s "$f" ] || fail "no book"
grep -q "\"$book\"" "$WORK/out/manifest.json" || fail "the manifest does not record the book"
qpdf --check "$f" >"$WORK/check.txt" 2>&1 || { cat "$WORK/check.txt" >&2; fail "qpdf --check"; }
grep -qi warning "$WORK/check.txt" && fail "qpdf --check warns"
pack=$(pdfinfo "$WORK/out/CCQM-31/CCQM-31-briefing-pack.pdf" | sed -n 's/^Pages: *//p')
pages=$(pdfinfo "$f" 2>"$WORK/poppler.err" | sed -n 's/^Pages: *//p')
[ -s "$WORK/poppler.err" ] && fail "poppler warns on the book"
papers_pages=0
for q in "$p"/{lo,gs,form1,form2}.pdf "$WORK/out/.plenary-cache/"*.converted; do
  papers_pages=$((papers_pages + $(pdfinfo "$q" | sed -n 's/^Pages: *//p')))
done
[ "$(ls "$WORK/out/.plenary-cache/"*.converted | wc -l)" = 2 ] || fail "expected 2 cached conversions"
ls -a "$WORK/out/.plenary-cache/" | grep convert- >/dev/null && fail "a conversion's scratch folder was left"
qpdf --json --json-key=outlines "$f" >"$WORK/outline.json"
/usr/bin/python3 - "$WORK/outline.json" >"$WORK/papers.txt" <<'PY' || fail "outline of the book"
import json, sys
o = json.load(open(sys.argv[1]))["outlines"]
items = [x for x in o if x["kids"] and x["kids"][0]["title"].startswith("CCQM/26")]
if len(items) != 4 or not items[0]["title"].startswith("1. Opening"):
    sys.exit("item bookmarks: %s" % [x["title"] for x in items])
for x in items:
    for k in x["kids"]:
        print(x["title"].split(" ")[0].rstrip("."), k["title"].split()[0], k["destpageposfrom1"])
PY
read -r item ref first < <(grep " CCQM/26-14 " "$WORK/papers.txt") || fail "no bookmark for CCQM/26-14"
# The pack in the book: the build's pack and one more section, "Papers in this book", in its
# contents, listing each paper with its agenda item and its first page in the book.
bookpack=$(($(awk '{ print $3 }' "$WORK/papers.txt" | sort -n | head -1) - 1))
[ "$pages" = $((bookpack + papers_pages)) ] ||
  fail "the book has $pages pages: pack $bookpack + papers $papers_pages"
[ "$bookpack" -gt "$pack" ] || fail "the pack in the book has no papers' section"
pdftotext -f 2 -l 2 -layout "$f" - | grep "^Papers in this book[ .]* $bookpack$" >/dev/null ||
  fail "the contents do not list the papers' section on page $bookpack"
pdftotext -f "$bookpack" -l "$bookpack" -layout "$f" "$WORK/section.txt"
while read -r i r n; do
  grep -Eq "^$r .* $i +$n$" "$WORK/section.txt" || fail "the papers' section lacks '$r … $i … $n'"
done < <(sort -u -k2,2 "$WORK/papers.txt")
pdftotext -f "$first" -l "$first" "$f" - | grep "Gamma introduction" >/dev/null ||
  fail "the converted DOCX is not on page $first"
pdftotext -f "$first" -l "$first" "$f" - | tr -s ' \n' ' ' |
  grep -qE "CCQM-31 \| item $item \| CCQM/26-14, page 1 of [0-9]+ \| Page $first of $pages" ||
  fail "stamp of the DOCX paper"
book_page_numbers "$f" "$pages" "Page {} of {}" || fail "book page numbers"

# Links: every place the pack names a paper of the book (the agenda's references, the papers'
# section) is a link to
# that paper's first page: poppler's word boxes against the link annotations qpdf reads.
pdftotext -f 1 -l "$bookpack" -bbox "$f" "$WORK/words.html" 2>/dev/null
qpdf --json --json-key=pages --json-key=qpdf "$f" >"$WORK/objects.json"
/usr/bin/python3 - "$WORK/words.html" "$WORK/objects.json" "$WORK/papers.txt" <<'PY' || fail "links in the pack"
import json, re, sys
html, objects, papers = sys.argv[1:]
first = {l.split()[1]: int(l.split()[2]) for l in open(papers)}
j = json.load(open(objects))
pages = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
objs = j["qpdf"][1]
val = lambda v: objs["obj:" + v]["value"] if isinstance(v, str) and v.endswith(" R") else v
heights, links = {}, {}
for obj, n in pages.items():
    page = val(obj)
    heights[n] = val(page["/MediaBox"])[3]
    for a in val(page.get("/Annots", [])):
        a = val(a)
        d = val(a.get("/Dest"))
        if isinstance(d, list) and d and d[0] in pages:
            links.setdefault(n, []).append((a["/Rect"], pages[d[0]]))
words, n = [], 0
for line in open(html, encoding="utf-8"):
    if "<page " in line:
        n += 1
    m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(CCQM/\d\d-\d\d)', line)
    if m and m.group(5) in first:
        words.append((n, *map(float, m.groups()[:4]), m.group(5)))
if not words:
    sys.exit("no reference to a paper found in the pack")
for n, x0, y0, x1, y1, ref in words:
    cx, cy = (x0 + x1) / 2, heights[n] - (y0 + y1) / 2
    hits = [to for r, to in links.get(n, []) if r[0] <= cx <= r[2] and r[1] <= cy <= r[3]]
    if hits != [first[ref]]:
        sys.exit(f"{ref} on pack page {n}: links {hits}, expected [{first[ref]}]")
print(len(words), "references linked")
PY

# 2. Same bytes in another fresh folder (the conversions too).
run 0 "$PLENARY" build --root "$root" --out "$WORK/out2" --format pdf
diff -r -x .plenary.lock -x unchanged.stat "$WORK/out" "$WORK/out2" >/dev/null || fail "two fresh builds differ"

# French: the stamp's words and the page count in French.
run 0 "$PLENARY" build --root "$root" --out "$WORK/fr" --format pdf --lang fr
frpages=$(pdfinfo "$WORK/fr/$book" | sed -n 's/^Pages: *//p')
pdftotext "$WORK/fr/$book" - | tr -s ' \n' ' ' |
  grep -qE "CCQM-31 \| point $item \| CCQM/26-14, page 1 sur [0-9]+ \| Page [0-9]+ sur $frpages" ||
  fail "no French stamp"
book_page_numbers "$WORK/fr/$book" "$frpages" "Page {} sur {}" || fail "French book page numbers"

# 3. Incremental: nothing changed, nothing built; one paper changed, its book only.
run 0 "$PLENARY" build --root "$root" --out "$WORK/out" --format pdf
[ -z "$(built_paths)" ] || fail "an unchanged build built $(built_paths)"
paper_form "$p" form1 other_name
/usr/bin/python3 -c 'import sys' # (keep the register as it is: the content hash changes)
run 0 "$PLENARY" build --root "$root" --out "$WORK/out" --format pdf
[ "$(built_paths)" = "$book" ] || fail "changing one paper built: $(built_paths)"
run 0 "$PLENARY" build --root "$root" --out "$WORK/out" --format pdf --force --only CCQM/26-14
[ "$(built_paths)" = "$book" ] || fail "--only CCQM/26-14 built: $(built_paths)"

# 4. A damaged paper: exit 1, an error naming it, the rest written, yesterday's book kept.
cp "$f" "$WORK/yesterday.pdf"
head -c 700 "$p/gs.pdf" >"$WORK/t.pdf" && mv "$WORK/t.pdf" "$p/gs.pdf"
touch "$root/agendas/CCQM-28.yaml"
run 1 "$PLENARY" build --root "$root" --out "$WORK/out" --format pdf --force
grep -q "^papers/gs.pdf: error: " "$ERR" || fail "no error naming papers/gs.pdf"
cmp -s "$f" "$WORK/yesterday.pdf" || fail "yesterday's book was changed"
built_paths | grep -x "CCQM-31/CCQM-31-briefing-pack.pdf" >/dev/null || fail "the other documents were not built"

# 5. Without LibreOffice (and no cache): the DOCX paper's error names the package to install.
paper_gs "$p" gs "Beta" 3
run 1 env PATH=/nonexistent "$PLENARY" build --root "$root" --out "$WORK/fresh" --format pdf
grep -q "^papers/word.docx: error: .*libreoffice-writer-nogui" "$ERR" || fail "no LibreOffice error"
[ -e "$WORK/fresh/$book" ] && fail "a book without its converted paper"
[ -s "$WORK/fresh/CCQM-31/CCQM-31-agenda.pdf" ] || fail "the agenda was not written"
# 5b. A conversion cache that is a symbolic link out of the output folder is not followed.
mkdir -p "$WORK/elsewhere" "$WORK/linked"
ln -s "$WORK/elsewhere" "$WORK/linked/.plenary-cache"
run 1 "$PLENARY" build --root "$root" --out "$WORK/linked" --format pdf
grep -q "^papers/word.docx: error: .*symbolic link" "$ERR" || fail "the cache link was not refused"
[ -z "$(ls -A "$WORK/elsewhere")" ] || fail "something was written through the cache link"

# 6. A paper that is a link out of the data root: an error at the register's file: line (its
#    check), exit 1, nothing written.
ln -s /etc/hostname "$p/outside.pdf"
sed -i 's|papers/gs.pdf|papers/outside.pdf|' "$root/data/documents.yaml"
rm -rf "$WORK/out3"
run 1 "$PLENARY" build --root "$root" --out "$WORK/out3" --format pdf
grep -q "^data/documents.yaml:[0-9]*:[0-9]*: error: .*papers/outside.pdf" "$ERR" ||
  fail "no error at the file: line for a link out of the root"
[ -e "$WORK/out3/$book" ] && fail "a book from a link out of the root"
echo "book kind: ok ($pages pages)"
