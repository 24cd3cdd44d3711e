#!/usr/bin/env bash
# A multi-megabyte scalar: a file over the size limit is an error naming the limit; a few
# megabytes of text in a field that is printed give a correct document or a clear error,
# within seconds and bounded memory.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

# 20 MB of venue: over the 16 MiB limit per file.
root=$(make_root huge-file)
"$PY" -c 'import sys; sys.stdout.write("    venue: " + "a" * (20 << 20) + "\n")' >>"$root/data/committee.yaml"
hostile 1 "$root/out" build --root "$root"
expect_error "^data/committee.yaml(:[0-9]+:[0-9]+)?: error: .*larger than"

# A 4 MB scalar of words and a 4 MB single word in an agenda item title: over the 64 KiB
# limit per value, an error at the value's position (rendering it would take thousands of pages).
# Just under the limit (60 KB), both build a correct document.
for size in $((4 << 20)) 60000; do
  for shape in words word; do
    root=$(make_root "huge-$shape-$size")
    "$PY" - "$shape" "$root" "$size" <<'PY'
import sys
shape, root, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = ("lorem ipsum dolor sit amet " * (n // 27)) if shape == "words" else "m" * n
path = root + "/agendas/CCQM-31.yaml"
s = open(path).read()
s = s.replace("      - title: Opening of the meeting",
              "      - title: " + text.strip() + "\n        duration: 5\n      - title: Opening of the meeting", 1)
open(path, "w").write(s)
if n <= 65536:  # the same text as a paper's title: the document register's cell holds it too
    path = root + "/data/documents.yaml"
    s = open(path).read()
    s = s.replace("title: Draft agenda of the 31st meeting of the CCQM", "title: " + text.strip(), 1)
    open(path, "w").write(s)
PY
    line=$(grep -n -m 1 -E '(lorem|mmmm)' "$root/agendas/CCQM-31.yaml" | cut -d: -f1)
    if [ "$size" -gt 65536 ]; then
      hostile 1 "$root/out" build --root "$root"
      expect_error "^agendas/CCQM-31.yaml:$line:[0-9]+: error: value longer than 64 KiB"
      [ ! -e "$root/out" ] || fail "a failed build wrote documents"
    else
      hostile 0 "$root/out" build --root "$root" --only CCQM-31
      LONG_WORD_LETTER=$([ "$shape" = word ] && echo m) check_outputs "$root/out"
    fi
    echo "$size bytes of $shape in a title: exit $STATUS, peak $RSS_MB MB"
  done
done
