# Shared by the build and CLI script tests: a scratch data root copied from the sample
# committee, and small assertions. Source it; never writes into the repository.
set -euo pipefail
: "${PLENARY:?PLENARY must name the plenary binary}"
: "${PLENARY_SOURCE_DIR:?PLENARY_SOURCE_DIR must name the source tree}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/plenary-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/stdout"
ERR="$WORK/stderr"

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$OUT" ]; then echo "--- stdout:" >&2; tail -n 40 "$OUT" >&2; fi
  if [ -s "$ERR" ]; then echo "--- stderr:" >&2; tail -n 40 "$ERR" >&2; fi
  exit 1
}

# make_root NAME: a copy of the sample committee (data/, agendas/ and papers/ only) at $WORK/NAME.
make_root() {
  local root="$WORK/$1"
  mkdir -p "$root"
  cp -r "$PLENARY_SOURCE_DIR/data" "$PLENARY_SOURCE_DIR/agendas" "$PLENARY_SOURCE_DIR/papers" "$root/"
  echo "$root"
}

# run STATUS CMD...: runs CMD with stdout in $OUT and stderr in $ERR; fails unless it exits
# with STATUS.
run() {
  local want=$1
  shift
  local got=0
  "$@" >"$OUT" 2>"$ERR" || got=$?
  [ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want"
}

# The outputs of a build folder with their hashes (the lock file and the unchanged check's stat
# cache aside: machine state, not outputs), one per line.
tree_digest() {
  (cd "$1" && find . -type f ! -name .plenary.lock ! -name unchanged.stat -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# Inode and modification time of every file: proves files were not rewritten (not the lock, nor
# the unchanged check's stat cache, which an unchanged build refreshes: docs/cli.md).
tree_stamps() {
  (cd "$1" && find . -type f ! -name .plenary.lock ! -name unchanged.stat -printf '%p %i %T@\n' | LC_ALL=C sort)
}

# Document files under an output folder, relative, sorted (no manifest, lock or temp files): the
# documents in every format, the calendars and the site's pages and stylesheet.
tree_documents() {
  (cd "$1" && find . -type f \( -name '*.pdf' -o -name '*.docx' -o -name '*.md' -o -name '*.html' \
    -o -name '*.ics' -o -name '*.css' \) ! -name '.*' |
    sed 's|^\./||' | LC_ALL=C sort)
}

# Paths reported as "built" by the last run, sorted.
built_paths() { sed -n 's/^built \(.*\) ([0-9]* ms)$/\1/p' "$OUT" | LC_ALL=C sort; }

# The summary line of the last run, checked for its shape.
summary_line() {
  local line
  line=$(tail -n 1 "$OUT")
  [[ "$line" =~ ^built\ [0-9]+,\ unchanged\ [0-9]+,\ failed\ [0-9]+\ in\ [0-9]+\.[0-9]{2}\ s$ ]] ||
    fail "bad summary line: '$line'"
  echo "$line"
}

# Every PDF passes qpdf --check and every DOCX unzip -t under a folder.
check_documents_whole() {
  local f
  while IFS= read -r -d '' f; do
    qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check fails on $f"
  done < <(find "$1" -name '*.pdf' ! -name '.*' -print0)
  while IFS= read -r -d '' f; do
    unzip -tq "$f" >/dev/null 2>&1 || fail "unzip -t fails on $f"
  done < <(find "$1" -name '*.docx' ! -name '.*' -print0)
}

# No temporary file ("." name ".tmp-" pid) is left under a folder.
no_temp_files() {
  local left
  left=$(find "$1" -name '.*.tmp-*' | head -n 5)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}

# strace_usable: true when strace can trace here (not in every container).
strace_usable() { command -v strace >/dev/null && strace -qq -o /dev/null true 2>/dev/null; }

# stat_cache_ready ROOT OUT [ARGS...]: the unchanged check's stat cache (docs/cli.md, "The stat
# cache") in place and answering: waits out the racy margin (2 s) since the last write, runs an
# unchanged build (the full check, which then writes out/.plenary-cache/unchanged.stat; once
# more when the record was another call's, which the engine then rewrote), and, where strace
# runs, checks that the next unchanged build opens no file of the data root or the output
# folder but its lock and that cache: no input, output or manifest byte read.
stat_cache_ready() {
  local root=$1 out=$2 attempt
  shift 2
  for attempt in 1 2; do
    sleep 2.1
    run 0 "$PLENARY" build --root "$root" --out "$out" "$@"
    grep -q '^built 0, unchanged [1-9][0-9]*, failed 0 in ' "$OUT" ||
      fail "stat cache: the build before it is not unchanged: $(tail -n 1 "$OUT")"
    [ -f "$out/.plenary-cache/unchanged.stat" ] && break
  done
  [ -f "$out/.plenary-cache/unchanged.stat" ] || fail "an unchanged build wrote no stat cache"
  strace_usable || return 0
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq \
    -e trace=open,openat,openat2 -o "$WORK/stat_cache.strace" \
    "$PLENARY" build --root "$root" --out "$out" "$@" >"$OUT" 2>"$ERR" ||
    fail "stat cache: the unchanged build failed"
  grep -q '^built 0, unchanged [1-9][0-9]*, failed 0 in ' "$OUT" ||
    fail "stat cache: not unchanged: $(tail -n 1 "$OUT")"
  grep -q 'unchanged\.stat' "$WORK/stat_cache.strace" || fail "stat cache: not read"
  # Files opened for their bytes (not folders), but the program's own libraries and the lock.
  local read
  read=$(grep -E 'open(at2?)?\(' "$WORK/stat_cache.strace" | grep -v -e O_DIRECTORY -e O_PATH \
    -e ENOENT | grep -v -E '"(/etc/ld\.so|/lib|/usr/lib|/proc/|/sys/|/dev/)' |
    grep -v -e '"\.plenary\.lock"' -e '"unchanged\.stat"' || true)
  [ -z "$read" ] || fail "stat cache: the unchanged build still read files: $(head -n 3 <<<"$read")"
}
