#!/usr/bin/env bash
# An agenda of ten thousand items (over a hundred days, with sub-items) builds in seconds and
# bounded memory, and every output is well-formed.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root big-agenda)
# Without a register the agenda's ten thousand document references stay free text.
rm "$root/data/documents.yaml"
"$PY" - "$root" <<'PY'
import sys, datetime
root = sys.argv[1]
p = root + "/data/committee.yaml"
s = open(p).read()
s = s.replace("plenaries:\n", """plenaries:
  - id: BIG-1
    number: 999
    start: 2030-01-01
    end: 2030-12-31
    venue: Everywhere
""", 1)
open(p, "w").write(s)
out = ["plenary: BIG-1", "days:"]
items = 0
day = datetime.date(2030, 1, 1)
while items < 10000:
    out += ["  - date: %s" % day.isoformat(), '    start: "08:00"', "    items:"]
    for i in range(20):
        out.append("      - title: Item %d of the day, with *some* [link](https://example.org/%d)" % (i, items))
        out.append("        presenter: {name: Presenter %d, institute: NMI}" % items)
        out.append("        documents: [\"BIG/%d\"]" % items)
        out.append("        items:")
        for j in range(4):
            out.append("          - {title: Sub-item %d, duration: 6}" % j)
        items += 5
    day += datetime.timedelta(days=1)
open(root + "/agendas/BIG-1.yaml", "w").write("\n".join(out) + "\n")
PY
[ "$(grep -c 'title:' "$root/agendas/BIG-1.yaml")" -ge 10000 ] || fail "fewer than 10000 items"
hostile 0 "$root/out" build --root "$root" --only BIG-1
check_outputs "$root/out"
pages=$(pdfinfo "$root/out/BIG-1/BIG-1-agenda.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -gt 100 ] || fail "the 10000-item agenda has only ${pages:-0} pages"
pdftotext "$root/out/BIG-1/BIG-1-agenda.pdf" - 2>/dev/null | grep 'BIG/9995' >/dev/null || fail "the last item is missing"
echo "10000 items: $pages pages, peak $RSS_MB MB"
