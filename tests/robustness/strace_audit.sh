#!/usr/bin/env bash
# A syscall-level audit of the confinement rule: whole builds of the sample and of hostile roots
# run under `strace -ff -y -e trace=%file`, and strace_audit.py asserts that every path
# opened for writing, created, renamed or removed lies in the output folder (the descriptor's
# real path included, so a write through a planted link is caught), and every path opened for
# reading lies in the data root, the program's templates, the output folder, the program's own
# modules (the book's and the calendars' plenary-*.so beside the engine) or the system
# (libraries, fonts, fontconfig, /proc). Skipped (77) where strace is missing or ptrace refused.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

command -v strace >/dev/null || { echo "strace not installed: skipped"; exit 77; }
strace -qq -o /dev/null true 2>/dev/null || { echo "ptrace not permitted here: skipped"; exit 77; }
TEMPLATES="$PLENARY_SOURCE_DIR/templates"

# audit NAME ROOT OUT MIN_WRITES ARGS...: runs plenary ARGS --root ROOT --out OUT under strace.
audit() {
  local name=$1 root=$2 out=$3 min=$4
  shift 4
  rm -f "$LOGS/st".*
  STATUS=0
  # LeakSanitizer cannot run under ptrace (make test-sanitize): leaks are checked elsewhere.
  (cd "$SANDBOX/cwd" && SOURCE_DATE_EPOCH=1767225600 TMPDIR="$SANDBOX/tmp" \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -ff -qq -y -e trace=%file -e signal=none -o "$LOGS/st" \
    "$PLENARY" "$@" --root "$root" --out "$out") >"$OUT" 2>"$ERR" || STATUS=$?
  AUDIT_PROGRAM_DIR="$(dirname "$(realpath "$PLENARY")")" \
    "$PY" "$HERE/strace_audit.py" "$LOGS/st" "$out" "$root" "$TEMPLATES" "$min" >"$LOGS/audit" ||
    { cat "$LOGS/audit" >&2; fail "$name: the strace audit found paths outside the rule"; }
  echo "$name: exit $STATUS, $(tail -n 1 "$LOGS/audit")"
}

# The sample, every format, then an unchanged build. The sample's DOCX/ODT papers are
# converted for its meeting book beforehand, untraced, and the audited build finds them in its
# cache: LibreOffice, a program of its own that a build starts only to convert a paper it has
# not converted before, keeps its IPC socket in /tmp whatever it is told (docs/book.md).
root=$(make_root audit-sample)
"$PLENARY" build --root "$root" --out "$SANDBOX/convert" --format pdf >/dev/null 2>&1 || true
# with_conversions OUT: those conversions in the output folder OUT of a build with PDFs.
with_conversions() {
  mkdir -p "$1"
  if [ -d "$SANDBOX/convert/.plenary-cache" ]; then cp -r "$SANDBOX/convert/.plenary-cache" "$1/"; fi
}
with_conversions "$root/out"
audit sample "$root" "$root/out" 26 build
[ "$STATUS" -eq 0 ] || fail "the sample build exited $STATUS"
audit sample-unchanged "$root" "$root/out" 0 build

# Hostile output folders.
root=$(make_root audit-lock-link)
mkdir -p "$root/out" && echo keep >"$SANDBOX/victim-lock" && ln -s "$SANDBOX/victim-lock" "$root/out/.plenary.lock"
audit lock-link "$root" "$root/out" 0 build --format md
root=$(make_root audit-out-link)
mkdir -p "$SANDBOX/elsewhere" && echo theirs >"$SANDBOX/elsewhere/.x.pdf.tmp-12" && ln -s "$SANDBOX/elsewhere" "$root/out"
audit out-link "$root" "$root/out" 0 build --format md
root=$(make_root audit-folder-link)
mkdir -p "$SANDBOX/elsewhere2" "$root/out" && ln -s "$SANDBOX/elsewhere2" "$root/out/CCQM-32"
with_conversions "$root/out"
audit folder-link "$root" "$root/out" 1 build --format md,pdf
root=$(make_root audit-output-link)
audit output-link-first "$root" "$root/out" 1 build --format md
doc="$root/out/CCQM-32/CCQM-32-agenda.md"
cp -p "$doc" "$SANDBOX/victim-output" && rm "$doc" && ln -s "$SANDBOX/victim-output" "$doc"
audit output-link "$root" "$root/out" 1 build --format md

# Hostile templates: a link out of the root, an absolute logo path.
root=$(make_root audit-template-link)
echo "SECRET" >"$SANDBOX/secret.md"
mkdir -p "$root/templates" && ln -s "$SANDBOX/secret.md" "$root/templates/agenda.md"
audit template-link "$root" "$root/out" 0 build --format md
root=$(make_root audit-logo-path)
mkdir -p "$root/templates"
sed 's|file: logo.png|file: /etc/hostname|' "$TEMPLATES/style.yaml" >"$root/templates/style.yaml"
with_conversions "$root/out"
audit logo-path "$root" "$root/out" 0 build --format pdf
echo "strace audit: every write in the output folder, every read in the allowed folders"
