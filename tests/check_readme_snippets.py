"""Runs the README's Python and Lua examples against the build tree.

Usage: check_readme_snippets.py SOURCE_DIR BUILD_DIR LUA_PROGRAM
Each fenced ```python and ```lua block of README.md runs from the source
folder (its paths are relative to it); a block that fails fails the test.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

src, build, lua = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
readme = (src / "README.md").read_text()
env = dict(os.environ,
           PYTHONPATH=str(build / "bindings" / "python"), PYTHONDONTWRITEBYTECODE="1",
           LUA_PATH=f"{src / 'bindings' / 'lua' / '?.lua'};;",
           LUA_CPATH=f"{build / 'bindings' / 'lua' / '?.so'};;")
runners = {"python": [sys.executable, "-c"], "lua": [lua, "-e"]}
passed = failed = 0
for lang, code in re.findall(r"^```(python|lua)\n(.*?)^```", readme, re.S | re.M):
    r = subprocess.run(runners[lang] + [code], cwd=src, env=env, capture_output=True, text=True)
    ok = r.returncode == 0 and r.stdout.strip() != ""
    print(("ok   " if ok else "FAIL ") + f"README {lang} block ({len(code.splitlines())} lines)")
    if not ok:
        print(r.stdout, r.stderr)
    passed += ok
    failed += not ok
if passed + failed < 2:
    print("FAIL expected at least one Python and one Lua block in README.md")
    failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
