#!/usr/bin/env bash
# Every C0 control character (and DEL) in text fields, written as YAML escapes, is dropped
# from the PDF and DOCX: the DOCX parts stay well-formed XML without control characters, the
# PDF passes qpdf and its text holds none of them. Raw control bytes in a file are either
# read the same way or reported at their position.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root control)
"$PY" - "$root" <<'PY'
import sys
root = sys.argv[1]
# "\x01" .. "\x1f" and "\x7f" as YAML double-quoted escapes, around visible words.
esc = "".join("\\x%02x" % c for c in list(range(1, 32)) + [127])
nul = "\\0"
def edit(rel, old, new):
    p = root + "/" + rel
    s = open(p).read()
    assert old in s, (rel, old)
    open(p, "w").write(s.replace(old, new, 1))
edit("data/committee.yaml", "venue: BIPM, Sèvres, France",
     'venue: "BIPM' + esc + ' S\\u00e8vres & <France> ' + nul + ']]>"')
edit("agendas/CCQM-31.yaml", "title: Coffee break", 'title: "Coffee' + esc + ' break <w:p> &amp;"')
edit("data/stakeholders.yaml", "name: International Federation of Clinical Chemistry and Laboratory Medicine",
     'name: "International' + esc + 'Federation"')
edit("data/committee.yaml", "title: 26th meeting of the CCQM (online)", 'title: "26th' + esc + ' meeting"')
PY
hostile "0|1" "$root/out" build --root "$root" --only CCQM-31 --only CCQM-26
if [ "$STATUS" -eq 1 ]; then
  # A NUL inside a value may be refused, but only with a message at its place.
  expect_error '^data/committee.yaml:[0-9]+:[0-9]+: error: '
  echo "control characters: NUL refused"
  # Without the NUL, the rest must build.
  sed -i 's/ \\0\]\]>/ ]]>/' "$root/data/committee.yaml"
  hostile 0 "$root/out" build --root "$root" --only CCQM-31 --only CCQM-26
fi
check_outputs "$root/out"
echo "control characters as YAML escapes: dropped, outputs well-formed"
for f in $(find "$root/out" -name '*.pdf'); do
  pdftotext "$f" "$LOGS/text" 2>/dev/null
  if LC_ALL=C grep -q -P '[\x00-\x08\x0b\x0e-\x1f\x7f]' "$LOGS/text"; then
    fail "$f shows a control character"
  fi
done
unzip -p "$root/out/CCQM-31/CCQM-31-agenda.docx" word/document.xml | grep 'Coffee' >/dev/null ||
  fail "the agenda lost the text around the control characters"
unzip -p "$root/out/CCQM-31/CCQM-31-agenda.docx" word/document.xml | grep '&lt;w:p&gt;' >/dev/null ||
  fail "'<w:p>' in the data is not escaped in the DOCX"

# Raw control bytes (not escapes) in a plain and in a quoted scalar.
for quoted in plain quoted; do
  root=$(make_root "raw-control-$quoted")
  "$PY" - "$root/agendas/CCQM-31.yaml" "$quoted" <<'PY'
import sys
path, quoted = sys.argv[1], sys.argv[2] == "quoted"
raw = bytes(c for c in range(1, 32) if c not in (9, 10, 13)) + b"\x7f"
q = b'"' if quoted else b""
s = open(path, "rb").read()
s = s.replace(b"title: Coffee break", b"title: " + q + b"Coffee" + raw + b" break" + q, 1)
open(path, "wb").write(s)
PY
  hostile "0|1" "$root/out" build --root "$root" --only CCQM-31
  if [ "$STATUS" -eq 1 ]; then
    expect_error '^agendas/CCQM-31.yaml:[0-9]+:[0-9]+: error: '
  else
    check_outputs "$root/out"
  fi
  echo "raw control bytes, $quoted: exit $STATUS"
done
