#!/usr/bin/env bash
# `plenary list` prints exactly the paths a build writes, for each --format and --only.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root list)
run 0 "$PLENARY" list --root "$root"
all=$(cat "$OUT")
[ -n "$all" ] || fail "list printed nothing"
grep -q '^/' "$OUT" && fail "list printed absolute paths"

compare() {
  local name=$1
  shift
  run 0 "$PLENARY" list --root "$root" "$@"
  local listed
  listed=$(LC_ALL=C sort "$OUT")
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$name" --jobs 2 "$@"
  [ "$(tree_documents "$WORK/$name")" = "$listed" ] ||
    fail "list $* differs from what build $* wrote"
  [ "$(built_paths)" = "$listed" ] || fail "build $* reported other paths than list"
  echo "$listed"
}

both=$(compare all)
pdf=$(compare pdf --format pdf)
docx=$(compare docx --format docx)
md=$(compare md --format md)
html=$(compare html --format html)
ics=$(compare ics --format ics)
[ "$(echo "$pdf" | grep -c '\.pdf$')" -eq "$(echo "$pdf" | wc -l)" ] || fail "--format pdf listed non-PDFs"
[ "$(echo "$docx" | grep -c '\.docx$')" -eq "$(echo "$docx" | wc -l)" ] || fail "--format docx listed non-DOCX"
[ "$(echo "$md" | grep -c '\.md$')" -eq "$(echo "$md" | wc -l)" ] || fail "--format md listed non-Markdown"
[ "$(echo "$ics" | grep -c '\.ics$')" -eq "$(echo "$ics" | wc -l)" ] || fail "--format ics listed non-ICS"
[ "$both" = "$(printf '%s\n%s\n%s\n%s\n' "$pdf" "$docx" "$html" "$ics" | LC_ALL=C sort)" ] ||
  fail "--format all is not pdf + docx + html + ics"
[ "$(echo "$all" | LC_ALL=C sort)" = "$both" ] || fail "the default format is not all"

# A comma list: its formats' paths, each document's in the table's order whatever the list's.
mdpdf=$(compare md-pdf --format md,pdf)
[ "$mdpdf" = "$(printf '%s\n%s\n' "$pdf" "$md" | LC_ALL=C sort)" ] || fail "--format md,pdf is not pdf + md"
run 0 "$PLENARY" list --root "$root" --format md,pdf
in_list_order=$(cat "$OUT")
run 0 "$PLENARY" list --root "$root" --format pdf,md
[ "$(cat "$OUT")" = "$in_list_order" ] || fail "the order of the --format list changed the build order"
[ "$(head -n 1 "$OUT")" = "$(head -n 1 <<<"$all")" ] || fail "a document's PDF does not come first"
all_md=$(compare all-md --format all,md)
[ "$all_md" = "$(printf '%s\n%s\n' "$both" "$md" | LC_ALL=C sort)" ] || fail "--format all,md is not all + md"

# The documents of documents.md: an agenda per agenda file, a briefing pack per plenary, a
# final report per closed task group.
for agenda in "$root"/agendas/*.yaml; do
  p=$(sed -n 's/^plenary: *//p' "$agenda" | tr -d '"'"'\r")
  grep -qx "$p/$p-agenda.pdf" <<<"$pdf" || fail "no agenda for $p"
done
for tg_file in $(grep -l '^status: closed' "$root"/data/task-groups/*.yaml); do
  t=$(sed -n 's/^id: *//p' "$tg_file" | tr -d '"'"'\r")
  grep -qx "task-groups/$t-final-report.pdf" <<<"$pdf" || fail "no final report for $t"
done
packs=$(echo "$pdf" | grep -c -- '-briefing-pack\.pdf$')
plenaries=$(grep -c '^  - id:' "$root/data/committee.yaml")
[ "$packs" -eq "$plenaries" ] || fail "$packs briefing packs for $plenaries plenaries"

# --only: one plenary, one task group, both.
p=$(echo "$pdf" | grep -- '-agenda\.pdf$' | head -n 1 | cut -d/ -f1)
t=$(echo "$pdf" | sed -n 's|^task-groups/\(.*\)-final-report\.pdf$|\1|p' | head -n 1)
only_p=$(compare only-p --only "$p")
[ "$(echo "$only_p" | grep -vc "^$p/")" -eq 0 ] || fail "--only $p listed other documents"
only_pt=$(compare only-pt --only "$p" --only "$t" --format md)
# The plenary's documents (each has a PDF among the files listed above) and the report.
want=$(($(echo "$only_p" | grep '\.pdf$' | grep -vc -- '-book\.pdf$') + 1))  # a PDF per document
[ "$(echo "$only_pt" | wc -l)" -eq "$want" ] || fail "--only $p --only $t: expected $want documents"

# check composes everything and writes nothing.
run 0 "$PLENARY" check --root "$root"
[ ! -e "$root/out" ] || fail "check wrote out/"
echo "ok"
