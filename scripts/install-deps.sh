#!/usr/bin/env bash
# Installs the Debian packages plenary needs to build, run and test, when any is missing.
# Runs apt-get as root (or through sudo); prints what to install otherwise.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  libyaml-cpp-dev libpoco-dev libssl-dev libhpdf-dev libkainjow-mustache-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libfontconfig-dev catch2 libical-dev
  # fonts (found through fontconfig by family name)
  fonts-dejavu-core fonts-dejavu-extra
  # tests: open the outputs the way a reader would
  poppler-utils qpdf pandoc python3-docx libreoffice-writer-nogui unzip libxml2-utils time
  # tests: the calendar in an independent reader, the pages in a parser and a headless browser
  python3-icalendar python3-html5lib chromium
)
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
((${#missing[@]} == 0)) && exit 0

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
