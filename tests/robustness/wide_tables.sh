#!/usr/bin/env bash
# Tables with many columns: as many as fit the page keep every cell's text inside its cell and
# the margins; one more is an error at the template line; a table inside an (md) data field
# that cannot fit is an error naming the document.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

table() {  # columns cell-text
  printf '|%s' $(for _ in $(seq 1 "$1"); do echo "Head"; done); echo '|'
  printf '|%s' $(for _ in $(seq 1 "$1"); do echo "-"; done); echo '|'
  printf '|%s' $(for _ in $(seq 1 "$1"); do echo "$2"; done); echo '|'
}

# The shipped style (A4, 22 mm margins, 8.5 pt table font) fits 28 columns.
root=$(make_root wide-fits)
mkdir -p "$root/templates"
{ printf '# Wide\n\n'; table 28 "$(printf 'W%.0s' $(seq 1 40))"; } >"$root/templates/agenda.md"
hostile 0 "$root/out" build --root "$root" --only CCQM-31
check_outputs "$root/out"
LONG_WORD_LETTER=W check_pdf "$root/out/CCQM-31/CCQM-31-agenda.pdf"

root=$(make_root wide-too-many)
mkdir -p "$root/templates"
{ printf '# Wide\n\n'; table 29 x; } >"$root/templates/agenda.md"
hostile 1 "$root/out" build --root "$root" --only CCQM-31
expect_error '^templates/agenda.md:3:1: error: a table of 29 columns does not fit the page'

# Word's limit: 63 columns, even on a very wide page.
root=$(make_root wide-word-limit)
mkdir -p "$root/templates"
printf 'page:\n  size: {width: 3000mm, height: 297mm}\n' >"$root/templates/style.yaml"
{ printf '# Wide\n\n'; table 64 x; } >"$root/templates/agenda.md"
hostile 1 "$root/out" build --root "$root" --only CCQM-31
expect_error '^templates/agenda.md:3:1: error: a table of 64 columns'

# A table in an (md) field of the data.
root=$(make_root wide-in-data)
"$PY" - "$root/data/task-groups/CCQM-TG-STAKEHOLDER.yaml" <<'PY'
import json, sys
p = sys.argv[1]
n = 300
t = "|" + "|".join(["h"] * n) + "|\n|" + "|".join(["-"] * n) + "|\n|" + "|".join(["x"] * n) + "|\n"
s = open(p).read()
s = s.replace("outcomes:", "outcomes:\n  - " + json.dumps("Intro\n\n" + t), 1)
open(p, "w").write(s)
PY
hostile 1 "$root/out" build --root "$root" --only CCQM-TG-STAKEHOLDER
expect_error '^task-groups/CCQM-TG-STAKEHOLDER-final-report: error: a table of 300 columns in a text field'
echo "wide tables: 28 columns fit, more refused"
