"""Argdown: the syntax users write, errors with positions, hostile input, and round trips."""

from __future__ import annotations

import contextlib
import io
import re
import string
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps

import argmap
from argmap import ArgdownSyntaxError, ArgumentMap, generate_argdown, parse_argdown
from argmap.exceptions import MalformedPartWarning
from argmap.readwrite import argdown as argdown_module
from argmap.readwrite._argdown_parse import MAX_DEPTH
from argmap.readwrite.aif import write_aif
from argmap.readwrite.argdown import read_argdown, write_argdown
from argmap.readwrite.native import write_native


def roundtrip(m: ArgumentMap) -> ArgumentMap:
    return parse_argdown("".join(generate_argdown(m)))


def test_module_exports_exactly_its_four_names() -> None:
    assert sorted(argdown_module.__all__) == [
        "generate_argdown",
        "parse_argdown",
        "read_argdown",
        "write_argdown",
    ]
    for name in ("parse_argdown", "generate_argdown"):
        assert getattr(argmap, name) is getattr(argdown_module, name)


# -- syntax ------------------------------------------------------------------------------


def test_statements_titles_references_and_equivalence_classes() -> None:
    m = parse_argdown("[Rain]: It rains.\n\n[Rain]: It is raining.\n\nSomething untitled.\n\n[Rain]\n")
    assert sorted(m.claims()) == ["rain", "something-untitled"]
    assert m["rain"]["text"] == "It is raining."  # the last definition is canonical
    assert m["rain"]["meta"] == {"argdown": {"title": "Rain"}}
    assert m["something-untitled"]["meta"] == {"argdown": {"untitled": True}}


def test_referenced_but_undefined_statement_takes_its_title_as_text() -> None:
    m = parse_argdown("[Back to the future]")
    assert m["back-to-the-future"]["text"] == "Back to the future"


@pytest.mark.parametrize(
    ("symbol", "kind", "source", "target"),
    [
        ("+", "inference", "b", "a"),
        ("<+", "inference", "b", "a"),
        ("+>", "inference", "a", "b"),
        ("-", "conflict", "b", "a"),
        ("<-", "conflict", "b", "a"),
        ("->", "conflict", "a", "b"),
        ("><", "conflict", "a", "b"),
        ("_>", "conflict", "a", "b"),
    ],
)
def test_relation_symbols(symbol: str, kind: str, source: str, target: str) -> None:
    m = parse_argdown(f"[A]: Apples.\n  {symbol} [B]: Bananas.")
    (rel,) = m.relations()
    assert m.kind(rel) == kind
    assert m.premises(rel) == (source,)
    assert m.conclusion(rel) == target
    expected = {"><": "contradictory", "_>": "undercut"}.get(symbol)
    assert m[rel]["meta"].get("argdown", {}).get("relation") == expected


def test_nested_relation_trees() -> None:
    m = parse_argdown("[A]: a\n  + [B]: b\n    - [C]: c\n      + [D]: d\n  - [E]: e\n")
    pairs = sorted((m.kind(r)[0], m.premises(r)[0], m.conclusion(r)) for r in m.relations())
    assert pairs == [("c", "c", "b"), ("c", "e", "a"), ("i", "b", "a"), ("i", "d", "c")]


def test_argument_with_pcs_is_an_inference_with_linked_premises() -> None:
    m = parse_argdown(
        "<Socrates>: He is mortal.\n\n(1) [Man]: Socrates is a man.\n(2) All men are mortal.\n"
        "-- modus ponens {certainty: high} --\n(3) [Mortal]: Socrates is mortal.\n"
    )
    assert m.premises("socrates") == ("man", "all-men-are-mortal")
    assert m.conclusion("socrates") == "mortal"
    d = m["socrates"]
    assert d["scheme"] == "modus ponens"
    assert d["meta"] == {
        "certainty": "high",
        "argdown": {"title": "Socrates", "description": "He is mortal."},
    }


def test_intermediate_conclusions_and_uses() -> None:
    m = parse_argdown("<A>\n\n(1) p1\n(2) p2\n----\n(3) c1\n(4) p3\n-- {uses: [1, 4]} --\n(5) c2\n")
    steps = {m.conclusion(s): m.premises(s) for s in m.inferences()}
    assert steps == {"c1": ("p1", "p2"), "c2": ("p1", "p3")}
    intermediate = next(s for s in m.inferences() if m.conclusion(s) == "c1")
    assert m[intermediate]["meta"]["argdown"] == {"argument": "A", "step": 1}


def test_argument_without_pcs_is_a_claim_marked_as_argument() -> None:
    m = parse_argdown("[T]: A thesis.\n  + <Arg>: An argument for it.")
    assert m["arg"]["text"] == "An argument for it."
    assert m["arg"]["meta"]["argdown"]["argument"] is True
    (s,) = m.inferences()
    assert (m.premises(s), m.conclusion(s)) == (("arg",), "t")


def test_undercuts_target_inferences() -> None:
    m = parse_argdown(
        "<A>\n\n(1) p\n----\n  <_ [U]: The rule does not apply.\n(2) c\n\n<B>\n\n(1) q\n----\n(2) d\n\n"
        "[X]: x\n  _> <B>\n\n<A>\n  - [Y]: y\n"
    )
    types = {m.attackers(c)[0]: (m[c]["attack_type"], m.target(c)) for c in m.conflicts()}
    assert types == {"u": ("undercut", "a"), "x": ("undercut", "b"), "y": ("undercut", "a")}
    y = next(c for c in m.conflicts() if m.attackers(c) == ("y",))
    assert m[y]["meta"] == {"argdown": {"relation": "attack"}}


def test_relation_from_reconstructed_argument_starts_at_its_conclusion() -> None:
    m = parse_argdown("<A>\n\n(1) p\n----\n(2) c\n\n<A>\n  +> [T]: t\n")
    support = next(s for s in m.inferences() if m.conclusion(s) == "t")
    assert m.premises(support) == ("c",)


def test_headings_tags_data_and_front_matter() -> None:
    text = (
        "===\ntitle: Fruit\nmodel:\n  removeTagsFromText: false\n===\n\n# Apples {isGroup: true}\n\n"
        "[A]: Apples are #(very good) fruit. #healthy {color: red}\n\n## Pears\n\n[P]: Pears.\n"
    )
    m = parse_argdown(text)
    assert m.title == "Fruit"
    assert m.meta == {"model": {"removeTagsFromText": False}}
    a = m["a"]
    assert (a["text"], a["tags"], a["section"]) == ("Apples are fruit.", ("very good", "healthy"), "Apples")
    assert a["meta"] == {"color": "red", "argdown": {"title": "A"}}
    assert m["p"]["section"] == "Pears"


def test_comments_and_inline_formatting_are_text() -> None:
    m = parse_argdown(
        "// a line comment\n[A]: A **bold** and _italic_ claim /* hidden */ with a [link](http://x.org)"
        " and a \\#hash .~. <!-- gone -->\n"
    )
    assert m["a"]["text"] == "A bold and italic claim with a link and a #hash ¬"


def test_crlf_and_bom() -> None:
    assert parse_argdown("\ufeff[A]: a\r\n  + [B]: b\r\n") == parse_argdown("[A]: a\n  + [B]: b\n")


@pytest.mark.parametrize("doc", ["", "\n\n", "// only a comment\n", "===\ntitle: Nothing\n===\n\n"])
def test_a_document_without_elements_is_rejected_as_by_the_reference(doc: str) -> None:
    with pytest.raises(ArgdownSyntaxError, match="no statement, argument or heading"):
        parse_argdown(doc)


def test_a_heading_alone_is_a_document() -> None:
    assert len(parse_argdown("# Nothing yet\n")) == 0


@pytest.mark.parametrize("m", [ArgumentMap(), ArgumentMap(title="Empty", source="Nothing to see.")])
def test_a_map_without_claims_is_written_as_a_heading(m: ArgumentMap) -> None:
    text = "".join(generate_argdown(m))
    assert text.rstrip().endswith(f"# {argdown_module.EMPTY_HEADING}")
    assert parse_argdown(text) == m


def test_read_and_write_paths_and_files(tmp_path: Path) -> None:
    m = parse_argdown("[A]: a\n  - [B]: b\n")
    path = tmp_path / "m.argdown"
    write_argdown(m, path)
    assert read_argdown(path) == m
    assert read_argdown(str(path)) == m
    buf = io.StringIO()
    write_argdown(m, buf)
    assert read_argdown(io.StringIO(buf.getvalue())) == m
    assert not list(tmp_path.glob(".*.tmp"))


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("[A]: a\n  + [B]: b\n[C]: c", 3, 1, "empty line before a new element"),
        ("text\n(1) premise\n----\n(2) c", 2, 1, "empty line"),
        ("(1) p\n----", 2, 5, "line break after the inference"),
        ("(1) p\n(2) c", 2, 6, "inference line"),
        ("<A>\n\n(1) p\n----\n(2) c\n\n<A>\n\n(1) q\n----\n(2) d", 9, 1, "more than one"),
        ("[A]: a {b: [}", 1, 13, "invalid YAML"),
        ("[A]: x\n  + \\", 2, 5, "backslash"),
    ],
)
def test_errors_have_positions_and_context(text: str, line: int, col: int, words: str) -> None:
    with pytest.raises(ArgdownSyntaxError) as info:
        parse_argdown(text)
    err = info.value
    assert words in err.msg
    assert (err.lineno, err.colno) == (line, col)
    context = err.get_context().splitlines()
    assert context[1] == " " * (col - 1) + "^"
    assert isinstance(err, argmap.ArgmapError)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    lines = ["[A0]: a"] + [f"{'  ' * i}+ [A{i}]: a" for i in range(1, 3 * MAX_DEPTH)]
    with pytest.raises(ArgdownSyntaxError, match="nesting deeper"):
        parse_argdown("\n".join(lines))
    with pytest.raises(ArgdownSyntaxError, match="nesting deeper"):
        parse_argdown("[A]: " + "**a " * 5000)


@pytest.mark.parametrize(
    "hostile",
    [
        "{" * 200_000,
        "<!--" * 50_000,
        "/*" * 100_000,
        "[" * 200_000,
        "[a" * 100_000,
        "@[" * 100_000,
        "<a" * 100_000,
        "#(" * 100_000,
        ".a" * 100_000,
        "x\n" + "  " * 100_000 + "+ [y]",
        "===" + "=" * 100_000,
    ],
)
def test_hostile_input_is_fast(hostile: str) -> None:
    start = time.perf_counter()
    with contextlib.suppress(ArgdownSyntaxError):
        parse_argdown(hostile)
    assert time.perf_counter() - start < 5


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from([*"[]<>(){}+-_*#@:.,;/\\=!~ \t\naZ1", "\r", "--", "\n  ", "(1)", "==="]), max_size=60
    ).map("".join)
)
def test_random_text_parses_or_raises_argdown_syntax_error(text: str) -> None:
    try:
        m = parse_argdown(text)
    except ArgdownSyntaxError as exc:
        assert exc.lineno >= 1 and exc.colno >= 1
        return
    m.validate()
    assert roundtrip(m) == m


# -- writing -----------------------------------------------------------------------------------------


def test_generated_text_escapes_what_argdown_would_read_as_syntax() -> None:
    m = ArgumentMap()
    tricky = "Use [brackets], <angles>, {braces}, #hash, *stars*, _under_, a//b, .~. and ===."
    m.claim(tricky, id="t")
    text = "".join(generate_argdown(m))
    assert parse_argdown(text)["t"]["text"] == tricky


def test_seed_map_round_trips() -> None:
    seed = argmap.seed_map()
    assert roundtrip(seed) == seed


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_parse_generate_round_trip(m: ArgumentMap) -> None:
    assert roundtrip(m) == m


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(alphabet=string.ascii_letters + " .,:;!?'\"()-–—éü", min_size=1, max_size=40).filter(
            lambda t: t.strip() != ""
        ),
        min_size=2,
        max_size=6,
    )
)
def test_plain_maps_are_written_without_escape_hatches(texts: list[str]) -> None:
    m = ArgumentMap()
    ids = [m.claim(" ".join(t.split()), id=f"c{i}") for i, t in enumerate(texts)]
    m.support(ids[0], ids[1])
    m.attack(ids[1], ids[-1]) if len(ids) > 2 else None
    text = "".join(generate_argdown(m))
    assert "argmap" not in text
    assert roundtrip(m) == m


# -- what the reference accepts -------------------------------------------------------------

PCS = "<A>\n\n(1) [P]: p\n(2) [Q]: q\n-- {%s} --\n(3) [C]: c"


@pytest.mark.parametrize("data", ['from: ["1"]', "uses: [1]", 'uses: [" 1 "]', "uses: ['1']"])
def test_uses_and_from_take_quoted_numbers(data: str) -> None:
    m = parse_argdown(PCS % data)
    assert m.premises("a") == ("p",)
    assert "uses" not in m["a"]["meta"] and "from" not in m["a"]["meta"]
    assert roundtrip(m) == m


@pytest.mark.parametrize(
    ("data", "premises", "words"),
    [
        ("uses: []", ("p", "q"), "it is empty"),
        ("uses: [1, 7]", ("p",), "7 name(s) no other statement"),
        ("from: [0, 3]", ("p", "q"), "0, 3 name(s)"),
        ("uses: [x, true, 1.5]", ("p", "q"), '"x", true, 1.5'),
    ],
)
def test_uses_that_name_no_premise_stay_as_data_with_a_warning(
    data: str, premises: tuple[str, ...], words: str
) -> None:
    with pytest.warns(argmap.InputWarning, match=r"line 5: argument <A>, conclusion \(3\)") as caught:
        m = parse_argdown(PCS % data)
    assert words in str(caught[0].message)
    assert caught[0].filename == __file__  # the warning points at the caller, not into argmap
    assert m.premises("a") == premises
    assert data.split(":", maxsplit=1)[0] in m["a"]["meta"]
    assert roundtrip(m) == m


def test_a_claim_supporting_itself_is_kept_aside() -> None:
    with pytest.warns(MalformedPartWarning, match="line 4: argument <A>: its inference concludes"):
        m = parse_argdown("<A>\n\n(1) [P]: p\n----\n(2) [P]\n\n<A>\n  - [X]: x")
    assert list(m.inferences()) == []
    assert m.meta["aside"][0]["id"] == "a"
    assert m.target(next(m.conflicts())) == "p"  # an attack on the argument goes to its conclusion
    assert roundtrip(m) == m
    with pytest.warns(MalformedPartWarning, match="dropped from the premises"):
        m = parse_argdown("(1) [P]: p\n(2) q\n----\n(3) [P]")
    assert m.premises(next(m.inferences())) == ("q",)
    with pytest.warns(MalformedPartWarning, match="line 2: claim 'a' supports itself"):
        m = parse_argdown("[A]: a\n  + [A]\n  + [B]: b")
    assert [m.premises(s) for s in m.inferences()] == [("b",)]
    assert roundtrip(m) == m


def _written(m: ArgumentMap) -> None:
    """argmap's own JSON and AIF writers take the map."""
    write_native(m, io.StringIO())
    write_aif(m, io.StringIO())


def test_yaml_keys_that_are_not_strings_become_their_text() -> None:
    text = "===\n1: one\n===\n\n[A]: a {{k: 1}: 2, true: 3, null: 4, 2.5: [x]}"
    with pytest.warns(argmap.InputWarning) as caught:
        m = parse_argdown(text)
    assert [str(w.message).split(" that")[0] for w in caught] == [
        "Argdown data at line 2: 1 key(s)",
        "Argdown data at line 5: 4 key(s)",
    ]
    assert m.meta == {"1": "one"}
    assert {k: v for k, v in m["a"]["meta"].items() if k != "argdown"} == {
        "{k: 1}": 2,
        "true": 3,
        "null": 4,
        "2.5": ["x"],
    }
    _written(m)
    assert roundtrip(m) == m


def test_yaml_values_that_are_not_json_stay_as_written() -> None:
    text = (
        "===\nday: 2020-01-02\nwhen: 2001-12-14t21:59:43.10-05:00\nnan: .nan\ninf: -.inf\n"
        "bin: !!binary aGVsbG8=\nset: !!set {a, b}\npairs: !!pairs [a: 1, a: 2]\nomap: !!omap [b: 1, a: 2]\n"
        "===\n\n[A]: a {at: 2020-01-02}"
    )
    m = parse_argdown(text)
    assert m.meta == {
        "day": "2020-01-02",
        "when": "2001-12-14t21:59:43.10-05:00",
        "nan": ".nan",
        "inf": "-.inf",
        "bin": "aGVsbG8=",
        "set": ["a", "b"],
        "pairs": [["a", 1], ["a", 2]],
        "omap": {"b": 1, "a": 2},
    }
    assert m["a"]["meta"]["at"] == "2020-01-02"
    _written(m)
    assert roundtrip(m) == m


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("[A]: a\n\n[B]: b {x: !foo 1}", 3, 12, "the tag '!foo' is not supported"),
        ("[A]: a {x: &r [1, *r]}", 1, 12, "an alias refers to the value that holds it"),
        ("===\na: &a [1, 2]\nb: [*a, *a, *a]\n===\n\n[A]: a {x: [}", 6, 13, "expected the node content"),
        ("===\nn: " + "9" * 5000 + "\n===\n\n[A]: a", 2, 4, "invalid YAML data"),
        ("[A]: a {x: " + "[" * 40 + "]" * 40 + "}", 1, 43, "nests deeper than 32 levels"),
    ],
)
def test_yaml_errors_point_at_the_yaml(text: str, line: int, col: int, words: str) -> None:
    with pytest.raises(ArgdownSyntaxError) as info:
        parse_argdown(text)
    assert words in info.value.msg
    assert (info.value.lineno, info.value.colno) == (line, col)


def test_yaml_alias_expansion_is_bounded() -> None:
    rows = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    rows += [f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=True)]
    with pytest.raises(ArgdownSyntaxError, match="expands to more than") as info:
        parse_argdown("===\n" + "\n".join(rows) + "\n===\n\n[A]: a")
    assert info.value.lineno == 2  # where the expansion passes the limit
    small = "===\n" + "\n".join(rows[:4]) + "\n===\n\n[A]: a"  # 9**4 values: within the limit
    assert len(parse_argdown(small).meta["d"]) == 9


# -- argmap's additions, as people write them --------------------------------------------------

SOURCE = "Rain is wet. The sky is grey, and then it rains."


def test_additions_in_their_natural_spelling() -> None:
    m = parse_argdown(
        f'===\nsource: "{SOURCE}"\n===\n\n'
        '[Wet]: Rain is wet. {thesis: true, quote: "Rain is wet.", span: [0, 12], speaker: Ann}\n\n'
        "[Grey]: The sky is grey. {implicit: true, passages: [[13, 29], [40, 48]]}\n"
    )
    assert m.source == SOURCE
    wet, grey = m["wet"], m["grey"]
    assert (wet["thesis"], wet["quote"], wet["span"], wet["speaker"]) == (
        True,
        "Rain is wet.",
        (0, 12),
        "Ann",
    )
    assert (grey["implicit"], grey["passages"], grey["span"]) == (True, ((13, 29), (40, 48)), (13, 48))
    assert wet["meta"] == {"argdown": {"title": "Wet"}}
    m.validate()
    text = "".join(generate_argdown(m))
    assert "{thesis: true" not in text and 'span: [0, 12], speaker: "Ann", thesis: true}' in text
    assert 'source: "Rain' in text and "argmap" not in text
    assert parse_argdown(text) == m


def test_the_argmap_key_still_works() -> None:
    m = parse_argdown('[A]: a {argmap: {implicit: true, thesis: true, speaker: "Bob"}}')
    assert (m["a"]["implicit"], m["a"]["thesis"], m["a"]["speaker"]) == (True, True, "Bob")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("implicit: maybe", "implicit must be true or false, not 'maybe'"),
        ("thesis: 1", "thesis must be true or false, not 1"),
        ("speaker: [a, b]", "speaker must be a string or None"),
        ("span: [0, 999]", "span [0, 999] is not within the source text"),
        ("span: [3, 1]", "span must have 0 <= start <= end"),
        ("passages: [[0, 1]]", "passages must hold two or more spans"),
    ],
)
def test_additions_that_do_not_fit_stay_as_data_with_a_warning(data: str, words: str) -> None:
    with pytest.warns(argmap.InputWarning, match=r"line 5: claim 'a': ") as caught:
        m = parse_argdown(f'===\nsource: "{SOURCE}"\n===\n\n[A]: a {{{data}}}')
    assert words in str(caught[0].message)
    key = data.split(":", maxsplit=1)[0]
    assert key in m["a"]["meta"]
    assert m["a"][key] == argmap.schema.ATTRIBUTES["claim"][key].default
    assert roundtrip(m) == m


def test_unknown_keys_under_argmap_are_warned_and_kept() -> None:
    with pytest.warns(argmap.InputWarning, match="unknown key\\(s\\) under argmap: 'implict'"):
        m = parse_argdown("[A]: a {argmap: {implict: true}}")
    assert m["a"]["meta"]["argmap"] == {"implict": True}
    assert not m["a"]["implicit"]
    assert roundtrip(m) == m


def test_a_value_that_does_not_fit_under_argmap_is_an_error() -> None:
    with pytest.raises(ArgdownSyntaxError, match=r"argmap\.implicit must be true or false") as info:
        parse_argdown("[A]: a\n\n[B]: b {argmap: {implicit: 2}}")
    assert info.value.lineno == 3


def test_user_data_named_like_an_addition_is_kept_as_data() -> None:
    m = ArgumentMap()
    m.claim("A claim.", id="a", meta={"implicit": "a note", "span": "wide", "argmap": {"x": 1}})
    text = "".join(generate_argdown(m))
    back = parse_argdown(text)
    assert back == m
    assert not back["a"]["implicit"]


# -- what the reference reads back: one argument per PCS, relations in the body ------------------


def _rewritten(text: str) -> str:
    m = parse_argdown(text)
    out = "".join(generate_argdown(m))
    assert parse_argdown(out) == m
    return out


def test_a_multi_step_pcs_stays_one_argument() -> None:
    out = _rewritten("<A>\n\n(1) p\n(2) q\n----\n(3) r\n(4) s\n-- {uses: [1, 4]} --\n(5) t\n----\n(6) c")
    assert re.findall(r"^<.*>$", out, re.M) == ["<A>"]
    assert out.count("(1) ") == 1
    assert "{uses: [1, 4]}" in out and "argmap" not in out


def test_an_untitled_pcs_stays_an_untitled_pcs() -> None:
    out = _rewritten("(1) [P]: p\n----\n(2) [C]: c\n\n(1) [Q]: q\n(2) [P]\n----\n(3) [C]")
    assert "<" not in out and out.count("----") == 2
    assert "+" not in out


def test_strict_relations_and_relations_to_arguments_are_written_in_the_body() -> None:
    out = _rewritten(
        "===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  +> [B]: b\n  -> [C]: c\n  >< [D]: d\n\n"
        "<Arg>\n\n(1) [P]: p\n----\n(2) [Q]: q\n\n<Arg>\n  - [X]: x\n  + [Y]: y"
    )
    assert "relations" not in out
    assert "[A]\n  - [C]" in out or "[C]\n  - [A]" in out
    assert "<Arg>\n  + [Y]" in out and "<Arg>\n  - [X]" in out


def test_relations_between_arguments_are_written_in_the_body() -> None:
    out = _rewritten(
        "<D>: An argument without PCS.\n\n<A>\n\n(1) [P]: p\n----\n(2) [Q]: q\n\n<A>\n  + <D>\n  - <E>: e"
    )
    assert "relations" not in out
    assert "<A>\n  + <D>\n  - <E>\n" in out


def test_untitled_statements_stay_untitled() -> None:
    out = _rewritten("Alone.\n\n[A]: a\n  + Reason for a.\n\n(1) A premise.\n----\n(2) [A]")
    assert "\nAlone.\n" in f"\n{out}"
    assert "  + Reason for a.\n" in out and "(1) A premise.\n" in out
    assert "untitled" not in out and "argmap" not in out


def test_an_untitled_pcs_right_after_an_argument_gets_a_title() -> None:
    out = _rewritten("<Z>: An argument without PCS.\n\n[W]: w\n\n(1) [P]: p\n----\n(2) [Q]: q")
    assert "<Z>: An argument without PCS.\n\n<s1>\n\n(1) [P]" in out


_TITLES = st.sampled_from(["A", "B", "C", "D", "E"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Argdown with multi-step PCSs (with and without uses), untitled ones, relations to arguments."""
    strict = draw(st.booleans())
    parts = ["===\nmodel: {mode: strict}\n===" if strict else "===\nx: 1\n==="]
    blocks: list[str] = []  # after the PCSs: a PCS right below an argument's relations would be its PCS
    for k in range(draw(st.integers(1, 3))):
        titled = draw(st.booleans())
        lines = [f"<Arg {k}>", ""] if titled else []
        n = 0
        for step in range(draw(st.integers(1, 3))):
            for _ in range(draw(st.integers(1, 2))):
                n += 1
                lines.append(f"({n}) [{draw(_TITLES)}{k}]: premise {n} of {k}")
            uses = draw(st.none() | st.lists(st.integers(1, n), min_size=1, max_size=2, unique=True))
            lines.append(f"-- {{uses: {uses}}} --" if uses else "----")
            n += 1
            lines.append(f"({n}) [C{k}-{step}]: conclusion {step} of {k}")
        parts.append("\n".join(lines))
        if titled and draw(st.booleans()):
            blocks.append(f"<Arg {k}>\n  - [X{k}]: objection to {k}\n  + [Y{k}]: support for {k}")
    parts += blocks
    parts.append(f"[Z]: z\n  + Untitled reason.\n  - [C0-0]\n  >< [W]: {draw(st.sampled_from('wv'))}")
    return "\n\n".join(parts) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_documents_come_back_with_their_arguments_and_relations(text: str) -> None:
    m = parse_argdown(text)
    out = "".join(generate_argdown(m))
    assert parse_argdown(out) == m
    assert out.count("(1) ") == text.count("(1) ")  # one PCS per argument
    assert "relations" not in out  # every relation in the body


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(rich=False, speakers=True, implicit=True))
def test_plain_maps_round_trip_in_the_natural_spelling(m: ArgumentMap) -> None:
    out = "".join(generate_argdown(m))
    assert parse_argdown(out) == m
    assert "{argmap: {implicit" not in out and "{argmap: {speaker" not in out


def test_the_map_is_built_from_records_and_malformed_front_matter_relations_are_kept_aside() -> None:
    text = (
        '===\nargmap: {relations: [{id: "r1", kind: "rephrase", from: ["a"], to: "a"}, '
        '{id: "s9", kind: "inference", from: ["b"], to: "a"}]}\n===\n\n[A]: a\n\n[B]: b'
    )
    with pytest.warns(MalformedPartWarning, match="r1"):
        m = parse_argdown(text)
    assert [a["id"] for a in m.meta["aside"]] == ["r1"]
    assert m.premises("s9") == ("b",)
