"""The shared library exports exactly the JM_API functions of the public
headers, and the linker version script lists exactly those."""
import re
import subprocess
import sys
from pathlib import Path

so, src = Path(sys.argv[1]), Path(sys.argv[2])

declared = set()
for header in sorted((src / "include" / "jobmatch").glob("*.h")):
    text = header.read_text()
    # A declaration may span lines: take "JM_API ... name(" up to the parenthesis.
    for m in re.finditer(r"^JM_API\b[^;(]*?\b(jm_[a-z0-9_]+)\s*\(", text, re.M):
        declared.add(m.group(1))

script = (src / "libjobmatch" / "libjobmatch.map").read_text()
body = script.split("global:", 1)[1].split("local:", 1)[0]
listed = set(re.findall(r"\b(jm_[a-z0-9_]+)\s*;", body))

out = subprocess.run(["nm", "-D", "--defined-only", str(so)], check=True,
                     capture_output=True, text=True).stdout
exported = {line.split()[-1].split("@")[0] for line in out.splitlines()
            if line.split() and line.split()[-2] in ("T", "D", "B", "R")}

failed = 0
def check(name, cond, detail):
    global failed
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + detail))
    failed += not cond

check("declared functions are listed in the version script", declared <= listed,
      ", ".join(sorted(declared - listed)))
check("the version script lists only declared functions", listed <= declared,
      ", ".join(sorted(listed - declared)))
check("every listed symbol is exported", listed <= exported, ", ".join(sorted(listed - exported)))
check("nothing else is exported", exported <= listed, ", ".join(sorted(exported - listed)))
print(f"{4 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
