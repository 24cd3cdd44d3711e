#!/usr/bin/python3
"""The rows a plenary's document register must show, computed from the data root on its own
(PyYAML, not the program): one tab-separated line per document in reference order:
ref, title (plain), late, withdrawn, superseded-by, replaces, no-file, agenda items."""
import datetime, re, sys, yaml

root, plenary = sys.argv[1], sys.argv[2]
reg = yaml.safe_load(open(f"{root}/data/documents.yaml", encoding="utf-8"))
committee = yaml.safe_load(open(f"{root}/data/committee.yaml", encoding="utf-8"))
agenda = yaml.safe_load(open(f"{root}/agendas/{plenary}.yaml", encoding="utf-8"))
docs = reg["documents"]
due_days = reg.get("papers_due_days", 42)
start = {p["id"]: p["start"] for p in committee["plenaries"]}


def full(d):
    return d["ref"] + d.get("revision", "")


def find(reference):
    same = [d for d in docs if d["ref"] == reference]
    if same:
        return max(same, key=lambda d: d.get("revision", ""))
    exact = [d for d in docs if full(d) == reference]
    return exact[0] if exact else None


# Agenda items, numbered as the agenda numbers them (breaks unnumbered).
named = {}  # id(doc) -> [item numbers]
def walk(items, prefix, counter):
    for it in items:
        if it.get("kind") == "break":
            continue
        counter[0] += 1
        number = f"{prefix}{counter[0]}"
        for ref in it.get("documents") or []:
            d = find(ref)
            if d is not None and number not in named.setdefault(id(d), []):
                named[id(d)].append(number)
        walk(it.get("items") or [], number + ".", [0])
counter = [0]
for day in agenda["days"]:
    walk(day["items"], "", counter)

rows = [d for d in docs if d.get("plenary") == plenary or id(d) in named]
key = lambda d: ([int(x) if x.isdigit() else x for x in re.split(r"(\d+)", d["ref"])], d.get("revision", ""))
for d in sorted(rows, key=key):
    status = d.get("status", "final")
    p = d.get("plenary")
    late = p is not None and status != "withdrawn" and \
        d["date"] > start[p] - datetime.timedelta(days=due_days)
    latest = find(d["ref"])
    superseded = full(latest) if latest is not d and latest.get("revision", "") > d.get("revision", "") else ""
    if not superseded:
        for other in docs:
            if other is not d and other.get("replaces") and find(other["replaces"]) is d:
                superseded = full(other)
                break
    replaces = full(find(d["replaces"])) if d.get("replaces") and find(d["replaces"]) else d.get("replaces", "")
    title = re.sub(r"\*([^*]+)\*", r"\1", d["title"])
    print("\t".join([full(d), title, "1" if late else "0", "1" if status == "withdrawn" else "0",
                     superseded, replaces, "0" if d.get("file") else "1",
                     ", ".join(named.get(id(d), []))]))
