#!/usr/bin/env bash
# NUL bytes and invalid UTF-8 (a stray continuation byte, an overlong encoding, a surrogate,
# a code point past U+10FFFF, a sequence cut at the end of the file, Latin-1 text) in every
# kind of file: an error at the line and column of the first bad byte, no output.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

declare -A bytes=(
  [nul]='\x00'
  [continuation]='\x80'
  [overlong]='\xc0\xaf'
  [surrogate]='\xed\xa0\x80'
  [too-big]='\xf4\x90\x80\x80'
  [latin1]='S\xe8vres'
  [ff]='\xff\xfe'
)
files=(data/committee.yaml data/sector-focus.yaml data/stakeholders.yaml
  data/task-groups/CCQM-TG-MNP.yaml agendas/CCQM-31.yaml)
n=0
for kind in "${!bytes[@]}"; do
  file=${files[$((n % ${#files[@]}))]}
  n=$((n + 1))
  root=$(make_root "bytes-$kind")
  # The bad bytes go into the first "name:" or "title:" value, at a known line.
  line=$(grep -n -m 1 -E '^ *(- )?(name|title): ' "$root/$file" | cut -d: -f1)
  "$PY" - "$root/$file" "$line" "${bytes[$kind]}" <<'PY'
import sys
path, line, raw = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode().decode("unicode_escape").encode("latin-1")
lines = open(path, "rb").read().split(b"\n")
lines[line - 1] = lines[line - 1] + b" x" + raw + b"y"
open(path, "wb").write(b"\n".join(lines))
PY
  hostile 1 "$root/out" build --root "$root"
  expect_error "^$file:$line:[0-9]+: error: "
  [ ! -e "$root/out" ] || fail "a build with bad bytes wrote $root/out"
done

# A multi-byte sequence cut by the end of the file.
root=$(make_root bytes-cut)
printf '# S\xc3' >>"$root/data/stakeholders.yaml"
hostile 1 "$root/out" check --root "$root"
expect_error '^data/stakeholders.yaml:[0-9]+:[0-9]+: error: '
echo "bad bytes: rejected at their position"
