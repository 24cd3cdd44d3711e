#!/usr/bin/env bash
# A data root's own templates with unbalanced Mustache tags, unknown fields, unknown or
# self-including partials, stray delimiters, huge repetition or broken style and fixed texts:
# a diagnostic naming the template's path (and line where there is one), never a crash, a
# hang or a half document.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

# case NAME FILE ALLOWED PATTERN CONTENT: writes templates/FILE in a fresh root and builds.
case_() {
  local name=$1 file=$2 allowed=$3 pattern=$4 content=$5
  local root
  root=$(make_root "tpl-$name")
  mkdir -p "$root/templates/$(dirname "$file")"
  printf '%s' "$content" >"$root/templates/$file"
  hostile "$allowed" "$root/out" build --root "$root" --only CCQM-31 --only CCQM-TG-STAKEHOLDER
  if [ "$STATUS" -eq 1 ]; then
    grep -Eq -- "^templates/$file$pattern" "$ERR" ||
      fail "case $name: no diagnostic 'templates/$file$pattern'"
    [ -z "$(find "$root/out" -name '*.pdf' -path '*CCQM-31-agenda*' 2>/dev/null)" ] ||
      fail "case $name: the faulty template still gave an agenda"
  elif [ "${pattern: -1}" != "|" ]; then  # a pattern ending in '|': a warning is optional
    grep -Eq -- "^templates/$file$pattern" "$ERR" ||
      fail "case $name: no warning 'templates/$file$pattern'"
  fi
  if [ "$STATUS" -eq 0 ]; then
    check_outputs "$root/out"
  fi
  echo "template case $name: exit $STATUS"
}

L=':[0-9]+:[0-9]+: (error|warning): '
E=':[0-9]+:[0-9]+: error: '
# Line numbers: the faulty tag sits on line 3 in each of these.
case_ open-section agenda.md 1 ":3:[0-9]+: error: " $'# Agenda\n\n{{#plenary}}\n{{title}}\n'
case_ close-without-open agenda.md 1 ":3:[0-9]+: error: " $'# Agenda\n\n{{/plenary}}\n'
case_ crossed-sections agenda.md 1 "$E" $'# A\n\n{{#plenary}}{{#committee}}\n{{/plenary}}{{/committee}}\n'
case_ unterminated-tag agenda.md 1 ":3:[0-9]+: error: " $'# Agenda\n\nText {{plenary.title\nmore text\n'
case_ unterminated-triple agenda.md 1 ":3:[0-9]+: error: " $'# Agenda\n\n{{{plenary.title}}\n'
case_ empty-tag agenda.md "0|1" "$L|" $'# Agenda\n\n{{}}\n'
case_ set-delimiter agenda.md 1 ":3:1: error: changing the tag delimiters" $'# Agenda\n\n{{=<% %>=}}\n<%plenary.title%> <%#x%>\n'
case_ unknown-field agenda.md "0|1" ":3:[0-9]+: (error|warning): .*plenary\.titel" $'# Agenda\n\n{{plenary.titel}}\n'
case_ unknown-section agenda.md "0|1" ":3:[0-9]+: (error|warning): .*nosuch" $'# Agenda\n\n{{#nosuch}}x{{/nosuch}}\n'
case_ unknown-partial agenda.md 1 "$E|: error: .*nosuch" $'# Agenda\n\n{{> nosuch}}\n'
case_ climbing-partial agenda.md 1 "$E|: error: " $'# Agenda\n\n{{> ../../../../etc/passwd}}\n'
case_ absolute-partial agenda.md 1 "$E|: error: " $'# Agenda\n\n{{> /etc/passwd}}\n'
case_ self-partial partials/agenda-body.md 1 "(:[0-9]+:[0-9]+)?: error: .*includ" $'x\n{{> agenda-body}}\n'
case_ control-in-template agenda.md "0|1" "(:[0-9]+:[0-9]+)?: (error|warning): |" $'# Agenda\n\nA\x01B\n'
case_ deep-sections agenda.md 1 ":1:[0-9]+: error: sections nested deeper than" "$(printf '{{#plenary}}%.0s' $(seq 1 3000))x$(printf '{{/plenary}}%.0s' $(seq 1 3000))"
case_ deep-markdown agenda.md "0|1" "|" "$(printf '> %.0s' $(seq 1 5000))quote $(printf -- '- %.0s' $(seq 1 2000))item"
# Whitespace runs inside tags (std::regex once recursed per character and overflowed the stack).
case_ spaces-in-tags agenda.md 1 ":4:1: error: template file 'partials/x.md' not found|: error: .*partials/x.md" "# A

{{$(printf '%300000s' '')plenary.title}}
{{>$(printf '%300000s' '')x}}
"
case_ newlines-in-tag agenda.md "0|1" "|" "# A

{{$(printf '\n%.0s' $(seq 1 100000))plenary.title}}
"
case_ long-line agenda.md 0 "|" "# A

$(printf 'word %.0s' $(seq 1 50000))
"
case_ long-tag-name agenda.md 1 ":3:1: error: unclosed section" "# A

{{#$(printf 'x%.0s' $(seq 1 200000))}}
"
case_ table-explosion agenda.md 1 ":1:1: error: a table of 3000 columns" "$(printf '|a%.0s' $(seq 1 3000))|
$(printf '|-%.0s' $(seq 1 3000))|
$(printf '|x%.0s' $(seq 1 3000))|"
# Sections nested over long lists: 36 stakeholders, six and eight levels deep (with and
# without a body) would render gigabytes or loop for hours.
nest() { printf '{{#stakeholders}}%.0s' $(seq 1 "$1"); printf '%s' "$2"; printf '{{/stakeholders}}%.0s' $(seq 1 "$1"); }
case_ nested-loops briefing-pack.md 1 ": error: the template renders too much" "# B

$(nest 6 'x ')
"
case_ nested-empty-loops briefing-pack.md 1 ": error: the template renders too much" "# B

$(nest 8 '')
"
case_ style-nonsense style.yaml 1 "$E" $'page:\n  size: {width: -5mm, height: 1e308mm}\n  margins: {top: 999999mm}\nsizes:\n  body: 0\n'
case_ style-huge-margins style.yaml 1 ":[0-9]+:[0-9]+: error: the margins leave less than an inch" $'page:\n  margins: {top: 200mm, bottom: 200mm, left: 150mm, right: 150mm}\n'
case_ style-tiny-font style.yaml 1 ":[0-9]+:[0-9]+: error: font size out of range" $'sizes:\n  body: 0.001\n  table: 0.001\n'
case_ style-giant-font style.yaml 1 ":[0-9]+:[0-9]+: error: font size out of range" $'sizes:\n  body: 5000\n  table: 5000\n'
case_ style-duplicate-key style.yaml 1 ":4:3: error: duplicate key 'body' \\(hint: first at line 3\\)" $'fonts:\n  heading: DejaVu Sans\n  body: DejaVu Sans\n  body: DejaVu Serif\n'
case_ style-duplicate-section style.yaml 1 ":3:1: error: duplicate key 'sizes'" $'sizes:\n  body: 10\nsizes:\n  body: 30\n'
case_ style-second-document style.yaml 1 ":3:1: error: file holds more than one yaml document" $'sizes:\n  body: 10\n---\nsizes:\n  body: 30\n'
case_ style-yaml-tag style.yaml 1 ":2:9: error: yaml tag '!!str' is not supported" $'sizes:\n  body: !!str 10\n'
case_ style-alias-bomb style.yaml 1 "(:[0-9]+:[0-9]+)?: error: " "$(printf 'a: &a [x,x,x,x,x,x,x,x,x,x]\n'; for i in $(seq 1 9); do printf 'b%d: &b%d [' $i $i; p=$([ $i = 1 ] && echo a || echo b$((i - 1))); printf '*%s,' $p $p $p $p $p $p $p $p $p; printf '*%s]\n' $p; done)"
case_ i18n-missing i18n/en.yaml 1 "(:[0-9]+:[0-9]+)?: error: " $'heading: {agenda: Agenda}\n'
case_ logo-garbage logo.png 1 "(:[0-9]+:[0-9]+)?: error: " $'\x89PNG\r\n\x1a\n garbage'
