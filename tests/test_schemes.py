"""The scheme catalogue (argmap.schemes): integrity, lookup by name or alias, did-you-mean, spelling."""

from __future__ import annotations

import json
import re
import tomllib
import warnings
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spellchecker import SpellChecker

import argmap.schemes as catalogue
from argmap.exceptions import ArgmapError, UnknownSchemeError
from argmap.readwrite.argdown import parse_argdown
from argmap.schemes import (
    CONCLUSION,
    get_scheme,
    normalise_name,
    placeholders,
    resolve_scheme,
    scheme_name,
    schemes,
    slot_number,
)

DATA = resources.files("argmap").joinpath("data/schemes")
WORDS = Path(__file__).parent / "data" / "scheme_words.txt"

OLD_IDS = [
    line
    for line in (Path(__file__).parent / "data" / "old_scheme_ids.txt").read_text().splitlines()
    if line and not line.startswith("#")
]

# Names that corpora put on relation nodes but that name no argumentation scheme: AIF's defaults
# and node types, AIFdb's illocutionary (YA) schemes, SADFace's kinds, and deductive rules.
NON_SCHEMES = frozenset(
    {
        "RA",
        "CA",
        "MA",
        "PA",
        "TA",
        "YA",
        "Default Inference",
        "Default Conflict",
        "Default Rephrase",
        "Default Preference",
        "Default Transition",
        "Asserting",
        "Arguing",
        "Agreeing",
        "Disagreeing",
        "Challenging",
        "Questioning",
        "Pure Questioning",
        "Assertive Questioning",
        "Rhetorical Questioning",
        "Popular Conceding",
        "Restating",
        "support",
        "conflict",
        "attack",
        "rephrase",
        "Inference Rule 1, Inference Rule 2",
        # deductive rules, as the Argdown documentation's examples name them
        "Modus Ponens",
        "Modus ponens",
        "Modus ponens (twice)",
        "Modus Ponens, Specification",
        "Specification, Modus ponens",
        "Some rule",
        "Some inference rule (Some additional info: 1, 2)",
        "Some inference rule: p ∧ (p → q) → q",
        "Transitivity of subjunction/causality",
        "Universal instantiation of 2-5 to the housing market, Modus ponens",
        "Universal instantiation, Modus Ponens",
        "Universal instantiation, Modus ponens",
    }
)

# Walton's names for the six critical questions of argument from expert opinion (1997, ch. 7).
EXPERT_QUESTIONS = ["expertise", "field", "opinion", "trustworthiness", "consistency", "backup_evidence"]


def test_catalogue_size_and_order() -> None:
    all_schemes = list(schemes())
    assert len(all_schemes) >= 60
    assert [s.id for s in all_schemes] == sorted(s.id for s in all_schemes)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", s.id) for s in all_schemes)


def test_every_scheme_is_complete() -> None:
    for s in schemes():
        assert s.name and s.name[0].isupper() and s.source and s.group, s.id
        assert s.premises and s.conclusion, s.id
        assert s.questions, s.id
        keys = [q.key for q in s.questions]
        assert len(set(keys)) == len(keys), s.id
        roles = [r.key for r in s.roles]
        in_slots = {k for t in (*s.premises, s.conclusion) for k in placeholders(t)}
        assert set(roles) == in_slots, s.id
        for r in s.roles:
            assert r.means and not r.means[0].isupper(), (s.id, r.key)
            if r.claim is not None:
                assert r.key in placeholders(s.slot(r.claim)), (s.id, r.key)
            assert r.speaker is None or r.agent, (s.id, r.key)
        for q in s.questions:
            assert q.ask.endswith("?"), (s.id, q.key)
            assert q.type in ("exception", "assumption")
            assert (q.states is not None) == (q.type == "assumption"), (s.id, q.key)
            assert q.states is None or q.states.endswith("."), (s.id, q.key)
        assert len(s.cues) in (0, len(s.premises)), s.id


def test_standard_schemes_have_their_full_question_sets() -> None:
    expert = get_scheme("expert_opinion")
    assert [q.key for q in expert.questions] == EXPERT_QUESTIONS
    assert [q.type for q in expert.questions] == ["assumption"] * 3 + ["exception"] * 2 + ["assumption"]
    assert len(get_scheme("practical_reasoning").questions) == 5
    assert len(get_scheme("value_based_practical_reasoning").questions) == 7
    assert len(get_scheme("position_to_know").questions) == 3
    assert len(get_scheme("witness_testimony").questions) == 5
    for sid in ("positive_consequences", "negative_consequences", "consequences"):
        assert len(get_scheme(sid).questions) == 3
    counts = Counter(q.type for s in schemes() for q in s.questions)
    assert counts["exception"] > 50 and counts["assumption"] > 50


def test_the_schemes_people_use_most_are_there() -> None:
    wanted = (
        "expert opinion, position to know, witness testimony, popular opinion, popular practice, analogy, "
        "precedent, example, verbal classification, definition to verbal classification, cause to effect, "
        "effect to cause, correlation to cause, sign, abduction, evidence to hypothesis, "
        "practical reasoning, value-based practical reasoning, positive consequences, "
        "negative consequences, values, fear appeal, "
        "threat, ad baculum, waste, sunk costs, slippery slope, commitment, inconsistent commitment, "
        "ad hominem, circumstantial ad hominem, bias, ignorance, established rule, exceptional case, "
        "gradualism, rules, alternatives"
    )
    for name in wanted.split(", "):
        assert resolve_scheme(name) is not None, name


def test_names_and_aliases_are_unique_across_schemes() -> None:
    owner: dict[str, str] = {}
    for s in schemes():
        for name in (s.id, s.name, *s.aliases):
            key = normalise_name(name)
            assert key, (s.id, name)
            assert owner.setdefault(key, s.id) == s.id, (name, s.id, owner[key])
            assert resolve_scheme(name) == s.id
        assert resolve_scheme(scheme_name(s.id)) == s.id


def test_the_data_file_is_reviewable_and_licensed() -> None:
    text = DATA.joinpath("catalogue.toml").read_text(encoding="utf-8")
    assert "MIT" in text.split("[[scheme]]", 1)[0]
    raw = tomllib.loads(text)["scheme"]
    assert [s["id"] for s in raw] != sorted(s["id"] for s in raw)  # grouped by family, as written
    assert "NOTICE" in text and "Kurtuldu" in DATA.joinpath("NOTICE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("old", OLD_IDS)
def test_ids_of_the_old_catalogue_resolve(old: str) -> None:
    assert resolve_scheme(old) is not None


def test_seed_map_schemes_resolve() -> None:
    from argmap.seed import seed_map

    m = seed_map()
    named = {str(m[i]["scheme"]) for i in m.inferences() if m[i].get("scheme")}
    assert {"practical_reasoning2", "abduction", "ad_baculum", "expert_opinion"} <= named
    assert {resolve_scheme(n) for n in named} >= {"practical_reasoning", "abduction", "threat"}


@pytest.mark.parametrize(
    ("name", "sid"),
    [
        ("expert_opinion", "expert_opinion"),
        ("ExpertOpinion", "expert_opinion"),
        ("Expert Opinion", "expert_opinion"),
        ("  argument FROM expert-opinion ", "expert_opinion"),
        ("Argument From Expert Opinion", "expert_opinion"),
        ("appeal to expert opinion", "expert_opinion"),
        ("practical reasoning", "practical_reasoning"),
        ("Practical_Reasoning", "practical_reasoning"),
        ("PracticalReasoning", "practical_reasoning"),
        ("Argument from an established rule", "established_rule"),
        ("Slippery slope argument", "slippery_slope"),
        ("Argument from Sign", "sign"),
        ("Value Based Practical Reasoning", "value_based_practical_reasoning"),
        ("opposition-descriptive_3", "opposition"),
        ("ad baculum", "threat"),
    ],
)
def test_lookup_ignores_case_spacing_punctuation_and_prefixes(name: str, sid: str) -> None:
    assert resolve_scheme(name) == sid
    assert get_scheme(name).id == sid


def test_unknown_names_and_did_you_mean() -> None:
    with pytest.raises(UnknownSchemeError, match=r"did you mean Argument from expert opinion\?") as info:
        get_scheme("expret opinion")
    assert isinstance(info.value, ArgmapError)
    assert isinstance(info.value, LookupError)
    assert info.value.name == "expret opinion"
    assert info.value.suggestions[0] == "Argument from expert opinion"
    with pytest.raises(UnknownSchemeError) as info:
        get_scheme("zzzz qqqq")
    assert info.value.suggestions == ()
    assert str(info.value) == "no scheme is called 'zzzz qqqq'"


def test_suggestions_for_near_misses() -> None:
    for typo, name in [
        ("practicle reasoning", "Practical reasoning"),
        ("slipery slope", "Slippery slope argument"),
        ("cause to efect", "Argument from cause to effect"),
        ("analogie", "Argument from analogy"),
    ]:
        with pytest.raises(UnknownSchemeError) as info:
            get_scheme(typo)
        assert name in info.value.suggestions, (typo, info.value.suggestions)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("practical_reasoning2", "Practical reasoning"),
        ("abduction", "Abductive argument"),
        ("ad_baculum", "Argument from threat"),
        ("CauseToEffect", "Argument from cause to effect"),
        ("my_own_scheme", "My own scheme"),
        ("MyOwnScheme", "My own scheme"),
        ("NATO_rule", "NATO rule"),
        ("modus ponens", "Modus ponens"),
        ("Default Inference", "Default inference"),
        ("", ""),
    ],
)
def test_scheme_name_is_never_a_raw_id(name: str, shown: str) -> None:
    assert scheme_name(name) == shown


@given(st.text(max_size=300))
def test_lookup_never_fails_unexpectedly(name: str) -> None:
    sid = resolve_scheme(name)
    assert sid is None or get_scheme(name).id == sid
    shown = scheme_name(name)
    assert "_" not in shown or "_" in name.strip("_")


def test_fill_and_slots() -> None:
    s = get_scheme("cause_to_effect")
    assert s.fill(s.conclusion) == "In this case, B will (or might) occur."
    assert s.slot(CONCLUSION) == s.conclusion and s.slot(2) == s.premises[1]
    assert slot_number("premise12") == 12 and slot_number("premise0") is None
    assert s.fill("{premise1} and {conclusion}") == "Premise 1 and the conclusion"


def test_bad_catalogue_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    good = {
        "id": "x",
        "name": "X",
        "group": "g",
        "source": "s",
        "premises": ["{A} holds."],
        "conclusion": "{A}.",
        "roles": {"A": {"means": "the claim", "claim": "conclusion"}},
        "questions": [{"key": "k", "type": "exception", "ask": "Is {A} so?"}],
    }
    assert catalogue._scheme(good).roles[0].claim == CONCLUSION
    for change, message in [
        ({"questions": [{"key": "k", "type": "doubt", "ask": "?"}]}, "has type 'doubt'"),
        ({"questions": [{"key": "k", "type": "assumption", "ask": "?"}]}, "does not say what it assumes"),
        ({"conclusion": "{B}."}, r"undeclared roles \['B'\]"),
        ({"roles": {"A": {"means": "m", "claim": 3}}}, "a slot is 'conclusion' or a premise number 1..1"),
    ]:
        with pytest.raises(ValueError, match=message):
            catalogue._scheme({**good, **change})


# -- names in real corpora ------------------------------------------------------------------------


def _corpus_scheme_names(root: Path) -> Counter[str]:
    names: Counter[str] = Counter()
    for path in sorted(root.rglob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        except ValueError:
            continue
        nodes = doc.get("nodes", []) if isinstance(doc, dict) else []
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict):
                continue
            if node.get("type") == "RA":
                for key in ("scheme", "text"):
                    if isinstance(node.get(key), str) and node[key].strip():
                        names[node[key]] += 1
            elif node.get("type") == "scheme" and isinstance(node.get("name"), str):
                names[node["name"]] += 1
    for path in sorted(root.rglob("*.argdown")):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m = parse_argdown(path.read_text(encoding="utf-8"))
        except ArgmapError:
            continue
        for i in m.inferences():
            if m[i].get("scheme"):
                names[str(m[i]["scheme"])] += 1
    return names


def test_every_corpus_scheme_name_resolves_or_is_a_known_non_scheme(corpora: Path) -> None:
    names = _corpus_scheme_names(corpora)
    assert sum(names.values()) > 700
    unresolved = sorted(n for n in names if resolve_scheme(n) is None and n not in NON_SCHEMES)
    assert unresolved == []
    resolved = {n: resolve_scheme(n) for n in names if resolve_scheme(n)}
    assert resolved["ExpertOpinion"] == resolved["Expert Opinion"] == "expert_opinion"
    assert len(set(resolved.values())) >= 17


# -- spelling -------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")


def _catalogue_words() -> list[tuple[str, str]]:
    """(scheme id, word) for every word we wrote: names, templates, questions, notes, sources."""
    out = []
    for s in schemes():
        texts = [s.name, *s.premises, s.conclusion, s.note or "", s.source]
        texts += [r.means for r in s.roles] + [r.fallback or "" for r in s.roles]
        texts += [q.ask for q in s.questions] + [q.states or "" for q in s.questions]
        for text in texts:
            plain = re.sub(r"\{[^}]*\}", " ", text)
            out += [(s.id, w) for w in _WORD.findall(plain) if len(w) > 1 and not w.isupper()]
    return out


def _project_words() -> set[str]:
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    return {w.strip().lower() for w in lines if w.strip() and not w.startswith("#")}


def test_catalogue_spelling() -> None:
    checker = SpellChecker(language="en", distance=1)
    checker.word_frequency.load_words(_project_words())
    words = _catalogue_words()
    unknown = checker.unknown({w.lower() for _, w in words})
    misspelt = sorted({(sid, w) for sid, w in words if w.lower() in unknown})
    assert misspelt == []


def test_the_spelling_check_catches_typos() -> None:
    checker = SpellChecker(language="en", distance=1)
    checker.word_frequency.load_words(_project_words())
    typos = {"effecient", "brin", "commined", "recieves", "arguement", "consequnces"}
    assert checker.unknown(typos | {"efficient", "argument"}) == typos


def test_the_project_word_list_has_no_unused_words() -> None:
    plain = SpellChecker(language="en", distance=1)
    used = {w.lower() for _, w in _catalogue_words()}
    needed = plain.unknown(used)
    assert _project_words() - needed == set()
