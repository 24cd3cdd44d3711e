#!/usr/bin/env bash
# Data files reached through links: a data file, a task group, an agenda, or the agendas/ and
# data/task-groups/ folders that are links out of the data root are errors (exit 1) at the
# file or folder, for `build` and `check`; nothing of the outside file reaches an output, and
# the message is the same whether the outside file exists or not. Links inside the root work.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

n=0
for rel in data/stakeholders.yaml data/task-groups/CCQM-TG-CMC.yaml agendas/CCQM-31.yaml agendas data/task-groups; do
  n=$((n + 1))
  outside="$SANDBOX/outside-$n"
  root=$(make_root "dl-$n")
  # The outside copy is the real file with a marker in it: were it read, the marker would show.
  cp -r "$root/$rel" "$outside"
  find "$outside" -type f -name '*.yaml' -exec sed -i 's/^\(  *name: \)\(.*\)$/\1SECRET-OUTSIDE \2/' {} +
  rm -rf "${root:?}/$rel"
  for target in "$outside" "$SANDBOX/no-such-$n"; do
    ln -sfn "$target" "$root/$rel"
    hostile 1 "$root/out" check --root "$root"
    expect_error "^$rel: error: a symbolic link leading out of the data root: not followed$"
    hostile 1 "$root/out" build --root "$root" --only CCQM-31 --format md
    expect_error "^$rel: error: a symbolic link leading out of the data root: not followed$"
    sed -E "s|$SANDBOX/[a-z-]+[0-9]+||g" "$ERR" >"$LOGS/err-$n-$(basename "$target")"
    grep -rq SECRET-OUTSIDE "$root/out" 2>/dev/null && fail "an outside file's bytes reached $root/out"
  done
  cmp -s "$LOGS/err-$n-outside-$n" "$LOGS/err-$n-no-such-$n" ||
    fail "$rel: the message differs for an outside file that exists and one that does not"
done

# A link that stays inside the root is followed as before.
root=$(make_root dl-inside)
mkdir -p "$root/data/shared"
mv "$root/data/stakeholders.yaml" "$root/data/shared/stakeholders.yaml"
ln -s shared/stakeholders.yaml "$root/data/stakeholders.yaml"
hostile 0 "$root/out" build --root "$root" --only CCQM-31 --format md
echo "data files and folders linked out of the root: refused; links inside it: followed"
