"""Grade a class: every student's Argdown map in a folder against the teacher's reference.

Usage: python examples/grade_class.py [WORKDIR]   (default: ./class)
It writes WORKDIR/reference.argdown and WORKDIR/students/*.argdown, then grades them as
``argmap grade reference.argdown students -o feedback`` does: feedback/grades.csv and a page per student.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from argmap.cli import main as argmap_cli

REFERENCE = """\
[Build]: The city should build a new bridge.
  + <Traffic>
  - [Budget]: The budget is already stretched.

<Traffic>

(1) Traffic jams cost commuters an hour a day.
(2) The old bridge is unsafe.
----
(3) [Build]
"""
STUDENTS = {
    "ada.argdown": REFERENCE,  # the whole analysis
    "ben.argdown": "[Build]: The city should build a new bridge.\n  + Traffic jams cost an hour a day.\n",
    "cy.argdown": "[Build]: The city should build a new bridge.\n  + [Budget]: The budget is stretched.\n",
    "dee.argdown": "[Build]: A bridge.\n  + [Jams]: Jams.\n[Budget]\n",  # syntax error: a page
}


def main() -> int:
    work = Path(sys.argv[1] if len(sys.argv) > 1 else "class")
    students = work / "students"
    students.mkdir(parents=True, exist_ok=True)
    (work / "reference.argdown").write_text(REFERENCE, encoding="utf-8")
    for name, text in STUDENTS.items():
        (students / name).write_text(text, encoding="utf-8")
    status = argmap_cli(
        ["grade", str(work / "reference.argdown"), str(students), "-o", str(work / "feedback")]
    )
    with open(work / "feedback" / "grades.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            print(f"{row['file']:14} {row['score'] or '-':>6}  {row['error']}")
    return 0 if status in (0, 1) else status  # 1: some file could not be graded


if __name__ == "__main__":
    sys.exit(main())
