#!/usr/bin/env bash
# docs/performance.md "memory": plenary-engine runs with the allocator the build chose
# (PLENARY_ALLOCATOR, given as $1) and, for jemalloc, with the options the program sets
# (src/alloc/jemalloc_conf.cpp), read back from jemalloc's own statistics at exit. Checked
# with the dynamic loader's record of its bindings: every library's malloc, free, calloc and
# realloc are jemalloc's (libharu's, libqpdf's and libstdc++'s operator new among them),
# none the C library's. The front (`plenary`) never loads it; the sanitizer and fuzz builds
# keep the C library's malloc (ASan replaces it), which is checked there.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
allocator=${1:?usage: allocator.sh jemalloc|system}
engine="$(dirname "$PLENARY")/plenary-engine"
[ -x "$engine" ] || fail "no plenary-engine beside $PLENARY"
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'; }

front_libs=$(needed "$PLENARY" | tr '\n' ' ')
engine_libs=$(needed "$engine" | tr '\n' ' ')
[[ "$engine_libs" == *libc.so.6* ]] || fail "readelf found no libc in the engine's NEEDED: wrong file?"
[[ "$front_libs" == *jemalloc* ]] && fail "the front loads jemalloc: $front_libs"
if [ "$allocator" = system ]; then
  [[ "$engine_libs" == *jemalloc* ]] && fail "built with PLENARY_ALLOCATOR=system, the engine loads jemalloc"
  root=$(make_root sample)
  run 0 "$engine" build --root "$root" --out "$WORK/out" --format docx --quiet
  echo "PASS: the engine uses the C library's malloc (PLENARY_ALLOCATOR=system)"
  exit 0
fi
[ "$allocator" = jemalloc ] || fail "unknown allocator '$allocator'"

# 1. Loaded, and before the C library (the loader binds a symbol to the first that defines it).
[[ "$engine_libs" == *"libjemalloc.so"*"libc.so.6"* ]] ||
  fail "the engine does not load jemalloc before libc: $engine_libs"

# 2. A build of the sample (PDF: libharu, the meeting book through libqpdf) with the loader's
#    bindings recorded and jemalloc's statistics printed at exit (MALLOC_CONF adds stats_print
#    to the program's own options; it sets none of them).
root=$(make_root sample)
LD_DEBUG=bindings LD_DEBUG_OUTPUT="$WORK/ld" MALLOC_CONF=stats_print:true \
  run 0 "$engine" build --root "$root" --out "$WORK/out" --format pdf --quiet
ls "$WORK"/out/*/*-book.pdf >/dev/null 2>&1 || fail "the sample's build wrote no meeting book"
cat "$WORK"/ld.* >"$WORK/bindings"
symbol_re="normal symbol \`(malloc|free|calloc|realloc)'"
grep -E "$symbol_re" "$WORK/bindings" >"$WORK/alloc-bindings" || fail "the loader recorded no malloc binding"
if grep -v 'libjemalloc.so' "$WORK/alloc-bindings" >"$WORK/elsewhere"; then
  fail "malloc bound elsewhere than jemalloc: $(head -3 "$WORK/elsewhere")"
fi
for lib in libhpdf libqpdf libstdc++ libcmark-gfm; do
  grep -q "binding file [^ ]*/$lib[^ ]* \[0\] to [^ ]*libjemalloc.so[^ ]* \[0\]: normal symbol \`malloc'" \
    "$WORK/alloc-bindings" || fail "$lib's malloc is not bound to jemalloc"
done

# 3. The options in effect, as jemalloc prints them, are those the program sets.
conf=$(sed -n 's/^const char\* malloc_conf = "\(.*\)";$/\1/p' "$PLENARY_SOURCE_DIR/src/alloc/jemalloc_conf.cpp")
[ -n "$conf" ] || fail "no malloc_conf string in src/alloc/jemalloc_conf.cpp"
grep -q '^___ Begin jemalloc statistics ___$' "$ERR" || fail "jemalloc printed no statistics"
IFS=, read -ra options <<<"$conf"
for option in "${options[@]}"; do
  name=${option%%:*} value=${option#*:}
  grep -Eq "^  opt\.$name: \"?$value\"?( |$)" "$ERR" ||
    fail "jemalloc runs with $(grep -E "^  opt\.$name:" "$ERR" || echo "no opt.$name"), the program sets $option"
done
# Every allocation of the build went through it: the arena's request count (the sample's PDF
# build makes about a million).
requests=$(awk '$1 == "total:" { print $7; exit }' "$ERR")  # allocated nmalloc rate ndalloc rate nrequests
[ "${requests:-0}" -gt 100000 ] || fail "jemalloc served ${requests:-no} requests"
echo "PASS: the engine runs with jemalloc ($conf), every library's malloc bound to it, $requests requests"
