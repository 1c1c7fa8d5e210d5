"""ABI check: the freshly built shared library against the baseline kept in the
repository (tests/abi/README.md).

    check_abi.py --lib SO --source-root SRC --build-root BUILD
                 [--baseline FILE] [--work-dir DIR] [--abidw P] [--abidiff P]
                 [--update [--allow-incompatible]]

Check (the default; `meson test -C build --suite abi` runs it):
  1. abidw writes the library's ABI, only the types of the public headers
     (SRC/include/jobmatch and the generated BUILD/include/jobmatch/version.h),
     to WORK-DIR/SONAME.abi.current, twice: the two must be the same bytes and
     must not name the source or build folder;
  2. abidiff compares the baseline (SRC/tests/abi/SONAME.abi, SONAME read from
     the library: libjobmatch.so.0.abi) with that current ABI.  Both sides are
     abidw output made with the same options, so the same header filtering;
     abidiff gets no --headers-dir of its own: on abixml without source
     locations its private-type suppression would hide changes to public
     structs (a self-test below makes sure a struct change is seen).  Any ABI
     change fails (abidiff exit bit 4: a changed signature or struct layout;
     bit 8: a removed function); only added functions pass.  The abidiff
     report is printed either way.

Regenerate (--update), only when releasing: writes the current ABI over the
baseline.  It refuses when the change against the existing baseline is
incompatible, because that needs a new soversion in meson.build (and with it a
new SONAME, hence a new baseline file); --allow-incompatible overrides that.
From the source root, after `meson compile -C build`:

    /usr/bin/python3 tests/abi/check_abi.py --update \\
        --lib build/libjobmatch/libjobmatch.so --source-root . --build-root build

Ends with "N passed, M failed"; exits 0 only when nothing failed.
"""
import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

# abidiff exit status bits (libabigail's abidiff_status)
ABIDIFF_ERROR, ABIDIFF_USAGE_ERROR, ABIDIFF_ABI_CHANGE, ABIDIFF_ABI_INCOMPATIBLE = 1, 2, 4, 8

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--lib", required=True, type=Path, help="the built shared library")
parser.add_argument("--source-root", required=True, type=Path)
parser.add_argument("--build-root", required=True, type=Path)
parser.add_argument("--baseline", type=Path,
                    help="the baseline (default SOURCE-ROOT/tests/abi/SONAME.abi)")
parser.add_argument("--work-dir", type=Path,
                    help="where the current ABI is written (default BUILD-ROOT/tests/abi)")
parser.add_argument("--abidw", default="abidw")
parser.add_argument("--abidiff", default="abidiff")
parser.add_argument("--update", action="store_true",
                    help="regenerate the baseline from this build (only when releasing)")
parser.add_argument("--allow-incompatible", action="store_true",
                    help="with --update: accept an incompatible change (the soversion was bumped)")
args = parser.parse_args()

src, build = args.source_root.resolve(), args.build_root.resolve()
header_dirs = [src / "include" / "jobmatch", build / "include" / "jobmatch"]
work = (args.work_dir or build / "tests" / "abi").resolve()
work.mkdir(parents=True, exist_ok=True)

# Only the public headers' types; no path of this machine in the output.
ABIDW_FILTERS = [a for d in header_dirs for a in ("--headers-dir", str(d))] + [
    "--drop-private-types",       # types not defined in those headers
    "--exported-interfaces-only", # only what the version script exports
    "--drop-undefined-syms",      # not the libc / cJSON functions it calls
    "--no-elf-needed",            # DT_NEEDED differs between builds (a sanitizer's runtime)
    "--no-corpus-path",           # no path of the library
    "--no-comp-dir-path",         # no compilation directory
    "--no-show-locs",             # no file:line either: the baseline does not change
                                  # whenever a line of the library moves (--short-locs would
                                  # keep file names and line numbers)
]

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))
    sys.stdout.flush()
    if ok:
        passed += 1
    else:
        failed += 1
    return ok


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def abidw(out):
    r = run([args.abidw, *ABIDW_FILTERS, "--out-file", str(out), str(args.lib)])
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
    return r.returncode == 0 and out.is_file()


def abidiff(old, new, *extra):
    """abidiff of two abixml files (both made by abidw() above)."""
    return run([args.abidiff, *extra, str(old), str(new)])


def sees_struct_change(current):
    """abidiff reports a public struct whose size changed (bit 4): the
    comparison does not filter public types away."""
    text = current.read_text()
    m = re.search(r"<class-decl name='(jm_[a-z_]+)' size-in-bits='(\d+)'", text)
    if not m:
        return None
    doctored = current.with_suffix(".doctored.tmp")
    doctored.write_text(text[:m.start(2)] + str(int(m.group(2)) + 64) + text[m.end(2):])
    rc = abidiff(current, doctored).returncode
    doctored.unlink()
    return m.group(1) if rc & ABIDIFF_ABI_CHANGE and not rc & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR) \
        else None


for header in (header_dirs[0] / "common.h", header_dirs[1] / "version.h"):
    if not header.is_file():
        check(f"public header {header}", False, "missing (is --build-root a configured build?)")
        finish()

# 1. The current ABI: readable, deterministic, free of this machine's paths.
first, second = work / "abi.1.tmp", work / "abi.2.tmp"
if not check("abidw reads the library with the public headers", abidw(first) and abidw(second),
             f"{args.abidw} failed on {args.lib}"):
    finish()
text = first.read_text()
m = re.search(r"<abi-corpus [^>]*soname='([^']+)'", text)
soname = m.group(1) if m else None
if not check("the library has a SONAME", soname is not None):
    finish()
n_functions = len(re.findall(r"<function-decl name='jm_", text))
if not check("the ABI has the public functions with their types (debug info)",
             n_functions > 0 and "<abi-instr" in text,
             "no DWARF: build with debug info (buildtype debugoptimized or debug)"):
    finish()
check("abidw output is deterministic (two runs, same bytes)", first.read_bytes() == second.read_bytes())
leaked = [str(p) for p in (src, build, args.lib.resolve().parent) if str(p) in text]
check("abidw output holds no absolute path of this machine", not leaked, ", ".join(leaked))
current = work / f"{soname}.abi.current"
first.replace(current)
second.unlink()
print(f"     current ABI: {current} ({n_functions} public functions)")

baseline = args.baseline or src / "tests" / "abi" / f"{soname}.abi"

# 2a. Regenerating the baseline, on purpose.
if args.update:
    if baseline.is_file():
        r = abidiff(baseline, current)
        sys.stdout.write(r.stdout)
        incompatible = r.returncode & ABIDIFF_ABI_INCOMPATIBLE or (
            abidiff(baseline, current, "--no-added-syms").returncode & ABIDIFF_ABI_CHANGE)
        if incompatible and not args.allow_incompatible:
            check(f"update {baseline.name}", False,
                  "the change is incompatible: bump soversion in meson.build (a new SONAME, "
                  "a new baseline file), or pass --allow-incompatible")
            finish()
    shutil.copyfile(current, baseline)
    check(f"baseline {baseline} written from this build", True)
    finish()

# 2b. The check.
if not check(f"baseline {baseline.name} exists", baseline.is_file(),
             f"{baseline} is missing; a new SONAME needs a new baseline (--update)"):
    finish()
struct = sees_struct_change(current)
check("abidiff sees a change of a public struct (self-test on a doctored copy)", struct is not None)
if struct:
    print(f"     (struct {struct} made 64 bits larger: reported)")
r = abidiff(baseline, current)
report = (r.stdout + r.stderr).strip()
print(f"     abidiff {baseline.name} {current.name}: exit status {r.returncode}")
for line in report.splitlines():
    print("     | " + line)
if r.returncode & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR):
    check("abidiff ran", False, f"exit status {r.returncode}")
    finish()
check("no incompatible ABI change (abidiff bit 8: removed functions)",
      not r.returncode & ABIDIFF_ABI_INCOMPATIBLE)
# Added functions alone set bit 4 too: ask again without them.
if r.returncode & ABIDIFF_ABI_CHANGE:
    r2 = abidiff(baseline, current, "--no-added-syms")
    changed = bool(r2.returncode & (ABIDIFF_ABI_CHANGE | ABIDIFF_ABI_INCOMPATIBLE | ABIDIFF_ERROR))
else:
    changed = False
check("no ABI change to existing functions and types (abidiff bit 4)", not changed,
      "see the report above")
if r.returncode and not changed and not r.returncode & ABIDIFF_ABI_INCOMPATIBLE:
    print("     note: only additions; the baseline is regenerated at the next release")
finish()
