#!/usr/bin/env python3
"""Reads `strace -ff -y -e trace=%file,%desc` logs of one plenary run and checks the confinement
rule: every path the run created, changed or deleted (opened for writing, created, renamed,
removed) lies in the output folder; every path it opened for reading lies in the data root, the
program's templates, the output folder, the program's own modules (plenary-*.so in the folder
AUDIT_PROGRAM_DIR names) or the system (libraries, fonts, fontconfig, /proc...).
Usage: strace_audit.py LOG_PREFIX OUT ROOT TEMPLATES [MIN_WRITES]. Prints offenders, exit 1."""
import glob, os, re, sys

prefix, out, root, templates = sys.argv[1:5]
min_writes = int(sys.argv[5]) if len(sys.argv) > 5 else 0
root, templates = (os.path.realpath(p) for p in (root, templates))
# The output folder itself is never resolved: when it is a link, writes through it are outside.
out = os.path.join(os.path.realpath(os.path.dirname(out.rstrip("/"))), os.path.basename(out.rstrip("/")))
home = os.path.expanduser("~")
SYSTEM = ["/usr/", "/lib/", "/lib64/", "/etc/", "/proc/", "/sys/", "/dev/null", "/dev/urandom",
          "/var/cache/fontconfig", home + "/.cache/fontconfig", home + "/.fontconfig",
          home + "/.config/fontconfig", home + "/.local/share/fonts", home + "/.fonts"]

# The program's own modules (core/module.hpp: the book's and the calendars' adapters, loaded on
# first use), each a file plenary-*.so beside the engine; the folder that holds them, and only
# those files of it, when the caller names it (strace_audit.sh: the engine's folder).
MODULES = os.environ.get("AUDIT_PROGRAM_DIR", "")
MODULES = os.path.realpath(MODULES) if MODULES else ""

def is_module(path):
    return bool(MODULES) and os.path.dirname(path) == MODULES and \
        re.fullmatch(r"plenary-[a-z0-9-]+\.so", os.path.basename(path)) is not None

def inside(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")

CALL = re.compile(r'^(\w+)\((.*)\)\s+=\s+(-?\d+|\?)(?:<([^>]*)>)?')
ARG_PATH = re.compile(r'(?:(AT_FDCWD|\d+)<([^>]*)>,\s*)?"((?:[^"\\]|\\.)*)"')

def resolve(base, path):
    path = bytes(path, "utf-8").decode("unicode_escape")
    full = path if path.startswith("/") else os.path.join(base or os.getcwd(), path)
    return os.path.normpath(full)

def paths_of(args):
    return [resolve(m.group(2), m.group(3)) for m in ARG_PATH.finditer(args)]

bad, writes = [], 0
for log in sorted(glob.glob(prefix + ".*")):
    for line in open(log, errors="replace"):
        m = CALL.match(line.strip())
        if not m:
            continue
        name, args, result, opened = m.groups()
        paths = paths_of(args)
        if opened:  # what the descriptor really is, after any link was followed
            paths.append(os.path.normpath(opened))
        if not paths:
            continue
        write = False
        if name in ("open", "openat", "openat2", "creat"):
            write = name == "creat" or re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", args)
        elif name in ("mkdir", "mkdirat", "rename", "renameat", "renameat2", "unlink", "unlinkat",
                      "rmdir", "link", "linkat", "symlink", "symlinkat", "truncate", "chmod",
                      "fchmodat", "chown", "fchownat", "lchown", "utimensat", "utime", "utimes",
                      "mknod", "mknodat", "setxattr", "removexattr"):
            write = True
        else:
            if name not in ("open", "openat", "openat2"):
                continue
        if write:
            targets = paths if name not in ("symlink", "symlinkat") else paths[-1:]
            for p in targets:
                if inside(p, out) or p == "/dev/null":
                    writes += 1
                else:
                    bad.append("write outside the output folder: " + line.strip()[:300])
        elif "O_PATH" in args:
            continue  # a handle to name a folder (Landlock rules), never a read
        elif result != "?" and not result.startswith("-"):
            for p in paths:
                if not (inside(p, root) or inside(p, templates) or inside(p, out) or
                        is_module(p) or
                        any(p == s.rstrip("/") or p.startswith(s) for s in SYSTEM)):
                    bad.append("read outside the allowed folders: " + line.strip()[:300])
for b in bad[:20]:
    print(b)
if writes < min_writes:
    print(f"only {writes} writes seen in the output folder (expected at least {min_writes}): "
          "is the log parsed?")
    sys.exit(1)
print(f"{writes} writes, all in {out}; {len(bad)} offenders")
sys.exit(1 if bad else 0)
