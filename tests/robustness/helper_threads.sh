#!/usr/bin/env bash
# The build's helper threads are confined like the build: under strace, every font file a
# build opens is opened by a thread that Landlock already restricts (its own
# landlock_restrict_self, or one its creator made before starting it), whether the fonts are
# measured ahead by the thread that loads the templates (output/side_load.*, two threads or
# more) or by the first layout (--jobs 1); and with two threads they are indeed opened by a
# thread other than the main one, so the first check covers the helper. Skipped (77) where
# strace is missing, ptrace is refused or the kernel has no Landlock.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

command -v strace >/dev/null || { echo "strace not installed: skipped"; exit 77; }
strace -qq -o /dev/null true 2>/dev/null || { echo "ptrace not permitted here: skipped"; exit 77; }

root=$(make_root helpers)
# trace JOBS: a forced DOCX build of the sample under strace -f, into $LOGS/trace.JOBS.
trace() {
  # LeakSanitizer cannot run under ptrace (make test-sanitize): leaks are checked elsewhere.
  (cd "$SANDBOX/cwd" && ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -qq -e trace=clone,clone3,landlock_restrict_self,open,openat,openat2 \
    -e signal=none -o "$LOGS/trace.$1" \
    "$PLENARY" build --root "$root" --out "$SANDBOX/out$1" --force --format docx --jobs "$1") \
    >"$OUT" 2>"$ERR" || fail "the traced build with --jobs $1 failed"
}
trace 1
trace 2

# check JOBS: reads the trace; prints "main" or "helper" for the thread that opened the fonts.
check() {
  "$PY" - "$LOGS/trace.$1" <<'PY' || fail "--jobs $1: a font was opened by a thread Landlock did not restrict"
import re, sys
confined, main, openers, restricted = set(), None, set(), False
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"(\d+) +(\w+)\((.*)\) += (-?\d+)", line)
    if not m:
        continue
    pid, call, args, result = int(m[1]), m[2], m[3], int(m[4])
    main = pid if main is None else main
    if call == "landlock_restrict_self" and result == 0:
        confined.add(pid)
        restricted = True
    elif call in ("clone", "clone3") and result > 0 and pid in confined:
        confined.add(result)  # a thread started after the restriction inherits it
    elif call.startswith("open") and result >= 0 and re.search(r'\.(ttf|otf|ttc)"', args):
        if pid not in confined:
            print(f"thread {pid} opened a font unconfined: {line.strip()}", file=sys.stderr)
            sys.exit(1)
        openers.add("main" if pid == main else "helper")
if not restricted:
    print("landlock")  # no Landlock on this kernel: nothing to check
elif not openers:
    print("no font opened", file=sys.stderr)
    sys.exit(1)
else:
    print(" ".join(sorted(openers)))
PY
}
serial=$(check 1)
threaded=$(check 2)
if [ "$serial" = landlock ] || [ "$threaded" = landlock ]; then
  echo "no Landlock on this kernel: skipped"
  exit 77
fi
[ "$serial" = main ] || fail "--jobs 1 opened the fonts on '$serial', not the main thread alone"
[ "$threaded" = helper ] ||
  fail "--jobs 2 opened the fonts on '$threaded', not on the helper thread alone: the fonts were not measured ahead"
echo "fonts opened under Landlock: --jobs 1 by the main thread, --jobs 2 by the helper"
