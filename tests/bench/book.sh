#!/usr/bin/env bash
# The meeting book's benchmark (`make bench`): book::assemble (through the test tool
# book_assemble) against `qpdf --empty --pages pack.pdf papers… -- out.pdf` on a 20-page pack and
# 300 pages of papers made here with Ghostscript, median of 15 runs each, the two run in turn
# (ours, qpdf, ours, qpdf, ...) so that the shared machine's load falls on both alike; then the
# peak memory
# (/usr/bin/time -v) of a 2,000-page book. Goals (docs/performance.md): within 1.5x of qpdf,
# under 150 MiB. Usage: tests/bench/book.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:-build}")
tool="$build/tests/book/book_assemble"
[ -x "$tool" ] || { echo "book.sh: build $tool first (cmake --build $build --target book_assemble)" >&2; exit 1; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work="$here/work/book"
rm -rf "$work" && mkdir -p "$work"

pages_pdf() {  # pages_pdf FILE N LABEL: N pages of text, A4, from PostScript
  {
    echo "%!PS"
    echo "<< /PageSize [595 842] >> setpagedevice"
    for ((i = 1; i <= $2; i++)); do
      echo "/Times-Roman findfont 11 scalefont setfont"
      for ((l = 0; l < 40; l++)); do
        echo "72 $((760 - l * 16)) moveto ($3 page $i line $l: the quick brown fox jumps over the lazy dog) show"
      done
      echo "showpage"
    done
  } | gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -o "$1" -
}

pages_pdf "$work/pack.pdf" 20 "Briefing pack"
papers=()
args=(item="1:Papers")
for ((k = 1; k <= 10; k++)); do
  pages_pdf "$work/paper$k.pdf" 30 "Paper $k"
  papers+=("$work/paper$k.pdf")
  args+=(paper="CCQM/26-$(printf %02d "$k"):$work/paper$k.pdf")
done

# CPU time (user + system) of each, median of 15 runs, alternating after a warm-up run of each:
# the machine is shared, wall time is noise, and the load drifts (a block of 15 of ours then 15
# of qpdf measured the two under different loads).
read -r ours theirs ratio < <(/usr/bin/python3 - "$tool" "$work" "${args[@]}" <<'PY'
import resource, subprocess, sys
tool, work, args = sys.argv[1], sys.argv[2], sys.argv[3:]
def cpu(cmd):
    a = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    return b.ru_utime - a.ru_utime + b.ru_stime - a.ru_stime
papers = [a.split(":", 1)[1] for a in args if a.startswith("paper=")]
commands = [[tool, work + "/book.pdf", "CCQM-31", work + "/pack.pdf"] + args,
            ["qpdf", "--empty", "--pages", work + "/pack.pdf"] + papers + ["--", work + "/qpdf.pdf"]]
for cmd in commands:
    cpu(cmd)  # warm-up: files in the page cache, libraries mapped
n = 15
runs = [[], []]
for _ in range(n):
    for cmd, times in zip(commands, runs):
        times.append(cpu(cmd))
ours, theirs = (sorted(times)[n // 2] for times in runs)
print(f"{ours:.4f} {theirs:.4f} {ours / theirs:.2f}")
PY
)
echo "book of 320 pages: book_assemble ${ours} s, qpdf --pages ${theirs} s (CPU), ratio ${ratio} (goal <= 1.5)"

# 2,000 pages: the pack and 66 papers of 30 pages (the same file under 66 references).
big=(item="1:Papers")
for ((k = 1; k <= 66; k++)); do big+=(paper="CCQM/27-$(printf %02d "$k"):$work/paper$(( (k - 1) % 10 + 1 )).pdf"); done
/usr/bin/time -v "$tool" "$work/big.pdf" CCQM-31 "$work/pack.pdf" "${big[@]}" >/dev/null 2>"$work/time.txt"
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
pages=$(pdfinfo "$work/big.pdf" | sed -n 's/^Pages: *//p')
awk -v p="$pages" -v kb="$rss" 'BEGIN { printf "book of %d pages: peak memory %.1f MiB (goal < 150)\n", p, kb / 1024 }'
awk -v r="$ratio" -v kb="$rss" 'BEGIN { exit !(r <= 1.5 && kb < 150 * 1024) }' ||
  { echo "book.sh: a goal is missed" >&2; exit 1; }
