#!/usr/bin/env bash
# The manifest's content hashes (docs/cli.md, "Incremental builds"): every output_hash, and the
# unchanged check's value of every data file and template, is XXH3-128 written
# "xxh3-128:<32 hex digits>", as an independent client (xxhsum -H2, Debian's xxhash) computes it
# from the files on disk; a register paper's value stays the SHA-256 its check computed
# (sha256sum). Both programs hold these values: the engine wrote them, the front answers the
# unchanged nightly from them without running the engine, and the engine's own decision (a
# record it cannot use: another --format) finds every output unchanged by them. One byte
# changed in the middle of the largest output, or in the middle of a data file, its size and
# modification time kept to the nanosecond (touch -r), is noticed — with the stat cache in place and answering before each
# change (stat_cache_ready, lib.sh): the write moved the file's ctime, which the cache compares.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing
command -v xxhsum >/dev/null || fail "xxhsum is missing (scripts/install-deps.sh installs xxhash)"
engine="$(dirname "$PLENARY")/plenary-engine"
[ -x "$engine" ] || fail "no plenary-engine beside $PLENARY"

root=$(make_root hashes)
out="$WORK/out"
run 0 "$PLENARY" build --root "$root" --out "$out"

# 1. Every hash of the manifest, recomputed by the independent clients.
python3 - "$out" "$root" "$PLENARY_SOURCE_DIR/templates" <<'EOF' || fail "a manifest hash differs from xxhsum's or sha256sum's"
import json, os, subprocess, sys
out, root, templates = sys.argv[1:4]
manifest = json.load(open(os.path.join(out, "manifest.json")))

def sums(tool, paths):
    """path -> hex digest, from one run of the tool over all the paths."""
    result = subprocess.run(tool + paths, capture_output=True, text=True, check=True).stdout
    return {path: line.split()[0] for path, line in zip(paths, result.splitlines())}

outputs = {os.path.join(out, rel): entry["output_hash"] for rel, entry in manifest["outputs"].items()}
assert len(outputs) > 50, f"only {len(outputs)} outputs"
got = sums(["xxhsum", "-H2"], sorted(outputs))
bad = [p for p, want in outputs.items() if "xxh3-128:" + got[p] != want]
assert not bad, f"output hashes differ from xxhsum -H2: {bad[:5]}"

files, papers, template_files = {}, {}, {}
for entry, value in manifest["unchanged_check"]["read"].items():
    kind, name = entry.split(":", 1)
    if kind == "file" and value != "absent":
        (files if value.startswith("xxh3-128:") else papers)[os.path.join(root, name)] = value
    elif kind == "template":
        index, value = value.split(" ", 1)
        folder = os.path.join(root, "templates") if index == "0" else templates
        template_files[os.path.join(folder, name)] = value
assert len(files) > 10 and papers and len(template_files) > 5, (len(files), len(papers), len(template_files))
got = sums(["xxhsum", "-H2"], sorted(files) + sorted(template_files))
bad = [p for p, want in {**files, **template_files}.items() if "xxh3-128:" + got[p] != want]
assert not bad, f"input hashes differ from xxhsum -H2: {bad[:5]}"
got = sums(["sha256sum"], sorted(papers))
bad = [p for p, want in papers.items() if got[p] != want]
assert not bad, f"paper hashes differ from sha256sum: {bad[:5]}"
print(f"{len(outputs)} outputs, {len(files)} data files, {len(template_files)} templates, "
      f"{len(papers)} papers: every hash as the independent clients compute it")
EOF

# 2. The front answers from them alone; the engine's own decision finds every output unchanged.
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["unchanged_check"]["outputs"]))' "$out/manifest.json")
if command -v strace >/dev/null && strace -qq -o /dev/null true 2>/dev/null; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
  strace -f -qq -e trace=execve -o "$WORK/strace" "$PLENARY" build --root "$root" --out "$out" \
    >"$OUT" 2>"$ERR" || fail "the unchanged build failed"
  grep -q 'plenary-engine' "$WORK/strace" && fail "the front did not answer the unchanged build"
fi
run 0 "$PLENARY" build --root "$root" --out "$out"
grep -qx "built 0, unchanged $total, failed 0 in [0-9.]* s" "$OUT" || fail "the front's answer: $(tail -n 1 "$OUT")"
run 0 "$engine" build --root "$root" --out "$out" --format all
grep -q "^built 0, unchanged [1-9][0-9]*, failed 0 in " "$OUT" ||
  fail "the engine's decision rebuilt outputs the front found unchanged"

# 3. One byte in the middle of the largest output, its size and time kept: rebuilt, alone.
stat_cache_ready "$root" "$out"
target=$(cd "$out" && find . -type f ! -name '.*' ! -name manifest.json -printf '%s %P\n' |
  sort -n | tail -n 1 | cut -d' ' -f2-)
size=$(stat -c %s "$out/$target")
[ "$size" -gt 200000 ] || fail "the largest output, $target, has only $size bytes"
mtime=$(stat -c %y "$out/$target")  # to the nanosecond
touch -r "$out/$target" "$WORK/time-reference"
middle=$((size / 2))
byte=$(dd if="$out/$target" bs=1 skip="$middle" count=1 status=none | od -An -tu1 | tr -d ' ')
printf "\\$(printf '%03o' $(((byte + 1) % 256)))" |
  dd of="$out/$target" bs=1 seek="$middle" conv=notrunc status=none
touch -r "$WORK/time-reference" "$out/$target"
[ "$(stat -c '%s %y' "$out/$target")" = "$size $mtime" ] || fail "the damage changed size or time"
run 0 "$PLENARY" build --root "$root" --out "$out"
[ "$(built_paths)" = "$target" ] || fail "expected only $target rebuilt, got: $(built_paths | tr '\n' ' ')"
run 0 "$PLENARY" build --root "$root" --out "$out"
grep -qx "built 0, unchanged $total, failed 0 in [0-9.]* s" "$OUT" || fail "not unchanged after the repair"

# 4. One letter in the middle of a data file (a stakeholder's name), its size and time kept:
#    noticed, the documents that show it rebuilt, the new bytes' hash recorded.
stat_cache_ready "$root" "$out"
input="$root/data/stakeholders.yaml"
mtime=$(stat -c %y "$input")
touch -r "$input" "$WORK/time-reference"
before=$(xxhsum -H2 "$input" | cut -d' ' -f1)
python3 - "$input" <<'EOF'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
start = len(data) // 2
at = data.index(b"\n    name: ", start) + 11  # the next stakeholder's name
while not (data[at] in b"aeiou"):
    at += 1
data[at] = ord("o") if data[at] != ord("o") else ord("a")
open(path, "r+b").write(bytes(data))
EOF
touch -r "$WORK/time-reference" "$input"
[ "$(stat -c %y "$input")" = "$mtime" ] || fail "the edit changed the time"
after=$(xxhsum -H2 "$input" | cut -d' ' -f1)
[ "$before" != "$after" ] || fail "the edit did not change the file"
run 0 "$PLENARY" build --root "$root" --out "$out"
grep -q '^built [1-9]' "$OUT" || fail "an edit in the middle of data/stakeholders.yaml was not noticed"
grep -q "\"file:data/stakeholders.yaml\": \"xxh3-128:$after\"" "$out/manifest.json" ||
  fail "the record does not hold the new bytes' hash"
echo "ok"
