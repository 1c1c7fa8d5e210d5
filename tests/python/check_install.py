"""Installs the build into a scratch root and imports the installed package.

Usage: check_install.py BUILD_DIR SOURCE_DIR (run by meson test python-install).
The package must land in the interpreter's site-packages under jobmatch/,
with the extension, the pure-Python files and the type stubs.
"""
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

build, src = Path(sys.argv[1]), Path(sys.argv[2])
with tempfile.TemporaryDirectory() as root:
    subprocess.run(["meson", "install", "-C", str(build), "--destdir", root, "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    inits = sorted(Path(root).rglob("jobmatch/__init__.py"))
    assert len(inits) == 1, f"expected one installed jobmatch/__init__.py, found {inits}"
    pkg = inits[0].parent
    names = {p.name for p in pkg.iterdir()}
    for need in ("__init__.py", "__init__.pyi", "py.typed", "_engine.py", "_errors.py",
                 "_match.py", "_records.py"):
        assert need in names, f"{need} not installed in {pkg}"
    assert any(n.startswith("_core.") and n.endswith(".so") for n in names), names
    # Under the interpreter's own site-packages folder for the prefix: with
    # Debian's Python and prefix /usr/local, a folder on its sys.path.
    assert "-packages" in str(pkg), pkg
    opts = json.loads(subprocess.run(["meson", "introspect", str(build), "--buildoptions"],
                                     check=True, capture_output=True, text=True).stdout)
    prefix = next(o["value"] for o in opts if o["name"] == "prefix")
    installed = "/" + str(pkg.parent.relative_to(root))
    if prefix == sysconfig.get_path("data"):
        assert installed == sysconfig.get_path("platlib"), (installed, sysconfig.get_paths())
        assert installed in sys.path, (installed, sys.path)
    libs = sorted(Path(root).rglob("libjobmatch.so.0"))
    assert libs, "libjobmatch.so.0 not installed"
    env = dict(os.environ, PYTHONPATH=str(pkg.parent), LD_LIBRARY_PATH=str(libs[0].parent))
    code = ("import jobmatch, sys; assert jobmatch.__file__.startswith(sys.argv[1]), "
            "jobmatch.__file__; e = jobmatch.Engine(); "
            "m = e.score(jobmatch.load_candidates(sys.argv[2])[0], jobmatch.load_jobs(sys.argv[3])[0]); "
            "print(m.candidate_id, m.job_id, round(m.total, 4))")
    out = subprocess.run([sys.executable, "-c", code, str(pkg),
                          str(src / "examples/data/candidates.json"),
                          str(src / "examples/data/jobs.json")],
                         env=env, check=True, capture_output=True, text=True).stdout
    assert out.startswith("c-001 j-001 "), out
    print(f"installed package at {pkg} imports and scores: {out.strip()}")
