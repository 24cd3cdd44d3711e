#!/usr/bin/python3
"""Writes the bad-input case roots under tests/model/cases/ from a small base root plus one
override per case. expected.txt files are written by hand (reviewed), never by this script.
Run once after editing; the generated roots are committed."""
import os, shutil, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")

BASE = {
    "data/committee.yaml": """committee:
  id: CCX
  name: Example committee
plenaries:
  - id: CCX-30
    number: 30
    start: 2026-04-14
    end: 2026-04-16
""",
    "data/sector-focus.yaml": """sectors:
  - id: health
    name: Health
plan: []
""",
    "data/stakeholders.yaml": """criteria: []
stakeholders: []
""",
    "data/task-groups/tg-a.yaml": """id: CCX-TG-A
name: Task group A
status: active
established: 2021-04
chair: A Chair
members: [B Member]
terms_of_reference:
  goals: [Do things]
""",
    "agendas/CCX-30.yaml": """plenary: CCX-30
days:
  - date: 2026-04-14
    start: "09:00"
    items:
      - title: Opening
        duration: 15
""",
}

TG = BASE["data/task-groups/tg-a.yaml"]
AG = BASE["agendas/CCX-30.yaml"]
CO = BASE["data/committee.yaml"]
SH_HEAD = "criteria:\n  - id: international\n    text: International\nstakeholders:\n"

DELETE = object()  # remove the base file
CASES = {
    "unknown-key": {"data/task-groups/tg-a.yaml": TG.replace("members:", "memebers:")},
    "unknown-key-far": {"data/committee.yaml": CO.replace("  name: Example committee\n",
                                                          "  name: Example committee\n  colour: red\n")},
    "wrong-type-list": {"data/task-groups/tg-a.yaml": TG.replace("[B Member]", "B Member")},
    "wrong-type-mapping": {"data/committee.yaml": "committee: CCX\n" + CO[CO.index("plenaries"):]},
    "wrong-type-person": {"data/task-groups/tg-a.yaml": TG.replace("chair: A Chair", "chair: [A, B]")},
    "wrong-type-integer": {"data/committee.yaml": CO.replace("number: 30", "number: 30.5")},
    "wrong-enum": {"data/task-groups/tg-a.yaml": TG.replace("status: active", "status: actve")},
    "missing-required": {"data/stakeholders.yaml": SH_HEAD + "  - id: IFCC\n    kind: cooperation\n"},
    "missing-value": {"data/sector-focus.yaml": "sectors:\n  - id: health\n    name:\nplan: []\n"},
    "missing-top-level": {"data/sector-focus.yaml": "plan: []\n"},
    "empty-list": {"data/committee.yaml": CO[:CO.index("plenaries")] + "plenaries: []\n",
                   "agendas/CCX-30.yaml": DELETE},
    "bad-month": {"data/committee.yaml": CO.replace("end: 2026-04-16", "end: 2026-13-01")},
    "bad-day": {"data/committee.yaml": CO.replace("end: 2026-04-16", "end: 2026-02-30")},
    "bad-date-format": {"data/committee.yaml": CO.replace("end: 2026-04-16", "end: 16/04/2026")},
    "bad-time": {"agendas/CCX-30.yaml": AG.replace('"09:00"', '"9:3"')},
    "duplicate-id": {"data/committee.yaml": CO + "  - id: CCX-30\n    number: 31\n    start: 2027-04-14\n"},
    "duplicate-id-across-files": {"data/task-groups/tg-b.yaml": TG.replace("Task group A", "Task group B")},
    "duplicate-key": {"data/sector-focus.yaml": "sectors:\n  - id: health\n    name: Health\n    name: Food\nplan: []\n"},
    "dangling-ref": {"data/stakeholders.yaml": SH_HEAD + "  - id: IFCC\n    name: IFCC\n    kind: cooperation\n    sectors: [helth]\n"},
    "dangling-task-group": {"agendas/CCX-30.yaml": AG + "        task_groups: [CCX-TG-Z]\n"},
    "invalid-id": {"data/sector-focus.yaml": "sectors:\n  - id: health\n    name: Health\n  - id: _food\n    name: Food\nplan: []\n"},
    "agenda-unknown-plenary": {"agendas/CCX-30.yaml": DELETE,
                               "agendas/CCX-31.yaml": AG.replace("CCX-30", "CCX-31")},
    "two-agendas": {"agendas/x-copy.yaml": AG},
    "two-plan-entries": {"data/sector-focus.yaml": "sectors:\n  - id: health\n    name: Health\nplan:\n"
                         "  - plenary: CCX-30\n    sector: health\n  - plenary: CCX-30\n    sector: health\n"},
    "day-outside-plenary": {"agendas/CCX-30.yaml": AG.replace("2026-04-14", "2026-04-20")},
    "duplicate-day": {"agendas/CCX-30.yaml": AG + AG[AG.index("  - date"):]},
    "end-before-start": {"data/committee.yaml": CO.replace("end: 2026-04-16", "end: 2026-04-13")},
    "closed-without-date": {"data/task-groups/tg-a.yaml": TG.replace("status: active", "status: closed")},
    "closed-before-established": {"data/task-groups/tg-a.yaml": TG.replace("status: active", "status: closed")
                                  .replace("established: 2021-04", "established: 2021-04\nclosed: 2020-12")},
    "established-missing": {"data/task-groups/tg-a.yaml": TG.replace("established: 2021-04\n", "")},
    "duration-zero": {"agendas/CCX-30.yaml": AG.replace("duration: 15", "duration: 0")},
    "duration-negative": {"agendas/CCX-30.yaml": AG.replace("duration: 15", "duration: -5")},
    "parent-shorter-than-sub-items": {"agendas/CCX-30.yaml": AG +
        "        items:\n          - title: A\n            duration: 10\n          - title: B\n            duration: 10\n"},
    "item-without-duration": {"agendas/CCX-30.yaml": AG.replace("        duration: 15\n", "        kind: decision\n")},
    "empty-file": {"data/committee.yaml": ""},
    "missing-file": {"data/stakeholders.yaml": DELETE},
    "yaml-syntax-error": {"data/task-groups/tg-a.yaml": TG.replace("[B Member]", "[B Member")},
    "stray-comma-parser-hang": {"agendas/CCX-30.yaml": "# yaml-cpp's LoadAll never returns on this\n," + AG},
    "multiple-documents": {"data/stakeholders.yaml": "criteria: []\nstakeholders: []\n---\ncriteria: []\n"},
    "bom-crlf": {"data/task-groups/tg-a.yaml": "\ufeff" + TG.replace("members:", "memebers:").replace("\n", "\r\n")},
    "invalid-utf8": {"data/task-groups/tg-a.yaml": TG.replace("name: Task group A", "name: Task gr\udcffoup A")},
    "nul-byte": {"data/task-groups/tg-a.yaml": TG.replace("A Chair", "A\x00Chair")},
    "control-character": {"data/committee.yaml": CO.replace("Example committee", "Example\x1bcommittee")},
    "alias-bomb": {"data/stakeholders.yaml":
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
        "".join("%s: &%s [%s]\n" % (c, c, ", ".join(["*" + p] * 10)) for p, c in zip("abcdefgh", "bcdefghi")) +
        "criteria: []\nstakeholders: []\n"},
    "deep-nesting": {"data/stakeholders.yaml": "criteria: []\nstakeholders: " + "[" * 10000 + "]" * 10000 + "\n"},
    "deep-nesting-block": {"data/stakeholders.yaml": "criteria: []\nstakeholders:\n" + "".join(
        "  " * i + "- \n" for i in range(1, 100)) + "  " * 100 + "- x\n"},
    "folder-instead-of-file": {"data/stakeholders.yaml": DELETE, "data/stakeholders.yaml/.gitkeep": ""},
    "symlink-loop": {"data/task-groups/loop.yaml": ("symlink", "loop.yaml")},
    "not-a-regular-file": {"data/stakeholders.yaml": ("symlink", "/dev/null")},
    "sub-items-too-deep": {"agendas/CCX-30.yaml": AG.replace("        duration: 15\n", "".join(
        "  " * (4 + 2 * i) + "items:\n" + "  " * (4 + 2 * i) + "  - title: L%d\n" % (i + 1) for i in range(4))
        + "  " * 12 + "duration: 5\n")},
    "many-errors-at-once": {
        "data/committee.yaml": CO.replace("number: 30", "number: thirty"),
        "data/task-groups/tg-a.yaml": TG.replace("members:", "memebers:").replace("2021-04", "2021-4"),
        "agendas/CCX-30.yaml": AG.replace("duration: 15", "duration: 0")},
    "warning-active-without-members": {"data/task-groups/tg-a.yaml": TG.replace("members: [B Member]\n", "")},
    "warning-past-midnight": {"agendas/CCX-30.yaml": AG.replace('"09:00"', '"23:30"').replace("15", "45")},
    # class 7 of docs/robustness.md: records that read well alone but contradict each other
    "two-plenaries-one-number": {"data/committee.yaml": CO + "  - id: CCX-31\n    number: 30\n"
                                 "    start: 2027-04-14\n"},
    "attended-planned-plenary": {"data/stakeholders.yaml": SH_HEAD +
                                 "  - id: org\n    name: Org\n    kind: liaison\n"
                                 "    criteria_met: [international]\n    attended: [CCX-30]\n"},
    "extension-after-closed": {"data/task-groups/tg-a.yaml": TG.replace("status: active",
                               "status: closed\nclosed: 2025-12") +
                               "extensions:\n  - approved_at: CCX-30\n    items: [More]\n"},
    "days-out-of-order": {"agendas/CCX-30.yaml": AG.replace("2026-04-14", "2026-04-15") +
                          AG[AG.index("  - date"):]},
    "two-sector-focus-items": {"data/sector-focus.yaml": "sectors:\n  - id: health\n    name: Health\n"
                               "plan:\n  - plenary: CCX-30\n    sector: health\n",
                               "agendas/CCX-30.yaml": AG + "        sector_focus: true\n"
                               "      - title: Focus again\n        duration: 15\n"
                               "        sector_focus: true\n"},
    "two-agendas-misnamed-first": {"agendas/Agenda-copy.yaml": AG},
    "task-group-anchor-collision": {"data/task-groups/tg-b.yaml": TG.replace("CCX-TG-A", "CCX-TG.A")},
    "data-file-link-out": {"data/stakeholders.yaml": ("link", "../../README.md")},
    "yaml-tag": {"data/committee.yaml": CO.replace("number: 30", "number: !!str 30")},
    "warning-sector-focus-without-plan": {"agendas/CCX-30.yaml": AG + "        sector_focus: true\n"},
    "yml-file-ignored": {"data/task-groups/tg-b.yml": TG.replace("CCX-TG-A", "CCX-TG-B")},
    "empty-required-string": {"data/task-groups/tg-a.yaml": TG.replace("chair: A Chair", "chair: {name: ''}")
                              .replace("name: Task group A", 'name: ""')},
    "null-list-allowed-empty": {"data/stakeholders.yaml": "criteria:\nstakeholders:\n",
                                "data/task-groups/tg-a.yaml": TG.replace("members: [B Member]", "members:\nsectors: [helth]")},
    "warning-liaison-without-criteria": {"data/stakeholders.yaml": SH_HEAD + "  - id: IFCC\n    name: IFCC\n    kind: liaison\n"},
}

# Outcomes (data/outcomes/<P>.yaml): a committee with two held plenaries, CCX-29 with an agenda
# numbered 1, 2, 2.1, and one valid outcomes file that each case breaks in one place.
OCO = CO + ("  - id: CCX-28\n    number: 28\n    start: 2024-04-15\n    status: held\n"
            "  - id: CCX-29\n    number: 29\n    start: 2025-04-14\n    end: 2025-04-16\n    status: held\n")
OAG = ("plenary: CCX-29\ndays:\n  - date: 2025-04-14\n    start: \"09:00\"\n    items:\n"
       "      - title: Opening\n        duration: 15\n      - title: Reports\n        items:\n"
       "          - title: Task group A\n            duration: 10\n")
OUT = """plenary: CCX-29
decisions:
  - text: The committee approved the report.
    item: "2.1"
    task_groups: [CCX-TG-A]
    documents: [CCX/25-01]
actions:
  - text: Circulate the report.
    owner: A Chair
    body: CCX-TG-A
    due: CCX-30
"""
OBASE = {"data/committee.yaml": OCO, "agendas/CCX-29.yaml": OAG}


def outcomes_case(out):
    case = dict(OBASE)
    case["data/outcomes/CCX-29.yaml"] = out
    return case


CASES.update({
    "outcomes-planned-plenary": outcomes_case(OUT.replace("plenary: CCX-29", "plenary: CCX-30")),
    "outcomes-unknown-plenary": outcomes_case(OUT.replace("plenary: CCX-29", "plenary: CCX-92")),
    "outcomes-second-file": dict(outcomes_case(OUT), **{"data/outcomes/x-copy.yaml": OUT}),
    "outcomes-unknown-item": outcomes_case(OUT.replace('item: "2.1"', 'item: "2.2"')),
    "outcomes-unknown-task-group": outcomes_case(OUT.replace("[CCX-TG-A]", "[CCX-TG-Z]")),
    # With a register, a decision's documents must be registered (CCX/25-01 is not; 25-02 is).
    "outcomes-unknown-document": dict(outcomes_case(OUT), **{"data/documents.yaml":
                                      'numbering: "CCX/{yy}-{nn}"\ndocuments:\n  - ref: CCX/25-02\n'
                                      "    title: Another paper\n    date: 2025-02-01\n"}),
    "outcomes-unknown-body": outcomes_case(OUT.replace("body: CCX-TG-A", "body: CCX-TG-B")),
    "outcomes-unknown-due-plenary": outcomes_case(OUT.replace("due: CCX-30", "due: CCX-31")),
    "outcomes-bad-due-date": outcomes_case(OUT.replace("due: CCX-30", "due: 2026-02-30")),
    "outcomes-closed-before-own-plenary": outcomes_case(
        OUT + "    status: done\n    closed_at: CCX-28\n"),
    "outcomes-closed-at-while-open": outcomes_case(OUT + "    closed_at: CCX-30\n"),
    "outcomes-wrong-enums": outcomes_case(
        OUT.replace('    item: "2.1"\n', '    kind: resolve\n    item: "2.1"\n') + "    status: finished\n"),
    "outcomes-missing-required": outcomes_case(
        OUT.replace("  - text: The committee approved the report.\n", "  - kind: decision\n")
           .replace("    owner: A Chair\n", "")),
    "outcomes-unknown-keys": outcomes_case(
        OUT.replace("  - text: The committee", "  - txt: The committee").replace("actions:", "actoins:")),
    "outcomes-wrong-types": outcomes_case(OUT.replace("[CCX-TG-A]", "CCX-TG-A")
                                          .replace("owner: A Chair", "owner: [A, B]")),
    "outcomes-no-plenary": outcomes_case(OUT.replace("plenary: CCX-29\n", "")),
    "warning-extension-without-decision": dict(outcomes_case(OUT.replace("    task_groups: [CCX-TG-A]\n", "")),
        **{"data/task-groups/tg-a.yaml": TG + "extensions:\n  - approved_at: CCX-29\n    items: [More things]\n"}),
    "bad-task-group-term-years": {"data/committee.yaml": CO.replace(
        "  name: Example committee\n", "  name: Example committee\n  task_group_term_years: 0\n")},
})


# ---- the working-document register (data/documents.yaml, papers/) ----------------------------

def zip_bytes(entries):
    """A zip of (name, text) entries, dated for reproducibility; `mimetype` stored uncompressed."""
    import io, zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


PDF = b"%PDF-1.4\n% a header is all the register checks; the book opens papers\n%%EOF\n"
DOCX = zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
ODT = zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")])
DOCS = """numbering: "CCX/{yy}-{nn}"
documents:
  - ref: CCX/26-01
    title: Report of task group A
    author: A Chair
    date: 2026-02-01
    plenary: CCX-30
    file: papers/CCX26-01.pdf
  - ref: CCX/26-02
    title: Proposal for a new task group
    author: [B Member, {name: C Member, institute: NMI}]
    date: 2026-02-10
    plenary: CCX-30
"""
AG_DOCS = AG + '        documents: ["CCX/26-01", "CCX/26-02"]\n'


def register(docs=DOCS, agenda=AG_DOCS, papers=None):
    files = {"data/documents.yaml": docs, "agendas/CCX-30.yaml": agenda, "papers/CCX26-01.pdf": PDF}
    files.update(papers or {})
    return files


def entry(extra):
    return DOCS + "  - ref: CCX/26-03\n    title: Third paper\n    date: 2026-02-11\n" + extra


CASES.update({
    "doc-numbering-bad-placeholder": register(DOCS.replace("{nn}", "{n}")),
    "doc-numbering-without-number": register(DOCS.replace("-{nn}", "")),
    "doc-ref-not-matching": register(entry("").replace("CCX/26-03", "CCX/2026-3")),
    "doc-ref-default-numbering": register(entry("").replace('numbering: "CCX/{yy}-{nn}"\n', "")
                                          .replace("CCX/26-03", "CCQM/26-03")),
    "doc-duplicate": register(entry("").replace("CCX/26-03", "CCX/26-02")),
    "doc-duplicate-revision": register(entry("    revision: b\n") + "  - ref: CCX/26-03\n    revision: b\n"
                                       "    title: Third paper again\n    date: 2026-02-12\n"),
    "doc-revision-not-a-letter": register(entry("    revision: B\n") + "  - ref: CCX/26-04\n    revision: bb\n"
                                          "    title: Fourth\n    date: 2026-02-12\n"),
    "doc-replaces-unknown": register(entry("    replaces: CCX/25-09\n")),
    "doc-plenary-unknown": register(entry("    plenary: CCX-31\n")),
    "doc-status-unknown": register(entry("    status: finale\n")),
    "doc-missing-required": register(DOCS + "  - ref: CCX/26-03\n    author: D Author\n"),
    "doc-unknown-key": register(entry("    autor: D Author\n")),
    "doc-agenda-unregistered": register(agenda=AG_DOCS.replace('"CCX/26-02"]', '"CCX/26-02", "CCX/26-12", "CCX/26-02c"]')),
    "doc-file-missing": register(entry("    file: papers/CCX26-03.pdf\n")),
    "doc-file-outside-papers": register(entry("    file: data/committee.yaml\n") +
        "  - ref: CCX/26-04\n    title: Four\n    date: 2026-02-11\n    file: papers/../data/x.pdf\n"
        "  - ref: CCX/26-05\n    title: Five\n    date: 2026-02-11\n    file: /etc/passwd\n"),
    "doc-file-symlink-out": register(entry("    file: papers/evil.pdf\n") +
        "  - ref: CCX/26-04\n    title: Four\n    date: 2026-02-11\n    file: papers/inside.pdf\n",
        papers={"papers/evil.pdf": ("symlink", "/etc/passwd"),
                "papers/inside.pdf": ("symlink", "../data/committee.yaml")}),
    "doc-file-not-regular": register(entry("    file: papers/folder.pdf\n"), papers={"papers/folder.pdf/.gitkeep": ""}),
    "doc-file-not-pdf": register(entry("    file: papers/CCX26-03.pdf\n"), papers={"papers/CCX26-03.pdf": "Hello, not a PDF\n"}),
    "doc-file-wrong-type": register(entry("    file: papers/CCX26-03.txt\n") +
        "  - ref: CCX/26-04\n    title: Four\n    date: 2026-02-11\n    file: papers/CCX26-04.docx\n"
        "  - ref: CCX/26-05\n    title: Five\n    date: 2026-02-11\n    file: papers/CCX26-05.odt\n"
        "  - ref: CCX/26-06\n    title: Six\n    date: 2026-02-11\n    file: papers/CCX26-06.docx\n",
        papers={"papers/CCX26-03.txt": "text\n", "papers/CCX26-04.docx": zip_bytes([("content.xml", "<x/>")]),
                "papers/CCX26-05.odt": zip_bytes([("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]),
                "papers/CCX26-06.docx": PDF}),
    "doc-file-damaged-zip": register(entry("    file: papers/CCX26-03.docx\n") +
        "  - ref: CCX/26-04\n    title: Four\n    date: 2026-02-11\n    file: papers/CCX26-04.odt\n",
        papers={"papers/CCX26-03.docx": DOCX[:len(DOCX) // 2],
                "papers/CCX26-04.odt": b"PK\x03\x04" + b"\xff" * 64}),
    "doc-ref-four-digit-year": register(entry("").replace("{yy}-{nn}", "{yyyy}/{nn}").replace("CCX/26-0", "CCX/2026/0")
        .replace("CCX/2026/03", "CCX/26/03") + "  - ref: CCX/2026/104\n    title: A hundred and fourth\n    date: 2026-02-11\n",
        agenda=AG_DOCS.replace("CCX/26-0", "CCX/2026/0")),
    "warning-doc-late": register(entry("    plenary: CCX-30\n    file: papers/CCX26-03.docx\n").replace("2026-02-11", "2026-03-04") +
        "  - ref: CCX/26-04\n    title: Four\n    date: 2026-03-03\n    plenary: CCX-30\n    file: papers/CCX26-04.odt\n"
        "  - ref: CCX/26-100\n    title: A hundredth paper, three digits\n    date: 2026-03-03\n",
        papers={"papers/CCX26-03.docx": DOCX, "papers/CCX26-04.odt": ODT}),
    "warning-doc-withdrawn-on-agenda": register(entry("    revision: b\n    status: withdrawn\n").replace("CCX/26-03", "CCX/26-02")
        + "  - ref: CCX/26-04\n    title: Four\n    date: 2026-02-11\n    status: withdrawn\n",
        agenda=AG_DOCS.replace('"CCX/26-02"]', '"CCX/26-02", "CCX/26-02a", "CCX/26-04"]').replace("CCX/26-02a", "CCX/26-01")),
})


def write(root, rel, content):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(content, tuple):
        os.symlink(content[1], path)
        return
    with open(path, "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape"))


def main():
    for name, override in CASES.items():
        root = os.path.join(HERE, name)
        keep = None
        if os.path.exists(os.path.join(root, "expected.txt")):
            keep = open(os.path.join(root, "expected.txt"), "rb").read()
        shutil.rmtree(root, ignore_errors=True)
        files = dict(BASE)
        files.update(override)
        for rel, content in sorted(files.items(), key=lambda kv: kv[0]):
            if content is DELETE or (rel in BASE and override.get(rel) is DELETE):
                continue
            write(root, rel, content)
        if keep is not None:
            open(os.path.join(root, "expected.txt"), "wb").write(keep)


if __name__ == "__main__":
    sys.exit(main())
