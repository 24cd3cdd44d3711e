#!/usr/bin/env bash
# Files reached through templates/: a template, a style, a text file or a folder of templates
# that is a link out of the data root, and a logo path that is absolute or climbs with '../',
# are errors (exit 1) at the file or at style.yaml's line; nothing of the outside file reaches
# an output, and the message is the same whether the outside file exists or not.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

echo "SECRET-OUTSIDE-THE-ROOT" >"$SANDBOX/secret.md"
mkdir -p "$SANDBOX/outside-partials" && echo "SECRET-OUTSIDE-THE-ROOT" >"$SANDBOX/outside-partials/agenda-body.md"
n=0
for tpl in agenda.md style.yaml i18n/en.yaml partials; do
  for target in "$SANDBOX/secret.md" "$SANDBOX/no-such-file.md" "$SANDBOX/outside-partials"; do
    n=$((n + 1))
    root=$(make_root "tl-$n")
    mkdir -p "$root/templates/i18n"
    ln -s "$target" "$root/templates/$tpl"
    hostile 1 "$root/out" build --root "$root" --only CCQM-31 --format md
    expect_error "^templates/$tpl(/[^:]*)?: error: .*leading out of the data root"
    grep -rq SECRET-OUTSIDE "$root" 2>/dev/null && fail "an outside file's bytes reached $root"
    sed -E 's/(secret|no-such-file)\.md//g' "$ERR" >"$LOGS/err-$n"
  done
  # The answer does not tell whether the outside file exists.
  cmp -s "$LOGS/err-$((n - 2))" "$LOGS/err-$((n - 1))" ||
    fail "templates/$tpl: the message differs for an outside file that exists and one that does not"
done

# A logo path that is absolute or climbs: an error at style.yaml's line.
for logo in /etc/hostname ../data/committee.yaml "sub/../../x.png" /nonexistent.png; do
  n=$((n + 1))
  root=$(make_root "tl-$n")
  mkdir -p "$root/templates"
  sed "s|file: logo.png|file: $(yaml_quote "$logo")|" "$PLENARY_SOURCE_DIR/templates/style.yaml" >"$root/templates/style.yaml"
  hostile 1 "$root/out" build --root "$root" --only CCQM-31 --format md
  expect_error '^templates/style.yaml:[0-9]+:[0-9]+: error: the logo must be a file under templates/'
  hostile 1 "$root/out" check --root "$root"
  expect_error '^templates/style.yaml:[0-9]+:[0-9]+: error: the logo must'
done
echo "template links and climbing logo paths: refused"
