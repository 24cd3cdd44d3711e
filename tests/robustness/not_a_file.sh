#!/usr/bin/env bash
# A folder, a symbolic-link loop, a dangling link, a named pipe or an unreadable file where a
# file is expected (data, agendas, templates) ends with an error naming it, never a hang
# (a pipe read would block forever) or a crash.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

replace() {  # kind path: turns path into the kind of non-file
  local kind=$1 path=$2
  rm -rf "$path"
  case "$kind" in
    folder) mkdir -p "$path/inner" && echo "x: 1" >"$path/inner/f.yaml" ;;
    loop) ln -s "$(basename "$path")" "$path" ;;
    loop2) ln -s "$path.b" "$path" && ln -s "$path" "$path.b" ;;
    dangling) ln -s "$path.nowhere" "$path" ;;
    fifo) mkfifo "$path" ;;
    unreadable) echo "x: 1" >"$path" && chmod 000 "$path" ;;
  esac
}

kinds=(folder loop loop2 dangling fifo)
[ "$(id -u)" -ne 0 ] && kinds+=(unreadable)  # root reads anything
n=0
for kind in "${kinds[@]}"; do
  for file in data/committee.yaml data/stakeholders.yaml data/task-groups/CCQM-TG-MNP.yaml \
    agendas/CCQM-31.yaml; do
    n=$((n + 1))
    root=$(make_root "nf-$n")
    replace "$kind" "$root/$file"
    hostile 1 "$root/out" build --root "$root"
    expect_error "^$file(:[0-9]+:[0-9]+)?: error: "
    [ ! -e "$root/out" ] || fail "a build with a $kind for $file wrote $root/out"
  done
  # Folders of files as files or loops.
  for dir in data/task-groups agendas; do
    n=$((n + 1))
    root=$(make_root "nf-$n")
    if [ "$kind" = folder ]; then continue; fi
    replace "$kind" "$root/$dir"
    hostile "0|1" "$root/out" check --root "$root"
    [ "$STATUS" -eq 0 ] || expect_error "^$dir(/[^:]*)?(:[0-9]+:[0-9]+)?: error: "
  done
  # Templates of a data root.
  for tpl in agenda.md partials/agenda-body.md style.yaml i18n/en.yaml logo.png; do
    n=$((n + 1))
    root=$(make_root "nf-$n")
    mkdir -p "$root/templates/$(dirname "$tpl")"
    replace "$kind" "$root/templates/$tpl"
    hostile "0|1" "$root/out" build --root "$root" --only CCQM-31 --format pdf
    if [ "$STATUS" -eq 1 ]; then
      expect_error "templates/$tpl(:[0-9]+:[0-9]+)?: error: "
    else
      check_outputs "$root/out"
    fi
  done
done

# The data root itself a loop; data/ a loop; --out a loop or a file.
ln -s loop-root "$SANDBOX/loop-root"
hostile 2 "$SANDBOX/x-out" build --root "$SANDBOX/loop-root"
root=$(make_root nf-data-loop)
rm -rf "$root/data" && ln -s data "$root/data"
hostile 1 "$root/out" build --root "$root"
expect_error '^data/committee.yaml(:[0-9]+:[0-9]+)?: error: '
root=$(make_root nf-out-loop)
ln -s out "$root/out"
hostile "1|2|3" "$root/out" build --root "$root"
grep -q 'out' "$ERR" || fail "no message names the output folder"
root=$(make_root nf-out-file)
echo "not a folder" >"$root/out"
hostile "1|2|3" "$root/out" build --root "$root"
grep -q 'out' "$ERR" || fail "no message names the output folder"
[ "$(cat "$root/out")" = "not a folder" ] || fail "the file in place of out/ was changed"
echo "not a file: $n cases"
