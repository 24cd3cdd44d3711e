#!/usr/bin/python3
"""Checks the machine-checkable rules of PDF/UA-1 (and, with --pdf-a, of PDF/A-2a) that the
PDF writer implements, reading the file with pikepdf (qpdf) — nothing of plenary's own code:

  tagged_check.py [--pdf-a] FILE.pdf...

PDF/UA-1: /MarkInfo /Marked true; /Lang; /ViewerPreferences /DisplayDocTitle true and a
/Title; XMP metadata with pdfuaid:part 1 and dc:title equal to /Title; a structure tree whose
elements have standard roles; every painting operator of every page inside a marked-content
sequence that is either an /Artifact or carries an /MCID; every MCID of a page owned by
exactly one structure element, and the parent tree (the page's /StructParents) giving that
element for it; every annotation in the tree (an OBJR in a Link element, /StructParent
leading back to it, /Contents); /Tabs /S on pages with annotations; every font embedded;
every TH with /Scope, every Figure with a non-empty /Alt; headings H1-H3 only.

PDF/A-2a: XMP pdfaid:part 2, conformance A; an /OutputIntents entry /GTS_PDFA1 with an RGB
ICC profile; a trailer /ID of two 16-byte strings; no /Encrypt, no JavaScript, no
transparency (soft masks, constant alpha below 1, transparency groups); Info entries equal to
their XMP twins; an unfiltered metadata stream.

Prints one line per problem and exits 1 when there is any; prints a summary otherwise.
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

STANDARD_ROLES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}
PAINTING = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh",
            "BI", "INLINE IMAGE"}
XMP_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


def key(ns, name):
    return "{%s}%s" % (XMP_NS[ns], name)


def number_tree(node, out):
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out)
    return out


def same_object(a, b):
    return a.is_indirect and b.is_indirect and a.objgen == b.objgen


def text_of(value):
    return str(value) if value is not None else ""


def pdf_date_to_xmp(value):
    """D:YYYY[MM[DD]] -> YYYY[-MM[-DD]] (the precisions the writer uses)."""
    digits = value[2:] if value.startswith("D:") else value
    parts = [digits[0:4], digits[4:6], digits[6:8]]
    return "-".join(p for p in parts if p)


def check(path, pdf_a, problems, stats):
    def bad(message):
        problems.append(f"{path}: {message}")

    pdf = pikepdf.open(path)
    root = pdf.Root
    info = pdf.trailer.get("/Info", Dictionary())
    title = text_of(info.get("/Title"))

    # --- document level ------------------------------------------------------------------
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        bad("no /MarkInfo << /Marked true >>")
    lang = text_of(root.get("/Lang"))
    if not lang:
        bad("no /Lang in the catalog")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        bad("no /ViewerPreferences << /DisplayDocTitle true >>")
    if not title:
        bad("no /Title in the document information")
    if "/Metadata" not in root:
        bad("no XMP /Metadata stream")
    else:
        if "/Filter" in root.Metadata and pdf_a:
            bad("the metadata stream is filtered")
        meta = pdf.open_metadata()
        if text_of(meta.get(key("pdfuaid", "part"))) != "1":
            bad("XMP has no pdfuaid:part 1")
        if text_of(meta.get(key("dc", "title"))) != title:
            bad(f"XMP dc:title {meta.get(key('dc', 'title'))!r} differs from /Title {title!r}")
        languages = meta.get(key("dc", "language")) or set()
        if lang not in languages:
            bad(f"XMP dc:language {languages!r} lacks /Lang {lang!r}")
        if "/Author" in info and list(meta.get(key("dc", "creator")) or []) != [str(info.Author)]:
            bad("XMP dc:creator differs from /Author")
        if pdf_a:
            if text_of(meta.get(key("pdfaid", "part"))) != "2" or \
                    text_of(meta.get(key("pdfaid", "conformance"))) != "A":
                bad("XMP is not pdfaid:part 2 conformance A")
            twins = [("/Subject", "dc", "description"), ("/Keywords", "pdf", "Keywords"),
                     ("/Creator", "xmp", "CreatorTool"), ("/Producer", "pdf", "Producer")]
            for entry, ns, name in twins:
                if entry in info and text_of(meta.get(key(ns, name))) != str(info[entry]):
                    bad(f"Info {entry} differs from XMP {ns}:{name}")
            for entry, name in [("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")]:
                if entry in info and \
                        text_of(meta.get(key("xmp", name))) != pdf_date_to_xmp(str(info[entry])):
                    bad(f"Info {entry} differs from XMP xmp:{name}")

    # --- the structure tree ----------------------------------------------------------------
    tree = root.get("/StructTreeRoot")
    if tree is None:
        bad("no /StructTreeRoot")
        return
    parent_tree = number_tree(tree.ParentTree, {}) if "/ParentTree" in tree else {}
    if "/ParentTree" not in tree:
        bad("no /ParentTree")
    page_index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    owner = {}        # (page, mcid) -> element
    annot_owner = {}  # annotation objgen -> element
    roles = {}
    order = []

    def visit(elem, inherited_page, depth):
        if depth > 200:
            bad("structure tree deeper than 200")
            return
        role = str(elem.get("/S", "")).lstrip("/")
        roles[role] = roles.get(role, 0) + 1
        order.append(role)
        if role not in STANDARD_ROLES:
            bad(f"non-standard structure type /{role}")
        if role == "Figure" and not text_of(elem.get("/Alt")).strip():
            bad("a Figure without /Alt")
        if role == "TH":
            attributes = elem.get("/A")
            scopes = [attributes] if isinstance(attributes, Dictionary) else list(attributes or [])
            if not any(isinstance(a, Dictionary) and "/Scope" in a for a in scopes):
                bad("a TH without /Scope")
        page = elem.get("/Pg", inherited_page)
        kids = elem.get("/K")
        if kids is None:
            return
        if not isinstance(kids, Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                if page is None:
                    bad(f"MCID {kid} of /{role} without a page")
                    continue
                where = (page_index.get(page.objgen), int(kid))
                if where in owner:
                    bad(f"MCID {where} owned twice")
                owner[where] = elem
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                where = (page_index.get(kid.get("/Pg", page).objgen), int(kid.MCID))
                if where in owner:
                    bad(f"MCID {where} owned twice")
                owner[where] = elem
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                annot_owner[kid.Obj.objgen] = elem
                if role != "Link":
                    bad(f"an annotation (OBJR) in /{role}, not in a Link")
            elif isinstance(kid, Dictionary):
                if kid.get("/P") is None or not same_object(kid.P, elem):
                    bad(f"a /{kid.get('/S')} whose /P is not its parent /{role}")
                visit(kid, page, depth + 1)

    top = tree.get("/K")
    for elem in (top if isinstance(top, Array) else [top]):
        if isinstance(elem, Dictionary):
            visit(elem, None, 0)
    for role in roles:
        if role in ("H", "H4", "H5", "H6"):
            bad(f"heading /{role} (the writer uses H1-H3)")

    # --- pages: marked content, parent tree, annotations -------------------------------------
    painted_in_mcid = painted_in_artifact = 0
    for index, page in enumerate(pdf.pages):
        mcids = []
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                tag = str(operands[0]).lstrip("/")
                props = operands[1] if len(operands) > 1 else None
                mcid = int(props.MCID) if isinstance(props, Dictionary) and "/MCID" in props \
                    else None
                if mcid is not None:
                    mcids.append(mcid)
                stack.append((tag, mcid))
            elif op == "BMC":
                stack.append((str(operands[0]).lstrip("/"), None))
            elif op == "EMC":
                if not stack:
                    bad(f"page {index + 1}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif op in PAINTING:
                if any(tag == "Artifact" for tag, _ in stack):
                    painted_in_artifact += 1
                elif any(mcid is not None for _, mcid in stack):
                    painted_in_mcid += 1
                else:
                    bad(f"page {index + 1}: '{op}' painted outside marked content and artifacts")
        if stack:
            bad(f"page {index + 1}: marked content left open")
        if len(set(mcids)) != len(mcids):
            bad(f"page {index + 1}: an MCID used twice")
        for mcid in mcids:
            if (index, mcid) not in owner:
                bad(f"page {index + 1}: MCID {mcid} is in no structure element")
        if mcids:
            if "/StructParents" not in page.obj:
                bad(f"page {index + 1}: marked content but no /StructParents")
            else:
                owners = parent_tree.get(int(page.obj.StructParents))
                if owners is None:
                    bad(f"page {index + 1}: /StructParents not in the parent tree")
                else:
                    for mcid in mcids:
                        elem = owner.get((index, mcid))
                        if mcid >= len(owners) or elem is None or \
                                not same_object(owners[mcid], elem):
                            bad(f"page {index + 1}: parent tree entry of MCID {mcid} is not "
                                "the element that owns it")
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != Name.S:
            bad(f"page {index + 1}: annotations but no /Tabs /S")
        for annot in annots:
            stats["annotations"] += 1
            if annot.objgen not in annot_owner:
                bad(f"page {index + 1}: an annotation in no structure element")
                continue
            if "/StructParent" not in annot or not same_object(
                    parent_tree.get(int(annot.StructParent), Dictionary()),
                    annot_owner[annot.objgen]):
                bad(f"page {index + 1}: an annotation's /StructParent does not lead to its Link")
            if not text_of(annot.get("/Contents")).strip():
                bad(f"page {index + 1}: a link annotation without /Contents")
            if pdf_a and int(annot.get("/F", 0)) & 4 == 0:
                bad(f"page {index + 1}: an annotation without the Print flag")

        # Fonts embedded; transparency (PDF/A).
        resources = page.obj.get("/Resources", Dictionary())
        for name, font in resources.get("/Font", Dictionary()).items():
            fonts = [font] + list(font.get("/DescendantFonts", []))
            if not any("/FontDescriptor" in f and any(
                    k in f.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                    for f in fonts):
                bad(f"page {index + 1}: font {name} is not embedded")
        if pdf_a:
            for name, xobject in resources.get("/XObject", Dictionary()).items():
                if "/SMask" in xobject:
                    bad(f"page {index + 1}: image {name} has a soft mask (transparency)")
            for name, gs in resources.get("/ExtGState", Dictionary()).items():
                if float(gs.get("/ca", 1)) < 1 or float(gs.get("/CA", 1)) < 1 or \
                        gs.get("/SMask", Name.None_) != Name.None_:
                    bad(f"page {index + 1}: graphics state {name} is transparent")
            if "/Group" in page.obj:
                bad(f"page {index + 1}: a transparency group")
    stats["painted_in_mcid"] += painted_in_mcid
    stats["painted_in_artifact"] += painted_in_artifact
    stats["elements"] += sum(roles.values())
    if painted_in_mcid == 0:
        bad("nothing painted as tagged content")

    # --- PDF/A-2a ----------------------------------------------------------------------------
    if pdf_a:
        intents = root.get("/OutputIntents", [])
        if not any(i.get("/S") == Name.GTS_PDFA1 and "/DestOutputProfile" in i and
                   int(i.DestOutputProfile.get("/N", 0)) == 3 for i in intents):
            bad("no /GTS_PDFA1 output intent with an RGB ICC profile")
        ids = pdf.trailer.get("/ID")
        if ids is None or len(ids) != 2 or any(len(bytes(i)) != 16 for i in ids):
            bad("no trailer /ID of two 16-byte strings")
        if "/Encrypt" in pdf.trailer:
            bad("encrypted")
        if "/JavaScript" in root.get("/Names", Dictionary()) or "/OpenAction" in root or \
                "/AA" in root:
            bad("JavaScript or automatic actions")
        for obj in pdf.objects:
            if isinstance(obj, Dictionary) and obj.get("/S") == Name.JavaScript:
                bad("a JavaScript action")
                break
        stats["pdf_a"] += 1
    stats["files"] += 1


def main():
    args = sys.argv[1:]
    pdf_a = "--pdf-a" in args
    files = [a for a in args if a != "--pdf-a"]
    problems = []
    stats = dict(files=0, elements=0, painted_in_mcid=0, painted_in_artifact=0, annotations=0,
                 pdf_a=0)
    for path in files:
        try:
            check(path, pdf_a, problems, stats)
        except Exception as e:  # a file pikepdf cannot read is a problem too
            problems.append(f"{path}: cannot be checked: {e!r}")
    for p in problems:
        print(p)
    if problems or not files:
        return 1
    print("tagged_check: {files} files, {elements} structure elements, {painted_in_mcid} "
          "painting operators in tagged content, {painted_in_artifact} in artifacts, "
          "{annotations} annotations in the tree, {pdf_a} checked as PDF/A-2a".format(**stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
