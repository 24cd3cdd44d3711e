#!/usr/bin/env bash
# Ids that try to climb out of the output folder ('../', absolute paths, a NUL, '/' or '\',
# reserved names such as '.', '..', 'CON', 'manifest.json', over-long names) are refused at their
# position, or, where harmless, give files inside --out only. Nothing is ever written outside
# --out, even when a link inside out/ points elsewhere.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

# set_id ROOT KIND INDEX-OR-ID: writes the id (as a YAML double-quoted string) in place of
# CCQM-32 (a plenary, with its agenda) or CCQM-TG-MNP (a task group, with its references).
set_id() {
  "$PY" - "$@" <<'PY'
import json, sys, glob
root, kind, which = sys.argv[1:4]
HOSTILE = ["../../escape", "/tmp/escape", "..", ".", "./x", "a/../../b", "a\\..\\..\\b",
           "C:\\evil", "x\0y", "~root", "-rf", "%2e%2e", "CCQM-30/../..", "\u00efd", "a b",
           "a:b", ".hidden", "x\ny", "", "\u202e", "CCQM\u00a030"]
if which == "count":
    print(len(HOSTILE)); sys.exit()
new = HOSTILE[int(which)] if which.isdigit() else which
q = json.dumps(new)
def edit(path, old, repl):
    s = open(path).read()
    assert old in s, (path, old)
    open(path, "w").write(s.replace(old, repl))
if kind == "everywhere":  # a valid id: replace both ids in every file
    import re
    for f in glob.glob(root + "/data/*.yaml") + glob.glob(root + "/data/task-groups/*.yaml") + glob.glob(root + "/data/outcomes/*.yaml") + glob.glob(root + "/agendas/*.yaml"):
        s = open(f).read()
        s = re.sub(r"(?<![\w-])(CCQM-32|CCQM-TG-MNP)(?![\w-])", lambda m: q if m.group(1) == "CCQM-32" else json.dumps(new + "-tg"), s)
        open(f, "w").write(s)
elif kind == "plenary":
    edit(root + "/data/committee.yaml", "  - id: CCQM-32\n", "  - id: " + q + "\n")
    edit(root + "/agendas/CCQM-32.yaml", "plenary: CCQM-32\n", "plenary: " + q + "\n")
    for a in glob.glob(root + "/data/outcomes/*.yaml"):  # actions due at CCQM-32
        s = open(a).read().replace("due: CCQM-32\n", "due: " + q + "\n")
        open(a, "w").write(s)
else:
    edit(root + "/data/task-groups/CCQM-TG-MNP.yaml", "id: CCQM-TG-MNP\n", "id: " + q + "\n")
    for a in glob.glob(root + "/agendas/*.yaml") + glob.glob(root + "/data/outcomes/*.yaml"):
        s = open(a).read().replace("CCQM-TG-MNP]", q + "]").replace("CCQM-TG-MNP\n", q + "\n")
        open(a, "w").write(s)
PY
}

count=$(set_id x x count)
for kind in plenary task-group; do
  for i in $(seq 0 $((count - 1))); do
    root=$(make_root "id-$kind-$i")
    set_id "$root" "$kind" "$i"
    file=data/committee.yaml
    [ $kind = plenary ] || file=data/task-groups/CCQM-TG-MNP.yaml
    hostile 1 "$root/out" build --root "$root"
    expect_error "^$file:[0-9]+:[0-9]+: error: "
    [ ! -e "$root/out" ] || fail "a build with hostile id $i wrote $root/out"
  done
done

# Valid ids that are unusual file names: reserved device names on Windows, names of the
# output folder's own files, a 200-character id. Accepted or refused, never outside --out.
for id in CON nul AUX.txt COM1 manifest.json task-groups out .plenary.lock "$(printf 'L%.0s' $(seq 1 200))" \
  "$(printf 'L%.0s' $(seq 1 300))"; do
  root=$(make_root "id-valid-${#id}-${id:0:8}")
  set_id "$root" everywhere "$id"
  hostile "0|1" "$root/out" build --root "$root" --format pdf
  if [ "$STATUS" -eq 0 ]; then
    [ -f "$root/out/manifest.json" ] || fail "no manifest for the id '$id'"
    check_outputs "$root/out"
  else
    expect_error "^data/(committee.yaml|task-groups/CCQM-TG-MNP.yaml):[0-9]+:[0-9]+: error: "
  fi
  echo "id '${id:0:20}' (${#id} chars): exit $STATUS"
done

# Links planted inside out/ that point outside it: the build refuses to follow them.
root=$(make_root id-planted-links)
mkdir -p "$SANDBOX/elsewhere" "$root/out"
ln -s "$SANDBOX/elsewhere" "$root/out/CCQM-32"
ln -s "$SANDBOX/elsewhere" "$root/out/task-groups"
hostile "1|3" "$root/out" build --root "$root" --format pdf
[ -z "$(ls -A "$SANDBOX/elsewhere")" ] || fail "the build wrote through a link out of out/"
grep -q 'outside' "$ERR" || fail "no message about the link leading outside the output folder"
# A planted link in place of a document file.
root=$(make_root id-planted-file)
mkdir -p "$root/out/CCQM-32"
echo keep >"$SANDBOX/victim"
ln -s "$SANDBOX/victim" "$root/out/CCQM-32/CCQM-32-agenda.pdf"
hostile "0|1|3" "$root/out" build --root "$root" --format pdf
[ "$(cat "$SANDBOX/victim")" = keep ] || fail "the build wrote through a link to a file outside out/"
echo "hostile ids: refused; planted links: exit $STATUS"
