#!/usr/bin/env bash
# Damaged and oversized logos: a truncated PNG, a PNG with a flipped byte (chunk CRC), one
# without IEND, a header claiming 20000 x 20000 or 12000 x 1 pixels (a 1 MB file that would
# take minutes and gigabytes to decode), a JPEG cut before its end marker. Each is an error
# naming the logo file, exit 1, for `build` and `check` alike; never a libpng abort, a broken
# PDF or a DOCX embedding the broken bytes.
source "$(dirname "$0")/lib.sh" || exit 1  # without its helpers a test would check nothing

LOGO="$PLENARY_SOURCE_DIR/templates/logo.png"
# make_image KIND FILE: writes a damaged or oversized image.
make_image() {
  "$PY" - "$LOGO" "$@" <<'PY'
import struct, sys, zlib
logo, kind, out = sys.argv[1:4]
data = open(logo, "rb").read()
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
def png(w, h, rows=None):
    ihdr = struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)  # 1-bit grey: tiny when compressed
    raw = b"".join(b"\0" + b"\0" * ((w + 7) // 8) for _ in range(h if rows is None else rows))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
if kind == "truncated":
    b = data[: len(data) // 2]
elif kind == "flipped":
    i = data.index(b"IDAT") + 10
    b = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]
elif kind == "no-iend":
    b = data[: data.index(b"IEND") - 4]
elif kind == "huge":
    b = png(20000, 20000)
elif kind == "wide":
    b = png(12000, 1)
elif kind == "jpeg-cut":  # SOI, APP0, SOF0 (8 x 8, one component), SOS, scan bytes, no EOI
    b = (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
         + b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 8, 8, 1) + b"\x01\x11\0"
         + b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\0\0\x3f\0" + b"\x12\x34" * 50)
open(out, "wb").write(b)
PY
}

for kind in truncated flipped no-iend huge wide jpeg-cut; do
  root=$(make_root "img-$kind")
  mkdir -p "$root/templates"
  make_image "$kind" "$root/templates/logo.png"
  hostile 1 "$root/out" build --root "$root" --only CCQM-31 --format pdf,docx
  expect_error '^templates/logo.png: error: .*(truncated|corrupt|pixels|IEND)'
  [ ! -e "$root/out" ] || fail "a build with a $kind logo wrote $root/out"
  hostile 1 "$root/out-check" check --root "$root"
  expect_error '^templates/logo.png: error: '
  echo "$kind logo: exit 1, $(grep -m1 'logo.png' "$ERR" | cut -c1-120)"
done

# The sample's own logo still builds.
root=$(make_root img-sample)
mkdir -p "$root/templates" && cp "$LOGO" "$root/templates/logo.png"
hostile 0 "$root/out" build --root "$root" --only CCQM-31 --format pdf,docx
check_outputs "$root/out"
