"""Build argmap's scheme catalogue (``argmap/data/schemes/walton.json``) from the shared Walton YAML files.

Run once, from the project root, and commit the result::

    .venv/bin/python scripts/build_schemes.py [../shared/schemes]

It needs PyYAML (``pip install pyyaml``); argmap itself reads only the JSON it writes.

The sources are two MPL-2.0 Carneades-4 YAML files: ``kurtuldu_walton_full.yml`` (111 schemes)
and ``carneades-4_walton.yml`` (24 schemes). The kurtuldu file is not valid YAML as stored, so three
known defects are patched in memory (a missing space after ``id:`` and two unquoted titles with a
colon); three ``exceptions`` written ``-name`` without a space after the dash are read as a list of
one. Schemes are merged by id: the kurtuldu entry is the base; a field it lacks (title, source,
premises, assumptions, exceptions) is taken from Carneades-4; ``assumption`` is read as
``assumptions``. Verbalisations are merged too, the Carneades-4 template winning (the kurtuldu
copies of them carry typos such as ``%`` for ``%s``). Both licence texts are copied beside the JSON;
``NOTICE.txt`` there (written by hand) states the provenance.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "argmap" / "data" / "schemes"
KURTULDU = "kurtuldu_walton_full.yml"
CARNEADES = "carneades-4_walton.yml"
LIST_FIELDS = ("variables", "premises", "assumptions", "exceptions", "conclusions")


def _patch_kurtuldu(text: str) -> str:
    """Fix the known YAML defects of the kurtuldu file (in memory only)."""
    text = text.replace("- id:opposition-descriptive_3", "- id: opposition-descriptive_3")
    out = []
    for line in text.splitlines():
        m = re.match(r"^(\s+title:\s+)(.*:.*)$", line)
        quoted = m is None or m.group(2).lstrip().startswith(("'", '"'))
        out.append(line if quoted or m is None else m.group(1) + json.dumps(m.group(2).strip()))
    return "\n".join(out) + "\n"


def _terms(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        # "exceptions:\n  -rule_changed" (no space after the dash) is a string, meant as a one-item list
        value = [value.removeprefix("-")]
    return [str(v).strip() for v in value if v is not None and str(v).strip()]


def _flat(text: Any) -> str | None:
    return None if text is None else " ".join(str(text).split()) or None


def _scheme(raw: dict[str, Any], origin: str) -> dict[str, Any]:
    meta = raw.get("meta") or {}
    out: dict[str, Any] = {
        "id": str(raw["id"]).strip(),
        "title": _flat(meta.get("title")),
        "source": _flat(meta.get("source")),
        "origin": [origin],
    }
    for field in LIST_FIELDS:
        key = "assumption" if field == "assumptions" and "assumption" in raw else field
        out[field] = _terms(raw.get(key))
    return out


def build(shared: Path) -> dict[str, Any]:
    """Return the merged catalogue as a JSON-ready dict."""
    kurt = yaml.safe_load(_patch_kurtuldu((shared / KURTULDU).read_text(encoding="utf-8")))
    carn = yaml.safe_load((shared / CARNEADES).read_text(encoding="utf-8"))
    language = {str(k): " ".join(str(v).split()) for k, v in (kurt.get("language") or {}).items()}
    language.update({str(k): " ".join(str(v).split()) for k, v in (carn.get("language") or {}).items()})
    schemes: dict[str, dict[str, Any]] = {}
    for raw in kurt["argument_schemes"]:
        s = _scheme(raw, "kurtuldu")
        schemes[s["id"]] = s
    for raw in carn["argument_schemes"]:
        s = _scheme(raw, "carneades-4")
        base = schemes.get(s["id"])
        if base is None:
            schemes[s["id"]] = s
            continue
        base["origin"].append("carneades-4")
        for field in ("title", "source", *LIST_FIELDS):
            if not base[field] and s[field]:
                base[field] = s[field]
    return {
        "title": "Walton argumentation schemes (Carneades-4 YAML, merged)",
        "licence": "MPL-2.0",
        "sources": {
            "kurtuldu": (
                "basakkurtuldu/walton-argumentation-schemes-for-carneades-4 @ a7cde94f573d, walton.yml"
            ),
            "carneades-4": "carneades/carneades-4 @ d19d5431b36d, examples/AGs/YAML/walton.yml",
        },
        "language": dict(sorted(language.items())),
        "schemes": sorted(schemes.values(), key=lambda s: s["id"]),
    }


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "schemes"
    data = build(shared)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "walton.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name in ("kurtuldu_LICENSE.txt", "carneades-4_LICENSE.txt"):
        shutil.copyfile(shared / name, OUT / name)
    print(f"{len(data['schemes'])} schemes, {len(data['language'])} verbalisations -> {OUT / 'walton.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
