#!/usr/bin/python3
"""The briefing pack's own Markdown (plenary's `--format md`) as Typst markup, for the Typst
peer of the benchmark (bench.py). Standard library only; covers what the pack's Markdown uses:
headings, paragraphs, hard breaks, emphasis, links, bullet and numbered lists, quotes, rules,
pipe tables with <br> in cells, the logo image, and the HTML anchors (dropped).

    md2typst.py PACK.md PACK.typ
"""
import re
import sys

PREAMBLE = """#set page(paper: "a4", margin: 2cm, numbering: "1")
#set text(font: "DejaVu Sans", size: 10pt, lang: "en")
#set par(justify: true)
#set heading(numbering: none)
#show heading: set block(above: 1.2em, below: 0.6em)
"""


def escape(text):
    return re.sub(r'([#$@<>\[\]\\`=~/])', r'\\\1', text)


def inline(text):
    """Markdown inline markup to Typst: escape first, then links, strong, emphasis."""
    text = text.replace("<br>", "\x00")
    out = []
    for part in re.split(r'(\[[^\]]*\]\([^)]*\))', text):
        m = re.fullmatch(r'\[([^\]]*)\]\(([^)]*)\)', part)
        if m:
            label = escape(m.group(1)).replace("*", "\\*").replace("_", "\\_")
            out.append(label)  # internal anchors: the text alone (the pack's links are in-page)
            continue
        part = escape(part.replace("\\\n", "\n"))
        part = part.replace("_", "\\_")
        part = re.sub(r'\*\*(.+?)\*\*', lambda m: "\x01" + m.group(1) + "\x01", part)
        part = re.sub(r'\*(.+?)\*', lambda m: "_" + m.group(1) + "_", part)
        part = part.replace("*", "\\*").replace("\x01", "*")
        out.append(part)
    return "".join(out).replace("\x00", " \\ ")


def table(rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    header, body = cells[0], [r for r in cells[2:]]
    n = len(header)
    lines = [f"#table(columns: {n}, stroke: 0.4pt, inset: 4pt,"]
    for row in [header] + body:
        row = (row + [""] * n)[:n]
        lines.append("  " + ", ".join(f"[{inline(c)}]" for c in row) + ",")
    lines.append(")")
    return "\n".join(lines)


def convert(md):
    out = [PREAMBLE]
    lines = md.split("\n")
    i = 0
    para = []

    def flush():
        if para:
            text = "\n".join(para)
            text = re.sub(r'\\$', '', text, flags=re.M)
            out.append(" \\\n".join(inline(l) for l in text.split("\n")) + "\n")
            para.clear()

    while i < len(lines):
        line = lines[i]
        if re.fullmatch(r'\s*<a id="[^"]*"></a>\s*', line):
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        m = re.match(r'(#{1,6}) (.*)', line)
        if m:
            flush()
            out.append("=" * len(m.group(1)) + " " + inline(m.group(2)) + "\n")
            i += 1
            continue
        if line.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            out.append(table(rows) + "\n")
            continue
        if re.fullmatch(r'-{3,}', line.strip()):
            flush()
            out.append("#line(length: 100%)\n")
            i += 1
            continue
        m = re.match(r'!\[[^\]]*\]\(([^)]*)\)', line)
        if m:
            flush()
            out.append(f'#image("{m.group(1)}", width: 3cm)\n')
            i += 1
            continue
        m = re.match(r'(\s*)(- |\d+\. )(.*)', line)
        if m:
            flush()
            marker = "-" if m.group(2) == "- " else "+"
            out.append(m.group(1) + marker + " " + inline(m.group(3)))
            i += 1
            continue
        if line.startswith("> "):
            flush()
            out.append("#quote(block: true)[" + inline(line[2:]) + "]\n")
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    return "\n".join(out) + "\n"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        md = f.read()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(convert(md))


if __name__ == "__main__":
    main()
