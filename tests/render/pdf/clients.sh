#!/usr/bin/env bash
# The sample's PDFs, in both languages, read by clients nobody here wrote: poppler's pdftotext
# reads every glyph back without a word on stderr (a valid ToUnicode CMap: bfchar/bfrange
# only), every heading of the Markdown twin comes back out as text, mupdf draws each page
# silently (when mutool is installed), and qpdf --json shows /Type /Outlines on the outline's
# root only, never on an item.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1  # without its helpers nothing is checked

root=$(make_root clients)
checked=0
for lang in en fr; do
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$lang" --lang "$lang" --format pdf,md
  while IFS= read -r pdf; do
    file="$WORK/$lang/$pdf"
    # 1. poppler: silent, and the headings of the same document come back out.
    pdftotext "$file" "$WORK/text.txt" 2>"$WORK/poppler.err" || fail "pdftotext failed on $pdf"
    [ -s "$WORK/poppler.err" ] && { cat "$WORK/poppler.err" >&2; fail "poppler warns on $lang/$pdf"; }
    /usr/bin/python3 - "$WORK/text.txt" "${file%.pdf}.md" "$lang/$pdf" <<'PY' || fail "text of $lang/$pdf"
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
norm = lambda s: " ".join(unicodedata.normalize("NFC", s).split())
flat = norm(text)
if "\ufffd" in text:
    sys.exit(f"{sys.argv[3]}: U+FFFD in the extracted text")
missing = []
try:
    md = open(sys.argv[2], encoding="utf-8").read().splitlines()
except FileNotFoundError:
    md = []
for line in md:
    m = re.match(r"^#{1,3} (.+)$", line)
    if not m:
        continue
    heading = re.sub(r"[*_`\\]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(1)))
    heading = re.sub(r"\s*\{#[^}]*\}$", "", heading)
    if norm(heading) not in flat:
        missing.append(heading)
if missing:
    sys.exit(f"{sys.argv[3]}: headings not read back: {missing[:5]}")
PY
    # 2. mupdf: every page drawn, nothing on stderr.
    if command -v mutool >/dev/null; then
      mutool draw -q -F txt -o "$WORK/mu.txt" "$file" 2>"$WORK/mu.err" || fail "mutool failed on $pdf"
      grep -v 'ICC support is not available' "$WORK/mu.err" >"$WORK/mu.real" || true
      [ -s "$WORK/mu.real" ] && { cat "$WORK/mu.real" >&2; fail "mupdf warns on $lang/$pdf"; }
    fi
    # 3. qpdf: /Type /Outlines on the root only.
    qpdf --json=2 "$file" >"$WORK/q.json" || fail "qpdf --json failed on $pdf"
    /usr/bin/python3 - "$WORK/q.json" "$lang/$pdf" <<'PY' || fail "outline of $lang/$pdf"
import json, sys
data = json.load(open(sys.argv[1]))
objects, trailer = {}, {}
for key, value in data["qpdf"][1].items():  # qpdf's JSON version 2
    if key == "trailer":
        trailer = value.get("value", {})
    elif key.startswith("obj:"):
        objects[key[4:]] = value.get("value", {})
def get(ref):
    return objects.get(ref, {}) if isinstance(ref, str) else (ref or {})
root = get(trailer.get("/Root"))
outlines = root.get("/Outlines") if root else None
if outlines is None:
    sys.exit(0)
top = get(outlines)
if top.get("/Type") != "/Outlines":
    sys.exit(f"{sys.argv[2]}: the outline root has no /Type /Outlines")
stack, seen, bad = [top.get("/First")], 0, 0
while stack:
    ref = stack.pop()
    if ref is None:
        continue
    item = get(ref)
    seen += 1
    if "/Type" in item:
        bad += 1
    stack += [item.get("/First"), item.get("/Next")]
if bad:
    sys.exit(f"{sys.argv[2]}: {bad} of {seen} outline items carry /Type")
PY
    checked=$((checked + 1))
  done < <(tree_documents "$WORK/$lang" | grep '\.pdf$')
done
[ "$checked" -ge 2 ] || fail "only $checked PDFs checked"
echo "ok: $checked PDFs"
