#!/usr/bin/env bash
# YAML alias bombs ("billion laughs": anchors that reference anchors, ten levels of ten) in
# every kind of file end with an error at the file's position, quickly and in little memory.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

bomb() {  # the lines of a bomb under the key $1
  echo "$1:"
  echo "  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"
  local i
  for i in $(seq 1 12); do
    local p=$((i - 1))
    echo "  - &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"
  done
}

for file in data/committee.yaml data/sector-focus.yaml data/stakeholders.yaml \
  data/task-groups/CCQM-TG-MNP.yaml agendas/CCQM-31.yaml; do
  root=$(make_root "bomb-$(basename "$file" .yaml)")
  bomb lol >>"$root/$file"
  for cmd in check build; do
    hostile 1 "$root/out" $cmd --root "$root"
    expect_error "^$file:[0-9]+:[0-9]+: error: .*(more than [0-9]+ nodes|unknown key)"
    [ ! -e "$root/out" ] || fail "a build with an alias bomb wrote $root/out"
  done
done

# A bomb in a list that the schema reads (the members of a task group, the items of an agenda):
# the aliases are expanded only as far as the limit allows.
root=$(make_root bomb-members)
{
  echo "id: CCQM-TG-BOMB"
  echo "name: Bomb"
  echo "status: active"
  echo "established: 2021-04"
  echo "chair: Someone"
  echo "terms_of_reference: {goals: [g]}"
  bomb members | sed 's/\[lol/[{name: lol}/; s/, lol/, {name: lol}/g; s/lol\]/lol}]/'
} >"$root/data/task-groups/CCQM-TG-BOMB.yaml"
hostile 1 "$root/out" build --root "$root"
expect_error "^data/task-groups/CCQM-TG-BOMB.yaml:[0-9]+:[0-9]+: error: "
echo "alias bombs: rejected (peak $RSS_MB MB)"
