#!/usr/bin/env bash
# Nesting thousands of levels deep (flow lists, flow mappings, block mappings, block lists)
# ends with an error at the file's position, never a stack overflow.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

deep() {  # kind depth -> a value nested depth levels deep
  "$PY" - "$1" "$2" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
if kind == "flow-list":
    print("venue: " + "[" * n + "x" + "]" * n)
elif kind == "flow-map":
    print("venue: " + "{a: " * n + "x" + "}" * n)
elif kind == "block-map":
    print("venue:")
    for i in range(n):
        print("  " * (i + 1) + "k%d:" % i)
    print("  " * (n + 1) + "x")
elif kind == "block-list":
    print("venue:")
    print("".join("  " * (i + 1) + "-\n" for i in range(n)) + "  " * (n + 1) + "x")
PY
}

for kind in flow-list flow-map block-map block-list; do
  for depth in 100 2000; do
    root=$(make_root "deep-$kind-$depth")
    # Replaces the venue of the first plenary with the deep value.
    deep "$kind" "$depth" | sed 's/^/    /' >"$WORK/value"
    "$PY" - "$root/data/committee.yaml" "$WORK/value" <<'PY'
import sys
path, value = sys.argv[1], open(sys.argv[2]).read()
lines = open(path).read().split("\n")
i = next(n for n, l in enumerate(lines) if l.strip().startswith("venue:"))
lines[i] = value.rstrip("\n")
open(path, "w").write("\n".join(lines))
PY
    hostile 1 "$root/out" build --root "$root"
    expect_error "^data/committee.yaml:[0-9]+:[0-9]+: error: "
    [ ! -e "$root/out" ] || fail "a build with a deep file wrote $root/out"
  done
done

# Agenda items nested deeper than the four levels that have numbers (4.1.1.1).
root=$(make_root deep-items)
"$PY" - "$root/agendas/CCQM-31.yaml" <<'PY'
import sys
n = 10
item = "{title: leaf, duration: 5}"
for i in range(n):
    item = "{title: level %d, items: [%s]}" % (n - i, item)
text = open(sys.argv[1]).read()
text = text.replace("    items:\n", "    items:\n      - " + item + "\n", 1)
open(sys.argv[1], "w").write(text)
PY
hostile 1 "$root/out" build --root "$root"
expect_error "^agendas/CCQM-31.yaml:[0-9]+:[0-9]+: error: "
echo "deep nesting: rejected"
