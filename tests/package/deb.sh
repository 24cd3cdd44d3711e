#!/usr/bin/env bash
# docs/packaging.md: `make package` (CPack) makes a .deb with the binary, templates, schemas,
# init skeletons, man page, bash completion, the nightly units and the sample committee; its
# dependencies come from dpkg-shlibdeps. The package is extracted with dpkg-deb -x (no root)
# and its binary run there with its relocated data: --version, init, check, build from the
# installed example root; the man page renders with man -l; the completion completes.
source "$(dirname "$0")/../output/lib.sh" || exit 1  # without its helpers a test would check nothing
: "${PLENARY_BUILD_DIR:?PLENARY_BUILD_DIR must name the build tree}"
for tool in cpack dpkg-deb dpkg-shlibdeps man; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/install-deps.sh installs it)"
done
[ -f "$PLENARY_BUILD_DIR/plenary.1.gz" ] || fail "no man page in the build tree (pandoc missing at configure time?)"

# The package, as `make package` makes it, but into a folder of this test.
(cd "$WORK" && cpack -G DEB --config "$PLENARY_BUILD_DIR/CPackConfig.cmake" -B "$WORK/pkg") \
  >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log" >&2; fail "cpack failed"; }
deb=$(find "$WORK/pkg" -maxdepth 1 -name 'plenary_*.deb')
[ -n "$deb" ] && [ "$(echo "$deb" | wc -l)" -eq 1 ] || fail "cpack made no single plenary_*.deb"
version=$("$PLENARY" --version | sed 's/^plenary //')
[[ $(basename "$deb") == plenary_${version}_$(dpkg --print-architecture).deb ]] ||
  fail "package file name $(basename "$deb") is not plenary_${version}_<arch>.deb"

# Control data: the name, version and the shared libraries dpkg-shlibdeps found.
info=$(dpkg-deb -f "$deb" Package Version Depends)
grep -qx "Package: plenary" <<<"$info" || fail "package name: $info"
grep -qx "Version: $version" <<<"$info" || fail "package version: $info"
for dep in libc6 libstdc++6 libyaml-cpp libpocofoundation libhpdf libcmark-gfm libfontconfig1 \
           libical fonts-dejavu-core tzdata; do
  grep -q "$dep" <<<"$info" || fail "Depends lacks $dep: $info"
done

# The files, where Debian puts them.
dpkg-deb -c "$deb" | awk '{print $6}' >"$WORK/contents.txt"
for f in ./usr/bin/plenary ./usr/libexec/plenary-engine ./usr/share/man/man1/plenary.1.gz \
         ./usr/libexec/plenary-book-qpdf.so ./usr/libexec/plenary-ics-libical.so \
         ./usr/share/bash-completion/completions/plenary \
         ./usr/share/plenary/templates/briefing-pack.md ./usr/share/plenary/templates/i18n/fr.yaml \
         ./usr/share/plenary/schemas/committee.schema.json ./usr/share/plenary/schemas/style.schema.json \
         ./usr/share/plenary/init/en/data/committee.yaml ./usr/share/plenary/init/fr/agendas/CCX-1.yaml \
         ./usr/share/doc/plenary/examples/plenary-nightly.service \
         ./usr/share/doc/plenary/examples/plenary-nightly.timer \
         ./usr/share/doc/plenary/examples/plenary-nightly.cron \
         ./usr/share/doc/plenary/examples/github-workflow.yml \
         ./usr/share/doc/plenary/examples/sample/data/committee.yaml \
         ./usr/share/doc/plenary/examples/sample/agendas/CCQM-31.yaml; do
  grep -qx -- "$f" "$WORK/contents.txt" || fail "the package lacks $f"
done
grep -q '^\./usr/local' "$WORK/contents.txt" && fail "the package installs under /usr/local"

# Extracted without root; the binary finds its data beside it (../share/plenary).
inst="$WORK/inst"
dpkg-deb -x "$deb" "$inst"
bin="$inst/usr/bin/plenary"
run 0 "$bin" --version
grep -qx "plenary $version" "$OUT" || fail "--version of the packaged binary: $(cat "$OUT")"
file "$bin" | grep 'ELF' >/dev/null || fail "the packaged binary is not an ELF: $(file "$bin")"
grep -q 'ExecStart=/usr/bin/plenary ' "$inst/usr/share/doc/plenary/examples/plenary-nightly.service" ||
  fail "the packaged service does not run /usr/bin/plenary"
grep -q ' /usr/bin/plenary build ' "$inst/usr/share/doc/plenary/examples/plenary-nightly.cron" ||
  fail "the packaged cron line does not run /usr/bin/plenary"

# init from the package's own skeleton (marked, to prove it is the one used), then check, build.
echo "# from the package" >>"$inst/usr/share/plenary/init/en/agendas/CCX-1.yaml"
run 0 "$bin" init "$WORK/ccx"
tail -n 1 "$WORK/ccx/agendas/CCX-1.yaml" | grep -x "# from the package" >/dev/null ||
  fail "the packaged binary did not use the packaged skeleton"
cmp -s "$inst/usr/share/plenary/schemas/agenda.schema.json" "$WORK/ccx/schemas/agenda.schema.json" ||
  fail "init did not copy the packaged schemas"
run 0 "$bin" check --root "$WORK/ccx"
run 0 "$bin" build --root "$WORK/ccx" --quiet
[ -s "$WORK/ccx/out/CCX-1/CCX-1-agenda.pdf" ] || fail "no agenda built from the init root"
run 0 "$bin" init "$WORK/ccx-fr" --lang fr
run 0 "$bin" build --root "$WORK/ccx-fr" --lang fr --format pdf --quiet

# The installed example root, built into a folder of our own, with the packaged templates
# (marked, to prove they are the ones used).
sed -i 's/^\(  briefing_pack: \).*/\1Packaged pack title/' "$inst/usr/share/plenary/templates/i18n/en.yaml"
sample="$inst/usr/share/doc/plenary/examples/sample"
run 0 "$bin" check --root "$sample"
run 0 env SOURCE_DATE_EPOCH=1700000000 "$bin" build --root "$sample" --out "$WORK/sample-out" --quiet --format all,md
[ ! -e "$sample/out" ] || fail "the build wrote into the example root"
[ -s "$WORK/sample-out/CCQM-31/CCQM-31-briefing-pack.pdf" ] || fail "no briefing pack from the example root"
grep -q "Packaged pack title" "$WORK/sample-out/CCQM-31/CCQM-31-briefing-pack.md" ||
  fail "the packaged binary did not use the packaged templates"
check_documents_whole "$WORK/sample-out"
pdftotext "$WORK/sample-out/CCQM-31/CCQM-31-agenda.pdf" - | grep 'CCQM' >/dev/null || fail "the agenda PDF has no text"

# The man page, as man shows it.
MANWIDTH=80 man -l "$inst/usr/share/man/man1/plenary.1.gz" >"$WORK/man.txt" 2>"$WORK/man.err" ||
  fail "man -l failed: $(cat "$WORK/man.err")"
grep -q '^PLENARY(1) ' "$WORK/man.txt" || fail "man page header"
grep -q 'plenary init DIR \[--lang en|fr\]' "$WORK/man.txt" || fail "man page synopsis lacks init"
grep -q -- '--diagnostics gcc|json' "$WORK/man.txt" || fail "man page lacks --diagnostics"
grep -q '^EXIT STATUS' "$WORK/man.txt" || fail "man page lacks EXIT STATUS"
grep -q "plenary $version" "$WORK/man.txt" || fail "man page footer lacks the version"
python3 -c 'import sys; sys.exit(any(len(l) > 80 for l in open(sys.argv[1], encoding="utf-8").read().splitlines()))' \
  "$WORK/man.txt" || fail "man page lines wider than MANWIDTH=80"

# The bash completion, sourced as bash-completion would.
completion="$inst/usr/share/bash-completion/completions/plenary"
got=$(cd "$sample" && bash -c 'source "$1"
  complete -p plenary >/dev/null || exit 1
  COMP_WORDS=(plenary ""); COMP_CWORD=1; _plenary; echo "commands: ${COMPREPLY[*]}"
  COMP_WORDS=(plenary check --di); COMP_CWORD=2; _plenary; echo "check: ${COMPREPLY[*]}"
  COMP_WORDS=(plenary build --only CCQM-3); COMP_CWORD=3; _plenary; echo "only: ${COMPREPLY[*]}"
  COMP_WORDS=(plenary build --format pdf,h); COMP_CWORD=3; _plenary; echo "format: ${COMPREPLY[*]}"' \
  _ "$completion") || fail "the completion does not load"
grep -qx "commands: build check list init help" <<<"$got" || fail "completion of commands: $got"
grep -qx "check: --diagnostics" <<<"$got" || fail "completion of check options: $got"
grep -q "^only: .*CCQM-31" <<<"$got" || fail "completion of --only ids: $got"
grep -qx "format: pdf,html" <<<"$got" || fail "completion of --format: $got"

echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes) installs, inits, checks and builds; man page and completion work"
