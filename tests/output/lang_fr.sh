#!/usr/bin/env bash
# --lang fr gives French fixed texts: "Page X sur Y" footers and French month names.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root lang-fr)
run 0 "$PLENARY" build --root "$root" --out "$WORK/fr" --lang fr --format pdf
run 0 "$PLENARY" build --root "$root" --out "$WORK/fr-md" --lang fr --format md
run 0 "$PLENARY" build --root "$root" --out "$WORK/en-md" --lang en --format md

months='(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)'
agenda=$(tree_documents "$WORK/fr" | grep -- '-agenda\.pdf$' | head -n 1)
pack=$(tree_documents "$WORK/fr" | grep -- '-briefing-pack\.pdf$' | head -n 1)
[ -n "$agenda" ] && [ -n "$pack" ] || fail "no agenda or briefing pack built"
pdftotext -layout "$WORK/fr/$pack" "$WORK/pack.txt"
grep -Eq 'Page [0-9]+ sur [0-9]+' "$WORK/pack.txt" || fail "no 'Page X sur Y' in $pack"
grep -Eq 'Page [0-9]+ of [0-9]+' "$WORK/pack.txt" && fail "English footer in the French $pack"
pdftotext -layout "$WORK/fr/$agenda" "$WORK/agenda.txt"
grep -Eiq "[0-9]{1,2} $months [0-9]{4}" "$WORK/agenda.txt" || fail "no French date in $agenda"

md=${agenda%.pdf}.md
grep -Eiq "[0-9]{1,2} $months [0-9]{4}" "$WORK/fr-md/$md" || fail "no French date in $md"
grep -Eiq "[0-9]{1,2} $months [0-9]{4}" "$WORK/en-md/$md" && fail "French date in the English $md"
cmp -s "$WORK/fr-md/$md" "$WORK/en-md/$md" && fail "French and English Markdown are the same"
echo "ok"
