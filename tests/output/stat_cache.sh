#!/usr/bin/env bash
# The unchanged check's stat cache (docs/cli.md, "The stat cache"): out/.plenary-cache/
# unchanged.stat answers the unchanged nightly from metadata alone, with exactly the answer of
# the full check (the engine's); a racy entry is hashed, not trusted; a cache that is absent,
# empty, truncated, damaged, another call's, a link, a FIFO, a folder or huge leaves the answer
# to the full check (same answer, no hang, nothing read through the link); a file added to a
# listed folder and a removed output are noticed.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing
command -v xxhsum >/dev/null || fail "xxhsum is missing (scripts/install-deps.sh installs xxhash)"
engine="$(dirname "$PLENARY")/plenary-engine"
[ -x "$engine" ] || fail "no plenary-engine beside $PLENARY"
export SOURCE_DATE_EPOCH=1700000000

root=$(make_root stat)
out="$WORK/out"
cache="$out/.plenary-cache/unchanged.stat"
run 0 "$PLENARY" build --root "$root" --out "$out"
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["unchanged_check"]["outputs"]))' "$out/manifest.json")

# answer NAME PROGRAM: runs an unchanged build with PROGRAM, keeps its stdout, stderr (the
# summary's seconds aside) and exit status as $WORK/NAME.{out,err,status}.
answer() {
  local status=0
  timeout 60 "$2" build --root "$root" --out "$out" >"$WORK/$1.out" 2>"$WORK/$1.err" || status=$?
  echo "$status" >"$WORK/$1.status"
  sed -i 's/ in [0-9.]* s$/ in S s/' "$WORK/$1.out" "$WORK/$1.err"
}
# same_answer A B: the two answers are equal, byte for byte.
same_answer() {
  local part
  for part in status out err; do
    cmp -s "$WORK/$1.$part" "$WORK/$2.$part" ||
      fail "$1 and $2 differ in $part: $(diff "$WORK/$1.$part" "$WORK/$2.$part" | head -5)"
  done
}

# 1. The cache answers (stat_cache_ready: no file's bytes read, strace), with the full check's
#    answer: the engine's without a cache, and the front's without one.
stat_cache_ready "$root" "$out"
cp "$cache" "$WORK/good.stat"
answer cached "$PLENARY"
grep -qx "built 0, unchanged $total, failed 0 in S s" "$WORK/cached.out" || fail "cached: $(tail -n 1 "$WORK/cached.out")"
grep -q ': warning: ' "$WORK/cached.err" || fail "the cached answer did not say the recorded warning"
rm "$cache"
answer engine "$engine"
same_answer cached engine
rm "$cache"
answer full "$PLENARY"
same_answer cached full
[ -f "$cache" ] || fail "the full check wrote no cache"

# forge FIELD VALUE...: rewrites the cache with python (the checksum recomputed by xxhsum):
#   entry PATH: the entry of data file PATH gets the file's metadata as it is now;
#   taken SECONDS: the moment of the stats; key HEX: the call's key.
forge() {
  python3 - "$cache" "$root" "$@" <<'EOF' || fail "could not forge the cache"
import os, subprocess, sys
cache, root, field, value = sys.argv[1:5]
lines = open(cache, "rb").read().decode().split("\n")[:-2]  # without the sum line and the end
out = []
for line in lines:
    if field == "entry" and line.startswith("f R ") and line.endswith(" " + value):
        st = os.lstat(os.path.join(root, value))
        line = "f R %d %d %d %d %d %d %d %d %s" % (
            st.st_dev, st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns // 10**9,
            st.st_mtime_ns % 10**9, st.st_ctime_ns // 10**9, st.st_ctime_ns % 10**9, value)
    elif field == "taken" and line.startswith("taken "):
        line = "taken %s 0" % value
    elif field == "key" and line.startswith("key "):
        line = "key " + value
    out.append(line)
body = ("\n".join(out) + "\n").encode()
assert body != open(cache, "rb").read()[:len(body)] or field == "taken", "nothing forged"
digest = subprocess.run(["xxhsum", "-H2", "-"], input=body, capture_output=True, check=True).stdout.split()[0]
open(cache, "wb").write(body + b"sum xxh3-128:" + digest + b"\n")
EOF
}

# 2. A racy entry: data/stakeholders.yaml changed in the middle (size and time kept) and the
#    cache made to hold its new metadata, as if its stat had been taken just after the change in
#    the same clock tick. Its ctime is then not 2 s older than the moment of the stats: hashed,
#    and the change noticed. (The control first: the same forged entry with the moment of the
#    stats 3 s after its ctime is trusted — what the racy rule is there to prevent.)
input="$root/data/stakeholders.yaml"
touch -r "$input" "$WORK/time-reference"
python3 - "$input" <<'EOF'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
at = data.index(b"\n    name: ", len(data) // 2) + 11
while data[at] not in b"aeiou":
    at += 1
data[at] = ord("o") if data[at] != ord("o") else ord("a")
open(path, "r+b").write(bytes(data))
EOF
touch -r "$WORK/time-reference" "$input"
forge entry data/stakeholders.yaml
taken=$(sed -n 's/^taken \([0-9]*\) .*/\1/p' "$cache")
ctime=$(stat -c %Z "$input")
[ "$ctime" -ge "$taken" ] || fail "the change's ctime is older than the cache's stats"
cp "$cache" "$WORK/racy.stat"
forge taken $((ctime + 3))
sleep 3.1
run 0 "$PLENARY" build --root "$root" --out "$out"
grep -qx "built 0, unchanged $total, failed 0 in [0-9.]* s" "$OUT" ||
  fail "control: a forged entry older than the margin was not trusted: $(tail -n 1 "$OUT")"
cp "$WORK/racy.stat" "$cache"
run 0 "$PLENARY" build --root "$root" --out "$out"
grep -q '^built [1-9]' "$OUT" || fail "a racy entry was trusted: the change was not noticed"
grep -q "\"file:data/stakeholders.yaml\": \"xxh3-128:$(xxhsum -H2 "$input" | cut -d' ' -f1)\"" \
  "$out/manifest.json" || fail "the record does not hold the changed file's hash"

# 3. Hostile caches: each leaves the answer to the full check, which gives the same answer.
stat_cache_ready "$root" "$out"
cp "$cache" "$WORK/good.stat"
answer reference "$PLENARY"
grep -qx "built 0, unchanged $total, failed 0 in S s" "$WORK/reference.out" || fail "reference: $(tail -n 1 "$WORK/reference.out")"
hostile() {
  local what=$1
  if strace_usable; then
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" timeout 60 strace -f -qq \
      -e trace=open,openat,openat2 -o "$WORK/hostile.strace" "$PLENARY" build --root "$root" \
      --out "$out" >"$WORK/hostile.out" 2>"$WORK/hostile.err" && echo 0 >"$WORK/hostile.status" ||
      echo $? >"$WORK/hostile.status"
    sed -i 's/ in [0-9.]* s$/ in S s/' "$WORK/hostile.out" "$WORK/hostile.err"
    grep -q '"manifest.json"' "$WORK/hostile.strace" || fail "$what: the full check did not run"
    grep -q '/etc/passwd' "$WORK/hostile.strace" && fail "$what: /etc/passwd was opened"
  else
    answer hostile "$PLENARY"
  fi
  same_answer hostile reference
  [ "$(head -c 1000 /etc/passwd | wc -c)" -gt 0 ] || fail "$what: /etc/passwd harmed"
  rm -rf "$cache"
}
good=$(wc -c <"$WORK/good.stat")
rm "$cache"
hostile "an absent cache"
: >"$cache"
hostile "an empty cache"
head -c $((good / 2)) "$WORK/good.stat" >"$cache"
hostile "a truncated cache"
head -c $((good - 1)) "$WORK/good.stat" >"$cache"
hostile "a cache without its last newline"
sed '0,/^o O [0-9]* /s//o O 1 /' "$WORK/good.stat" >"$cache"
cmp -s "$cache" "$WORK/good.stat" && fail "could not damage the cache"
hostile "a cache with a bad checksum"
cp "$WORK/good.stat" "$cache"
forge key "$(printf '0%.0s' {1..64})"
hostile "another call's cache"
cp "$WORK/good.stat" "$cache"
forge taken "$(($(date +%s) + 3600))"
hostile "a cache from the future (a clock set back)"
ln -s /etc/passwd "$cache"
hostile "a link to /etc/passwd"
ln -s "$WORK/good.stat" "$cache"
hostile "a link to a good cache"
mkfifo "$cache"
hostile "a FIFO"
mkdir "$cache"
hostile "a folder"
{ cat "$WORK/good.stat"; head -c $((5 << 20)) /dev/zero | tr '\0' 'x'; } >"$cache"
hostile "a 5 MiB cache"
printf 'plenary-unchanged-stat 1\nkey %s\ntaken 1 0\np x\nf R 1 1 1 1 1 1 1 1 ../../etc/passwd\n' \
  "$(sed -n 's/^key //p' "$WORK/good.stat")" >"$WORK/climb"
printf 'sum xxh3-128:%s\n' "$(xxhsum -H2 - <"$WORK/climb" | cut -d' ' -f1)" | cat "$WORK/climb" - >"$cache"
hostile "a well-formed cache naming a path that climbs out"
# .plenary-cache a link to a folder elsewhere holding a file of the cache's name: neither read,
# nor written, nor removed through the link (a data file touched, its bytes kept, makes the
# full check find everything unchanged with a racy entry: the branch that removes the cache).
# Landlock off: it would refuse a write outside out/ anyway; the code itself must not try.
mkdir "$WORK/elsewhere"
echo canary >"$WORK/elsewhere/unchanged.stat"
mv "$out/.plenary-cache" "$WORK/real-cache"
ln -s "$WORK/elsewhere" "$out/.plenary-cache"
answer linked "$PLENARY"
same_answer linked reference
touch "$root/data/committee.yaml"
PLENARY_LANDLOCK=off run 0 "$PLENARY" build --root "$root" --out "$out"
grep -qx "built 0, unchanged $total, failed 0 in [0-9.]* s" "$OUT" || fail "a touched file: $(tail -n 1 "$OUT")"
sleep 2.1
PLENARY_LANDLOCK=off run 0 "$PLENARY" build --root "$root" --out "$out"
[ "$(cat "$WORK/elsewhere/unchanged.stat")" = canary ] || fail "a file was changed through the link"
[ "$(ls -A "$WORK/elsewhere")" = unchanged.stat ] || fail "a file was written through the link: $(ls -A "$WORK/elsewhere")"
rm "$out/.plenary-cache"
mv "$WORK/real-cache" "$out/.plenary-cache"
# After all that, the full check has written a good cache again, and it answers.
stat_cache_ready "$root" "$out"

# 4. A new data file in a listed folder: a task group added (its final report is built).
tg_file=$(grep -l '^status: closed' "$root"/data/task-groups/*.yaml | head -n 1)
sed "s/^id: .*/id: CCQM-TG-ADDED/" "$tg_file" >"$root/data/task-groups/CCQM-TG-ADDED.yaml"
run 0 "$PLENARY" build --root "$root" --out "$out"
built_paths | grep '^task-groups/CCQM-TG-ADDED-final-report\.pdf$' >/dev/null ||
  fail "a task group added to a listed folder was not noticed"
#    A file beside the agendas that is no agenda: the full check runs (the engine decides).
stat_cache_ready "$root" "$out"
echo "notes" >"$root/agendas/notes.txt"
if strace_usable; then
  # LeakSanitizer cannot run under ptrace (the sanitizer build): leaks are checked elsewhere.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=execve \
    -o "$WORK/execve" "$PLENARY" build --root "$root" --out "$out" \
    >"$OUT" 2>"$ERR" || fail "the build after a file added to agendas/ failed"
  grep -q 'plenary-engine' "$WORK/execve" || fail "a file added to agendas/ was not noticed"
fi

# 5. A removed output: rebuilt, alone.
stat_cache_ready "$root" "$out"
target=$(tree_documents "$out" | grep -- '-agenda\.pdf$' | head -n 1)
rm "$out/$target"
run 0 "$PLENARY" build --root "$root" --out "$out"
[ "$(built_paths)" = "$target" ] || fail "a removed output: expected $target rebuilt, got $(built_paths | tr '\n' ' ')"
echo "ok"
