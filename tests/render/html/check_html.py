#!/usr/bin/python3
# Reads a page written by --format html with html5lib in strict mode (any parse error fails)
# and checks its shape: lang set, a <title>, headings with ids, tables with <thead> and
# <th scope>, images with alt text, no script, and no resource outside the page but the site's
# style.css (every src is a data: URI; links are http(s)/mailto or #anchors that exist).
# Usage: check_html.py FILE...
import os
import sys

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"
for path in sys.argv[1:]:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    tree = parser.parse(open(path, "rb"))
    root = tree
    assert root.get("lang"), f"{path}: no lang"
    assert root.find(f".//{NS}title").text, f"{path}: no title"
    assert root.find(f".//{NS}script") is None, f"{path}: a script"
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    headings = [e for e in root.iter() if e.tag in {f"{NS}h{i}" for i in range(1, 7)}]
    assert headings, f"{path}: no heading"
    for h in headings:
        assert h.get("id"), f"{path}: a heading without id"
    for t in root.iter(f"{NS}table"):
        assert t.find(f"{NS}thead") is not None, f"{path}: a table without thead"
        for th in t.iter(f"{NS}th"):
            assert th.get("scope") in ("col", "row"), f"{path}: a th without scope"
    for img in root.iter(f"{NS}img"):
        assert img.get("alt"), f"{path}: an image without alt"
        assert img.get("src", "").startswith("data:"), f"{path}: an external image"
    for e in root.iter():
        if e.tag == f"{NS}link":
            # the site's one stylesheet, relative, inside the output folder (docs/web.md)
            href = e.get("href", "")
            assert e.get("rel") == "stylesheet" and href.endswith("style.css"), f"{path}: <link>"
            assert ":" not in href and not href.startswith("/"), f"{path}: an absolute {href}"
            assert os.path.isfile(os.path.join(os.path.dirname(path), href)), f"{path}: no {href}"
        elif e.tag in (f"{NS}iframe", f"{NS}object", f"{NS}embed"):
            raise AssertionError(f"{path}: an external resource <{e.tag}>")
    for a in root.iter(f"{NS}a"):
        href = a.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, f"{path}: a link to a missing anchor {href}"
        else:
            assert href.split(":")[0] in ("http", "https", "mailto"), f"{path}: link {href}"
print("ok")
