#!/usr/bin/env bash
# Aliases that repeat a long value: a 60 KB string (under the 64 KiB a value may have) repeated
# 100,000 times through five levels of anchors (111,111 nodes, under the node limit) claims
# 6 GB for whoever copies the values out. In a data file or in i18n/en.yaml it is an error at
# the file ("expands to more than 64 MiB of text"), exit 1, quickly and in little memory; it
# used to end in "unexpected failure: std::bad_alloc", exit 3, which a nightly job retries.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

bomb() {  # appends the bomb to a YAML mapping file
  "$PY" - "$1" <<'PY'
import sys
lines = ['zz0: &zz0 "' + "x" * 60000 + '"']
for i in range(1, 6):
    lines.append(f"zz{i}: &zz{i} [" + ",".join([f"*zz{i-1}"] * 10) + "]")
open(sys.argv[1], "a").write("\n" + "\n".join(lines) + "\n")
PY
}

root=$(make_root long-aliases-i18n)
mkdir -p "$root/templates/i18n"
cp "$PLENARY_SOURCE_DIR/templates/i18n/en.yaml" "$root/templates/i18n/en.yaml"
bomb "$root/templates/i18n/en.yaml"
hostile 1 "$root/out" build --root "$root" --format md
expect_error '^templates/i18n/en.yaml:[0-9]+:[0-9]+: error: file expands to more than 64 MiB of text'
echo "i18n: exit $STATUS, ${RSS_MB} MB"

root=$(make_root long-aliases-data)
bomb "$root/data/committee.yaml"
hostile 1 "$root/out" build --root "$root" --format md
expect_error '^data/committee.yaml:[0-9]+:[0-9]+: error: file expands to more than 64 MiB of text'
echo "data: exit $STATUS, ${RSS_MB} MB"
