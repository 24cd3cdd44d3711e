#!/usr/bin/python3
# Every sentence of the public task-group page's terms of reference and extension (the seed
# text, from "Terms of Reference" to the logo) is on the generated task-group page, as a reader
# sees it (the page's text, parsed strictly by html5lib, whitespace collapsed).
# Usage: seed_sentences.py SEED.txt PAGE.html  (prints the number of sentences found)
import re
import sys

import html5lib

seed_path, page_path = sys.argv[1:3]
lines = open(seed_path, encoding="utf-8").read().splitlines()
start = next(i for i, l in enumerate(lines) if l.strip() == "Terms of Reference")
end = next(i for i, l in enumerate(lines) if "logo" in l)
wanted = [re.sub(r"\s+", " ", l.strip().lstrip("•").strip()) for l in lines[start + 1 : end]]
wanted = [w for w in wanted if w]
sentences = [s for w in wanted for s in re.split(r"(?<=[.;:])\s+(?=[A-Z])", w)]

parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
doc = parser.parse(open(page_path, "rb"))
text = re.sub(r"\s+", " ", " ".join(doc.find("body").itertext()))
missing = [s for s in sentences if s not in text]
for s in missing:
    print("missing: " + s, file=sys.stderr)
if missing or len(sentences) < 10:
    sys.exit(1)
print(len(sentences))
