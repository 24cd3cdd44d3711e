"""identifiers_check.py DATA_ROOT PDFJS_JSON PDF...: the identifiers of the data (task-group ids,
working-document refs) read back from each PDF as a reader gets them, by poppler (pdftotext,
what copy-paste and search give) and by pdf.js (Firefox's viewer): every one the document
prints (as many times as its Markdown twin, the same document as text) comes back intact, and
no line ends inside one. Every identifier of the sample fits on a line of its own in every
column that holds it, so the line breaker never needs to break one (docs/pdf.md)."""
import glob, json, os, re, subprocess, sys
import yaml

root, pdfjs_json, pdfs = sys.argv[1], sys.argv[2], sys.argv[3:]
ids = set()
for path in glob.glob(os.path.join(root, 'data', 'task-groups', '*.yaml')):
    ids.add(yaml.safe_load(open(path, encoding='utf-8'))['id'])
for doc in yaml.safe_load(open(os.path.join(root, 'data', 'documents.yaml'), encoding='utf-8'))['documents']:
    ids.add(doc['ref'])
if len(ids) < 20 or not any('/' in i for i in ids) or not any(i.startswith('CCQM-TG-') for i in ids):
    sys.exit(f'too few identifiers read from the data: {sorted(ids)}')

def pattern(ident):  # the identifier, not a part of a longer one
    return re.compile(r'(?<![A-Za-z0-9/-])' + re.escape(ident) + r'(?![A-Za-z0-9]|[-/][A-Za-z0-9])')
patterns = {i: pattern(i) for i in ids}

def count(text):
    return {i: len(p.findall(text)) for i, p in patterns.items()}

def broken_at_line_ends(text):
    """identifiers split over two lines: the end of one line and the start of the next make it"""
    found = []
    lines = [l.split() for l in text.splitlines()]
    lines = [l for l in lines if l]
    for a, b in zip(lines, lines[1:]):
        joined = a[-1] + b[0]
        for ident, p in patterns.items():
            if p.search(joined) and not p.search(a[-1]) and not p.search(b[0]):
                found.append(f'{a[-1]}|{b[0]}')
    return found

pdfjs = {}
for line in open(pdfjs_json, encoding='utf-8'):
    if line.strip():
        item = json.loads(line)
        pdfjs[item['file']] = item['text']

problems, checked, seen = [], 0, 0
for pdf in pdfs:
    md = os.path.splitext(pdf)[0] + '.md'
    if not os.path.exists(md):
        continue
    # the Markdown twin's text, link targets and anchors aside
    twin = open(md, encoding='utf-8').read()
    twin = re.sub(r'\]\([^)]*\)', ']', twin)
    twin = re.sub(r'\{#[^}]*\}', '', twin).replace('\\', '')
    want = {i: n for i, n in count(twin).items() if n}
    seen += sum(want.values())
    name = os.path.relpath(pdf, os.path.dirname(os.path.dirname(os.path.dirname(pdf))))
    texts = {
        'pdftotext': subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True, check=True).stdout,
        'pdftotext -raw': subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, text=True, check=True).stdout,
        'pdf.js': pdfjs[pdf],
    }
    for client, text in texts.items():
        got = count(text)
        short = sorted(f'{i} ({got[i]} of {n})' for i, n in want.items() if got[i] < n)
        if short:
            problems.append(f'{name}: {client} misses identifiers the document prints: {short[:6]}')
        broken = broken_at_line_ends(text)
        if broken:
            problems.append(f'{name}: {client} finds identifiers broken at a line end: {sorted(set(broken))[:6]}')
    checked += 1

if problems:
    sys.exit('\n'.join(problems))
if checked < 10 or seen < 100:
    sys.exit(f'only {checked} PDFs with {seen} identifiers checked')
print(f'ok: {checked} PDFs, {seen} identifiers printed, each read back intact by pdftotext and pdf.js')
