#!/usr/bin/env bash
# run.sh BUILD_DIR SECONDS [TARGET...]: runs each libFuzzer target for SECONDS on its corpus
# (seeds from the sample data, plus everything earlier runs found, kept in BUILD_DIR/corpus),
# one job each, with per-input time and memory limits. Crashes, timeouts and out-of-memory
# inputs land in BUILD_DIR/fuzz-artifacts/<target>/; the script lists them and exits 1 if any.
# Keep each as a regression input: tests/fuzz/regressions/<target>/<what-broke>.
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_check compose writer_pdf writer_docx writer_md manifest stat_cache)

"$here/make_corpus.sh" "$src" "$build/fuzz-seeds" >/dev/null
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-$t.log"
  echo "fuzz_$t: ${seconds} s"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: a runaway allocation.
  "$build/tests/fuzz/fuzz_$t" "$corpus" "$build/fuzz-seeds/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || true
  grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -n 1 || true
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" | tr '\n' ' '
  echo
  found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  if [ "$found" -gt 0 ]; then
    echo "fuzz_$t: $found finding(s) in $artifacts (see $log)"
    status=1
  fi
done
exit $status
