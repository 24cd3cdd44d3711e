#!/usr/bin/env bash
# The sample committee's working-document register as a reader finds it: the CCQM-32 register
# (PDF through poppler, DOCX through python-docx) lists every registered document of the
# plenary in reference order with the flags the data implies, in English and French; the
# briefing pack's section 9 lists them too; a root without data/documents.yaml gets neither;
# a changed paper changes the recorded inputs digest, a bad one fails the build at its line.
# The expected references and flags are computed here from data/documents.yaml and the agenda
# (tests/output/register_expected.py), never copied from an output.
source "$(dirname "$0")/lib.sh" || exit 1
here="$(cd "$(dirname "$0")" && pwd)"
root=$(make_root register)
P=CCQM-32

/usr/bin/python3 "$here/register_expected.py" "$root" "$P" >"$WORK/expected.tsv"
[ "$(wc -l <"$WORK/expected.tsv")" -ge 6 ] || fail "expected at least 6 registered documents"

run 0 "$PLENARY" build --root "$root" --out "$root/out" --format all,md --quiet
doc="$root/out/$P/$P-documents"
[ -f "$doc.pdf" ] && [ -f "$doc.docx" ] && [ -f "$doc.md" ] || fail "no document register for $P"
qpdf --check "$doc.pdf" >/dev/null || fail "qpdf --check fails on the register"

# PDF: every reference, in order (whitespace ignored: a cell may wrap a long reference).
pdftotext "$doc.pdf" - | tr -d ' \n\t' >"$WORK/pdf.txt"
/usr/bin/python3 - "$WORK/expected.tsv" "$WORK/pdf.txt" <<'PY' || fail "the register PDF does not list the references in order"
import sys
refs = [line.split("\t")[0] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
text = open(sys.argv[2], encoding="utf-8").read()
at = 0
for ref in refs:
    # the next occurrence that is not the start of a longer reference (CCQM/27-03 vs 27-03b)
    i = text.find(ref, at)
    # not the start of a longer reference: CCQM/27-03 in CCQM/27-03b (titles start upper-case)
    while i >= 0 and text[i + len(ref):i + len(ref) + 1].islower():
        i = text.find(ref, i + 1)
    if i < 0:
        sys.exit(f"{ref} missing or out of order")
    at = i + len(ref)
PY

# DOCX: the register table's rows, first cell the reference, last the notes.
check_docx() {  # file lang
  /usr/bin/python3 - "$1" "$WORK/expected.tsv" "$2" <<'PY'
import sys, docx
doc = docx.Document(sys.argv[1])
words = {"en": {"late": "Late", "superseded": "Superseded by", "replaces": "Replaces", "nofile": "No file",
                "withdrawn": "Withdrawn"},
         "fr": {"late": "En retard", "superseded": "Remplacé par", "replaces": "Remplace", "nofile": "Sans fichier",
                "withdrawn": "Retiré"}}[sys.argv[3]]
rows = []
for table in doc.tables:
    for row in table.rows[1:]:
        cells = [c.text.strip() for c in row.cells]
        rows.append(cells)
expected = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
got_refs = [r[0] for r in rows]
want_refs = [e[0] for e in expected]
if got_refs != want_refs:
    sys.exit(f"references {got_refs} != {want_refs}")
for cells, (ref, title, late, withdrawn, superseded, replaces, nofile, items) in zip(rows, expected):
    notes = cells[-1]
    if cells[1] != title:
        sys.exit(f"{ref}: title {cells[1]!r} != {title!r}")
    if cells[5] != items:
        sys.exit(f"{ref}: agenda items {cells[5]!r} != {items!r}")
    checks = [(late == "1", words["late"]), (withdrawn == "1", words["withdrawn"]),
              (bool(superseded), f"{words['superseded']} {superseded}"),
              (bool(replaces), f"{words['replaces']} {replaces}"), (nofile == "1", words["nofile"])]
    for want, word in checks:
        if want != (word in notes):
            sys.exit(f"{ref}: notes {notes!r} {'lack' if want else 'should not hold'} {word!r}")
PY
}
check_docx "$doc.docx" en || fail "the register DOCX does not hold the expected rows"

# The briefing pack's section 9 names every paper of the plenary; a plenary without papers
# says so.
pdftotext "$root/out/$P/$P-briefing-pack.pdf" - | tr -d ' \n\t' >"$WORK/pack.txt"
grep -q 'Workingdocuments' "$WORK/pack.txt" || fail "no section 9 in the pack"
while IFS=$'\t' read -r ref _; do
  grep -qF "$ref" "$WORK/pack.txt" || fail "the pack does not name $ref"
done <"$WORK/expected.tsv"
pdftotext "$root/out/CCQM-33/CCQM-33-briefing-pack.pdf" - | tr -d '\n' |
  grep -q 'No working document is registered' || fail "CCQM-33's pack does not say it has no paper"
[ ! -e "$root/out/CCQM-33/CCQM-33-documents.pdf" ] || fail "a register for a plenary without papers"

# The papers are data: an output folder inside papers/ is refused before anything is read.
run 2 "$PLENARY" build --root "$root" --out "$root/papers/out" --quiet
grep -q "lies inside the data root's papers/ folder" "$ERR" || fail "--out inside papers/ accepted"
[ ! -e "$root/papers/out" ] || fail "--out inside papers/ was created"

# French.
run 0 "$PLENARY" build --root "$root" --out "$root/fr" --lang fr --format docx --only "$P" --quiet
check_docx "$root/fr/$P/$P-documents.docx" fr || fail "the French register DOCX is wrong"

# A changed paper is an input: the manifest's inputs digest changes, the build stays good.
digest() { grep -o '"inputs_digest" *: *"[0-9a-f]*"' "$root/out/manifest.json" | sort -u; }
before=$(digest)
printf '%%%% appended\n' >>"$root/papers/CCQM27-01.pdf"
run 0 "$PLENARY" build --root "$root" --out "$root/out" --format all,md --quiet
[ "$(digest)" != "$before" ] || fail "a changed paper did not change the inputs digest"

# A paper that is not what its name says: exit 1 at its file: line, out/ untouched.
stamps=$(tree_digest "$root/out")
line=$(grep -n 'file: papers/CCQM27-04.pdf' "$root/data/documents.yaml" | cut -d: -f1)
echo "not a PDF" >"$root/papers/CCQM27-04.pdf"
run 1 "$PLENARY" build --root "$root" --out "$root/out" --format all,md --quiet
grep -q "^data/documents.yaml:$line:11: error: file 'papers/CCQM27-04.pdf' is not a PDF file by its content" "$ERR" ||
  fail "no error at the file: line"
[ "$(tree_digest "$root/out")" = "$stamps" ] || fail "a failed build touched out/"

# Without data/documents.yaml: no register, no section 9, references free text again.
rm "$root/data/documents.yaml"
run 0 "$PLENARY" build --root "$root" --out "$root/plain" --format pdf --quiet
[ -z "$(find "$root/plain" -name '*-documents.*')" ] || fail "a register without documents.yaml"
pdftotext "$root/plain/$P/$P-briefing-pack.pdf" - | grep 'Working documents' >/dev/null &&
  fail "section 9 without documents.yaml"
echo "ok"
