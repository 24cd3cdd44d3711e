#!/usr/bin/env bash
# An unbreakable word of thousands of letters, in a paragraph (the venue), a table cell (an
# agenda item title, a stakeholder name) and a link text, is broken inside the word: it stays
# inside the PDF page margins and inside its table cell, and the DOCX stays well-formed.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root long-word)
word=$(printf 'W%.0s' $(seq 1 3000))
"$PY" - "$root" "$word" <<'PY'
import sys
root, word = sys.argv[1], sys.argv[2]
def edit(rel, old, new):
    p = root + "/" + rel
    s = open(p).read()
    assert old in s, (rel, old)
    open(p, "w").write(s.replace(old, new, 1))
edit("data/committee.yaml", "venue: BIPM, Sèvres, France", "venue: BIPM " + word)
edit("agendas/CCQM-31.yaml", "title: Coffee break", "title: Coffee " + word + " break")
edit("data/outcomes/CCQM-31.yaml", "Write to the OIML", "Write " + word + " to the OIML")  # a decisions table cell
edit("data/stakeholders.yaml", "name: International Federation of Clinical Chemistry and Laboratory Medicine",
     "name: International " + word)
edit("agendas/CCQM-31.yaml", "[BIPM website](https://www.bipm.org)", "[" + word + "](https://www.bipm.org/" + word + ")")
edit("data/documents.yaml", "title: Draft agenda of the 31st meeting of the CCQM",
     "title: Draft " + word + " agenda")  # the document register's title cell
PY
hostile 0 "$root/out" build --root "$root" --only CCQM-31
LONG_WORD_LETTER=W check_outputs "$root/out"
for f in "$root"/out/CCQM-31/*.pdf; do
  pdftotext "$f" - 2>/dev/null | tr -d '\n' | grep 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW' >/dev/null ||
    fail "$f does not show the long word"
done
for f in "$root"/out/CCQM-31/*.docx; do
  unzip -p "$f" word/document.xml | grep "$word" >/dev/null || fail "$f does not hold the whole long word"
done
echo "long word: inside margins and cells"
