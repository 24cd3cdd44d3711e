#!/usr/bin/python3
"""Checks the word boxes of `pdftotext -bbox` output: every word lies inside the page and
between the left and right margins; when a letter is given, every fragment of the long word
made of that letter keeps clear of the other words on its line (it stays in its table cell).

usage: bbox_check.py BBOX_HTML [LETTER] [MARGIN_PT]"""
import re
import sys

TOLERANCE = 1.0  # points: glyph boxes may overhang their advance slightly


def main():
    html = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    letter = sys.argv[2] if len(sys.argv) > 2 else ""
    margin = float(sys.argv[3]) if len(sys.argv) > 3 else 22 / 25.4 * 72
    problems = []
    fragments = 0
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    if not pages:
        print("no pages in the PDF text")
        return 1
    for number, (width, height, body) in enumerate(pages, 1):
        width, height = float(width), float(height)
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
            body)]
        for x0, y0, x1, y1, t in words:
            if x0 < margin - TOLERANCE or x1 > width - margin + TOLERANCE:
                problems.append(f"page {number}: '{t[:40]}' at x {x0:.1f}..{x1:.1f} leaves the margins")
            if y0 < -TOLERANCE or y1 > height + TOLERANCE:
                problems.append(f"page {number}: '{t[:40]}' at y {y0:.1f}..{y1:.1f} leaves the page")
        if not letter:
            continue
        long_re = re.compile("^" + re.escape(letter) + "+-?$")
        for i, (x0, y0, x1, y1, t) in enumerate(words):
            if not long_re.match(t):
                continue
            fragments += 1
            for j, (a0, b0, a1, b1, u) in enumerate(words):
                if i == j or b1 <= y0 or b0 >= y1:
                    continue  # not on this line
                if a1 > x0 + TOLERANCE and a0 < x1 - TOLERANCE:
                    problems.append(f"page {number}: '{t[:20]}…' overlaps '{u[:30]}'")
    if letter and fragments == 0:
        problems.append(f"the long word of '{letter}' is not in the PDF text")
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
