#!/usr/bin/env bash
# docs/performance.md "Start-up": `plenary` is a front that loads the C library alone, answers
# --version and the unchanged nightly itself, and runs plenary-engine for everything else.
# Checked here: what it loads (readelf), that its answers are the engine's own, byte for byte
# (stdout, stderr, exit status; the summary's seconds aside), that it answers the unchanged
# nightly without running the engine and hands every change to it (strace), and that every
# other call (usage errors, --help, bad values) is the engine's.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
engine="$(dirname "$PLENARY")/plenary-engine"
[ -x "$engine" ] || fail "no plenary-engine beside $PLENARY"

# 1. What the front loads: the C library alone (and the loader) (a sanitizer build adds its runtimes and keeps
#    libstdc++ shared); never Poco, libharu, ICU, yaml-cpp or the rest.
needed=$(readelf -d "$PLENARY" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
[ -n "$needed" ] || fail "readelf found no NEEDED entry in $PLENARY"
sanitized=no
grep -q '^libasan' <<<"$needed" && sanitized=yes
for lib in $needed; do
  case "$lib" in
    libc.so.6 | ld-linux-*.so.*) ;;  # the C library and the dynamic loader itself
    libasan.so.* | libubsan.so.* | libstdc++.so.* | libm.so.* | libgcc_s.so.*)
      [ "$sanitized" = yes ] || fail "the front loads $lib (only libc.so.6 expected)" ;;
    *) fail "the front loads $lib (only libc.so.6 expected)" ;;
  esac
done
readelf -d "$engine" | grep 'libPocoFoundation' >/dev/null || fail "the engine does not load Poco: wrong file?"

# Runs `$@` with the front and with the engine; their stdout, stderr and exit status must be
# equal (the seconds of the summary line aside).
same_as_engine() {
  local front_status=0 engine_status=0
  "$PLENARY" "$@" >"$WORK/front.out" 2>"$WORK/front.err" || front_status=$?
  "$engine" "$@" >"$WORK/engine.out" 2>"$WORK/engine.err" || engine_status=$?
  [ "$front_status" -eq "$engine_status" ] ||
    fail "'$*': the front exited $front_status, the engine $engine_status"
  for stream in out err; do
    sed -i 's/ in [0-9.]* s$/ in S s/' "$WORK/front.$stream" "$WORK/engine.$stream"
    cmp -s "$WORK/front.$stream" "$WORK/engine.$stream" ||
      fail "'$*': std$stream differs: $(diff "$WORK/front.$stream" "$WORK/engine.$stream" | head -5)"
  done
}

# 2. --version.
run 0 "$PLENARY" --version
grep -qx 'plenary [0-9][0-9.]*' "$OUT" || fail "--version printed '$(cat "$OUT")'"
same_as_engine --version

# 3. The unchanged nightly: the same lines (every output unchanged, the recorded warnings, the
#    summary) from the front as from the engine, written in every way the front accepts.
root=$(make_root committee)
run 0 "$PLENARY" build --root "$root" --only CCQM-31
grep -q '^built CCQM-31/CCQM-31-agenda.pdf ' "$OUT" || fail "the first build built nothing"
run 0 "$PLENARY" build --root "$root" --only CCQM-31
grep -q '^unchanged CCQM-31/CCQM-31-agenda.pdf$' "$OUT" || fail "the second build is not unchanged"
grep -q '^built 0, unchanged [1-9][0-9]*, failed 0 in ' "$OUT" || fail "no unchanged summary"
same_as_engine build --root "$root" --only CCQM-31
same_as_engine --quiet build --only=CCQM-31 --root="$root" --diagnostics gcc
(cd "$root" && same_as_engine build --only CCQM-31 --out out --lang en)
# The sample has a warning (a late paper): the record says it again, as the engine does.
grep -q ': warning: ' "$WORK/front.err" || fail "no recorded warning said again"

# 4. The front answers the unchanged nightly itself (one execve: its own), and hands a change
#    to the engine (two), which rebuilds what changed — also under the front's Landlock.
if command -v strace >/dev/null && strace -qq -o /dev/null true 2>/dev/null; then
  execs() { grep -c 'execve(' "$WORK/strace" || true; }
  # Under the sanitizers LeakSanitizer cannot run beneath a tracer: its check is left out here.
  asan_options=${ASAN_OPTIONS-}
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
  strace -f -qq -e trace=execve -o "$WORK/strace" "$PLENARY" build --root "$root" --only CCQM-31 \
    >"$OUT" 2>"$ERR" || fail "the unchanged build under strace failed"
  [ "$(execs)" -eq 1 ] || fail "the unchanged nightly ran $(execs) programs (expected the front alone)"
  grep -q 'plenary-engine' "$WORK/strace" && fail "the unchanged nightly ran the engine"
  sed -i 's/Opening of the meeting/Opening of the plenary meeting/' "$root/agendas/CCQM-31.yaml"
  strace -f -qq -e trace=execve -o "$WORK/strace" "$PLENARY" build --root "$root" --only CCQM-31 \
    >"$OUT" 2>"$ERR" || fail "the build after a change failed"
  grep -q 'execve(".*plenary-engine"' "$WORK/strace" || fail "a change was not handed to the engine"
  grep -q '^built 0, ' "$OUT" && fail "the change was not noticed"
  grep -q '^built CCQM-31/' "$OUT" || fail "nothing was rebuilt after a change"
  # The engine the front hands a change to does not check the record again (the front's
  # verdict, PLENARY_FRONT_FOUND_CHANGES = its pid, which execv keeps): three copies of one
  # changed state; the front and the engine it runs read the manifest as often as the engine
  # alone (which checks the record itself), and a verdict that is not the engine's own pid is
  # ignored.
  sed -i 's/Opening of the plenary meeting/Opening of the meeting/' "$root/agendas/CCQM-31.yaml"
  for copy in front engine forged; do cp -a "$root" "$WORK/$copy"; done
  manifest_reads() {
    strace -f -qq -e trace=openat,openat2 -o "$WORK/strace" "$@" >"$OUT" 2>"$ERR" ||
      fail "'$*' failed under strace"
    grep -q '^built [0-9]*, ' "$OUT" || fail "'$*': no summary"
    grep -c 'manifest\.json"' "$WORK/strace" || true
  }
  via_front=$(manifest_reads "$PLENARY" build --root "$WORK/front" --only CCQM-31)
  engine_alone=$(manifest_reads "$engine" build --root "$WORK/engine" --only CCQM-31)
  forged=$(PLENARY_FRONT_FOUND_CHANGES=1 manifest_reads "$engine" build --root "$WORK/forged" --only CCQM-31)
  [ "$via_front" -ge 1 ] || fail "no manifest read seen under strace"
  [ "$via_front" -eq "$engine_alone" ] ||
    fail "the front and its engine read the manifest $via_front times, the engine alone $engine_alone: the record was checked twice"
  [ "$forged" -eq "$engine_alone" ] ||
    fail "a forged verdict was trusted: $forged manifest reads, $engine_alone without it"
  export ASAN_OPTIONS="$asan_options"
else
  echo "strace or ptrace missing: the execve checks are skipped"
fi

# 5. Everything else is the engine's: usage errors, --help, bad values, other commands (calls
#    that write nothing, so that the two runs see the same folder).
same_as_engine --help
same_as_engine build --rot "$root"
same_as_engine build --root "$WORK/missing"
same_as_engine build --root= 
same_as_engine build --root "$root" --only
same_as_engine build --root "$root" --lang de
same_as_engine build --root "$root" --format pdf,nothing
same_as_engine build build --root "$root"
same_as_engine bogus
same_as_engine --version --quiet
same_as_engine list --root "$root" --only CCQM-31
PLENARY_LOCK_TIMEOUT=soon same_as_engine build --root "$root" --only CCQM-31
SOURCE_DATE_EPOCH=yesterday same_as_engine build --root "$root" --only CCQM-31
same_as_engine build --root "$root" --out "$root/data"
echo "front: libc alone; --version and the unchanged nightly answered as the engine answers; the rest handed over"
