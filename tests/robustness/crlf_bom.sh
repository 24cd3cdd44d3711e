#!/usr/bin/env bash
# Files saved with CRLF line ends and a UTF-8 BOM (as Windows editors do) give documents
# byte-identical to the ones built from the LF files; an error in such a file is reported at
# the same line and column.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

lf=$(make_root lf)
crlf=$(make_root crlf)
while IFS= read -r -d '' f; do
  "$PY" - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p, "rb").read()
open(p, "wb").write(b"\xef\xbb\xbf" + s.replace(b"\n", b"\r\n"))
PY
done < <(find "$crlf" -name '*.yaml' -print0)
grep -q $'\r' "$crlf/data/committee.yaml" || fail "the CRLF copy has no CR"
hostile 0 "$lf/out" build --root "$lf" --format all
hostile 0 "$crlf/out" build --root "$crlf" --format all
(cd "$lf/out" && find . -type f \( -name '*.pdf' -o -name '*.docx' \) | LC_ALL=C sort) >"$LOGS/lf"
(cd "$crlf/out" && find . -type f \( -name '*.pdf' -o -name '*.docx' \) | LC_ALL=C sort) >"$LOGS/crlf"
cmp -s "$LOGS/lf" "$LOGS/crlf" || fail "the CRLF root gave other documents: $(diff "$LOGS/lf" "$LOGS/crlf")"
[ -s "$LOGS/lf" ] || fail "no documents built"
while IFS= read -r f; do
  cmp -s "$lf/out/$f" "$crlf/out/$f" || fail "$f differs between the LF and the CRLF+BOM root"
done <"$LOGS/lf"
check_outputs "$crlf/out"

# Markdown too.
hostile 0 "$lf/md" build --root "$lf" --format md
hostile 0 "$crlf/md" build --root "$crlf" --format md
diff -r -x manifest.json -x '.plenary*' "$lf/md" "$crlf/md" >/dev/null || fail "the Markdown differs"

# The same typo in both: the same position.
sed -i '0,/^  name:/s//  nmae:/' "$lf/data/committee.yaml" "$crlf/data/committee.yaml"
hostile 1 "$lf/out" check --root "$lf"
grep ': error: ' "$ERR" >"$LOGS/lf-errors"
hostile 1 "$crlf/out" check --root "$crlf"
grep ': error: ' "$ERR" >"$LOGS/crlf-errors"
cmp -s "$LOGS/lf-errors" "$LOGS/crlf-errors" || fail "errors differ: $(diff "$LOGS/lf-errors" "$LOGS/crlf-errors")"
# A lone CR (old Mac line ends) reads as LF as well.
cr=$(make_root cr)
"$PY" -c 'import sys; p=sys.argv[1]; s=open(p,"rb").read(); open(p,"wb").write(s.replace(b"\n", b"\r"))' "$cr/data/stakeholders.yaml"
hostile 0 "$cr/out" check --root "$cr"
echo "CRLF and BOM: $(wc -l <"$LOGS/lf") documents byte-identical"
