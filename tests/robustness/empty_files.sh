#!/usr/bin/env bash
# Empty files (zero bytes, only a BOM, only blanks, only comments, a null document, an empty
# list) in place of every kind of file: an error naming the file, no output, no crash.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

files=(data/committee.yaml data/sector-focus.yaml data/stakeholders.yaml
  data/task-groups/CCQM-TG-MNP.yaml agendas/CCQM-31.yaml)
contents=('' $'\xef\xbb\xbf' $'\n\n   \n' $'# only a comment\n' $'~\n' $'---\n...\n' $'[]\n' $'{}\n' $'""\n')
n=0
for file in "${files[@]}"; do
  for content in "${contents[@]}"; do
    n=$((n + 1))
    root=$(make_root "empty-$n")
    printf '%s' "$content" >"$root/$file"
    hostile 1 "$root/out" build --root "$root"
    expect_error "^$file(:[0-9]+:[0-9]+)?: error: "
    [ ! -e "$root/out" ] || fail "a build with an empty $file wrote $root/out"
  done
done

# A data root with nothing in it, and one with empty folders.
mkdir -p "$SANDBOX/bare"
hostile 1 "$SANDBOX/bare/out" build --root "$SANDBOX/bare"
expect_error '^data/committee.yaml(:[0-9]+:[0-9]+)?: error: file not found'
mkdir -p "$SANDBOX/hollow/data/task-groups" "$SANDBOX/hollow/agendas"
hostile 1 "$SANDBOX/hollow/out" check --root "$SANDBOX/hollow"
expect_error '^data/committee.yaml(:[0-9]+:[0-9]+)?: error: file not found'

# An empty template in a data root's templates/ is no document content, but not a crash.
root=$(make_root empty-template)
mkdir -p "$root/templates/partials"
: >"$root/templates/agenda.md"
: >"$root/templates/partials/agenda-body.md"
: >"$root/templates/style.yaml"
hostile "0|1" "$root/out" build --root "$root" --only CCQM-31
[ "$STATUS" -eq 1 ] || check_outputs "$root/out"
echo "empty files: $n rejected; empty templates: exit $STATUS"
