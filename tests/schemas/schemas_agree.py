#!/usr/bin/python3
"""The JSON schemas (schemas/*.schema.json) and the loader agree.

- every schema is a valid draft 2020-12 schema (python3-jsonschema's own meta-schema check);
- every file of every valid root is accepted by its schema: the sample committee, the roots
  `plenary init` writes (en, fr; their files name their schema in the modeline, which must
  exist), and every data root under tests/ that `plenary check` accepts;
- every file the loader rejects for a *shape* reason (unknown key, wrong type, missing required
  key or value, bad enum word, empty required text or list, malformed id, date, time or
  duration) is rejected by its schema. The cases are every data root under tests/ (the
  bad-input table tests/model/cases/ among them), run through the real `plenary check
  --diagnostics json`; a line is a shape error by its message (SHAPE below).

YAML is read as an editor's YAML language server reads it (YAML 1.2 core schema: `2026-04-14`
and `09:30` are strings, only true/false are booleans), not with PyYAML's YAML 1.1 defaults."""
import json, os, re, subprocess, sys, tempfile

import jsonschema
import yaml

PLENARY = os.environ["PLENARY"]
SOURCE = os.environ["PLENARY_SOURCE_DIR"]
SCHEMAS = os.path.join(SOURCE, "schemas")


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core implicit types: no timestamps, no yes/no/on/off booleans,
    no sexagesimal or octal-by-leading-zero integers."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool",
                       "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def load_schema(name):
    with open(os.path.join(SCHEMAS, name), encoding="utf-8") as f:
        return json.load(f)


SCHEMA_FILES = sorted(n for n in os.listdir(SCHEMAS) if n.endswith(".schema.json"))
VALIDATORS = {}
for name in SCHEMA_FILES:
    schema = load_schema(name)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        fail(f"{name} is not a valid draft 2020-12 schema: {e.message}")
        continue
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        fail(f"{name} does not declare draft 2020-12")
    VALIDATORS[name] = jsonschema.Draft202012Validator(schema)
for expected in ["committee", "sector-focus", "stakeholders", "task-group", "agenda",
                 "documents", "outcomes", "style"]:
    if expected + ".schema.json" not in VALIDATORS:
        fail(f"no schema for {expected}")


def schema_for(relpath):
    """The schema of a file of a data root, by its place; None for files with none."""
    parts = relpath.split("/")
    if relpath in ("data/committee.yaml", "data/sector-focus.yaml", "data/stakeholders.yaml",
                   "data/documents.yaml"):
        return parts[1][:-5] + ".schema.json"
    if len(parts) == 3 and parts[:2] == ["data", "task-groups"] and relpath.endswith(".yaml"):
        return "task-group.schema.json"
    if len(parts) == 3 and parts[:2] == ["data", "outcomes"] and relpath.endswith(".yaml"):
        return "outcomes.schema.json"
    if len(parts) == 2 and parts[0] == "agendas" and relpath.endswith(".yaml"):
        return "agenda.schema.json"
    if relpath == "templates/style.yaml":
        return "style.schema.json"
    return None


def root_files(root):
    """(relative path, schema name) of every file of a root that has a schema."""
    out = []
    for folder in ["data", "data/task-groups", "data/outcomes", "agendas", "templates"]:
        full = os.path.join(root, folder)
        if not os.path.isdir(full) or os.path.islink(full):
            continue
        for name in sorted(os.listdir(full)):
            rel = folder + "/" + name
            schema = schema_for(rel)
            path = os.path.join(root, rel)
            if schema and os.path.isfile(path) and not os.path.islink(path):
                out.append((rel, schema))
    return out


def parse(path):
    """The YAML document of a file, or raises (a file YAML cannot read is not a shape case)."""
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8-sig")
    return yaml.load(text, Loader=Yaml12Loader)


def errors(schema, document):
    return sorted(VALIDATORS[schema].iter_errors(document), key=lambda e: list(e.absolute_path))


def where(e):
    return "/".join(str(p) for p in e.absolute_path) or "(top)"


def check_accepted(root, label, modeline=False):
    files = root_files(root)
    if not files:
        fail(f"{label}: no files found")
    for rel, schema in files:
        path = os.path.join(root, rel)
        if modeline:  # the file names its own schema, relative to itself, on its first line
            with open(path, encoding="utf-8") as f:
                first = f.readline().rstrip("\n")
            m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
            if not m:
                fail(f"{label}/{rel}: first line is not a yaml-language-server schema line")
                continue
            named = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1)))
            if not os.path.isfile(named):
                fail(f"{label}/{rel}: the schema line names {m.group(1)}, which does not exist")
                continue
            if os.path.basename(named) != schema:
                fail(f"{label}/{rel}: names {os.path.basename(named)}, expected {schema}")
            with open(named, encoding="utf-8") as f, open(os.path.join(SCHEMAS, schema)) as g:
                if json.load(f) != json.load(g):
                    fail(f"{label}/{rel}: the copied schema differs from schemas/{schema}")
        document = parse(path)
        if document is None and rel == "data/documents.yaml":
            continue  # a register with every entry commented out: an empty file, no register
        for e in errors(schema, document):
            fail(f"{label}/{rel}: valid for the loader, rejected by {schema} at {where(e)}: "
                 f"{e.message}")
    return len(files)


# A diagnostic that says the file does not have the shape its schema describes.
SHAPE = re.compile(
    r"^(unknown key '|expected a (mapping|list|string|whole number|person|plain key)|"
    r"expected (true or false|an id|a string in|at least one entry)|missing required key|"
    r"missing value for|empty value for|empty person name|invalid id|invalid time|"
    r"duration must be greater than 0|item has neither a duration nor sub-items|"
    r"unknown (format|status|kind) '|invalid colour|invalid length|unknown page size|"
    r"expected three|expected a text|expected a positive number)")
# "invalid date" is a shape error when the text is not shaped like a date at all; a day that
# does not exist (2026-02-30) is left to the loader.
DATE_SHAPE = re.compile(r"^invalid date '")


def is_shape(d):
    if SHAPE.search(d["message"]):
        return True
    return bool(DATE_SHAPE.search(d["message"])) and (
        d["hint"].startswith("dates are written") or d["hint"].startswith("there is no month"))


def check_root(root, label):
    """Runs the real loader on a root: accepted -> every file passes its schema; else every
    file with a shape error fails its schema. Returns (valid roots, shape files) counted."""
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([PLENARY, "check", "--root", root, "--out", out + "/out",
                              "--diagnostics", "json"],
                             capture_output=True, text=True, timeout=120)
    if run.returncode == 0:
        check_accepted(root, label)
        return 1, 0
    if run.returncode != 1:
        fail(f"{label}: plenary check exited {run.returncode}: {run.stderr[-400:]}")
        return 0, 0
    shape_files = {}
    for line in run.stderr.splitlines():
        d = json.loads(line)  # --diagnostics json: every line one object
        if d["severity"] == "error" and is_shape(d):
            shape_files.setdefault(d["path"], []).append(d)
    checked = 0
    for rel, diags in sorted(shape_files.items()):
        schema = schema_for(rel)
        path = os.path.join(root, rel)
        if not schema or not os.path.isfile(path):
            continue
        try:
            document = parse(path)
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # not YAML an editor could read either
        checked += 1
        if not errors(schema, document):
            fail(f"{label}/{rel}: the loader rejects it ({diags[0]['line']}:{diags[0]['column']}: "
                 f"{diags[0]['message']}) but {schema} accepts it")
    return 0, checked


# 1. The sample committee and the roots `plenary init` writes.
check_accepted(SOURCE, "sample")
with tempfile.TemporaryDirectory() as work:
    for lang in ["en", "fr"]:
        root = os.path.join(work, lang)
        run = subprocess.run([PLENARY, "init", root, "--lang", lang], capture_output=True,
                             text=True, timeout=60)
        if run.returncode != 0:
            fail(f"plenary init --lang {lang} exited {run.returncode}: {run.stderr}")
            continue
        n = check_accepted(root, "init-" + lang, modeline=True)
        print(f"init {lang}: {n} files accepted by their schemas")

# 2. The house style: the program's own templates/style.yaml, valid and with one shape error
# each, as a root's templates/style.yaml (the root: the valid case of the bad-input table).
STYLES = {
    "letter-and-plain-logo": ("valid", "page:\n  size: Letter\nlogo: logo.png\n"),
    "page-size-as-lengths": ("valid", "page:\n  size: {width: 210mm, height: 11in}\n"
                             "  margins: {top: 20, bottom: 2cm, left: 0.8in, right: 22mm}\n"),
    "unknown-key": ("shape", "colours:\n  text: \"#000000\"\n"),
    "bad-colour": ("shape", "colors:\n  text: red\n"),
    "bad-page-size": ("shape", "page:\n  size: A5\n"),
    "bad-length": ("shape", "page:\n  margins: {top: 25 mm}\n"),
    "two-heading-sizes": ("shape", "sizes:\n  heading: [16, 13]\n"),
    "font-as-list": ("shape", "fonts:\n  body: [DejaVu Sans]\n"),
    "size-as-word": ("shape", "sizes:\n  body: big\n"),
    "two-bullets": ("shape", "lists:\n  bullets: [a, b]\n"),
}
style_valid = style_shape = 0
with tempfile.TemporaryDirectory() as work:
    import shutil
    for name, (kind, text) in sorted(STYLES.items()):
        root = os.path.join(work, name)
        shutil.copytree(os.path.join(SOURCE, "tests/model/cases/valid"), root)
        os.makedirs(os.path.join(root, "templates"))
        with open(os.path.join(root, "templates/style.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        v, s_ = check_root(root, "style:" + name)
        style_valid += v
        style_shape += s_
        if (kind == "valid") != (v == 1) or (kind == "shape" and s_ != 1):
            fail(f"style case {name}: expected the loader to find it {kind}")
print(f"house style: {style_valid} valid styles accepted, {style_shape} shape errors rejected")

# 3. Every data root under tests/ through the real loader.
roots = []
for folder, dirs, files in os.walk(os.path.join(SOURCE, "tests")):
    if os.path.isdir(os.path.join(folder, "data")) and os.path.isdir(os.path.join(folder, "agendas")):
        roots.append(folder)
        dirs[:] = []
    dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
valid = shape = 0
for root in sorted(roots):
    v, s = check_root(root, os.path.relpath(root, SOURCE))
    valid += v
    shape += s
print(f"{len(roots)} test roots: {valid} valid roots accepted, {shape} shape-error files rejected")
# The selection must have found the table: a test that checks nothing fails.
if valid < 5 or shape < 15:
    fail(f"too few cases: {valid} valid roots, {shape} shape-error files")
if failures:
    print(f"{len(failures)} disagreements between the schemas and the loader", file=sys.stderr)
    sys.exit(1)
print("schemas and loader agree")
