#!/usr/bin/env bash
# Ids that differ only in case (CCQM-31 and ccqm-31) would give output paths that overwrite each
# other on case-insensitive file systems (Windows and macOS shares): an error at the record's
# id, exit 1, for build and check alike, nothing written.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root case-ids)
# CCQM-32 becomes ccqm-31 everywhere it is named (its agenda file keeps its name).
"$PY" - "$root" <<'PY'
import glob, re, sys
root = sys.argv[1]
for f in glob.glob(root + "/data/*.yaml") + glob.glob(root + "/data/task-groups/*.yaml") + glob.glob(root + "/data/outcomes/*.yaml") + glob.glob(root + "/agendas/*.yaml"):
    s = open(f).read()
    t = re.sub(r"(?<![\w-])CCQM-32(?![\w-])", "ccqm-31", s)
    if t != s:
        open(f, "w").write(t)
PY
hostile 1 "$root/out" build --root "$root" --format md
expect_error "^data/committee.yaml:[0-9]+:[0-9]+: error: the id 'ccqm-31' gives the output path 'ccqm-31', which differs only in case from 'CCQM-31'"
[ ! -e "$root/out" ] || fail "a build with ids differing only in case wrote $root/out"
hostile 1 "$root/out" check --root "$root"
expect_error "differs only in case"
echo "ids differing only in case: refused"
