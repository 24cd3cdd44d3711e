#!/usr/bin/env bash
# Page for page (docs/docx.md): every DOCX of the sample committee, English and French, opened
# by LibreOffice (one headless conversion to PDF for all of them) and read with poppler:
#  (a) LibreOffice's rendering has as many pages as plenary's PDF of the same document;
#  (b) every contents entry's page number, as the DOCX's pre-filled contents prints it, is the
#      page on which LibreOffice sets that heading;
#  (c) the footer of every page but a cover reads "Page X of Y" (French "Page X sur Y") with X
#      the page and Y the real total.
source "$PLENARY_SOURCE_DIR/tests/output/lib.sh" || exit 1  # without its helpers nothing is checked

command -v soffice >/dev/null || fail "soffice (LibreOffice) is not installed"
command -v pdftotext >/dev/null || fail "pdftotext (poppler-utils) is not installed"

root=$(make_root pages)
mkdir -p "$WORK/docx" "$WORK/lo" "$WORK/home" "$WORK/tmp"
for lang in en fr; do
  run 0 "$PLENARY" build --root "$root" --out "$WORK/$lang" --lang "$lang" --format pdf,docx
  while IFS= read -r docx; do
    # One flat folder for LibreOffice: en-CCQM-31-CCQM-31-agenda.docx and so on.
    flat="$lang-$(echo "${docx%.docx}" | tr '/' '-')"
    cp "$WORK/$lang/$docx" "$WORK/docx/$flat.docx"
    cp "$WORK/$lang/${docx%.docx}.pdf" "$WORK/docx/$flat.plenary.pdf" ||
      fail "no PDF next to $lang/$docx"
  done < <(tree_documents "$WORK/$lang" | grep '\.docx$')
done
count=$(find "$WORK/docx" -name '*.docx' | wc -l)
[ "$count" -ge 2 ] || fail "only $count DOCX files built"

# One LibreOffice run for every file, with its own profile, home and temporary folder.
HOME="$WORK/home" TMPDIR="$WORK/tmp" timeout 900 soffice --headless --norestore \
  "-env:UserInstallation=file://$WORK/profile" --convert-to pdf --outdir "$WORK/lo" \
  "$WORK"/docx/*.docx >"$WORK/soffice.log" 2>&1 || {
  cat "$WORK/soffice.log" >&2
  fail "LibreOffice's conversion failed"
}

/usr/bin/python3 - "$WORK/docx" "$WORK/lo" <<'PY'
import glob, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
docx_dir, lo_dir = sys.argv[1], sys.argv[2]


def pages_text(pdf):
    out = subprocess.run(['pdftotext', '-layout', '-enc', 'UTF-8', pdf, '-'], check=True,
                         capture_output=True).stdout.decode('utf-8')
    pages = out.split('\f')
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page with a form feed
    return pages


def page_count(pdf):
    info = subprocess.run(['pdfinfo', pdf], check=True, capture_output=True).stdout.decode()
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


def norm(s):
    return ' '.join(s.split())


def contents_entries(docx):
    """(title, page) of each pre-filled contents entry (TOC1..TOC3 paragraphs): the title is
    the text before the entry's tab, the page the text after it (the PAGEREF field's cached
    result). Also whether a cover (w:titlePg) leaves the first page without footer."""
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read('word/document.xml'))
    entries = []
    for p in root.iter(W + 'p'):
        style = p.find(f'{W}pPr/{W}pStyle')
        if style is None or not re.fullmatch(r'TOC[123]', style.get(W + 'val', '')):
            continue
        title, page, after_tab = [], [], False
        for el in p.iter():
            if el.tag == W + 'tab' and el.get(W + 'val') is None:  # a run's tab, not a tab stop
                after_tab = True
            elif el.tag == W + 't':
                (page if after_tab else title).append(el.text or '')
        entries.append((norm(''.join(title)), ''.join(page).strip()))
    cover = root.find(f'{W}body/{W}sectPr/{W}titlePg') is not None
    return entries, cover


def heading_page(pages, title, start, skip):
    """The first page from `start` (0-based) on which a line, or two or three consecutive lines
    joined, reads `title`."""
    for i in range(start, len(pages)):
        if i in skip:
            continue
        lines = [norm(l) for l in pages[i].splitlines() if l.strip()]
        for j in range(len(lines)):
            for k in (1, 2, 3):
                if ' '.join(lines[j:j + k]) == title:
                    return i
    return None


problems, checked_docs, checked_entries = [], 0, 0
for docx in sorted(glob.glob(os.path.join(docx_dir, '*.docx'))):
    name = os.path.basename(docx)[:-5]
    lo_pdf = os.path.join(lo_dir, name + '.pdf')
    if not os.path.exists(lo_pdf):
        problems.append(f'{name}: LibreOffice wrote no PDF')
        continue
    checked_docs += 1
    want = page_count(os.path.join(docx_dir, name + '.plenary.pdf'))
    got = page_count(lo_pdf)
    pages = pages_text(lo_pdf)
    # (a) the page count
    if got != want:
        problems.append(f'{name}: {got} pages in LibreOffice, {want} in plenary\'s PDF')
    # (b) the contents' numbers
    entries, cover = contents_entries(docx)
    contents_pages = {i for i, p in enumerate(pages)
                      if re.search(r'^\s*(Contents|Table des matières|Sommaire)\s*$', p, re.M)}
    start = 0
    for title, number in entries:
        checked_entries += 1
        if not number.isdigit():
            problems.append(f'{name}: contents entry "{title}" has no page number ({number!r})')
            continue
        found = heading_page(pages, title, start, contents_pages)
        if found is None:
            problems.append(f'{name}: heading "{title}" not found in LibreOffice\'s PDF '
                            f'from page {start + 1} on')
            continue
        start = found
        if found + 1 != int(number):
            problems.append(f'{name}: contents says "{title}" p. {number}, '
                            f'LibreOffice sets it on p. {found + 1}')
    # (c) the footer's total
    for i, text in enumerate(pages, 1):
        footers = re.findall(r'Page (\d+) (?:of|sur) (\d+)', text)
        if cover and i == 1:
            if footers:
                problems.append(f'{name}: the cover has a footer')
            continue
        if (str(i), str(got)) not in footers:
            problems.append(f'{name}: page {i} of {got} has footer {footers or "none"}')

for p in problems:
    print('FAIL:', p, file=sys.stderr)
print(f'{checked_docs} DOCX files, {checked_entries} contents entries checked, '
      f'{len(problems)} problems')
sys.exit(1 if problems or checked_docs == 0 else 0)
PY
