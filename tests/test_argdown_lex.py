"""The Argdown lexer's rule table: its order, its hints, and every rule at work."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgdownSyntaxError
from argmap.readwrite import _argdown_lex as lx
from argmap.readwrite._argdown_lex import DEFAULT_MODE, INFERENCE_MODE, TokenKind, tokenize

#: The token lists of the reference's two lexer modes (``@argdown/core`` 2.0.1,
#: ``dist/lexer.js``), without ``Indent`` and ``Dedent``, which match nothing: the
#: relation, list and line rules emit them.
REFERENCE_DEFAULT_MODE = [
    *("Comment", "FrontMatter", "Data", "EscapedChar", "SpecialChar", "Emptyline", "Newline"),
    *("InferenceStart", "IncomingSupport", "IncomingAttack", "OutgoingSupport", "OutgoingAttack"),
    *("Contradiction", "IncomingUndercut", "OutgoingUndercut", "HeadingStart", "StatementNumber"),
    *("OrderedListItem", "UnorderedListItem", "AsteriskBoldEnd", "UnderscoreBoldEnd", "AsteriskItalicEnd"),
    *("UnderscoreItalicEnd", "AsteriskBoldStart", "UnderscoreBoldStart", "AsteriskItalicStart"),
    *(
        "UnderscoreItalicStart",
        "Link",
        "Tag",
        "StatementDefinition",
        "StatementReference",
        "StatementMention",
    ),
    *(
        "ArgumentDefinition",
        "ArgumentReference",
        "ArgumentMention",
        "Spaces",
        "Freestyle",
        "UnusedControlChar",
    ),
]
REFERENCE_INFERENCE_MODE = [
    *("Comment", "Newline", "EscapedChar", "SpecialChar", "InferenceEnd", "Data", "ListDelimiter", "Spaces"),
    *("Freestyle", "UnusedControlChar"),
]

K = TokenKind
#: Token streams (kind, image) of the reference lexer for documents that use every rule.
EXAMPLES = [
    (
        "===\ntitle: x\n===\n\n[A]: a {x: 1}",
        [
            (K.FRONT_MATTER, "===\ntitle: x\n==="),
            (K.EMPTYLINE, "\n\n"),
            (K.STATEMENT_DEFINITION, "[A]:"),
            (K.FREESTYLE, "a "),
            (K.DATA, "{x: 1}"),
        ],
    ),
    (
        "[A]: a \\[b\\] .~. :+1: x.",
        [
            (K.STATEMENT_DEFINITION, "[A]:"),
            (K.FREESTYLE, "a "),
            (K.ESCAPED, "\\["),
            (K.FREESTYLE, "b"),
            (K.ESCAPED, "\\] "),
            (K.SPECIAL, ".~. "),
            (K.SPECIAL, ":+1: "),
            (K.FREESTYLE, "x"),
            (K.UNUSED_CONTROL, "."),
        ],
    ),
    (
        "[A]: a\n  + [B]: b\n  - [C]\n    +> <D>\n    -> <E>\n  <+ x\n  <- y\n  >< z\n  _> w\n  <_ v\n  _ u",
        [
            (K.STATEMENT_DEFINITION, "[A]:"),
            (K.FREESTYLE, "a"),
            (K.NEWLINE, "\n"),
            (K.INDENT, ""),
            (K.OUT_SUPPORT, "  +"),
            (K.STATEMENT_DEFINITION, "[B]:"),
            (K.FREESTYLE, "b"),
            (K.NEWLINE, "\n"),
            (K.OUT_ATTACK, "  -"),
            (K.STATEMENT_REFERENCE, "[C]"),
            (K.NEWLINE, "\n"),
            (K.INDENT, ""),
            (K.IN_SUPPORT, "    +>"),
            (K.ARGUMENT_REFERENCE, "<D>"),
            (K.NEWLINE, "\n"),
            (K.IN_ATTACK, "    ->"),
            (K.ARGUMENT_REFERENCE, "<E>"),
            (K.NEWLINE, "\n"),
            (K.DEDENT, ""),
            (K.OUT_SUPPORT, "  <+"),
            (K.FREESTYLE, "x"),
            (K.NEWLINE, "\n"),
            (K.OUT_ATTACK, "  <-"),
            (K.FREESTYLE, "y"),
            (K.NEWLINE, "\n"),
            (K.CONTRADICTION, "  ><"),
            (K.FREESTYLE, "z"),
            (K.NEWLINE, "\n"),
            (K.IN_UNDERCUT, "  _>"),
            (K.FREESTYLE, "w"),
            (K.NEWLINE, "\n"),
            (K.OUT_UNDERCUT, "  <_"),
            (K.FREESTYLE, "v"),
            (K.NEWLINE, "\n"),
            (K.OUT_UNDERCUT, "  _"),
            (K.FREESTYLE, "u"),
            (K.DEDENT, ""),
        ],
    ),
    (
        "(1) p\n-- modus ponens, rule {a: 1} --\n(2) c",
        [
            (K.STATEMENT_NUMBER, "(1)"),
            (K.FREESTYLE, "p"),
            (K.NEWLINE, "\n"),
            (K.INFERENCE_START, "--"),
            (K.FREESTYLE, "modus ponens"),
            (K.LIST_DELIMITER, ","),
            (K.FREESTYLE, "rule "),
            (K.DATA, "{a: 1}"),
            (K.INFERENCE_END, "--"),
            (K.NEWLINE, "\n"),
            (K.STATEMENT_NUMBER, "(2)"),
            (K.FREESTYLE, "c"),
        ],
    ),
    (
        "# Heading\n\n1. a\n2. b\n\n* c\n  * d",
        [
            (K.HEADING, "# "),
            (K.FREESTYLE, "Heading"),
            (K.EMPTYLINE, "\n\n"),
            (K.INDENT, ""),
            (K.ORDERED_ITEM, "1."),
            (K.FREESTYLE, "a"),
            (K.NEWLINE, "\n"),
            (K.ORDERED_ITEM, "2."),
            (K.FREESTYLE, "b"),
            (K.DEDENT, ""),
            (K.EMPTYLINE, "\n\n"),
            (K.INDENT, ""),
            (K.UNORDERED_ITEM, "*"),
            (K.FREESTYLE, "c"),
            (K.NEWLINE, "\n"),
            (K.INDENT, ""),
            (K.UNORDERED_ITEM, "  *"),
            (K.FREESTYLE, "d"),
            (K.DEDENT, ""),
            (K.DEDENT, ""),
        ],
    ),
    (
        "[A]: **b** __c__ *d* _e_ [l](http://x) #tag #(a tag) @[A] @<B> <B>: x <C> [D]",
        [
            (K.STATEMENT_DEFINITION, "[A]:"),
            (K.BOLD_START_A, "**"),
            (K.FREESTYLE, "b"),
            (K.BOLD_END_A, "** "),
            (K.BOLD_START_U, "__"),
            (K.FREESTYLE, "c"),
            (K.BOLD_END_U, "__ "),
            (K.ITALIC_START_A, "*"),
            (K.FREESTYLE, "d"),
            (K.ITALIC_END_A, "* "),
            (K.ITALIC_START_U, "_"),
            (K.FREESTYLE, "e"),
            (K.ITALIC_END_U, "_ "),
            (K.LINK, "[l](http://x) "),
            (K.TAG, "#tag "),
            (K.TAG, "#(a tag) "),
            (K.STATEMENT_MENTION, "@[A] "),
            (K.ARGUMENT_MENTION, "@<B> "),
            (K.ARGUMENT_DEFINITION, "<B>:"),
            (K.FREESTYLE, "x "),
            (K.ARGUMENT_REFERENCE, "<C>"),
            (K.STATEMENT_REFERENCE, "[D]"),
        ],
    ),
    (
        "[A]: a // c\n<!-- x -->b /* y */ c\n\n// d\n\n[B]",
        [
            (K.STATEMENT_DEFINITION, "[A]:"),
            (K.FREESTYLE, "a "),
            (K.NEWLINE, "\n"),
            (K.FREESTYLE, "b "),
            (K.FREESTYLE, "c"),
            (K.EMPTYLINE, "\n\n"),
            (K.STATEMENT_REFERENCE, "[B]"),
        ],
    ),
    (
        "[A]: a, b; (c) { } = + > 1 - <-x> [-y]",
        [
            (K.STATEMENT_DEFINITION, "[A]:"),
            (K.FREESTYLE, "a"),
            (K.UNUSED_CONTROL, ", "),
            (K.FREESTYLE, "b"),
            (K.UNUSED_CONTROL, "; "),
            (K.UNUSED_CONTROL, "("),
            (K.FREESTYLE, "c"),
            (K.UNUSED_CONTROL, ") "),
            (K.DATA, "{ }"),
            (K.FREESTYLE, "= + "),
            (K.UNUSED_CONTROL, "> "),
            (K.FREESTYLE, "1 "),
            (K.UNUSED_CONTROL, "- "),
            (K.UNUSED_CONTROL, "<"),
            (K.UNUSED_CONTROL, "-"),
            (K.FREESTYLE, "x"),
            (K.UNUSED_CONTROL, "> "),
            (K.UNUSED_CONTROL, "["),
            (K.UNUSED_CONTROL, "-"),
            (K.FREESTYLE, "y"),
            (K.UNUSED_CONTROL, "]"),
        ],
    ),
]

#: Documents of Argdown syntax and its pieces, for the property tests.
FRAGMENTS = [
    *"[]<>(){}+-_*#@:.,;/\\=!~ \t\naZ19\u2028\u00a0",
    *("--", "\n  ", "\n\n", "  \n", "(1)", "===", "<!--", "-->", "/*", "*/", "//", "**", "__"),
    *("[a]:", "<a>:", "@[a]", "@<a>", "#(t)", "#t", "# ", "1. ", "* ", "+>", "<+", "><", "_>", "<_"),
    *(".~.", ":+1:", "{a: 1}", "[l](u)", "\t+ ", "  - ", "    + ", "  * "),
]
documents = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def test_each_mode_lists_the_reference_tokens_in_the_reference_order() -> None:
    assert [r.kind.value for r in DEFAULT_MODE] == REFERENCE_DEFAULT_MODE
    assert [r.kind.value for r in INFERENCE_MODE] == REFERENCE_INFERENCE_MODE


def test_each_kind_has_one_rule_or_is_made_by_others() -> None:
    rules = {r.kind: r for r in (*DEFAULT_MODE, *INFERENCE_MODE)}
    assert len(rules) == len({id(r) for r in (*DEFAULT_MODE, *INFERENCE_MODE)})
    assert set(TokenKind) - set(rules) == {K.INDENT, K.DEDENT, K.EOF}


def test_hints_are_consistent() -> None:
    for rule in (*DEFAULT_MODE, *INFERENCE_MODE):
        assert (rule.first is None) != (not rule.not_first), rule.kind
        if rule.indented:
            assert rule.first is not None and not rule.first & {" ", "\t"}, rule.kind
        else:  # the lexer picks these rules at a blank without telling spaces from tabs
            assert rule.may_start(" ") == rule.may_start("\t"), rule.kind
    assert all(not r.line_start for r in INFERENCE_MODE)


@pytest.mark.parametrize(("doc", "expected"), EXAMPLES)
def test_token_streams_of_the_reference(doc: str, expected: list[tuple[TokenKind, str]]) -> None:
    toks = tokenize(doc)
    assert list(zip(toks.types, toks.images, strict=True)) == expected


def test_the_examples_exercise_every_kind() -> None:
    made = {kind for _, expected in EXAMPLES for kind, _ in expected}
    assert set(TokenKind) - made == {K.COMMENT, K.SPACES, K.EOF}  # skipped, or the parser's


_RANGE_STARTS = {
    K.BOLD_END_A: K.BOLD_START_A,
    K.BOLD_END_U: K.BOLD_START_U,
    K.ITALIC_END_A: K.ITALIC_START_A,
    K.ITALIC_END_U: K.ITALIC_START_U,
}


def _offered(rule: lx.Rule, doc: str, pos: int, mode: lx.Mode) -> bool:
    """Whether ``tokenize`` would try ``rule`` at ``pos`` (at a line start, for a line-start rule)."""
    dispatch = lx._DISPATCHES[mode, rule.line_start]
    if doc[pos] in " \t":
        k = len(doc) - len(doc[pos:].lstrip(" \t"))
        entries = dispatch.after_blanks.get(doc[k : k + 1], dispatch.other_after_blanks)
    else:
        entries = dispatch.by_char.get(doc[pos], dispatch.other)
    return any(entry[0] is rule.match for entry in entries)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_the_dispatch_offers_every_rule_that_would_match(doc: str) -> None:
    """The hints only skip rules that cannot match, so the first rule to match is the table's."""
    modes: list[tuple[lx.Mode, tuple[lx.Rule, ...]]] = [
        ("default", DEFAULT_MODE),
        ("inference", INFERENCE_MODE),
    ]
    for mode, rules in modes:
        for rule in rules:
            for pos in range(len(doc)):
                state = lx._State(doc)
                state.last = K.NEWLINE  # the state in which every rule may match
                if rule.kind in _RANGE_STARTS:
                    state.ranges = [_RANGE_STARTS[rule.kind]]
                if rule.match(state, pos) >= 0:
                    assert _offered(rule, doc, pos, mode), (rule.kind, pos)


@settings(max_examples=300, deadline=None)
@given(documents.filter(lambda d: "\\" not in d) | st.text(max_size=200).filter(lambda d: "\\" not in d))
def test_only_a_backslash_can_fail_and_the_stream_is_balanced(doc: str) -> None:
    toks = tokenize(doc)
    assert not set(toks.types) & {K.COMMENT, K.SPACES, K.EOF}
    assert toks.types.count(K.INDENT) == toks.types.count(K.DEDENT)
    assert toks.starts == sorted(toks.starts)
    plain = [(s, im) for s, im in zip(toks.starts, toks.images, strict=True) if im]
    assert all(doc.startswith(im, s) for s, im in plain)


@pytest.mark.parametrize(("doc", "pos"), [("\\", 0), ("[A]: a \\\nb", 7), ("(1) p\n-- x \\", 11)])
def test_a_backslash_before_a_line_end_is_an_error_in_both_modes(doc: str, pos: int) -> None:
    with pytest.raises(ArgdownSyntaxError, match="backslash") as info:
        tokenize(doc)
    assert info.value.pos == pos
