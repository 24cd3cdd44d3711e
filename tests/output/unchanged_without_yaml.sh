#!/usr/bin/env bash
# An unchanged build parses no YAML (a breakpoint in yaml-cpp's parser is never hit), yet every
# change is still noticed and rebuilds what it should: an edited data file, a task group or an
# agenda added or removed, a file added beside them, a template override added or changed, a
# damaged or deleted output, another SOURCE_DATE_EPOCH, --only. The warnings of the data are
# said again, exactly as the ordinary build says them. (Which documents a change concerns is
# incremental.sh's subject; here, that the change reaches the ordinary build at all, and that
# the fast path comes back right after.)
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing
command -v gdb >/dev/null || fail "gdb is not installed (scripts/install-deps.sh installs it)"

export SOURCE_DATE_EPOCH=1700000000
root=$(make_root fast)
out="$root/out"

# yaml_parses ARGS...: runs `plenary build ARGS` under gdb and prints 0 when yaml-cpp's parser
# never started a document, else 1 (gdb stops the build there, before out/ is touched). The
# arguments go through gdb's `run` line: no spaces in them.
yaml_parses() {
  # Under the sanitizers LeakSanitizer cannot run beneath a tracer (gdb): its check is left out.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" gdb -q -batch -ex 'set breakpoint pending on' -ex 'break YAML::Parser::HandleNextDocument' \
    -ex "run build --root $root $* >$WORK/gdb.out 2>$WORK/gdb.err" -ex 'info breakpoints' \
    "$PLENARY" >"$WORK/gdb" 2>&1 || true
  if grep -q 'already hit' "$WORK/gdb"; then
    echo 1
  elif grep -q 'exited normally' "$WORK/gdb"; then
    echo 0
  else
    fail "gdb could not run plenary: $(tail -n 5 "$WORK/gdb")"
  fi
}

# unchanged_now WHAT: the next build parses no YAML, and one more reports no output built.
unchanged_now() {
  [ "$(yaml_parses)" = 0 ] || fail "$1: the next unchanged build parsed YAML"
  grep -q '^built 0, unchanged [1-9][0-9]*, failed 0 in ' "$WORK/gdb.out" ||
    fail "$1: the unchanged build's summary: $(tail -n 1 "$WORK/gdb.out")"
  run 0 "$PLENARY" build --root "$root"
  [ -z "$(built_paths)" ] || fail "$1: an unchanged build rebuilt $(built_paths | tr '\n' ' ')"
}

# noticed WHAT: the change made just before reaches the ordinary build (yaml-cpp parses);
# then the build proper runs (its output in $OUT for the caller to check).
noticed() {
  [ "$(yaml_parses)" = 1 ] || fail "$1: not noticed (no YAML parsed)"
  run 0 "$PLENARY" build --root "$root"
}

run 0 "$PLENARY" build --root "$root"
all=$(tree_documents "$out")
n=$(echo "$all" | wc -l)
unchanged_now "after a first build"
stamps=$(tree_stamps "$out")
run 0 "$PLENARY" build --root "$root"
[[ "$(summary_line)" == "built 0, unchanged $n, failed 0 in "* ]] || fail "summary: $(summary_line)"
[ "$(grep -c '^unchanged ' "$OUT")" -eq "$n" ] || fail "expected $n 'unchanged' lines"
[ "$(tree_stamps "$out")" = "$stamps" ] || fail "an unchanged build touched out/"
# The record holds hashes and relative names only: nothing of this machine.
grep -q '"unchanged_check"' "$out/manifest.json" || fail "the manifest has no unchanged_check"
grep -q "$WORK" "$out/manifest.json" && fail "the manifest names a path of this machine"

# 1. An edited data file: the committee's name is on every document.
sed -i '0,/^  name: /s//  name: Edited /' "$root/data/committee.yaml"
grep -q '^  name: Edited ' "$root/data/committee.yaml" || fail "could not edit committee.yaml"
noticed "an edited committee.yaml"
# Every PDF and DOCX shows it (a calendar or the stylesheet need not).
[ "$(built_paths | grep -E '\.(pdf|docx)$')" = "$(echo "$all" | grep -E '\.(pdf|docx)$')" ] ||
  fail "an edited committee name: expected every PDF and DOCX rebuilt"
unchanged_now "an edited committee.yaml"

# 2. A task group added (a closed one copied under a new id): its final report is built.
tg_file=$(grep -l '^status: closed' "$root"/data/task-groups/*.yaml | head -n 1)
sed "s/^id: .*/id: CCQM-TG-ADDED/" "$tg_file" >"$root/data/task-groups/CCQM-TG-ADDED.yaml"
noticed "an added task group"
built_paths | grep '^task-groups/CCQM-TG-ADDED-final-report\.pdf$' >/dev/null ||
  fail "the added task group's final report was not built"
unchanged_now "an added task group"

# 3. ... and removed again: no longer planned, so no longer reported.
rm "$root/data/task-groups/CCQM-TG-ADDED.yaml"
noticed "a removed task group"
grep -q 'CCQM-TG-ADDED' "$OUT" && fail "a removed task group's outputs are still reported"
unchanged_now "a removed task group"

# 4. A file added beside the agendas (not an agenda): noticed, nothing rebuilt.
echo "notes" >"$root/agendas/notes.txt"
noticed "a file added to agendas/"
[ -z "$(built_paths)" ] || fail "a file beside the agendas rebuilt $(built_paths | tr '\n' ' ')"
unchanged_now "a file added to agendas/"

# 5. An agenda removed: its plenary's agenda is no longer planned; added back: built again.
agenda=$(ls "$root"/agendas/*.yaml | tail -n 1)
plenary=$(basename "$agenda" .yaml)
mv "$agenda" "$WORK/kept-agenda.yaml"
noticed "a removed agenda"
grep -q "^[a-z]* $plenary/$plenary-agenda\." "$OUT" && fail "a removed agenda is still reported"
unchanged_now "a removed agenda"
mv "$WORK/kept-agenda.yaml" "$agenda"
noticed "an agenda added back"
grep -q "$plenary/$plenary-agenda\.pdf" "$OUT" || fail "the agenda added back is not reported"
unchanged_now "an agenda added back"

# 6. A template override added in the data root, then changed: every agenda is rebuilt.
agendas=$(echo "$all" | grep -- '-agenda\.')
mkdir -p "$root/templates"
cp "$PLENARY_SOURCE_DIR/templates/agenda.md" "$root/templates/agenda.md"
echo "Overridden." >>"$root/templates/agenda.md"
noticed "an added override"
[ "$(built_paths)" = "$agendas" ] || fail "an added override: got $(built_paths | tr '\n' ' ')"
unchanged_now "an added override"
echo "Overridden again." >>"$root/templates/agenda.md"
noticed "a changed override"
[ "$(built_paths)" = "$agendas" ] || fail "a changed override: got $(built_paths | tr '\n' ' ')"
unchanged_now "a changed override"

# 7. A damaged output (size and time kept) and a deleted one: those two, nothing else.
first=$(head -n 1 <<<"$all")
last=$(echo "$all" | tail -n 1)
python3 - "$out/$first" <<'PY'
import os, sys
p = sys.argv[1]; st = os.stat(p)
b = bytearray(open(p, 'rb').read()); b[len(b) // 2] ^= 0x20
open(p, 'wb').write(b); os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
PY
rm "$out/$last"
noticed "a damaged and a deleted output"
[ "$(built_paths)" = "$(printf '%s\n%s\n' "$first" "$last" | LC_ALL=C sort)" ] ||
  fail "a damaged and a deleted output: got $(built_paths | tr '\n' ' ')"
unchanged_now "a damaged and a deleted output"

# 7b. A paper of the register changed (one byte more at its end, still a PDF): noticed, and
#     only the meeting books holding it are rebuilt; a register written where there was none
#     (or only comments) is noticed too.
if [ -f "$root/data/documents.yaml" ]; then
  paper=$(sed -n 's/^ *file: *\(papers\/[^ ]*\.pdf\) *$/\1/p' "$root/data/documents.yaml" | head -n 1)
  [ -n "$paper" ] || fail "the sample register names no PDF paper"
  printf '%% one more line\n' >>"$root/$paper"
  noticed "a changed paper"
  built_paths | grep -v -- '-book\.pdf$' >/dev/null && fail "a changed paper rebuilt more than books: $(built_paths | tr '\n' ' ')"
  [ -n "$(built_paths)" ] || fail "a changed paper rebuilt no book"
  unchanged_now "a changed paper"
  mv "$root/data/documents.yaml" "$WORK/kept-documents.yaml"
  echo "# the register, every entry still to come" >"$root/data/documents.yaml"
  noticed "a register with comments only"
  mv "$WORK/kept-documents.yaml" "$root/data/documents.yaml"
  noticed "the register back"
  unchanged_now "the register back"
fi

# 8. Another SOURCE_DATE_EPOCH, another --only: not the recorded build's options.
[ "$(SOURCE_DATE_EPOCH=1700000001 yaml_parses)" = 1 ] || fail "another SOURCE_DATE_EPOCH: not noticed"
[ "$(yaml_parses --only "$plenary")" = 1 ] || fail "--only $plenary used the full build's record"
unchanged_now "the recorded options again"

# 9. A build with a warning records nothing: the next one says the warning again.
active=$(grep -L '^status: closed' "$root"/data/task-groups/*.yaml | head -n 1)
active_id=$(sed -n 's/^id: *//p' "$active" | tr -d '"'"'" | tr -d '\r')
run 0 "$PLENARY" build --root "$root" --only "$active_id"
grep -q ": warning: " "$ERR" || fail "no warning for --only $active_id"
run 0 "$PLENARY" build --root "$root" --only "$active_id"
grep -q ": warning: " "$ERR" || fail "the warning was not said again"

# 10. A committee whose data gives warnings (the benchmark's grown committee: extensions
#     approved without a decision naming them): the unchanged build parses no YAML and says
#     exactly what the ordinary unchanged build says, warnings included.
root="$WORK/grown"
python3 "$PLENARY_SOURCE_DIR/tests/bench/grow.py" "$PLENARY_SOURCE_DIR" "$root" 1 >/dev/null
run 0 "$PLENARY" build --root "$root"
grep -q ': warning: ' "$ERR" || fail "the grown committee gives no warning: scenario void"
[ "$(yaml_parses)" = 0 ] || fail "a committee with warnings: the unchanged build parsed YAML"
run 0 "$PLENARY" build --root "$root"
cp "$ERR" "$WORK/fast.err"
sed 's/ in [0-9.]* s$//' "$OUT" >"$WORK/fast.out"
python3 - "$root/out/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m.pop("unchanged_check")
json.dump(m, open(sys.argv[1], "w"), indent=2)
PY
[ "$(yaml_parses)" = 1 ] || fail "without the record the build did not load the data"
run 0 "$PLENARY" build --root "$root"
cmp -s "$ERR" "$WORK/fast.err" || fail "the unchanged build without YAML printed other diagnostics"
sed 's/ in [0-9.]* s$//' "$OUT" | cmp -s - "$WORK/fast.out" ||
  fail "the unchanged build without YAML printed another report"
echo "ok"
