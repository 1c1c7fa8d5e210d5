"""The README's two commands are the ones .ci/run runs, verbatim."""
import re
import sys
from pathlib import Path

src = Path(sys.argv[1])
readme = (src / "README.md").read_text()
ci = (src / ".ci" / "run").read_text()
commands = [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
failed = 0
for cmd in commands:
    ok = ("   " + cmd + "\n") in readme
    print(("ok   " if ok else "FAIL ") + cmd[:70])
    failed += not ok
if len(commands) != 2:
    print(f"FAIL .ci/run should run exactly two commands, found {len(commands)}")
    failed += 1
print(f"{len(commands) + 1 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
