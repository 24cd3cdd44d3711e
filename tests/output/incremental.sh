#!/usr/bin/env bash
# A build rewrites exactly the documents whose inputs changed, and bad input touches nothing.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

root=$(make_root incremental)
out="$root/out"

# A closed task group that no agenda mentions: take one and drop the agenda references to it.
tg_file=$(grep -l '^status: closed' "$root"/data/task-groups/*.yaml | head -n 1)
tg=$(sed -n 's/^id: *//p' "$tg_file" | tr -d '"'"'" | tr -d '\r')
[ -n "$tg" ] || fail "no closed task group in the sample data"
sed -i "/task_groups: \[$tg\]/d" "$root"/agendas/*.yaml
grep -q "$tg" "$root"/agendas/*.yaml && fail "could not remove $tg from the agendas"

# 1. A first build writes everything; its summary counts match the files.
run 0 "$PLENARY" build --root "$root" --jobs 2
all=$(tree_documents "$out")
[ -n "$all" ] || fail "the first build wrote no document"
n=$(echo "$all" | wc -l)
[ "$(built_paths)" = "$all" ] || fail "the built lines do not name exactly the files written"
[[ "$(summary_line)" == "built $n, unchanged 0, failed 0 in "* ]] || fail "summary after a first build"
[ -f "$out/manifest.json" ] || fail "no manifest.json"
no_temp_files "$out"

# 2. Nothing changed: nothing is rewritten (same inodes and times), summary says built 0.
stamps=$(tree_stamps "$out")
run 0 "$PLENARY" build --root "$root"
[[ "$(summary_line)" == "built 0, unchanged $n, failed 0 in "* ]] || fail "second build rebuilt something"
[ "$(grep -c '^unchanged ' "$OUT")" -eq "$n" ] || fail "expected $n 'unchanged' lines"
[ "$(tree_stamps "$out")" = "$stamps" ] || fail "a build with nothing changed touched out/"

# 3. Bad input after a good build: exit 1, diagnostics as path:line:col, out/ byte-identical.
digest=$(tree_digest "$out")
cp "$root/data/committee.yaml" "$WORK/committee.yaml.good"
sed -i '0,/^  name:/s//  nmae:/' "$root/data/committee.yaml"
run 1 "$PLENARY" build --root "$root" --force
grep -Eq '^data/committee\.yaml:[0-9]+:[0-9]+: error: ' "$ERR" || fail "no path:line:col error"
[ "$(tree_digest "$out")" = "$digest" ] || fail "bad input changed out/"
[ "$(tree_stamps "$out")" = "$stamps" ] || fail "bad input touched out/"
cp "$WORK/committee.yaml.good" "$root/data/committee.yaml"

# 4. Edit a closed task group's outcomes: only its final report is rebuilt (the web pages do
#    not show outcomes).
sed -i '0,/^outcomes:/s//outcomes:\n  - An outcome added by the incremental test./' "$tg_file"
run 0 "$PLENARY" build --root "$root"
expected=$(printf '%s\n' "task-groups/$tg-final-report".{docx,html,pdf})
[ "$(built_paths)" = "$expected" ] || fail "after editing $tg expected only its final report, got: $(built_paths | tr '\n' ' ')"

# 5. Edit an agenda: that plenary's agenda, briefing pack, calendar and page are rebuilt,
#    nothing else.
agenda=$(ls "$root"/agendas/*.yaml | head -n 1)
plenary=$(sed -n 's/^plenary: *//p' "$agenda" | tr -d '"'"'" | tr -d '\r')
sed -i '0,/- title: /s//- title: Edited by the incremental test — /' "$agenda"
run 0 "$PLENARY" build --root "$root"
expected=$(printf '%s\n' "$plenary/$plenary-agenda".{docx,html,pdf} \
  "$plenary/$plenary-briefing-pack".{docx,html,pdf} "$plenary/$plenary.ics" "$plenary/index.html" |
  LC_ALL=C sort)
[ "$(built_paths)" = "$expected" ] || fail "after editing $agenda expected $plenary's agenda and pack, got: $(built_paths | tr '\n' ' ')"

# 5b. A data root's own templates/ overrides the program's file by file: a changed agenda
#     template rebuilds every agenda and nothing else.
mkdir -p "$root/templates"
cp "$PLENARY_SOURCE_DIR/templates/agenda.md" "$root/templates/agenda.md"
printf '\nAgenda template overridden by the incremental test.\n' >>"$root/templates/agenda.md"
run 0 "$PLENARY" build --root "$root"
[ "$(built_paths)" = "$(echo "$all" | grep -- '-agenda\.')" ] ||
  fail "after overriding agenda.md expected every agenda, got: $(built_paths | tr '\n' ' ')"
run 0 "$PLENARY" build --root "$root" --only "$plenary" --format md
grep -q 'Agenda template overridden by the incremental test' "$out/$plenary/$plenary-agenda.md" ||
  fail "the data root's agenda.md did not override the program's"

# 6. A deleted output and a damaged output are rebuilt, the rest is not.
first=$(head -n 1 <<<"$all")
last=$(echo "$all" | tail -n 1)
rm "$out/$first"
printf 'damaged' >>"$out/$last"
run 0 "$PLENARY" build --root "$root"
[ "$(built_paths)" = "$(printf '%s\n' "$first" "$last" | LC_ALL=C sort)" ] ||
  fail "expected $first and $last rebuilt, got: $(built_paths | tr '\n' ' ')"

# 7. --force rewrites everything.
run 0 "$PLENARY" build --root "$root" --force
[[ "$(summary_line)" == "built $n, unchanged 0, failed 0 in "* ]] || fail "--force did not rebuild all"

# 8. --only narrows the build to one plenary's documents.
run 0 "$PLENARY" build --root "$root" --force --only "$plenary"
[ "$(built_paths)" = "$(echo "$all" | grep "^$plenary/")" ] || fail "--only $plenary built other documents"

# 9. --quiet prints only problems and the summary: no progress lines.
run 0 "$PLENARY" build --root "$root" --quiet --force
grep -v ': warning: ' "$ERR" | grep . >/dev/null && fail "--quiet printed more than warnings on stderr"
[[ "$(summary_line)" == "built $n, "* ]] && [ "$(wc -l <"$OUT")" -eq 1 ] ||
  fail "--quiet printed more than the summary on stdout"
# A warning (here: --only a task group that is not closed) comes with the summary.
active=$(grep -l '^status: active' "$root"/data/task-groups/*.yaml | head -n 1)
active_id=$(sed -n 's/^id: *//p' "$active" | tr -d '"'"'\r")
run 0 "$PLENARY" build --root "$root" --quiet --only "$active_id"
grep -q ": warning: --only $active_id: task group is not closed" "$ERR" || fail "no warning for $active_id"
# (its web page, all including html, is up to date)
[[ "$(summary_line)" == "built 0, unchanged 1, failed 0 in "* ]] || fail "no summary with the warning"
no_temp_files "$out"
echo "ok"
