# Sourced: makes test papers with real PDF producers (none of them ours but the pack):
#   paper_lo DIR NAME TEXT [fmt]  LibreOffice from a flat ODT (.fodt): two headings (bookmarks),
#                                 an internal link to the second; fmt pdf (default), docx or odt
#   paper_gs DIR NAME TEXT PAGES  Ghostscript from PostScript: US Letter pages
#   paper_form DIR NAME FIELD     hand-written PDF (python3) with an AcroForm text field FIELD
# Each prints nothing and leaves DIR/NAME.<fmt>.

_fodt() {  # _fodt FILE TEXT
  cat >"$1" <<FODT
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="PB" style:family="paragraph" style:parent-style-name="Heading_20_1">
   <style:paragraph-properties fo:break-before="page"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:h text:outline-level="1">$2 introduction</text:h>
  <text:p><text:a xlink:type="simple" xlink:href="#$2 findings|outline">See the findings</text:a></text:p>
  <text:p>$2 body text on the first page.</text:p>
  <text:h text:style-name="PB" text:outline-level="1">$2 findings</text:h>
  <text:p>$2 the findings.</text:p>
 </office:text></office:body>
</office:document>
FODT
}

paper_lo() {
  local dir=$1 name=$2 text=$3 fmt=${4:-pdf}
  local profile
  profile=$(mktemp -d "${TMPDIR:-/tmp}/plenary-lo.XXXXXX")
  _fodt "$dir/$name.fodt" "$text"
  timeout 120 soffice --headless "-env:UserInstallation=file://$profile" \
    --convert-to "$fmt" --outdir "$dir" "$dir/$name.fodt" >/dev/null 2>&1
  rm -rf "$profile" "$dir/$name.fodt"
  [ -s "$dir/$name.$fmt" ]
}

paper_gs() {
  local dir=$1 name=$2 text=$3 pages=$4 i
  {
    echo "%!PS"
    echo "<< /PageSize [612 792] >> setpagedevice"
    for ((i = 1; i <= pages; i++)); do
      echo "/Times-Roman findfont 14 scalefont setfont 72 700 moveto ($text page $i) show showpage"
    done
  } >"$dir/$name.ps"
  gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -o "$dir/$name.pdf" "$dir/$name.ps"
  rm -f "$dir/$name.ps"
}

paper_form() {
  /usr/bin/python3 - "$1/$2.pdf" "$3" <<'PY'
import sys
out, field = sys.argv[1], sys.argv[2]
content = b"BT /F1 12 Tf 72 720 Td (Form paper with field " + field.encode() + b") Tj ET"
objs = [
    b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv 6 0 R >> >> >> >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R /Annots [5 0 R] >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (" + field.encode() + b") /V (filled) /F 4 /P 3 0 R /Rect [72 600 300 620] /DA (/Helv 10 Tf 0 g) >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
pdf = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, body in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offsets:
    pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(out, "wb").write(pdf)
PY
}
