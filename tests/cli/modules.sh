#!/usr/bin/env bash
# docs/performance.md "Round 6b": the meeting book's adapter (libqpdf, with GnuTLS) and the
# calendars' (libical, with ICU) are modules of the program, plenary-book-qpdf.so and
# plenary-ics-libical.so beside plenary-engine, loaded on first use. Checked here: the engine
# does not load those libraries when it starts (readelf), each module does; a build that writes
# neither a book nor a calendar opens neither module nor library (strace), a calendar build
# opens the calendars' alone, a PDF build with a meeting book the book's; and what they write
# is there (the bytes are compared with the modules' own tests and the goldens). Without its
# modules the engine names the missing one in the outputs that need it and writes the rest.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
dir="$(dirname "$PLENARY")"
engine="$dir/plenary-engine"
book_module="$dir/plenary-book-qpdf.so"
ics_module="$dir/plenary-ics-libical.so"
for f in "$engine" "$book_module" "$ics_module"; do [ -f "$f" ] || fail "no $f beside $PLENARY"; done

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'; }
engine_needs=$(needed "$engine")
grep -q '^libPocoFoundation' <<<"$engine_needs" || fail "the engine does not load Poco: wrong file?"
grep -qE '^lib(qpdf|ical|gnutls|icu)' <<<"$engine_needs" &&
  fail "the engine still loads at start: $(grep -E '^lib(qpdf|ical|gnutls|icu)' <<<"$engine_needs")"
grep -q '^libqpdf' <<<"$(needed "$book_module")" || fail "$book_module does not load libqpdf"
grep -q '^libical' <<<"$(needed "$ics_module")" || fail "$ics_module does not load libical"

root=$(make_root modules)

# An engine without its modules beside it (an incomplete installation): no crash; each output
# that needs a module fails with a message naming it, the others are written.
mkdir -p "$WORK/bare"
cp "$engine" "$WORK/bare/plenary-engine"
touch "$WORK/bare/CMakeCache.txt"  # "run from the build tree": the repository's templates
run 3 "$WORK/bare/plenary-engine" build --root "$root" --out "$WORK/bare-ics" --format ics,docx
grep -q "the calendar writer failed: cannot load the program's module plenary-ics-libical.so" "$OUT" "$ERR" ||
  fail "a missing calendar module is not named"
ls "$WORK/bare-ics"/*/*.docx >/dev/null || fail "the DOCX outputs were not written beside the failed calendars"
run 1 "$WORK/bare/plenary-engine" build --root "$root" --out "$WORK/bare-pdf" --format pdf
grep -q "error: cannot load the program's module plenary-book-qpdf.so" "$OUT" "$ERR" ||
  fail "a missing book module is not named"
[ -s "$WORK/bare-pdf/CCQM-32/CCQM-32-briefing-pack.pdf" ] || fail "the pack was not written beside the failed book"

command -v strace >/dev/null || { echo "strace not installed: the rest skipped"; exit 77; }
strace -qq -o /dev/null true 2>/dev/null || { echo "ptrace not permitted here: the rest skipped"; exit 77; }

# opened FORMAT: builds the root in FORMAT under strace; the names of the files opened to be read.
opened() {
  rm -rf "$WORK/out"
  SOURCE_DATE_EPOCH=1700000000 ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -qq -e trace=open,openat,openat2 -e signal=none -o "$WORK/trace" \
    "$PLENARY" build --root "$root" --out "$WORK/out" --format "$1" --quiet >"$OUT" 2>"$ERR" ||
    fail "build --format $1 failed"
  # O_PATH: a handle for a Landlock rule (the modules are readable by a confined build), never a load.
  grep -v ' = -1 ' "$WORK/trace" | grep -v 'O_PATH' | sed -n 's/.*"\([^"]*\)".*/\1/p' | xargs -r -n 1 basename | sort -u
}

files=$(opened docx)
ls "$WORK/out"/*/*.docx >/dev/null || fail "the DOCX build wrote no .docx"
grep -E '^(plenary-.*\.so|libqpdf|libgnutls|libical|libicu)' <<<"$files" &&
  fail "a DOCX build opened a module or its libraries (above)"

files=$(opened ics)
ls "$WORK/out"/*/*.ics >/dev/null || fail "the calendar build wrote no .ics"
grep -qx 'plenary-ics-libical.so' <<<"$files" || fail "a calendar build did not open its module"
grep -q '^libical' <<<"$files" || fail "a calendar build did not open libical"
grep -E '^(plenary-book-qpdf\.so|libqpdf|libgnutls)' <<<"$files" &&
  fail "a calendar build opened the book's module or libraries (above)"

files=$(opened pdf)
ls "$WORK/out"/*/*-book.pdf >/dev/null || fail "the PDF build wrote no meeting book"
grep -qx 'plenary-book-qpdf.so' <<<"$files" || fail "a build with a meeting book did not open its module"
grep -q '^libqpdf' <<<"$files" || fail "a build with a meeting book did not open libqpdf"
grep -E '^(plenary-ics-libical\.so|libical)' <<<"$files" &&
  fail "a PDF build opened the calendars' module or libraries (above)"
echo "engine starts without libqpdf and libical; each module opened by the builds that need it alone"
