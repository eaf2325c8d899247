"""The ``argmap schemes`` command and ``argmap questions`` on the seed map and on Argdown rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.schemes import schemes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin_has_no_time_left.json"


def test_list_every_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(schemes()))
    assert "Argument from expert opinion (expert_opinion): 6 questions" in lines


def test_json_lists_every_scheme_with_its_questions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data] == [s.id for s in schemes()]
    assert all(d["questions"] for d in data)
    expert = next(d for d in data if d["id"] == "expert_opinion")
    assert expert["name"] == "Argument from expert opinion"
    assert "ExpertOpinion" in expert["aliases"]
    assert expert["premises"][0] == "{E} is an expert in {D}."
    assert expert["roles"][0] == {
        "key": "E",
        "means": "the expert",
        "agent": True,
        "claim": None,
        "speaker": 2,
        "fallback": None,
    }
    assert [q["type"] for q in expert["questions"]].count("exception") == 2


def test_search_by_name_alias_or_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes", "ad baculum"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Argument from threat (threat)\n  also called: Threat, ad_baculum")
    assert "  premise: If you do not bring about A, then consequence B will occur." in out
    assert "  where A = what is demanded; B = the threatened consequence" in out
    assert "  1. [assumption] Is the threat of B credible" in out
    assert main(["schemes", "slippery", "--json"]) == 0
    ids = [d["id"] for d in json.loads(capsys.readouterr().out)]
    assert ids == [
        "precedent_slippery_slope",
        "slippery_slope",
        "sorites_slippery_slope",
        "verbal_slippery_slope",
    ]
    assert main(["schemes", "expert"]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if line and not line.startswith(" ")]
    assert "Argument from expert opinion (expert_opinion)" in heads and len(heads) >= 2


def test_search_without_a_match_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes", "expret opinion"]) == 1
    err = capsys.readouterr().err
    assert err.strip().endswith(
        "no scheme matches 'expret opinion'; did you mean Argument from expert opinion?"
    )
    assert main(["schemes", "zzzz"]) == 1
    assert capsys.readouterr().err.strip().endswith("no scheme matches 'zzzz'")


def test_questions_on_the_seed_map_have_no_bare_variables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Argument 15 (s-threat): Argument from threat" in out
    assert "practical_reasoning2" not in out and "ad_baculum" not in out
    questions = [line for line in out.splitlines() if re.match(r"  \d+\. \[", line)]
    assert len(questions) == 35
    for line in questions:
        outside = re.sub(r"“[^”]*”", " ", line)
        assert not re.search(r"(?<![\w.’'])[A-HJ-Z][0-9]?(?![\w’'])|\{", outside), line


def test_questions_resolve_argdown_rule_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "a.argdown"
    doc.write_text(
        "<Bridge>: b\n\n(1) We want a short commute.\n(2) A bridge would shorten it.\n"
        "-- practical reasoning --\n(3) We should build a bridge.\n",
        encoding="utf-8",
    )
    assert main(["questions", str(doc)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Argument 1 (bridge): Practical reasoning\n  1. [exception] Are there other goals")
    assert "“We want a short commute”" in out
