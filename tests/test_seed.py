"""The seed article's map: anchoring, coverage, headline inferences, speakers and shipping."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import networkx as nx
import pytest

import argmap
from argmap.exceptions import ArgmapError
from argmap.model import INFERENCE, ArgumentMap
from argmap.readwrite.native import native_data, read_native
from argmap.schemes import resolve_scheme
from argmap.seed import SEED_NAME, seed_map, seed_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "build_seed_map.py"
SEED_JSON = ROOT / "seeds" / f"{SEED_NAME}.json"

REITEROVICH = "political scientist Igor Reiterovich"

# The article, cut into its lines of metadata and its sentences, in order.
METADATA = ["5- 3.01.2025, 11:22", "- 10,140"]
SENTENCES = [
    "‘Putin Has No Time Left’",
    "That's why the Kremlin is raising the stakes as much as possible.",
    "The Kremlin continues to raise the stakes when it uses the Oreshnik ballistic missile or when Sergey "
    "Lavrov says that Russia is not satisfied with the “peace plan” of Donald Trump's team.",
    "This is how the Russians are preparing for possible negotiations.",
    "Political scientist Igor Reiterovich told “Channel 24” that Russia continues to insist that it does "
    "not need any truces.",
    "It wants to conclude a peace agreement, not even with Ukraine, but with the United States on the "
    "division of spheres of influence, guarantees like those that Kyiv will not join NATO.",
    "The Kremlin has raised the stakes as much as possible",
    "“The Russians will spin this thesis not even until January 20, but even longer, because real movement "
    "towards negotiations may begin when Donald Trump is inaugurated and his team presents a real peace "
    "plan,” the political scientist explained.",
    "The White House will first address this plan to Ukraine and European countries, and after certain "
    "consultations will have contact with Russia.",
    "Since nothing like this is happening now, Russia, according to him, is filling the information space "
    "with itself, throwing in its own narratives.",
    "And when the negotiations begin, they plan to start from the positions that they voiced in advance.",
    "“Putin plans to reduce the stakes after this and present this as certain “concessions” on the part of "
    "Russia,” Reiterovich noted.",
    "Now the Kremlin has raised the stakes as much as possible, and it remains, according to the political "
    "scientist, to actually use, for example, tactical nuclear weapons or conduct nuclear tests on Russian "
    "territory.",
    "Putin may also recall the Oreshnik or even use it again.",
    "However, it is unclear how many more of these systems Russia has.",
    "According to experts, the Russians have only 2 Oreshnik systems, and there were 3-4 units in total, and "
    "the launch on Ukrainian territory on November 21, 2024 was the second.",
    "The first missile fell somewhere, not reaching its target.",
    "However, since the Oreshnik strike did not make the impression the Kremlin was counting on, it is "
    "coming up with the thesis that “Russia will fight as long as necessary” and will supposedly be able to "
    "achieve its goals.",
    "“Putin’s problem is that he has limited time and does not have many years in reserve to implement a "
    "gradual policy.",
    "He needs to get some results quickly, but he does not have the resources for this,” Igor Reiterovich "
    "emphasized.",
    "Therefore, he is raising the stakes and blackmailing, seeking support among European countries.",
    "Putin thinks, the political scientist added, that in this way he will force the West and Ukraine to sit "
    "down with him at the negotiating table on his terms.",
]
# Every sentence is argumentative; at least this share of its characters lies under claim spans.
MIN_COVERAGE = 0.5

SPEAKERS = {
    "no-time-left": REITEROVICH,
    "no-truces": REITEROVICH,
    "wants-deal-with-us": REITEROVICH,
    "thesis-beyond-january-20": REITEROVICH,
    "talks-after-inauguration": REITEROVICH,
    "filling-information-space": REITEROVICH,
    "reduce-stakes-as-concessions": REITEROVICH,
    "only-nuclear-steps-left": REITEROVICH,
    "limited-time": REITEROVICH,
    "needs-quick-results": REITEROVICH,
    "no-resources": REITEROVICH,
    "blackmail": REITEROVICH,
    "only-two-oreshniks": "experts",
    "first-missile-fell-short": "experts",
    "lavrov-rejects-plan": "Sergey Lavrov",
    "fight-as-long-as-necessary": "the Kremlin",
}


def _load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_seed_map", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built() -> ArgumentMap:
    m: ArgumentMap = _load_example().build()
    return m


@pytest.fixture(scope="module")
def shipped() -> ArgumentMap:
    return seed_map()


def _sentence_spans(source: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for sentence in SENTENCES:
        start = source.index(sentence, pos)
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


def _covered(m: ArgumentMap) -> set[int]:
    covered: set[int] = set()
    for c in m.claims():
        span = m[c]["span"]
        if span is not None:
            covered.update(range(*span))
    return covered


# -- the article ----


def test_seed_text_is_the_article() -> None:
    text = seed_text()
    assert text == (ROOT / "seeds" / f"{SEED_NAME}.txt").read_text(encoding="utf-8")
    shared = ROOT.parent / "shared" / "seeds" / f"{SEED_NAME}.txt"
    if shared.is_file():
        assert text == shared.read_text(encoding="utf-8")


def test_sentence_list_is_the_whole_article() -> None:
    text = seed_text()
    parts = [SENTENCES[0], *METADATA, *SENTENCES[1:]]
    assert "".join("".join(parts).split()) == "".join(text.split())
    assert len(_sentence_spans(text)) == len(SENTENCES)


# -- anchoring ----


def test_every_quote_is_verbatim_and_unique(shipped: ArgumentMap) -> None:
    source = seed_text()
    assert shipped.source == source
    for c in shipped.claims():
        quote, span = shipped[c]["quote"], shipped[c]["span"]
        if quote is None:
            assert span is None, c
            continue
        assert source.count(quote) == 1, c
        assert span == (source.index(quote), source.index(quote) + len(quote)), c
        assert shipped.quote_text(c) == quote


def test_explicit_and_implicit_claims(shipped: ArgumentMap) -> None:
    for c in shipped.claims():
        d = shipped[c]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c), c
        assert d["text"][0].isupper() and d["text"].rstrip("”").endswith("."), c
        if d["implicit"]:
            assert d["quote"] is None and d["speaker"] is None, c
            assert "warrant" in d["tags"], c
            assert shipped.inferences_from(c), f"implicit premise {c} supports nothing"
        else:
            assert d["quote"] is not None, c


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_every_argumentative_sentence_is_covered(shipped: ArgumentMap, index: int) -> None:
    start, end = _sentence_spans(seed_text())[index]
    covered = _covered(shipped)
    share = len(covered & set(range(start, end))) / (end - start)
    assert share >= MIN_COVERAGE, (SENTENCES[index], share)


def test_metadata_lines_are_not_claims(shipped: ArgumentMap) -> None:
    source = seed_text()
    covered = _covered(shipped)
    for line in METADATA:
        start = source.index(line)
        assert not covered & set(range(start, start + len(line))), line


def test_sections_follow_the_heading(shipped: ArgumentMap) -> None:
    heading = seed_text().index("The Kremlin has raised the stakes as much as possible")
    sections = {shipped[c]["section"] for c in shipped.claims()}
    assert sections == {"Putin Has No Time Left", "The Kremlin has raised the stakes as much as possible"}
    for c in shipped.claims():
        span = shipped[c]["span"]
        if span is not None:
            assert (span[0] >= heading) == (shipped[c]["section"] != "Putin Has No Time Left"), c


# -- the analysis ----


def test_main_thesis(shipped: ArgumentMap) -> None:
    main = [c for c in shipped.claims() if shipped[c]["thesis"]]
    assert main == ["raising-the-stakes"]
    (lede,) = shipped.inferences_to("raising-the-stakes")
    assert shipped.premises(lede) == ("no-time-left",)
    assert shipped.quote_text("no-time-left") == "Putin Has No Time Left"
    restated = {
        shipped.conclusion(r) for r in shipped.rephrases() if shipped.premises(r) == ("raising-the-stakes",)
    }
    assert {"blackmail", "stakes-at-maximum", "keeps-raising-stakes"} <= restated


@pytest.mark.parametrize(
    ("inference", "conclusion", "explicit"),
    [
        ("s-negotiating-posture", "preparing-for-negotiations", {"keeps-raising-stakes"}),
        ("s-time-pressure", "blackmail", {"limited-time", "no-resources"}),
    ],
)
def test_headline_inferences(
    shipped: ArgumentMap, inference: str, conclusion: str, explicit: set[str]
) -> None:
    assert shipped.kind(inference) == INFERENCE
    assert shipped.conclusion(inference) == conclusion
    premises = shipped.premises(inference)
    implicit = [p for p in premises if shipped[p]["implicit"]]
    assert len(implicit) >= 2
    assert explicit <= {p for p in premises if not shipped[p]["implicit"]}
    assert shipped[inference]["scheme"] is not None


def test_schemes_are_in_the_catalogue(shipped: ArgumentMap) -> None:
    used = {shipped[s]["scheme"] for s in shipped.inferences()} - {None}
    assert used and all(resolve_scheme(s) is not None for s in used)
    assert resolve_scheme(shipped["s-negotiating-posture"]["scheme"]) == "abduction"
    assert "practical_reasoning" in str(resolve_scheme(shipped["s-time-pressure"]["scheme"]))


def test_counter_considerations(shipped: ArgumentMap) -> None:
    attacks = {
        a: (shipped.attackers(a), shipped.target(a), shipped[a]["attack_type"]) for a in shipped.conflicts()
    }
    by = {attacker: (target, kind) for attackers, target, kind in attacks.values() for attacker in attackers}
    assert by["oreshnik-no-impression"] == ("s-threat", "undercut")
    assert by["first-missile-fell-short"] == ("s-oreshnik", "undercut")
    assert by["oreshnik-stock-unclear"] == ("oreshnik-again", "rebut")
    assert by["limited-time"] == ("fight-as-long-as-necessary", "rebut")
    for _, target, kind in attacks.values():
        assert (kind == "undercut") == (shipped.kind(target) == INFERENCE)
    assert shipped.premises("s-experts") == ("only-two-oreshniks",)
    assert shipped["s-experts"]["scheme"] == "expert_opinion"


def test_speakers(shipped: ArgumentMap) -> None:
    for claim, speaker in SPEAKERS.items():
        assert shipped[claim]["speaker"] == speaker, claim
    speakers = {shipped[c]["speaker"] for c in shipped.claims()}
    assert speakers == {*SPEAKERS.values(), "Putin (as reported by Igor Reiterovich)", None}
    # a sentence that names the political scientist is his
    source = seed_text()
    for c in shipped.claims():
        span = shipped[c]["span"]
        if span is None:
            continue
        line_end = source.find("\n", span[1])
        line = source[source.rfind("\n", 0, span[0]) + 1 : line_end if line_end != -1 else len(source)]
        if (
            re.search(r"Reiterovich|political scientist|according to him", line)
            and shipped[c]["speaker"] is None
        ):
            pytest.fail(f"{c} is in a sentence reporting Reiterovich but has no speaker")


def test_the_map_is_one_argument(shipped: ArgumentMap) -> None:
    assert nx.is_weakly_connected(shipped.graph)


# -- shipping ----


def test_json_equals_build(built: ArgumentMap, shipped: ArgumentMap) -> None:
    assert shipped == built
    assert json.loads(SEED_JSON.read_text(encoding="utf-8")) == native_data(built)
    assert read_native(SEED_JSON) == built


def test_validate_passes(shipped: ArgumentMap) -> None:
    shipped.validate()


def test_seed_map_is_exported_and_fresh(shipped: ArgumentMap) -> None:
    assert argmap.seed_map is seed_map
    again = seed_map()
    assert again == shipped and again is not shipped


def test_missing_seed_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import argmap.seed

    monkeypatch.setattr(argmap.seed, "_PLACES", (tmp_path,))
    with pytest.raises(ArgmapError, match="is missing"):
        seed_map()


@pytest.mark.exe
def test_seed_builder_draws_the_whole_map(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "-o", "seed.svg", "--json", "seed.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "drew seed.svg" in done.stdout
    svg = ElementTree.parse(tmp_path / "seed.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    ids = {element.get("id") for element in svg.iter()}
    assert set(seed_map()) <= ids
    texts = " ".join(t for element in svg.iter() for t in [element.text] if t)
    assert "Putin has no time left." in texts
    assert (tmp_path / "seed.json").read_bytes() == SEED_JSON.read_bytes()
