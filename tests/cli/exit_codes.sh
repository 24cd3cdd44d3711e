#!/usr/bin/env bash
# plenary exits 0 on success, 1 on input errors, 2 on usage errors, 3 when an output cannot be
# written, and says why on stderr.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root exit-codes)

# 0: --version, --help, a good build, check and list.
run 0 "$PLENARY" --version
grep -Eq '^plenary [0-9]+\.[0-9]+\.[0-9]+$' "$OUT" || fail "--version prints 'plenary X.Y.Z'"
run 0 "$PLENARY" --help
grep -q 'plenary build' "$OUT" || fail "--help shows the build command"
grep -q -- '--format' "$OUT" || fail "--help lists --format"
run 0 "$PLENARY" build --help
run 0 "$PLENARY" check --root "$root"
[ ! -e "$root/out" ] || fail "check created the output folder"
run 0 "$PLENARY" list --root "$root"
[ ! -e "$root/out" ] || fail "list created the output folder"

# 2: usage errors, each with a message naming the problem.
usage() {
  local pattern=$1
  shift
  run 2 "$PLENARY" "$@"
  grep -q -- "$pattern" "$ERR" || fail "'$*': stderr does not mention '$pattern'"
  [ ! -e "$root/out" ] || fail "'$*' created the output folder"
}
usage 'no command' 
usage "unknown command 'biuld'" biuld --root "$root"
usage "did you mean 'build'" biuld --root "$root"
usage "unknown option '--frobnicate'" build --frobnicate --root "$root"
usage "did you mean '--format'" build --fromat pdf --root "$root"
usage "does not exist" build --root "$WORK/no-such-root"
usage "not a folder" build --root "$root/data/committee.yaml"
usage "'epub' for --format" build --format epub --root "$root"
usage "expected a comma list of pdf, docx, md, html, ics or all" build --format epub --root "$root"
usage "'pdf' is given twice" build --format pdf,pdf --root "$root"
usage "an empty item" build --format pdf, --root "$root"
usage "an empty item" list --format ,md --root "$root"
usage "'de' for --lang" build --lang de --root "$root"
usage "'0' for --jobs" build --jobs 0 --root "$root"
usage "'many' for --jobs" build --jobs many --root "$root"
usage "needs a value" build --root "$root" --only
usage "needs a value" build --only --root "$root"
usage "no plenary or task group has this id" build --only NO-SUCH-ID --root "$root"
usage "does not apply to 'check'" check --force --root "$root"
usage "unexpected argument 'extra'" build extra --root "$root"
PLENARY_LOCK_TIMEOUT=soon usage "PLENARY_LOCK_TIMEOUT" build --root "$root"
# Ids are case-sensitive; a case typo is told so and named, whatever the edit distance.
usage "ids are case-sensitive; hint: did you mean 'CCQM-31'?" build --only ccqm-31 --root "$root"
usage "did you mean 'CCQM-TG-STAKEHOLDER'?" build --only ccqm-tg-stakeholder --root "$root"
# SOURCE_DATE_EPOCH must be seconds since 1970 that an ISO date of four digits can show.
SOURCE_DATE_EPOCH=yesterday usage "SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds" build --root "$root"
SOURCE_DATE_EPOCH=-5 usage "is not a number of seconds" check --root "$root"
SOURCE_DATE_EPOCH=253402300800 usage "after 9999-12-31T23:59:59Z" build --root "$root"
SOURCE_DATE_EPOCH=99999999999999999999999 usage "after 9999-12-31T23:59:59Z" list --root "$root"
SOURCE_DATE_EPOCH=253402300799 run 0 "$PLENARY" list --root "$root"

# 1: input errors, all at once, sorted, as path:line:col: error: message.
bad=$(make_root bad-input)
sed -i '0,/^  name:/s//  nmae:/' "$bad/data/committee.yaml"
agenda=$(ls "$bad"/agendas/*.yaml | head -n 1)
sed -i '0,/^plenary:/s//plenery:/' "$agenda"
run 1 "$PLENARY" build --root "$bad"
grep -Eq '^data/committee\.yaml:[0-9]+:[0-9]+: error: .*nmae' "$ERR" || fail "committee error missing"
grep -Eq "^agendas/$(basename "$agenda"):[0-9]+:[0-9]+: error: " "$ERR" || fail "agenda error missing"
errors=$(grep ': error: ' "$ERR")
[ "$errors" = "$(echo "$errors" | LC_ALL=C sort -t: -k1,1 -k2,2n -k3,3n -s)" ] || fail "errors not sorted"
[ ! -e "$bad/out" ] || fail "a build with input errors created out/"
run 1 "$PLENARY" check --root "$bad"
grep -Eq '^data/committee\.yaml:[0-9]+:[0-9]+: error: ' "$ERR" || fail "check: no error printed"
run 1 "$PLENARY" list --root "$bad"
[ ! -e "$bad/out" ] || fail "check or list created out/"
# A data root without data/ at all is an input error, not a crash.
mkdir "$WORK/empty"
run 1 "$PLENARY" build --root "$WORK/empty"
[ ! -e "$WORK/empty/out" ] || fail "an empty root got an out/ folder"

# 3: the output folder cannot be written: it is a file, or under a file. (Tests run as root,
# so permissions alone would not stop the writes.)
printf 'not a folder\n' >"$WORK/out-file"
run 3 "$PLENARY" build --root "$root" --out "$WORK/out-file"
grep -q "out-file" "$ERR" || fail "exit 3 does not name the output folder"
[ "$(cat "$WORK/out-file")" = "not a folder" ] || fail "the file given as --out was changed"
run 3 "$PLENARY" build --root "$root" --out "$WORK/out-file/sub"
# One document's folder is blocked by a file: the others are written, the exit status is 3
# and the failed line names it; a later build, once unblocked, completes.
run 0 "$PLENARY" list --root "$root"
first=$(head -n 1 "$OUT")
folder=$(dirname "$first")
[ "$folder" != "." ] || fail "expected documents in sub-folders"
mkdir -p "$WORK/blocked"
printf 'in the way\n' >"$WORK/blocked/$folder"
run 3 "$PLENARY" build --root "$root" --out "$WORK/blocked"
grep -q "^failed $first" "$ERR" || fail "no 'failed $first' line"
grep -Eq '^built [0-9]+, unchanged 0, failed [1-9][0-9]* in ' "$OUT" || fail "no summary after a failure"
written=$(tree_documents "$WORK/blocked" | wc -l)
[ "$written" -gt 0 ] || fail "the documents that could be written were not"
no_temp_files "$WORK/blocked"
rm "$WORK/blocked/$folder"
run 0 "$PLENARY" build --root "$root" --out "$WORK/blocked"
grep -Eq '^built [1-9][0-9]*, unchanged '"$written"', failed 0 in ' "$OUT" ||
  fail "the next build did not complete the blocked documents only"
echo "ok"
