# Shared by the hostile-input tests: each test builds a hostile data root at run time in a
# scratch folder, runs the real binary under a time and memory limit and checks what a
# nightly run must guarantee: exit 0 or 1 with a clear message, no crash or hang, nothing
# written outside --out, and well-formed outputs. Source it; never writes into the repository.
set -euo pipefail
: "${PLENARY:?PLENARY must name the plenary binary}"
: "${PLENARY_SOURCE_DIR:?PLENARY_SOURCE_DIR must name the source tree}"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/plenary-robust.XXXXXX")
trap 'chmod -R u+rwX "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
LOGS="$WORK/logs"          # our own files: never inside the sandbox
SANDBOX="$WORK/sandbox"    # data roots, output folders and the program's working folder
mkdir -p "$LOGS" "$SANDBOX/cwd" "$SANDBOX/tmp"
OUT="$LOGS/stdout"
ERR="$LOGS/stderr"

# Limits per run. Under the sanitizers (PLENARY_SANITIZED=1) the program is slower and
# AddressSanitizer reserves terabytes of address space, so the address-space limit is replaced
# by a check of the peak resident memory.
if [ "${PLENARY_SANITIZED:-0}" = 1 ]; then
  TIME_LIMIT=${PLENARY_ROBUST_TIME_LIMIT:-240}
  RSS_LIMIT_MB=${PLENARY_ROBUST_RSS_MB:-3072}
  VMEM_LIMIT_MB=
else
  TIME_LIMIT=${PLENARY_ROBUST_TIME_LIMIT:-60}
  RSS_LIMIT_MB=${PLENARY_ROBUST_RSS_MB:-1024}
  VMEM_LIMIT_MB=${PLENARY_ROBUST_VMEM_MB:-4096}
fi

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$OUT" ]; then echo "--- stdout:" >&2; tail -n 20 "$OUT" | cut -c1-300 >&2; fi
  if [ -s "$ERR" ]; then echo "--- stderr:" >&2; tail -n 20 "$ERR" | cut -c1-300 >&2; fi
  exit 1
}

# make_root NAME: a copy of the sample committee (data/, agendas/ and papers/ only) in the sandbox.
make_root() {
  local root="$SANDBOX/$1"
  mkdir -p "$root"
  cp -r "$PLENARY_SOURCE_DIR/data" "$PLENARY_SOURCE_DIR/agendas" "$PLENARY_SOURCE_DIR/papers" "$root/"
  echo "$root"
}

# Everything in the sandbox but the given output folder: names, types, sizes and times (a
# folder's time aside: creating the output folder changes its parent's).
sandbox_state() {
  local out=$1
  (cd "$SANDBOX" && find . -path "./${out#"$SANDBOX"/}" -prune \
    -o -type d -printf '%p d\n' -o -printf '%p %y %s %T@\n' |
    LC_ALL=C sort)
}

# hostile ALLOWED OUTDIR ARGS...: runs plenary ARGS with --out OUTDIR from the sandbox's cwd
# under the limits. ALLOWED is a '|'-separated list of exit codes ("1" or "0|1"). Fails on a
# hang, a crash, a sanitizer report, a runaway allocation, an exit code not allowed, an error
# without a position, or any file written outside OUTDIR. Sets STATUS and RSS_MB.
hostile() {
  local allowed=$1 outdir=$2
  shift 2
  local before after
  before=$(sandbox_state "$outdir")
  STATUS=0
  (
    cd "$SANDBOX/cwd"
    if [ -n "$VMEM_LIMIT_MB" ]; then ulimit -v $((VMEM_LIMIT_MB * 1024)); fi
    ulimit -c 0
    export TMPDIR="$SANDBOX/tmp" SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
    exec /usr/bin/time -f '%M' -o "$LOGS/rss" \
      timeout -k 5 "$TIME_LIMIT" "$PLENARY" "$@" --out "$outdir"
  ) >"$OUT" 2>"$ERR" || STATUS=$?
  [ "$STATUS" -ne 124 ] && [ "$STATUS" -ne 137 ] ||
    fail "'plenary $*' did not finish within $TIME_LIMIT s"
  grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault|terminate called|Aborted|std::bad_alloc' "$ERR" &&
    fail "'plenary $*' crashed or a sanitizer reported an error"
  [ "$STATUS" -lt 125 ] || fail "'plenary $*' was killed by signal $((STATUS - 128))"
  RSS_MB=$(($(tail -n 1 "$LOGS/rss") / 1024))
  [ "$RSS_MB" -le "$RSS_LIMIT_MB" ] || fail "'plenary $*' used $RSS_MB MB (limit $RSS_LIMIT_MB MB)"
  [[ "|$allowed|" == *"|$STATUS|"* ]] || fail "'plenary $*' exited $STATUS, expected $allowed"
  if [ "$STATUS" -eq 1 ]; then
    grep -Eq '^[^:]+(:[0-9]+:[0-9]+)?: error: .+' "$ERR" ||
      fail "'plenary $*' exited 1 without a 'path[:line:col]: error: message' line"
  fi
  after=$(sandbox_state "$outdir")
  [ "$before" = "$after" ] || fail "'plenary $*' changed files outside $outdir:
$(diff <(echo "$before") <(echo "$after") | head -n 10)"
  [ -z "$(find "$SANDBOX/tmp" "$SANDBOX/cwd" -mindepth 1)" ] || fail "'plenary $*' left files in TMPDIR or cwd"
  return 0
}

# expect_error PATTERN: an error line of the last run matches the extended regex PATTERN.
expect_error() {
  grep -Eq -- "$1" "$ERR" || fail "no diagnostic matching '$1'"
}

# Every PDF under a folder passes qpdf --check and keeps its text inside the page's left and
# right margins; every DOCX passes unzip -t and each XML part parses (xmllint).
check_pdf() {
  local f=$1
  qpdf --check "$f" >/dev/null 2>"$LOGS/qpdf" || fail "qpdf --check fails on $f: $(head -n 3 "$LOGS/qpdf")"
  # A meeting book holds papers of other producers, stamped in their margin band on purpose
  # (docs/book.md); its pack is checked as the briefing pack itself.
  case "$f" in *-book.pdf) return 0 ;; esac
  pdftotext -bbox "$f" "$LOGS/bbox.html" 2>/dev/null || fail "pdftotext fails on $f"
  "$PY" "$HERE/bbox_check.py" "$LOGS/bbox.html" "${LONG_WORD_LETTER:-}" ||
    fail "text leaves the page, the margins or its table cell in $f"
}
check_docx() {
  local f=$1 part
  unzip -tq "$f" >/dev/null 2>&1 || fail "unzip -t fails on $f"
  rm -rf "$LOGS/docx" && mkdir "$LOGS/docx"
  unzip -q "$f" -d "$LOGS/docx" || fail "cannot unzip $f"
  [ -f "$LOGS/docx/[Content_Types].xml" ] && [ -f "$LOGS/docx/word/document.xml" ] ||
    fail "$f lacks [Content_Types].xml or word/document.xml"
  while IFS= read -r -d '' part; do
    xmllint --noout "$part" 2>"$LOGS/xmllint" ||
      fail "$f: part ${part#"$LOGS/docx/"} is not well-formed XML: $(head -n 3 "$LOGS/xmllint")"
    if LC_ALL=C grep -q -P '[\x00-\x08\x0b\x0c\x0e-\x1f]' "$part"; then
      fail "$f: part ${part#"$LOGS/docx/"} holds a control character"
    fi
  done < <(find "$LOGS/docx" -type f \( -name '*.xml' -o -name '*.rels' \) -print0)
}
check_outputs() {
  local f n=0
  while IFS= read -r -d '' f; do check_pdf "$f"; n=$((n + 1)); done \
    < <(find "$1" -name '*.pdf' ! -name '.*' -print0)
  while IFS= read -r -d '' f; do check_docx "$f"; n=$((n + 1)); done \
    < <(find "$1" -name '*.docx' ! -name '.*' -print0)
  [ "$n" -gt 0 ] || fail "no PDF or DOCX written under $1"
  [ -z "$(find "$1" -name '.*.tmp-*')" ] || fail "temporary files left under $1"
}

# yaml_quote TEXT: TEXT as a YAML double-quoted scalar (python's JSON strings are valid YAML).
yaml_quote() { "$PY" -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }
