#!/usr/bin/python3
"""Reads the sample .docx files the way a reader's tools do.

Usage: read_docx.py <docx_sample executable>
Writes the samples to a temporary folder, then checks them with unzip -t, xmllint,
python-docx (styles, paragraphs, tables, core properties) and pandoc (the text comes back),
and that writing twice gives the same bytes.
"""
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def write_samples(driver, folder, env=None):
    subprocess.run([driver, str(folder)], check=True, env=env)
    return {p.name: p for p in folder.glob("*.docx")}


def check_zip_and_xml(path):
    result = subprocess.run(["unzip", "-t", str(path)], capture_output=True, text=True)
    check(result.returncode == 0 and "No errors detected" in result.stdout, f"unzip -t {path.name}")
    with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
        names = z.namelist()
        check(not any(n.endswith("/") for n in names), f"{path.name}: no directory entries")
        types = z.read("[Content_Types].xml").decode()
        for name in names:
            if name.endswith((".xml", ".rels")):
                target = Path(tmp) / name.replace("/", "_")
                target.write_bytes(z.read(name))
                lint = subprocess.run(["xmllint", "--noout", str(target)], capture_output=True, text=True)
                check(lint.returncode == 0, f"{path.name}:{name} well-formed: {lint.stderr.strip()}")
            if name != "[Content_Types].xml" and not name.endswith((".rels", ".png", ".jpeg")):
                check(f'PartName="/{name}"' in types, f"{path.name}: {name} listed in [Content_Types].xml")


def full_text(paragraph):
    """All w:t text of a paragraph, hyperlinks included (python-docx 0.8 skips those)."""
    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def check_python_docx(path):
    d = docx.Document(str(path))
    styles = {s.name for s in d.styles}
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle", "Hyperlink"):
        check(name in styles, f"style {name} present")
    used = [p.style.name for p in d.paragraphs]
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle"):
        check(name in used, f"style {name} used")
    texts = [p.text for p in d.paragraphs]
    heading_texts = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    check(heading_texts[:3] == ["Agenda & <items>", "Items", "Level three heading"],
          f"heading texts: {heading_texts[:3]}")
    check("Stakeholders — Менделеев" in heading_texts, "Cyrillic heading text")
    check(any("« guillemets » — em-dash, µ; Greek Ελληνικά" in t for t in texts), "special text")
    check(any("Polish Główny Urząd Miar" in t for t in texts), "Polish text")
    check(any(t == "Controls [\t\n] end; bad UTF-8 [\ufffd\ufffd(] end." for t in texts),
          "controls dropped, tab/newline kept, bad UTF-8 replaced")
    check(any(len(t) == 3000 for t in texts), "the 3000-letter word in one paragraph")
    toc = [full_text(p) for p in d.paragraphs if p.style.name in ("toc 1", "toc 2", "toc 3")]
    check(toc == ["Agenda & <items>3", "Items3", "Level three heading3",
                  "Stakeholders — Менделеев4", "Task groups6"], f"contents entries: {toc}")
    check(any(full_text(p).endswith("see Task groups.") for p in d.paragraphs), "link text")
    check(len(d.tables) == 2, "two tables")
    register = d.tables[0]
    check(len(register.rows) == 41, "40 rows plus header")
    check(register.rows[0].cells[0].text == "Name", "header cell text")
    header_flags = [r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None
                    for r in register.rows]
    check(header_flags[0] and not any(header_flags[1:]), "only the first row repeats")
    check(register.rows[2].cells[1].text == "ACR2\nline two", "line break in a cell")
    core = d.core_properties
    check(core.title == "Briefing pack — CCQM « P42 » & <friends>", f"core title {core.title!r}")
    check(core.author == "CCQM", "core author")
    check(core.subject == "Plenary 42 of the CCQM", "core subject")
    check(core.language == "en", "core language")
    check(core.created is not None and core.created.isoformat().startswith("2026-04-14"), "core created")
    section = d.sections[0]
    check(section.different_first_page_header_footer, "cover: different first page")
    check("CCQM & <co>" in section.header.paragraphs[0].text, "running header text")
    check(all(p.text == "" for p in section.first_page_header.paragraphs), "empty cover header")


def check_pandoc(path):
    plain = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
                           capture_output=True, text=True, check=True).stdout
    for text in ("Agenda & <items>", "Specials: & < > \" ' and « guillemets » — em-dash, µ",
                 "Ελληνικά", "Менделеев", "Główny Urząd Miar", "Traceability « in » practice",
                 "First again", "No plan entry for this plenary."):
        check(text in plain, f"pandoc shows {text!r}")
    check("5.  Fifth" in plain or "5. Fifth" in plain, "ordered list starting at 5")


def main():
    driver = sys.argv[1]
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first = write_samples(driver, Path(a))
        # The second run in another time zone and locale: the bytes must not change.
        other = dict(os.environ, TZ="Pacific/Auckland", LC_ALL="C", LANG="C")
        second = write_samples(driver, Path(b), other)
        check(sorted(first) == ["minimal.docx", "sample-nopages.docx", "sample.docx"], "samples written")
        for name, path in first.items():
            check(path.read_bytes() == second[name].read_bytes(), f"{name} reproducible")
            check_zip_and_xml(path)
        check_python_docx(first["sample.docx"])
        check_pandoc(first["sample.docx"])
        minimal = docx.Document(str(first["minimal.docx"]))
        check([p.text for p in minimal.paragraphs] == ["Just one paragraph."], "minimal text")
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
