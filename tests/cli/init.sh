#!/usr/bin/env bash
# docs/init.md: `plenary init DIR` writes a new committee's data root that checks and builds
# clean in both languages, with French comments under --lang fr and a schema line on every
# file; it refuses a DIR that is not new or empty (exit 2) and never follows a link or
# replaces a file.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing

for lang in en fr; do
  root="$WORK/$lang"
  run 0 "$PLENARY" init "$root" --lang "$lang"
  grep -q "^created $root/data/committee.yaml$" "$OUT" || fail "init did not report its files"
  grep -q "plenary check --root $root" "$OUT" || fail "init does not say what to do next"
  for f in data/committee.yaml data/sector-focus.yaml data/stakeholders.yaml \
           data/documents.yaml agendas/CCX-1.yaml data/task-groups/CCX-TG-EXAMPLE.yaml; do
    [ -f "$root/$f" ] || fail "$lang: $f not written"
    head -n 1 "$root/$f" | grep -E '^# yaml-language-server: \$schema=(\.\./)+schemas/[a-z-]+\.schema\.json$' >/dev/null ||
      fail "$lang: $f does not start with its schema line"
  done
  for s in committee sector-focus stakeholders task-group agenda documents outcomes style; do
    [ -f "$root/schemas/$s.schema.json" ] || fail "$lang: schemas/$s.schema.json not written"
  done
  # The contents the issue asks for, as the loader sees them.
  grep -q '^  - id: CCX-1 ' "$root/data/committee.yaml" || fail "$lang: no plenary"
  grep -q 'status: planned' "$root/data/committee.yaml" || fail "$lang: the plenary is not planned"
  grep -q 'kind: break' "$root/agendas/CCX-1.yaml" || fail "$lang: the agenda has no break"
  grep -q '^        items:' "$root/agendas/CCX-1.yaml" || fail "$lang: the agenda has no sub-item"
  grep -q '^status: planned' "$root/data/task-groups/CCX-TG-EXAMPLE.yaml" ||
    fail "$lang: the task group is not planned"
  grep -vq '^#' "$root/data/documents.yaml" && fail "$lang: documents.yaml has uncommented lines"

  run 0 "$PLENARY" check --root "$root"
  grep -q ': 0 errors, 0 warnings$' "$OUT" || fail "$lang: check is not clean: $(cat "$OUT")"
  [ -s "$ERR" ] && fail "$lang: check printed diagnostics"
  run 0 "$PLENARY" build --root "$root" --format all,md,html,ics --lang "$lang"
  [ -s "$ERR" ] && fail "$lang: build printed problems"
  for f in CCX-1-agenda.pdf CCX-1-agenda.docx CCX-1-agenda.md CCX-1-briefing-pack.pdf \
           CCX-1-briefing-pack.docx CCX-1.ics; do
    [ -s "$root/out/CCX-1/$f" ] || fail "$lang: build did not write CCX-1/$f"
  done
  check_documents_whole "$root/out"
  # The agenda as a reader sees it: the sub-item numbered 2.1, the break with its times.
  pdftotext -layout "$root/out/CCX-1/CCX-1-agenda.pdf" "$WORK/agenda-$lang.txt"
  grep -q '2\.1' "$WORK/agenda-$lang.txt" || fail "$lang: no item 2.1 in the agenda PDF"
done
# The French root's comments are French, the English root's English.
grep -q 'obligatoire' "$WORK/fr/data/committee.yaml" || fail "--lang fr: comments not in French"
grep -q 'obligatoire' "$WORK/en/data/committee.yaml" && fail "en: French comments"
grep -q 'required' "$WORK/en/data/committee.yaml" || fail "en: comments not in English"
grep -q 'Coffee break' "$WORK/en/out/CCX-1/CCX-1-agenda.md" || fail "en: the break is not shown"
grep -q 'Pause café' "$WORK/fr/out/CCX-1/CCX-1-agenda.md" || fail "fr: the break is not shown"

# Same program, same files: two roots are byte-identical.
run 0 "$PLENARY" init "$WORK/en2"
diff -r -x out "$WORK/en" "$WORK/en2" >/dev/null || fail "two init runs differ"

# An existing empty folder is fine.
mkdir "$WORK/empty"
run 0 "$PLENARY" init "$WORK/empty" --lang fr

# Refusals: exit 2, a message, nothing changed.
refuse() {
  local pattern=$1 dir=$2
  local before
  before=$(cd "$WORK" && find . -path ./stdout -prune -o -path ./stderr -prune -o -printf '%p %s %T@\n' | LC_ALL=C sort)
  run 2 "$PLENARY" init "$dir"
  grep -q -- "$pattern" "$ERR" || fail "init $dir: stderr does not say '$pattern': $(cat "$ERR")"
  [ "$before" = "$(cd "$WORK" && find . -path ./stdout -prune -o -path ./stderr -prune -o -printf '%p %s %T@\n' | LC_ALL=C sort)" ] ||
    fail "init $dir changed files"
}
refuse 'is not empty' "$WORK/en"                     # a committee already there
mkdir "$WORK/one-file" && echo keep >"$WORK/one-file/notes.txt"
refuse 'is not empty' "$WORK/one-file"
mkdir "$WORK/dot-file" && : >"$WORK/dot-file/.hidden"
refuse 'is not empty' "$WORK/dot-file"
mkdir "$WORK/dangling" && ln -s "$WORK/nowhere" "$WORK/dangling/data"
refuse 'is not empty' "$WORK/dangling"
[ ! -e "$WORK/nowhere" ] || fail "init followed a dangling link"
echo file >"$WORK/a-file"
refuse 'is not a folder' "$WORK/a-file"
mkdir "$WORK/target"
ln -s "$WORK/target" "$WORK/link"
refuse 'symbolic link' "$WORK/link"
[ -z "$(ls -A "$WORK/target")" ] || fail "init wrote through a symbolic link"
refuse 'parent folder must exist' "$WORK/no/such/parent"
refuse 'needs a folder' ""
run 2 "$PLENARY" init
grep -q 'init needs a folder' "$ERR" || fail "init without DIR: no message"
run 2 "$PLENARY" init "$WORK/x" --format pdf
grep -q "does not apply to 'init'" "$ERR" || fail "init --format: no message"
run 2 "$PLENARY" init "$WORK/y" --lang de
grep -q "bad value 'de' for --lang" "$ERR" || fail "init --lang de: no message"
[ ! -e "$WORK/x" ] && [ ! -e "$WORK/y" ] || fail "a refused init created its folder"

# A write that fails (a file-size limit of 0, as on a full disk) is exit 3 and names the file.
# (stderr goes through a pipe: the limit would stop it reaching a file too.) What it made is
# removed again.
run 3 bash -c 'trap "" XFSZ; (ulimit -f 0; exec "$0" init "$1") 2>&1 | cat >&2; exit "${PIPESTATUS[0]}"' \
  "$PLENARY" "$WORK/full"
grep -q "cannot write $WORK/full/.*: File too large" "$ERR" || fail "full disk: no message naming the file"
[ ! -e "$WORK/full" ] || fail "a failed init left $(find "$WORK/full")"
mkdir "$WORK/full2"
run 3 bash -c 'trap "" XFSZ; (ulimit -f 0; exec "$0" init "$1") 2>&1 | cat >&2; exit "${PIPESTATUS[0]}"' \
  "$PLENARY" "$WORK/full2"
[ -d "$WORK/full2" ] && [ -z "$(ls -A "$WORK/full2")" ] || fail "a failed init did not leave the empty DIR as it was"
echo "init: en and fr roots check and build clean; non-empty, file, link and missing parents refused"
