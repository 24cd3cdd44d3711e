#!/usr/bin/env bash
# Regenerates the sample committee's working-document files in papers/ from the sources in
# scripts/sample-papers/, each with a different generator so that the meeting book and the
# register meet papers as they come in practice (see docs/sample-committee.md):
#   CCQM27-01.pdf   LibreOffice headless, from a flat OpenDocument text (.fodt), A4, 2 pages
#   CCQM27-14.pdf   the same route, its page 2 (a wide table) landscape A4; qpdf then stores its
#                   page 3 as a scanner fed the sheet upside down does: /Rotate 180, the content
#                   drawn turned, so that it shows upright
#   CCQM27-04.pdf   Ghostscript ps2pdf, from a hand-written PostScript program, A4 landscape
#   CCQM27-12.pdf   Ghostscript ps2pdf, US Letter
#   CCQM27-03b.docx pandoc, from Markdown (DOCX)
#   CCQM27-10.odt   pandoc, from Markdown (ODT)
# The generated files are committed, so a build needs none of these tools; run this only after
# editing a source. Needs libreoffice-writer, ghostscript, pandoc and qpdf.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/sample-papers"
out="$(cd "$here/.." && pwd)/papers"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01: pandoc and Ghostscript date their output by it

# LibreOffice, with a profile of its own so that a running instance is never disturbed.
for name in CCQM27-01 CCQM27-14; do
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
    --outdir "$work" "$src/$name.fodt" >/dev/null
done
cp "$work/CCQM27-01.pdf" "$out/CCQM27-01.pdf"
# (turned 180 and flattened into the content, then shown turned 180: upright, with /Rotate 180)
qpdf --rotate=180:3 --flatten-rotation "$work/CCQM27-14.pdf" "$work/CCQM27-14-flat.pdf"
qpdf --deterministic-id --rotate=180:3 "$work/CCQM27-14-flat.pdf" "$out/CCQM27-14.pdf"

# Ghostscript.
for name in CCQM27-04 CCQM27-12; do
  ps2pdf -dPDFSETTINGS=/prepress "$src/$name.ps" "$work/$name.pdf"
  qpdf --deterministic-id "$work/$name.pdf" "$out/$name.pdf"
done

# pandoc (no LaTeX involved).
pandoc --from markdown --to docx -o "$out/CCQM27-03b.docx" "$src/CCQM27-03b.md"
pandoc --from markdown --to odt -o "$out/CCQM27-10.odt" "$src/CCQM27-10.md"

ls -l "$out"
