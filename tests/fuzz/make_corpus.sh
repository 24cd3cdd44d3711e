#!/usr/bin/env bash
# make_corpus.sh SOURCE_DIR CORPUS_DIR: the seed corpus of every fuzz target, from the sample
# committee (data/, agendas/) and the shipped templates. Regenerated, never committed.
set -euo pipefail
src=$1
out=$2
sep=$'\n#=====8<=====\n'
mkdir -p "$out"/{load_check,compose,writer_pdf,writer_docx,writer_md,manifest,stat_cache}

# load_check: the whole sample root, then each task group and agenda with the three main files
# and an outcomes file (the one of the agenda's plenary when there is one).
whole() {
  local tg=$1 agenda=$2
  local outcomes="$src/data/outcomes/$(basename "$agenda")"
  [ -f "$outcomes" ] || outcomes=$(ls "$src"/data/outcomes/*.yaml | head -n 1)
  printf '%s' "$(cat "$src/data/committee.yaml")$sep$(cat "$src/data/sector-focus.yaml")$sep$(cat "$src/data/stakeholders.yaml")$sep$(cat "$tg")$sep$(cat "$agenda")$sep$(cat "$outcomes")"
}
n=0
for tg in "$src"/data/task-groups/*.yaml; do
  for agenda in "$src"/agendas/*.yaml; do
    n=$((n + 1))
    whole "$tg" "$agenda" >"$out/load_check/sample-$n"
  done
done
# With the register and one paper (the sample's DOCX under the name the target writes).
if [ -f "$src/data/documents.yaml" ]; then
  tg=$(ls "$src"/data/task-groups/*.yaml | head -n 1)
  for agenda in "$src"/agendas/*.yaml; do
    n=$((n + 1))
    { whole "$tg" "$agenda"; printf '%s' "$sep"
      sed 's|papers/CCQM27-03b.docx|papers/paper.docx|' "$src/data/documents.yaml"; printf '%s' "$sep"
      cat "$src/papers/CCQM27-03b.docx"; } >"$out/load_check/sample-$n"
  done
fi
# Small pieces: each file alone, so mutations of one file reach the model quickly.
for f in "$src"/data/*.yaml "$src"/data/task-groups/*.yaml "$src"/agendas/*.yaml; do
  cp "$f" "$out/load_check/file-$(basename "$f")"
done
for f in "$src"/data/outcomes/*.yaml; do
  cp "$f" "$out/load_check/outcomes-$(basename "$f")"
done

# compose: the shipped agenda and briefing templates with the agenda partial.
for t in "$src"/templates/*.md; do
  printf '%s' "$(cat "$t")$sep$(cat "$src/templates/partials/agenda-body.md")" \
    >"$out/compose/$(basename "$t")"
done
cp "$src/templates/partials/agenda-body.md" "$out/compose/agenda-body-alone.md"

# writers: the bytes drive a tree builder; any bytes do, the sample text gives variety.
for w in writer_pdf writer_docx writer_md; do
  for f in "$src"/data/*.yaml "$src"/templates/*.md "$src"/templates/i18n/*.yaml; do
    cp "$f" "$out/$w/$(basename "$f")"
  done
  head -c 4096 "$src/templates/logo.png" >"$out/$w/logo-bytes"
done
# manifest: the sample build's own when there is one (`make` writes it to out/), and a small one.
[ -f "$src/out/manifest.json" ] && cp "$src/out/manifest.json" "$out/manifest/sample.json"
printf '%s' '{"outputs":{"P-1/P-1-agenda.pdf":{"bytes":12,"document":"P-1","input_hash":"4f0c","lang":"fr","output_hash":"xxh3-128:9b1e"}},"plenary_version":"0.1.0","schema":1}' \
  >"$out/manifest/small.json"
# stat_cache: the sample build's own when there is one, and a small body the target completes
# with its checksum (escapes, an absent entry, a template folder, a warning with a hint).
[ -f "$src/out/.plenary-cache/unchanged.stat" ] && cp "$src/out/.plenary-cache/unchanged.stat" "$out/stat_cache/sample.stat"
printf '%s\n' 'plenary-unchanged-stat 1' "key $(printf 'ab%.0s' {1..32})" 'taken 1796000000 5' \
  'b O 64768 2 16877 4096 1796000000 1 1796000000 1 .' 'b T0 - .' \
  'f R 64768 9 33188 120 1700000000 0 1700000000 0 data/committee.yaml' \
  'f R - data/outcomes' 'f T1 64768 3 16877 4096 1 2 3 4 .' \
  'd O 64768 4 16877 4096 1 2 3 4 P-1' 'o O 64768 5 33188 9 1 2 3 4 P-1/P-1 agenda\t.pdf' \
  'm O 64768 6 33188 900 1 2 3 4 manifest.json' 'p P-1/P-1 agenda\t.pdf' \
  'w 12 3 data/a\\b.yaml	late paper\n2	hint: see \\t' >"$out/stat_cache/small.body"
echo "seed corpus in $out"
