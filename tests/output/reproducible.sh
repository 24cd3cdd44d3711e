#!/usr/bin/env bash
# Two forced builds give byte-identical outputs, whatever the time zone, locale, job count or
# wall-clock time.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root reproducible)
unset SOURCE_DATE_EPOCH

run 0 env TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 "$PLENARY" build --root "$root" --out "$WORK/a" --force --jobs 1
a=$(tree_digest "$WORK/a")
sleep 1.1  # a different second on the clock
# fr_FR.UTF-8 may not be installed; the program must not care either way.
run 0 env TZ=Pacific/Auckland LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$PLENARY" build --root "$root" \
  --out "$WORK/b" --force --jobs 4
[ "$(tree_digest "$WORK/b")" = "$a" ] || {
  diff <(echo "$a") <(tree_digest "$WORK/b") >&2 || true
  fail "builds under different TZ/locale/jobs differ"
}

# --format docx alone gives the same DOCX files as --format all (the PDF layout that numbers
# the DOCX contents runs either way), and --format pdf the same PDFs.
run 0 "$PLENARY" build --root "$root" --out "$WORK/docx-only" --format docx
[ "$(tree_digest "$WORK/docx-only" | grep '\.docx$')" = "$(echo "$a" | grep '\.docx$')" ] ||
  fail "--format docx differs from the DOCX of --format all"
run 0 "$PLENARY" build --root "$root" --out "$WORK/pdf-only" --format pdf
[ "$(tree_digest "$WORK/pdf-only" | grep '\.pdf$')" = "$(echo "$a" | grep '\.pdf$')" ] ||
  fail "--format pdf differs from the PDFs of --format all"

# The same for Markdown, and for French texts.
for args in "--format md" "--lang fr"; do
  run 0 env TZ=UTC "$PLENARY" build --root "$root" --out "$WORK/c" --force $args
  c=$(tree_digest "$WORK/c")
  run 0 env TZ=America/St_Johns LC_ALL=fr_FR.UTF-8 "$PLENARY" build --root "$root" --out "$WORK/d" --force $args
  [ "$(tree_digest "$WORK/d")" = "$c" ] || fail "two builds with $args differ"
  rm -rf "$WORK/c" "$WORK/d"
done

# SOURCE_DATE_EPOCH is an input: changing it rebuilds, setting it back gives the old bytes.
run 0 env SOURCE_DATE_EPOCH=1700000000 "$PLENARY" build --root "$root" --out "$WORK/e" --force
e=$(tree_digest "$WORK/e")
run 0 env SOURCE_DATE_EPOCH=1700000000 "$PLENARY" build --root "$root" --out "$WORK/e"
[[ "$(summary_line)" == "built 0, "* ]] || fail "same SOURCE_DATE_EPOCH rebuilt documents"
run 0 env SOURCE_DATE_EPOCH=1800000000 "$PLENARY" build --root "$root" --out "$WORK/e"
[[ "$(summary_line)" != "built 0, "* ]] || fail "a new SOURCE_DATE_EPOCH did not rebuild"
run 0 env SOURCE_DATE_EPOCH=1700000000 "$PLENARY" build --root "$root" --out "$WORK/e" --force
[ "$(tree_digest "$WORK/e")" = "$e" ] || fail "SOURCE_DATE_EPOCH builds are not reproducible"
echo "ok"
