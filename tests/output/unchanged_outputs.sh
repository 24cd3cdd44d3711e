#!/usr/bin/env bash
# An unchanged build trusts an output of the recorded size that is no newer than the
# manifest (it does not re-read it), and still catches an output changed in place after the
# build, even when its size stayed the same.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root unchanged)
out="$WORK/out"
run 0 "$PLENARY" build --root "$root" --out "$out"
all=$(tree_documents "$out")
n=$(echo "$all" | wc -l)

# 1. Nothing changed: nothing rebuilt.
run 0 "$PLENARY" build --root "$root" --out "$out"
[[ "$(summary_line)" == "built 0, unchanged $n, failed 0 in "* ]] || fail "an unchanged build rebuilt something"

# 2. One byte of a PDF changed in place (same size, written after the manifest): rebuilt,
#    and only it.
target=$(echo "$all" | grep '\.pdf$' | head -n 1)
size=$(stat -c %s "$out/$target")
printf 'X' | dd of="$out/$target" bs=1 seek=200 conv=notrunc status=none
# Newer than the manifest whatever the file system's timestamp granularity.
touch -d "@$(($(stat -c %Y "$out/manifest.json") + 2))" "$out/$target"
[ "$(stat -c %s "$out/$target")" = "$size" ] || fail "the damage changed the size"
run 0 "$PLENARY" build --root "$root" --out "$out"
[ "$(built_paths)" = "$target" ] || fail "expected only $target rebuilt, got: $(built_paths | tr '\n' ' ')"

# 3. It got its old bytes back, so the manifest did not change; it was written again all the
#    same and is no older than the rebuilt output, and the next build rebuilds nothing.
[ ! "$out/manifest.json" -ot "$out/$target" ] || fail "manifest.json is older than the output rebuilt"
run 0 "$PLENARY" build --root "$root" --out "$out"
[[ "$(summary_line)" == "built 0, unchanged $n, failed 0 in "* ]] || fail "the repaired output was rebuilt again"
# 4. A comment added to the data changes no document: nothing is rebuilt, and the outputs are
#    recorded as checked under the new inputs (the digest in the manifest changes).
digest_before=$(grep -o '"inputs_digest" *: *"[0-9a-f]*"' "$out/manifest.json" | sort -u)
printf '\n# A comment added by the test.\n' >>"$root/data/committee.yaml"
run 0 "$PLENARY" build --root "$root" --out "$out"
[[ "$(summary_line)" == "built 0, unchanged $n, failed 0 in "* ]] || fail "a comment rebuilt something"
digest_after=$(grep -o '"inputs_digest" *: *"[0-9a-f]*"' "$out/manifest.json" | sort -u)
[ "$(echo "$digest_after" | wc -l)" -eq 1 ] || fail "outputs recorded under different input digests"
[ "$digest_after" != "$digest_before" ] || fail "the manifest still holds the old inputs digest"

# 5. A real change after that is still seen: only the documents it touches are rebuilt.
agenda=$(ls "$root"/agendas/*.yaml | head -n 1)
plenary=$(sed -n 's/^plenary: *//p' "$agenda" | tr -d "\"'\r")
sed -i '0,/- title: /s//- title: Edited by the test — /' "$agenda"
run 0 "$PLENARY" build --root "$root" --out "$out"
[ -n "$(built_paths)" ] || fail "an edited agenda rebuilt nothing"
[ -z "$(built_paths | grep -v "^$plenary/")" ] || fail "an edited agenda rebuilt other plenaries' documents"
echo "ok"
