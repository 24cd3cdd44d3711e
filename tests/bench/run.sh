#!/usr/bin/env bash
# The benchmarks: plenary against pandoc (DOCX), pandoc + WeasyPrint (PDF) and Typst on the same
# content, and plenary's own scaling. Run by `make bench` (not by `make test`):
#   tests/bench/run.sh build/plenary
# Work files go to tests/bench/work/ (gitignored); figures to tests/bench/work/results.json.
# See docs/performance.md for the results and what the profiles showed.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: tests/bench/run.sh PATH-TO-PLENARY" >&2
  exit 2
fi
plenary=$(realpath "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work="$here/work"

for tool in pandoc weasyprint pdfinfo qpdf c++ pkg-config /usr/bin/time /usr/bin/python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run.sh: '$tool' is missing (scripts/install-deps.sh bench installs the tools)" >&2
    exit 1
  fi
done
[[ -x "$plenary" ]] || { echo "run.sh: $plenary is not an executable" >&2; exit 1; }

mkdir -p "$work"
exec /usr/bin/python3 "$here/bench.py" "$plenary" "$repo" "$work"
