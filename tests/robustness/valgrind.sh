#!/usr/bin/env bash
# Valgrind memcheck on a full build (PDF and DOCX, every document, one job and four jobs) of
# the sample committee, and on check: no invalid read or write, no use of uninitialised
# memory, no definite leak. Slow (minutes); run by hand or with -DPLENARY_VALGRIND=ON:
#   PLENARY=build/plenary PLENARY_SOURCE_DIR=. tests/robustness/valgrind.sh
set -euo pipefail
: "${PLENARY:?PLENARY must name the plenary binary (not a sanitizer build)}"
: "${PLENARY_SOURCE_DIR:?PLENARY_SOURCE_DIR must name the source tree}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (scripts/install-deps.sh bench)"; exit 77; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/plenary-valgrind.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cp -r "$PLENARY_SOURCE_DIR/data" "$PLENARY_SOURCE_DIR/agendas" "$PLENARY_SOURCE_DIR/papers" "$WORK/"

memcheck() {  # name args...
  local name=$1
  shift
  local start=$SECONDS status=0
  valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --track-origins=yes --num-callers=30 \
    --log-file="$WORK/$name.log" "$PLENARY" "$@" >"$WORK/$name.out" 2>&1 || status=$?
  echo "$name: exit $status in $((SECONDS - start)) s; $(grep -E 'ERROR SUMMARY' "$WORK/$name.log" | sed 's/^==[0-9]*== //')"
  grep -E 'definitely lost:' "$WORK/$name.log" | sed 's/^==[0-9]*== /  /' || true
  if [ "$status" -ne 0 ]; then
    sed -n '1,80p' "$WORK/$name.log" >&2
    cat "$WORK/$name.out" >&2
    exit 1
  fi
}
memcheck check check --root "$WORK"
memcheck build-jobs-1 build --root "$WORK" --out "$WORK/out1" --jobs 1 --force --quiet
memcheck build-jobs-4 build --root "$WORK" --out "$WORK/out4" --jobs 4 --force --quiet --lang fr
memcheck build-md build --root "$WORK" --out "$WORK/outmd" --format md --quiet
n=$(find "$WORK/out1" -name '*.pdf' -o -name '*.docx' | wc -l)
[ "$n" -gt 0 ] || { echo "FAIL: no documents written under valgrind"; exit 1; }
echo "valgrind memcheck clean: $n documents"
