#!/usr/bin/env bash
# The meeting book is the same bytes whether its briefing pack was written in the same run (a
# forced full build, one worker or two: the book reads the pack the first wave just wrote) or
# not (the pack left from an earlier build, the book alone built: --only <paper>, or the book
# deleted). The book lays the pack out again from the model and frees what it has read of the
# pack's file early (docs/performance.md, "memory"); none of that may show in its bytes.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1
export SOURCE_DATE_EPOCH=1700000000
root=$(make_root sample)
book=CCQM-32/CCQM-32-book.pdf
pack=CCQM-32/CCQM-32-briefing-pack.pdf

# 1. Pack and book in one run, on two workers and on one.
run 0 "$PLENARY" build --root "$root" --out "$WORK/both" --format pdf --force --jobs 2
[ -s "$WORK/both/$book" ] || fail "no $book in the sample's build"
built_paths | grep -x "$pack" >/dev/null || fail "the pack was not built in the same run"
run 0 "$PLENARY" build --root "$root" --out "$WORK/one" --format pdf --force --jobs 1
cmp "$WORK/both/$book" "$WORK/one/$book" || fail "the book differs between --jobs 2 and --jobs 1"

# 2. The book alone, the pack on disk from the earlier build: by --only with one of its papers.
ref=$(sed -n 's/^ *- ref: *//p' "$root/data/documents.yaml" | head -1)
cp -r "$WORK/both" "$WORK/alone"
run 0 "$PLENARY" build --root "$root" --out "$WORK/alone" --format pdf --force --only "$ref"
[ "$(built_paths)" = "$book" ] || fail "--only $ref built: $(built_paths | tr '\n' ' ')"
cmp "$WORK/both/$book" "$WORK/alone/$book" || fail "the book built alone (--only $ref) differs"

# 3. The book deleted: the next build writes it alone, from the pack it left.
rm "$WORK/alone/$book"
run 0 "$PLENARY" build --root "$root" --out "$WORK/alone" --format pdf
[ "$(built_paths)" = "$book" ] || fail "after deleting the book, the build built: $(built_paths | tr '\n' ' ')"
cmp "$WORK/both/$book" "$WORK/alone/$book" || fail "the book rebuilt alone differs"
cmp "$WORK/both/$pack" "$WORK/alone/$pack" || fail "the pack changed"
echo "PASS: $book the same bytes with its pack built in the same run or before ($(stat -c %s "$WORK/both/$book") bytes)"
