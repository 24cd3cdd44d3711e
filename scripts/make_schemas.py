#!/usr/bin/python3
"""Writes the JSON Schemas (draft 2020-12) of the data root's files into schemas/.

The schemas describe the files as an editor's YAML language server reads them (YAML 1.2 core:
`30` is an integer, `2026-04-14` a string, `true` a boolean). They follow the loader
(src/model/read_records.cpp, src/compose/style_file.cpp) and the contract
(../shared/spec/data-format.md); tests/schemas/schemas_agree.py checks the two agree. Run
after editing this file: /usr/bin/python3 scripts/make_schemas.py; commit the JSON files."""
import json, os

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas")
BASE = "https://plenary.example.org/schemas/"  # an identifier only; never fetched

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
DAY = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
YEAR_MONTH_DAY = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
TIME = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
TZ = r"^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$"

SCALAR = ["string", "number", "integer", "boolean"]


def text(desc, required=False, md=False):
    s = {"type": SCALAR if required else SCALAR + ["null"],
         "description": desc + (" (Markdown)" if md else "")}
    if required:
        s["minLength"] = 1
    return s


def ident(desc, required=False):
    s = {"type": ["string", "integer"] if required else ["string", "integer", "null"],
         "pattern": ID_PATTERN, "description": desc}
    return s


def ref(desc, required=False):
    return {"type": SCALAR if required else SCALAR + ["null"], "description": desc}


def date(desc, required=False):
    return {"type": "string" if required else ["string", "null"], "pattern": DAY,
            "description": desc + " (yyyy-mm-dd)"}


def year_or_date(desc, required=False):
    return {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999},
                      {"type": "string", "pattern": YEAR_MONTH_DAY}]
            + ([] if required else [{"type": "null"}]),
            "description": desc + " (yyyy, yyyy-mm or yyyy-mm-dd)"}


def enum(desc, words, required=False):
    return {"enum": words + ([] if required else [None]), "description": desc}


def lst(desc, items, min_items=0, nullable=True):
    s = {"type": ["array", "null"] if nullable else "array", "items": items,
         "description": desc}
    if min_items:
        s["minItems"] = min_items
        s["type"] = "array"
    return s


def strings(desc, md=False):
    return lst(desc + (" (Markdown)" if md else ""), {"type": SCALAR})


def refs(desc):
    return lst(desc, {"type": SCALAR})


def obj(props, required=(), desc=None, **extra):
    s = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        s["required"] = list(required)
    if desc:
        s["description"] = desc
    s.update(extra)
    return s


PERSON_DEFS = {
    "person": {
        "description": "a person: a name, or a mapping {name, institute, role, email}",
        "anyOf": [
            {"type": SCALAR, "minLength": 1},
            obj({"name": text("the person's name", True),
                 "institute": text("institute"),
                 "role": text("role"),
                 "email": text("e-mail address")}, ["name"]),
        ],
    },
}


def person(desc, required=False):
    s = {"$ref": "#/$defs/person", "description": desc}
    if not required:
        s = {"anyOf": [{"$ref": "#/$defs/person"}, {"type": "null"}], "description": desc}
    return s


def schema(name, title, desc, body, defs=None):
    s = {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "$id": BASE + name + ".schema.json", "title": title, "description": desc}
    s.update(body)
    if defs:
        s["$defs"] = defs
    return s


TIMEZONE = {"type": ["string", "null"], "pattern": TZ,
            "description": "an IANA time zone name, e.g. Europe/Paris (calendar export)"}

committee = schema("committee", "data/committee.yaml",
                   "The committee, its officers and its plenary meetings.", obj({
    "committee": obj({
        "id": ident("the committee's id, e.g. CCQM", True),
        "name": text("the committee's full name", True),
        "organisation": text("shown in running headers, e.g. BIPM"),
        "president": person("the president"),
        "executive_secretary": person("the executive secretary"),
        "timezone": TIMEZONE,
        "task_group_term_years": {"type": ["integer", "null"], "minimum": 1,
                                  "description": "the usual term of a task group, in years"},
    }, ["id", "name"], "the committee"),
    "plenaries": lst("the plenary meetings, at least one", obj({
        "id": ident("the plenary's id, e.g. CCQM-30", True),
        "number": {"type": "integer", "minimum": 1, "description": "the meeting's number"},
        "start": date("the first day", True),
        "end": date("the last day, on or after start"),
        "venue": text("where"),
        "format": enum("in-person (default), hybrid or online",
                       ["in-person", "hybrid", "online"]),
        "status": enum("planned (default) or held", ["planned", "held"]),
        "title": text("default: \"30th meeting of the CCQM\""),
        "timezone": TIMEZONE,
    }, ["id", "number", "start"], "a plenary meeting"), min_items=1),
}, ["committee", "plenaries"]), PERSON_DEFS)

sector_focus = schema("sector-focus", "data/sector-focus.yaml",
                      "The sector catalogue and the sector-focus plan.", obj({
    "sectors": lst("the sectors, at least one", obj({
        "id": ident("the sector's id", True),
        "name": text("the sector's name", True),
        "description": text("a paragraph about the sector", md=True),
    }, ["id", "name"], "a sector"), min_items=1),
    "plan": lst("the sector-focus plan: at most one entry per plenary", obj({
        "plenary": ref("a plenary id", True),
        "sector": ref("a sector id", True),
        "rationale": text("why this sector", md=True),
        "lead": person("who leads the session"),
        "invited": refs("stakeholder ids"),
        "questions": strings("questions put to the stakeholders", md=True),
    }, ["plenary", "sector"], "a plan entry")),
}, ["sectors"]), PERSON_DEFS)

stakeholders = schema("stakeholders", "data/stakeholders.yaml",
                      "Liaison criteria and the stakeholder list.", obj({
    "criteria": lst("criteria for extending liaison status", obj({
        "id": ident("the criterion's id", True),
        "text": text("the criterion", True, md=True),
    }, ["id", "text"], "a criterion")),
    "stakeholders": lst("the organisations the committee works with", obj({
        "id": ident("the stakeholder's id", True),
        "name": text("the full name", True),
        "acronym": text("acronym"),
        "kind": enum("liaison, cooperation (CIPM-D-01 clause 4.6), prospective or other",
                     ["liaison", "cooperation", "prospective", "other"], True),
        "since": year_or_date("since when"),
        "sectors": refs("sector ids"),
        "url": text("web site"),
        "contact": person("the contact person"),
        "mechanisms": strings("how engagement happens"),
        "criteria_met": refs("criterion ids"),
        "attended": refs("plenary ids"),
        "notes": text("notes", md=True),
    }, ["id", "name", "kind"], "a stakeholder")),
}, ["stakeholders"]), PERSON_DEFS)

items_md = lambda d, n=0: lst(d + " (Markdown)", {"type": SCALAR}, min_items=n)
task_group = schema("task-group", "data/task-groups/<id>.yaml",
                    "One task group.", obj({
    "id": ident("the task group's id", True),
    "name": text("the task group's name", True),
    "parent": text("the committee or a working group acronym"),
    "status": enum("planned, active or closed", ["planned", "active", "closed"], True),
    "established": year_or_date("established; required unless planned"),
    "closed": year_or_date("closed; required when closed"),
    "chair": person("the chair", True),
    "members": lst("the members", {"$ref": "#/$defs/person"}),
    "sectors": refs("sector ids"),
    "stakeholder_engagement": {"type": ["boolean", "null"], "description": "default false"},
    "stakeholders": refs("stakeholder ids the task group works with"),
    "terms_of_reference": obj({
        "goals": items_md("goals, at least one", 1),
        "activities": items_md("\"In developing the documents, the TG will\""),
    }, ["goals"], "the terms of reference"),
    "extensions": lst("later extensions of the terms of reference", obj({
        "approved_at": ref("the plenary that approved it", True),
        "reason": text("why", md=True),
        "items": items_md("the added items, at least one", 1),
    }, ["approved_at", "items"], "an extension")),
    "outcomes": items_md("results, for the final report"),
    "recommendations": items_md("recommendations"),
}, ["id", "name", "status", "chair", "terms_of_reference"],
    allOf=[
        {"if": {"properties": {"status": {"enum": ["active", "closed"]}}, "required": ["status"]},
         "then": {"required": ["established"]}},
        {"if": {"properties": {"status": {"const": "closed"}}, "required": ["status"]},
         "then": {"required": ["closed"]}},
    ]), PERSON_DEFS)

item = obj({
    "title": text("the item's title", True, md=True),
    "duration": {"type": "integer", "minimum": 1,
                 "description": "minutes; required unless the item has sub-items"},
    "presenter": person("who presents it"),
    "kind": enum("information (default), decision, discussion or break",
                 ["decision", "discussion", "information", "break"]),
    "documents": strings("document references"),
    "task_groups": refs("task groups reported under this item"),
    "sector_focus": {"type": ["boolean", "null"],
                     "description": "this item is the plenary's sector-focus session"},
    "items": lst("sub-items, numbered 4.1, 4.2 ...", {"$ref": "#/$defs/item"}),
}, ["title"], "an agenda item",
    anyOf=[{"required": ["duration"]},
           {"required": ["items"], "properties": {"items": {"type": "array", "minItems": 1}}}])
agenda = schema("agenda", "agendas/<plenary-id>.yaml", "The agenda of one plenary.", obj({
    "plenary": ref("the plenary's id", True),
    "days": lst("the days, at least one", obj({
        "date": date("the day", True),
        "start": {"type": "string", "pattern": TIME, "description": "hh:mm, quoted: \"09:30\""},
        "items": lst("the items of the day, at least one", {"$ref": "#/$defs/item"},
                     min_items=1),
    }, ["date", "start", "items"], "an agenda day"), min_items=1),
}, ["plenary", "days"]), dict(PERSON_DEFS, item=item))

persons = {"anyOf": [{"$ref": "#/$defs/person"},
                     {"type": "array", "items": {"$ref": "#/$defs/person"}}, {"type": "null"}],
           "description": "a person or a list of persons"}
documents = schema("documents", "data/documents.yaml",
                   "The register of working documents (optional file).", obj({
    "numbering": text("the reference pattern, e.g. \"CCQM/{yy}-{nn}\""),
    "papers_due_days": {"type": ["integer", "null"], "minimum": 0,
                        "description": "papers are due this many days before a plenary (42)"},
    "documents": lst("the registered documents", obj({
        "ref": text("the reference, matching the pattern, unique", True),
        "revision": {"type": ["string", "null"], "pattern": "^[a-z]$",
                     "description": "a lower-case letter"},
        "title": text("the title", True, md=True),
        "author": persons,
        "date": date("date of issue of this revision", True),
        "plenary": ref("the plenary it is prepared for"),
        "status": enum("draft, final (default) or withdrawn", ["draft", "final", "withdrawn"]),
        "replaces": ref("a registered reference it supersedes"),
        "file": text("a file under papers/: .pdf, .docx or .odt"),
        "url": text("where it is published"),
    }, ["ref", "title", "date"], "a document")),
}), PERSON_DEFS)

outcomes = schema("outcomes", "data/outcomes/<plenary-id>.yaml",
                  "The decisions and actions of a held plenary (optional files).", obj({
    "plenary": ref("a held plenary's id", True),
    "decisions": lst("decisions, numbered 1, 2 ...", obj({
        "text": text("the decision", True, md=True),
        "kind": enum("decision (default), recommendation or resolution",
                     ["decision", "recommendation", "resolution"]),
        "item": text("the agenda item it was taken under, e.g. \"6.2\""),
        "task_groups": refs("task-group ids"),
        "documents": refs("registered references"),
    }, ["text"], "a decision")),
    "actions": lst("actions, numbered A1, A2 ...", obj({
        "text": text("the action", True, md=True),
        "owner": person("who owns it", True),
        "body": ref("the task group or stakeholder id that owns it"),
        "due": {"anyOf": [{"type": "string"}, {"type": "null"}],
                "description": "a date (yyyy-mm-dd) or a plenary id"},
        "status": enum("open (default), done or dropped", ["open", "done", "dropped"]),
        "closed_at": ref("the plenary that closed it"),
        "notes": text("notes", md=True),
    }, ["text", "owner"], "an action")),
}, ["plenary"]), PERSON_DEFS)

LENGTH = {"anyOf": [{"type": "number", "exclusiveMinimum": 0},
                    {"type": "string", "pattern": r"^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?(pt|mm|cm|in)?$"}],
          "description": "a length: 25mm, 2.5cm, 1in or 12pt (a plain number is points)"}
POSITIVE = {"type": "number", "exclusiveMinimum": 0}
SPACE = {"type": "number", "minimum": 0, "maximum": 720, "description": "points, 0 to 720"}
THREE = lambda item: {"type": "array", "items": item, "minItems": 3, "maxItems": 3}
COLOR = {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$", "description": "\"#rrggbb\""}
TEXT = {"type": SCALAR}
style = schema("style", "templates/style.yaml",
               "The house style: page, fonts, sizes, colours, running header, logo.", {
    "type": ["object", "null"], "additionalProperties": False, "properties": {
        "page": obj({
            "size": {"anyOf": [{"enum": ["A4", "a4", "Letter", "letter"]},
                               obj({"width": LENGTH, "height": LENGTH})],
                     "description": "A4, Letter or {width, height}"},
            "margins": obj({k: LENGTH for k in ["top", "bottom", "left", "right"]}),
        }),
        "fonts": obj({k: dict(TEXT, description="a font family name (fontconfig)")
                      for k in ["body", "heading", "mono"]}),
        "sizes": obj({
            "body": POSITIVE, "line_spacing": POSITIVE, "heading": THREE(POSITIVE),
            "title": POSITIVE, "subtitle": POSITIVE, "note": POSITIVE, "header_footer": POSITIVE,
            "table": POSITIVE, "paragraph_space": POSITIVE, "code": POSITIVE}),
        "spacing": obj({
            "heading_before": THREE(SPACE), "heading_after": THREE(SPACE),
            "title_after": SPACE, "subtitle_after": SPACE, "list_item": SPACE,
            "list_after": SPACE, "table_after": SPACE}),
        "lists": obj({"indent": LENGTH, "bullets": THREE(TEXT)}),
        "contents": obj({"indent": LENGTH}),
        "colors": obj({k: COLOR for k in ["text", "heading", "subtitle", "link", "muted",
                                          "table_header_fill", "table_rule"]}),
        "images": obj({"dpi": POSITIVE, "fallback_width": LENGTH}),
        "cover": obj({"top": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}}),
        "header": obj({"left": TEXT, "right": TEXT},
                      desc="{organisation} {committee} {committee_name} {document} {title} {subject}"),
        "logo": {"anyOf": [TEXT, obj({"file": TEXT, "width": LENGTH, "header_height": LENGTH})]},
    }})

for name, s in [("committee", committee), ("sector-focus", sector_focus),
                ("stakeholders", stakeholders), ("task-group", task_group), ("agenda", agenda),
                ("documents", documents), ("outcomes", outcomes), ("style", style)]:
    with open(os.path.join(HERE, name + ".schema.json"), "w", encoding="utf-8") as f:
        json.dump(s, f, indent=2, ensure_ascii=False)
        f.write("\n")
