#!/usr/bin/env bash
# docs/ci-annotations.md: --diagnostics json prints the same problems as the gcc style, one
# JSON object a line with severity, path, line, column, message and hint, for check, build and
# list; the two CI one-liners of the page (and of its example workflows) turn them into GitHub
# workflow commands and a GitLab Code Quality report.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
command -v jq >/dev/null || fail "jq is not installed (scripts/install-deps.sh installs it)"

cases="$PLENARY_SOURCE_DIR/tests/model/cases"
bad="$WORK/bad"
cp -r "$cases/many-errors-at-once" "$bad"
rm -f "$bad/expected.txt"

# Same problems in both styles: the gcc line rebuilt from each JSON object is the gcc output.
run 1 "$PLENARY" check --root "$bad" --diagnostics gcc
grep -v '^check failed: ' "$ERR" >"$WORK/gcc.txt"
[ "$(wc -l <"$WORK/gcc.txt")" -ge 3 ] || fail "the case has fewer than three diagnostics"
run 1 "$PLENARY" check --root "$bad" --diagnostics json
cp "$ERR" "$WORK/json.txt"
[ -s "$OUT" ] && fail "check --diagnostics json printed on stdout"
python3 - "$WORK/json.txt" "$WORK/gcc.txt" <<'PY' || fail "json and gcc diagnostics differ"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
gcc = open(sys.argv[2], encoding="utf-8").read().splitlines()
rebuilt = []
for line in lines:
    d = json.loads(line)  # every stderr line is one object
    assert list(d) == ["severity", "path", "line", "column", "message", "hint"], list(d)
    assert d["severity"] in ("error", "warning"), d
    assert isinstance(d["line"], int) and isinstance(d["column"], int), d
    pos = d["path"] + (f":{d['line']}" if d["line"] else "") + (f":{d['column']}" if d["column"] else "")
    rebuilt.append(f"{pos}: {d['severity']}: {d['message']}" + (f" (hint: {d['hint']})" if d["hint"] else ""))
assert rebuilt == gcc, "\n".join(rebuilt) + "\n---\n" + "\n".join(gcc)
PY
# The default is gcc.
run 1 "$PLENARY" check --root "$bad"
grep -v '^check failed: ' "$ERR" | cmp -s - "$WORK/gcc.txt" || fail "the default is not --diagnostics gcc"

# build: input errors as JSON lines only, nothing written; list takes the option too.
run 1 "$PLENARY" build --root "$bad" --diagnostics json
cmp -s "$ERR" "$WORK/json.txt" || fail "build --diagnostics json: not the same lines as check"
[ ! -e "$bad/out" ] || fail "build with input errors created out/"
run 1 "$PLENARY" list --root "$bad" --diagnostics json
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$ERR" ||
  fail "list --diagnostics json: a stderr line is not JSON"

# A good root with a warning: exit 0, the warning as JSON, documents built.
warn="$WORK/warn"
cp -r "$cases/warning-past-midnight" "$warn"
rm -f "$warn/expected.txt"
run 0 "$PLENARY" build --root "$warn" --diagnostics json --format md --quiet
jq -e -s 'length >= 1 and all(.severity == "warning")' "$ERR" >/dev/null ||
  fail "build --diagnostics json on a root with a warning: $(cat "$ERR")"
grep -q '^built ' "$OUT" || fail "no summary on stdout"

# An output that cannot be written: a JSON line naming it, exit 3.
mkdir -p "$warn/out2/CCX-30"
run 0 "$PLENARY" build --root "$warn" --out "$warn/out2" --format md --quiet
rm -rf "$warn/out2/CCX-30" && echo in-the-way >"$warn/out2/CCX-30"
run 3 "$PLENARY" build --root "$warn" --out "$warn/out2" --format md --quiet --force --diagnostics json
python3 - "$ERR" <<'PY' || fail "exit 3 in json mode: $(cat "$ERR")"
import json, sys
items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert any(d["severity"] == "error" and d["path"].startswith("CCX-30/") and d["message"].startswith("failed: ")
           for d in items), items
PY

run 2 "$PLENARY" check --root "$bad" --diagnostics xml
grep -q "bad value 'xml' for --diagnostics (expected gcc or json)" "$ERR" || fail "--diagnostics xml"

# The one-liners, exactly as docs/ci-annotations.md and the example workflows write them.
doc="$PLENARY_SOURCE_DIR/docs/ci-annotations.md"
github=$(grep -m1 '^plenary check --diagnostics json .*jq -r ' "$doc") || fail "no GitHub one-liner in the doc"
gitlab=$(grep -m1 '^plenary check --diagnostics json .*jq -s ' "$doc") || fail "no GitLab one-liner in the doc"
grep -qF -- "$github" "$PLENARY_SOURCE_DIR/docs/examples/github-workflow.yml" ||
  fail "the GitHub example workflow does not hold the documented one-liner"
grep -qF -- "$gitlab" "$PLENARY_SOURCE_DIR/docs/examples/gitlab-ci.yml" ||
  fail "the GitLab example does not hold the documented one-liner"
mkdir -p "$WORK/bin" && ln -s "$PLENARY" "$WORK/bin/plenary"
count=$(wc -l <"$WORK/json.txt")
(cd "$bad" && PATH="$WORK/bin:$PATH" bash -c "set -o pipefail; $github" >"$WORK/github.txt") && 
  fail "the GitHub one-liner does not fail with plenary check"
[ "$(wc -l <"$WORK/github.txt")" -eq "$count" ] || fail "not one annotation per diagnostic: $(cat "$WORK/github.txt")"
grep -Ev '^::(error|warning|notice) file=[^,:]+(,line=[0-9]+)?(,col=[0-9]+)?::.+$' "$WORK/github.txt" &&
  fail "malformed GitHub annotations"
grep -qx "::error file=data/committee.yaml,line=6,col=13::expected a whole number for 'number', found 'thirty'" "$WORK/github.txt" ||
  fail "the GitHub annotation of a known error is missing: $(cat "$WORK/github.txt")"
(cd "$bad" && PATH="$WORK/bin:$PATH" bash -c "set -o pipefail; $gitlab") &&
  fail "the GitLab one-liner does not fail with plenary check"
python3 - "$bad/gl-code-quality-report.json" "$count" <<'PY' || fail "bad Code Quality report: $(cat "$bad/gl-code-quality-report.json")"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(report, list) and len(report) == int(sys.argv[2]), len(report)
for issue in report:
    assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}, issue
    assert issue["severity"] in ("info", "minor", "major", "critical", "blocker"), issue
    assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1, issue
assert len({i["fingerprint"] for i in report}) == len(report), "fingerprints are not unique"
assert any(i["severity"] == "major" and i["location"] == {"path": "data/committee.yaml", "lines": {"begin": 6}}
           for i in report), report
PY
echo "diagnostics: json = gcc for check, build and list; GitHub and GitLab one-liners work as documented"
