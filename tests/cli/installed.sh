#!/usr/bin/env bash
# cli.md: `cmake --install` puts plenary on PATH with its own templates under
# <prefix>/share/plenary/templates; an installed binary works on a root that holds only data/
# and agendas/, and a root's own templates/ overrides the installed ones file by file.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
: "${PLENARY_BUILD_DIR:?PLENARY_BUILD_DIR must name the build tree}"

prefix="$WORK/prefix"
run 0 cmake --install "$PLENARY_BUILD_DIR" --prefix "$prefix"
[ -x "$prefix/bin/plenary" ] || fail "no bin/plenary under the prefix"
[ -f "$prefix/share/plenary/templates/briefing-pack.md" ] || fail "templates not installed"

# The installed copy of the templates is the one used: mark it and look for the mark.
sed -i 's/^\(  briefing_pack: \).*/\1Installed pack title/' "$prefix/share/plenary/templates/i18n/en.yaml"
root=$(make_root committee)
run 0 env PATH="$prefix/bin:$PATH" plenary build --root "$root" --format md --only CCQM-31 --quiet
grep -q "Installed pack title" "$root/out/CCQM-31/CCQM-31-briefing-pack.md" ||
  fail "the installed binary did not use its installed templates"

# A root's own templates/ wins, file by file: override en.yaml alone; the templates
# themselves still come from the installation.
mkdir -p "$root/templates/i18n"
sed 's/^\(  briefing_pack: \).*/\1Root pack title/' "$prefix/share/plenary/templates/i18n/en.yaml" \
  >"$root/templates/i18n/en.yaml"
run 0 env PATH="$prefix/bin:$PATH" plenary build --root "$root" --format md --only CCQM-31 --quiet
grep -q "Root pack title" "$root/out/CCQM-31/CCQM-31-briefing-pack.md" ||
  fail "the root's templates/i18n/en.yaml did not override the installed one"
grep -q "Installed pack title" "$root/out/CCQM-31/CCQM-31-briefing-pack.md" &&
  fail "the installed en.yaml was still used"
[ -s "$root/out/CCQM-31/CCQM-31-agenda.md" ] || fail "agenda missing with installed templates"
echo "installed binary: templates from the prefix, overridden by the root's own"
