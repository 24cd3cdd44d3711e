#!/usr/bin/env bash
# replay.sh REPLAY_BINARY TARGET: runs a fuzz target (built without libFuzzer) once on each
# input of its seed corpus, made from the sample data now, and of tests/fuzz/regressions/TARGET.
set -euo pipefail
binary=$1
target=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/plenary-replay.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$src/tests/fuzz/make_corpus.sh" "$src" "$work" >/dev/null
inputs=("$work/$target")
[ -d "$src/tests/fuzz/regressions/$target" ] && inputs+=("$src/tests/fuzz/regressions/$target")
"$binary" "${inputs[@]}"
