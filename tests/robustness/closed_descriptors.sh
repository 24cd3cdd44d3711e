#!/usr/bin/env bash
# A build started with standard descriptors closed (`plenary build >&-` in a cron line): no
# file the build opens takes descriptor 0, 1 or 2, so the lock file holds the pid alone and no
# progress line lands in it or in an output; the build still succeeds.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

for closed in '>&-' '<&- >&-' '>&- 2>&-'; do
  root=$(make_root "closed-${#closed}")
  STATUS=0
  (
    cd "$SANDBOX/cwd"
    export SOURCE_DATE_EPOCH=1767225600
    case $closed in
      '>&-') "$PLENARY" build --root "$root" --out "$root/out" --format md --jobs 1 >&- 2>"$ERR" ;;
      '<&- >&-') "$PLENARY" build --root "$root" --out "$root/out" --format md --jobs 1 <&- >&- 2>"$ERR" ;;
      *) "$PLENARY" build --root "$root" --out "$root/out" --format md --jobs 1 >&- 2>&- ;;
    esac
  ) || STATUS=$?
  [ "$STATUS" -eq 0 ] || fail "'plenary build $closed' exited $STATUS"
  lock="$root/out/.plenary.lock"
  [ -f "$lock" ] || fail "no lock file after 'plenary build $closed'"
  grep -Eqx '[0-9]+' "$lock" && [ "$(wc -l <"$lock")" -eq 1 ] ||
    fail "the lock file holds more than the pid after 'plenary build $closed': $(head -c 200 "$lock")"
  if grep -rlE '^(built|unchanged|failed) ' "$root/out" >/dev/null; then
    fail "progress lines were written into the output folder after 'plenary build $closed'"
  fi
  [ -f "$root/out/manifest.json" ] || fail "no manifest after 'plenary build $closed'"
done
echo "closed descriptors: the lock file holds the pid alone"
