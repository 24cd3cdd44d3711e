#!/usr/bin/env bash
# Adding a format is a folder and a row: plenary_with_txt is the program plus the test-only
# txt_writer.cpp (a self-registering row) and plenaries_kind.cpp (a kind whose product is not a
# Document). With no other edit, txt is in --help, --format txt plans, lists, writes and records
# .txt files, a second build leaves them unchanged, and `all` does not include it.
source "$(dirname "$0")/../../output/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root txt)
out="$root/out"

run 0 "$PLENARY" --help
grep -Eq '^  txt +plain text' "$OUT" || fail "--help does not list the txt format"
grep -q 'all = pdf,docx' "$OUT" || fail "--help does not say what all includes"

run 0 "$PLENARY" list --root "$root" --format txt
grep -qx 'CCQM-31/CCQM-31-agenda.txt' "$OUT" || fail "list --format txt has no agenda .txt"
grep -qx 'task-groups/CCQM-TG-STAKEHOLDER-final-report.txt' "$OUT" || fail "no final report .txt"
grep -qx 'CCQM-plenaries.txt' "$OUT" || fail "list --format txt has not the kind's product"
[ "$(grep -vc '\.txt$' "$OUT")" -eq 0 ] || fail "list --format txt lists other files"
listed=$(LC_ALL=C sort "$OUT")

run 0 "$PLENARY" list --root "$root"
! grep -q '\.txt$' "$OUT" || fail "all includes txt, which is not marked for all"

run 2 "$PLENARY" list --root "$root" --format txt,txt
grep -q "'txt' is given twice" "$ERR" || fail "--format txt,txt is not a usage error"

# --only with the committee's id selects the kind's product alone.
run 0 "$PLENARY" list --root "$root" --format txt,md --only CCQM
[ "$(cat "$OUT")" = "CCQM-plenaries.txt" ] || fail "--only CCQM does not select just the product"

run 0 "$PLENARY" list --root "$root" --format txt --only CCQM-31
grep -qx 'CCQM-31/CCQM-31-book.txt' "$OUT" || fail "--only CCQM-31 does not select its book"

# Build: every listed path written, recorded in the manifest.
run 0 "$PLENARY" build --root "$root" --format txt --quiet
written=$(cd "$out" && find . -name '*.txt' | sed 's|^\./||' | LC_ALL=C sort)
[ "$written" = "$listed" ] || fail "build --format txt wrote other files than list printed"
grep -q 'Agenda' "$out/CCQM-31/CCQM-31-agenda.txt" || fail "the agenda .txt has no text"
grep -q '^CCQM-31 ' "$out/CCQM-plenaries.txt" || fail "the product lacks CCQM-31"
# The book is made of the agenda and the briefing pack, written before it.
cat "$out/CCQM-31/CCQM-31-agenda.txt" "$out/CCQM-31/CCQM-31-briefing-pack.txt" |
  cmp -s - "$out/CCQM-31/CCQM-31-book.txt" || fail "the book is not its agenda and briefing pack"
for path in CCQM-31/CCQM-31-agenda.txt CCQM-plenaries.txt CCQM-31/CCQM-31-book.txt; do
  grep -q "\"$path\"" "$out/manifest.json" || fail "$path is not in the manifest"
done

# Incremental: nothing changed, nothing rebuilt.
run 0 "$PLENARY" build --root "$root" --format txt --quiet
grep -Eq '^built 0, unchanged [1-9][0-9]*, failed 0 ' "$OUT" || fail "second build was not unchanged"

# A plenary's venue changes: the product and that plenary's documents are rebuilt.
sed -i 's/venue: Online (hosted by the BIPM)/venue: Online (hosted elsewhere)/' "$root/data/committee.yaml"
run 0 "$PLENARY" build --root "$root" --format txt
grep -qx 'built CCQM-plenaries.txt ([0-9]* ms)' "$OUT" || fail "the product was not rebuilt"
grep -q '^unchanged CCQM-31/CCQM-31-agenda.txt' "$OUT" || fail "documents that do not show the venue were rebuilt"
grep -q 'hosted elsewhere' "$out/CCQM-plenaries.txt" || fail "the product has the old venue"
grep -qx 'built CCQM-26/CCQM-26-book.txt ([0-9]* ms)' "$OUT" || fail "CCQM-26's book was not rebuilt"
grep -qx 'unchanged CCQM-31/CCQM-31-book.txt' "$OUT" || fail "CCQM-31's book was rebuilt"
grep -q 'hosted elsewhere' "$out/CCQM-26/CCQM-26-book.txt" || fail "the book has the old venue"
echo ok
