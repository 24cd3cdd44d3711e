#!/usr/bin/env bash
# Decisions and actions as a reader sees them: the sample committee built in English and
# French, the decisions documents and the packs' "Actions and governance" read back with
# poppler (PDF), python-docx and pandoc (DOCX) and from the Markdown; the proposed rotation is
# marked as such and never written into the data.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1  # without its helpers nothing is checked

root=$(make_root outcomes)
cp "$root/data/sector-focus.yaml" "$WORK/plan-before.yaml"
for lang in en fr; do
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$lang" --lang "$lang" --format all,md
done
cmp -s "$WORK/plan-before.yaml" "$root/data/sector-focus.yaml" || fail "the rotation wrote into the data"
[ ! -e "$WORK/en/CCQM-32/CCQM-32-decisions.pdf" ] || fail "a planned plenary got a decisions document"

# has FILE TEXT...: each TEXT in FILE, whitespace normalised (PDF text wraps anywhere).
has() {
  local file=$1
  shift
  /usr/bin/python3 - "$file" "$@" <<'PY' || fail "$file"
import sys, unicodedata
norm = lambda s: " ".join(unicodedata.normalize("NFC", s).split())
text = norm(open(sys.argv[1], encoding="utf-8").read())
missing = [t for t in sys.argv[2:] if norm(t) not in text]
if missing:
    sys.exit(f"{sys.argv[1]}: not found: {missing}")
PY
}

pdf_text() { pdftotext "$1" "$2" 2>"$WORK/poppler.err" || fail "pdftotext $1"; }

# 1. The decisions document (PDF, poppler): the real CCQM-27 extension in the seed page's
# words, its numbers, the actions table, in both languages.
pdf_text "$WORK/en/CCQM-27/CCQM-27-decisions.pdf" "$WORK/d27.txt"
has "$WORK/d27.txt" "Decisions and actions" "Decision CCQM/27-1" "Decision CCQM/27-2" \
  "the 27th CCQM meeting agreed that the Terms of Reference of the Task Group should be extended" \
  "develop criteria for extending liaison status at CCQM." "CCQM/27-A3" "Owner" "Due" "Open" \
  "Actions of earlier meetings closed at this meeting" "CCQM/26-A1"
pdf_text "$WORK/fr/CCQM-27/CCQM-27-decisions.pdf" "$WORK/d27fr.txt"
has "$WORK/d27fr.txt" "Décisions et actions" "Décision CCQM/27-1" "Responsable" "Échéance" \
  "Ouverte" "Réalisée" "Actions de réunions antérieures closes à cette réunion"

# 2. The same document as DOCX: python-docx sees the headings and the actions table, pandoc the text.
/usr/bin/python3 - "$WORK/en/CCQM-28/CCQM-28-decisions.docx" <<'PY' || fail "CCQM-28 decisions docx"
import sys, docx
d = docx.Document(sys.argv[1])
headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
for want in ["Decisions", "Decision CCQM/28-1", "Decision CCQM/28-2", "Decision CCQM/28-3", "Actions"]:
    assert want in headings, (want, headings)
rows = [[c.text for c in r.cells] for t in d.tables for r in t.rows]
a2 = [r for r in rows if r and r[0] == "CCQM/28-A2"]
assert a2 and a2[0][3] == "IAEA" and a2[0][4] == "1 March 2024" and a2[0][5] == "Open", rows
closed = [r for r in rows if r and r[0] == "CCQM/27-A1"]
assert closed and closed[0][3] == "Done", rows
PY
pandoc -f docx -t plain "$WORK/fr/CCQM-31/CCQM-31-decisions.docx" -o "$WORK/d31fr.txt" || fail "pandoc"
has "$WORK/d31fr.txt" "Décision CCQM/31-1" "CCQM/30-A2" "Abandonnée"

# 3. The pack's section 8 (PDF): open actions of earlier plenaries, overdue ones flagged, and
# the governance review naming its records; section 7's proposed sector for CCQM-34.
pdf_text "$WORK/en/CCQM-32/CCQM-32-briefing-pack.pdf" "$WORK/p32.txt"
has "$WORK/p32.txt" "Actions and governance" "Open actions of earlier meetings" \
  "CCQM/27-A3" "CCQM/28-A2" "Overdue" "Governance review" \
  "CCQM-TG-MNP has been active longer than the 3 years its terms of reference allow" \
  "data/task-groups/CCQM-TG-MNP.yaml" "OIML attended none of the last three meetings" \
  "Pharmaceuticals and medicines quality (proposed)"
pdf_text "$WORK/fr/CCQM-32/CCQM-32-briefing-pack.pdf" "$WORK/p32fr.txt"
has "$WORK/p32fr.txt" "Actions et gouvernance" "En retard" "Revue de gouvernance" "(proposition)"
# Done actions closed at an earlier plenary are no longer listed; CCQM-31's own are.
/usr/bin/python3 - "$WORK/en/CCQM-32/CCQM-32-briefing-pack.md" <<'PY' || fail "CCQM-32 pack md"
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
section = md[md.index("# Actions and governance"):]
rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| (CCQM/\d+-A\d+) \|.*$", section, re.M)}
assert set(rows) == {"CCQM/27-A3", "CCQM/28-A2", "CCQM/29-A1", "CCQM/30-A1", "CCQM/31-A1", "CCQM/31-A2"}, rows
assert "**Overdue**" in rows["CCQM/29-A1"] and "**Overdue**" not in rows["CCQM/31-A2"], rows
# A task group named in an action's text links to its section of the same pack.
assert "[CCQM-TG-DIGITAL](#tg-ccqm-tg-digital)" in rows["CCQM/30-A1"], rows["CCQM/30-A1"]
assert "*Pharmaceuticals and medicines quality (proposed)*" in md
PY
# At CCQM-29 the actions CCQM-29 closed are still listed (closed at this meeting, not before).
has "$WORK/en/CCQM-29/CCQM-29-briefing-pack.md" "CCQM/27-A2" "CCQM/28-A1"

# 4. An earlier decision of the same document is a link; a task group without a section there is text.
has "$WORK/en/CCQM-28/CCQM-28-decisions.md" "In line with [CCQM/28-1](#decision-ccqm-28-1)," \
  "proposed by CCQM-TG-STAKEHOLDER:"
# 5. An edited action rebuilds its decisions document, the packs of the later plenaries
# (which list it) and the meeting books that open with those packs, nothing else.
run 0 "$PLENARY" build --root "$root" --out "$WORK/inc" --quiet
sed -i 's/Ask the OIML how/Ask the OIML again how/' "$root/data/outcomes/CCQM-27.yaml"
run 0 "$PLENARY" build --root "$root" --out "$WORK/inc"
built=$(sed -n 's/^built \([^ ]*\.pdf\) .*/\1/p' "$OUT" | sort | tr '\n' ' ')
want="CCQM-27/CCQM-27-decisions.pdf "
for n in 28 29 30 31 32 33 34; do
  [ -f "$WORK/inc/CCQM-$n/CCQM-$n-book.pdf" ] && want+="CCQM-$n/CCQM-$n-book.pdf "
  want+="CCQM-$n/CCQM-$n-briefing-pack.pdf "
done
[ "$built" = "$want" ] || fail "rebuilt after an action's edit: $built"
echo "outcomes read back in en and fr"
