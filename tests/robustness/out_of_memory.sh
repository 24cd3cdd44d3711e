#!/usr/bin/env bash
# Out of memory while reading the inputs: an 11 MB stakeholders file (within every limit) read
# with too little address space ends in an input error at the root, exit 1 — never
# "unexpected failure: std::bad_alloc" with exit 3, which tells a nightly job to retry.
# Skipped under the sanitizers, which need terabytes of address space.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing
[ "${PLENARY_SANITIZED:-0}" = 1 ] && { echo "skipped under the sanitizers"; exit 77; }

root=$(make_root oom)
"$PY" - "$root/data/stakeholders.yaml" <<'PYEOF'
import sys
rows = [f"  - id: s{i}\n    name: Stakeholder number {i} with a long name to take room\n    kind: other"
        for i in range(120000)]
open(sys.argv[1], "w").write("criteria: []\nstakeholders:\n" + "\n".join(rows) + "\n")
PYEOF
for cmd in check build; do
  STATUS=0
  (ulimit -v 300000; exec "$PLENARY" $cmd --root "$root" --out "$SANDBOX/out-oom") >"$OUT" 2>"$ERR" || STATUS=$?
  [ "$STATUS" = 1 ] || fail "$cmd with too little memory exited $STATUS, expected 1: $(head -c 400 "$ERR")"
  expect_error "^$root: error: reading the data needs more memory than is available"
  grep -q 'bad_alloc\|unexpected failure' "$ERR" && fail "$cmd: an unexpected failure was reported"
done
[ ! -e "$SANDBOX/out-oom" ] || fail "a build that ran out of memory reading the inputs created out/"
echo "out of memory while reading: an input error at the root, exit 1"
