"""The Argdown lexer: an ordered table of token rules, tried in turn at each position.

It reproduces the token stream of the reference lexer (``@argdown/core`` 2.0.1)
and is built the same way: each mode (:data:`DEFAULT_MODE`, and
:data:`INFERENCE_MODE` between ``--`` and ``--``) is an ordered table of
:class:`Rule`, in the reference's order, and at each position the first rule
that matches wins. A rule is a small function ``match(state, pos) -> end`` that
returns the end of its token, or -1 when it does not match (markdown-it-py's
ruler is the model). A rule may also emit the ``INDENT`` and ``DEDENT`` tokens
that go before its own and keep the stack of open bold and italic ranges.

Hints declared by each rule keep the loop short without changing which rule
wins: the characters its token can start with (after its indentation, for the
rules that may be indented), and whether it only applies at the start of a line.
From them each state of the lexer (the mode, and whether a line starts) gets a
dispatch from the character at ``pos`` (at a space or tab: the character after
the blanks) to the rules worth trying there, in table order; the token a rule
makes says which state comes next. Every scan that could run to the end of the
document is memoised, so hostile input stays linear.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from argmap.exceptions import ArgdownSyntaxError
from argmap.readwrite import _argdown_re as rx

__all__ = ["DEFAULT_MODE", "INFERENCE_MODE", "K", "Rule", "TokenKind", "Tokens", "tokenize"]


class TokenKind(enum.Enum):
    """The kinds of Argdown tokens; each value is the reference lexer's name for the kind."""

    FRONT_MATTER = "FrontMatter"
    DATA = "Data"
    ESCAPED = "EscapedChar"
    SPECIAL = "SpecialChar"
    EMPTYLINE = "Emptyline"
    NEWLINE = "Newline"
    INDENT = "Indent"
    DEDENT = "Dedent"
    INFERENCE_START = "InferenceStart"
    IN_SUPPORT = "IncomingSupport"
    IN_ATTACK = "IncomingAttack"
    OUT_SUPPORT = "OutgoingSupport"
    OUT_ATTACK = "OutgoingAttack"
    CONTRADICTION = "Contradiction"
    IN_UNDERCUT = "IncomingUndercut"
    OUT_UNDERCUT = "OutgoingUndercut"
    HEADING = "HeadingStart"
    STATEMENT_NUMBER = "StatementNumber"
    ORDERED_ITEM = "OrderedListItem"
    UNORDERED_ITEM = "UnorderedListItem"
    BOLD_END_A = "AsteriskBoldEnd"
    BOLD_END_U = "UnderscoreBoldEnd"
    ITALIC_END_A = "AsteriskItalicEnd"
    ITALIC_END_U = "UnderscoreItalicEnd"
    BOLD_START_A = "AsteriskBoldStart"
    BOLD_START_U = "UnderscoreBoldStart"
    ITALIC_START_A = "AsteriskItalicStart"
    ITALIC_START_U = "UnderscoreItalicStart"
    LINK = "Link"
    TAG = "Tag"
    STATEMENT_DEFINITION = "StatementDefinition"
    STATEMENT_REFERENCE = "StatementReference"
    STATEMENT_MENTION = "StatementMention"
    ARGUMENT_DEFINITION = "ArgumentDefinition"
    ARGUMENT_REFERENCE = "ArgumentReference"
    ARGUMENT_MENTION = "ArgumentMention"
    FREESTYLE = "Freestyle"
    UNUSED_CONTROL = "UnusedControlChar"
    INFERENCE_END = "InferenceEnd"
    LIST_DELIMITER = "ListDelimiter"
    #: Matched and skipped: never in the token stream.
    COMMENT = "Comment"
    #: Matched and skipped: never in the token stream.
    SPACES = "Spaces"
    #: Never produced by the lexer; the parser puts it after the last token.
    EOF = "EOF"

    # Members are singletons compared by identity; hashing them by identity too
    # keeps the parser's set and dict look-ups in C (Enum's own hash is Python code).
    __hash__ = object.__hash__


if TYPE_CHECKING:
    K = TokenKind
else:
    # ``TokenKind.X`` is slow on Python 3.11: EnumType.__getattr__ sends every attribute
    # look-up on the class down the slow path. The lexer and the parser look kinds up on
    # every token, so they do it in a namespace of the same members that is a module
    # (the fastest attribute look-up there is).
    K = ModuleType(f"{__name__}.K", "The members of TokenKind.")
    vars(K).update(TokenKind.__members__)

_SKIPPED: Final = frozenset({K.COMMENT, K.SPACES})
#: The blanks an indented token may start with.
_BLANK: Final = frozenset(" \t")
_LINE_ENDS: Final = frozenset({K.NEWLINE, K.EMPTYLINE})
Mode = Literal["default", "inference"]


class Tokens:
    """The token stream: parallel lists of kinds, images and start positions."""

    __slots__ = ("images", "starts", "types")

    def __init__(self) -> None:
        self.types: list[TokenKind] = []
        self.images: list[str] = []
        self.starts: list[int] = []


class _State(Tokens):
    """The tokens so far, the indentation and range stacks, and memoised scans of one document."""

    __slots__ = ("blanks", "closes", "doc", "has_ls", "indents", "last", "memo", "ranges", "stops")

    def __init__(self, doc: str) -> None:
        super().__init__()
        self.doc = doc
        #: The kind of the last token, or None before the first.
        self.last: TokenKind | None = None
        #: Indentation levels of the open relation trees and lists.
        self.indents = [0]
        #: Start kinds of the open bold and italic ranges.
        self.ranges: list[TokenKind] = []
        self.memo: dict[str, tuple[int, int]] = {}
        #: Start and end of the last run of spaces and tabs scanned.
        self.blanks = (-1, -1)
        self.has_ls = "\u2028" in doc or "\u2029" in doc
        self.stops: list[int] | None = None
        self.closes: list[int] = []

    def emit(self, kind: TokenKind, pos: int) -> None:
        """Add an empty ``kind`` token (``INDENT`` or ``DEDENT``) at ``pos``."""
        self.types.append(kind)
        self.images.append("")
        self.starts.append(pos)

    def dedent_all(self, pos: int) -> None:
        """Close every open indentation level."""
        while len(self.indents) > 1:
            self.indents.pop()
            self.emit(K.DEDENT, pos)

    def indent_to(self, level: int, pos: int) -> None:
        """Open one level deeper than the last, or close the levels deeper than ``level``."""
        indents = self.indents
        if level > indents[-1]:
            indents.append(level)
            self.emit(K.INDENT, pos)
            return
        while len(indents) > 1 and level < indents[-1]:
            indents.pop()
            self.emit(K.DEDENT, pos)

    def find(self, needle: str, start: int) -> int:
        """``doc.find(needle, start)``, remembering the last answer for each needle."""
        hit = self.memo.get(needle)
        if hit is not None and start >= hit[0] and (hit[1] == -1 or hit[1] >= start):
            return hit[1]
        found = self.doc.find(needle, start)
        self.memo[needle] = (start, found)
        return found

    def blanks_end(self, pos: int) -> int:
        """The end of the run of spaces and tabs at ``pos``."""
        start, end = self.blanks
        if start != pos:
            end = rx.BLANKS.match(self.doc, pos).end()  # type: ignore[union-attr]
            self.blanks = (pos, end)
        return end

    def one_line(self, start: int, end: int) -> bool:
        """True if ``doc[start:end]`` holds no line break (JavaScript's ``.``)."""
        nl = self.find("\n", start)
        if nl != -1 and nl < end:
            return False
        return not (self.has_ls and rx.LINE_BREAKS.search(self.doc, start, end))

    def data_end(self, pos: int) -> int:
        """End of the ``{data}`` token at ``pos``, or -1.

        The reference pattern ``{((?!}\\s[^,}])(.|\\n))*}(?!\\s*(,|}))`` runs up to
        the first ``}`` followed by a blank and another character, then backs off to
        the last ``}`` not followed by ``,`` or ``}``; both kinds of positions are
        listed once per document.
        """
        if self.stops is None:
            self.stops = [m.start() for m in rx.DATA_STOP.finditer(self.doc)]
            self.closes = [m.start() for m in rx.DATA_CLOSE.finditer(self.doc)]
        i = bisect_left(self.stops, pos + 1)
        stop = self.stops[i] if i < len(self.stops) else len(self.doc)
        k = bisect_right(self.closes, stop) - 1
        if k >= 0 and self.closes[k] >= pos + 1:
            return self.closes[k] + 1
        return -1


RuleFn = Callable[[_State, int], int]


class Rule(NamedTuple):
    """One token rule: what it makes, how it matches, and where it is worth trying."""

    kind: TokenKind
    #: ``match(state, pos)``: the end of the token at ``pos``, or -1.
    match: RuleFn
    #: The characters the token can start with (after its indentation, if ``indented``),
    #: or None for any character but those in ``not_first``.
    first: frozenset[str] | None
    #: With ``first=None``: the characters the token never starts with.
    not_first: frozenset[str] = frozenset()
    #: The token may start with spaces and tabs before a character of ``first``.
    indented: bool = False
    #: Only tried at the start of a line: first token, or after a line end.
    line_start: bool = False
    #: The mode the lexer enters after this token.
    enter: Mode | None = None

    def may_start(self, char: str) -> bool:
        """False if the token cannot start with ``char`` (after its indentation, if any)."""
        return char in self.first if self.first is not None else char not in self.not_first


# -- the rules, in the order of the reference's token list ---------------------------------------


def _pattern(pattern: re.Pattern[str]) -> RuleFn:
    """A rule that matches ``pattern`` and does nothing else."""
    match = pattern.match

    def rule(st: _State, pos: int) -> int:
        m = match(st.doc, pos)
        return -1 if m is None else m.end()

    return rule


def _comment(st: _State, pos: int) -> int:
    """``<!-- -->``, ``/* */`` or ``//`` to the line end, then after an empty line every line end,
    after a line end one (unless an empty line follows)."""
    doc = st.doc
    if doc.startswith("<!--", pos):
        close = st.find("-->", pos + 4)
        end = close + 3 if close != -1 else -1
    elif doc.startswith("/*", pos):
        close = st.find("*/", pos + 2)
        end = close + 2 if close != -1 else -1
    elif doc.startswith("//", pos):
        end = st.find("\n", pos + 2)
    else:
        return -1
    if end == -1 or (st.has_ls and rx.LS_PS.search(doc, pos, end)):
        return -1
    if st.last is K.EMPTYLINE:
        return rx.COMMENT_TAIL_AFTER_EMPTYLINE.match(doc, end).end()  # type: ignore[union-attr]
    if st.last is K.NEWLINE:
        return rx.COMMENT_TAIL_AFTER_NEWLINE.match(doc, end).end()  # type: ignore[union-attr]
    return end


def _data(st: _State, pos: int) -> int:
    return st.data_end(pos) if st.doc.startswith("{", pos) else -1


def _emptyline(st: _State, pos: int) -> int:
    """Two or more line ends, never two empty lines in a row; closes the open indentation unless last."""
    if st.last is K.EMPTYLINE:
        return -1
    m = rx.EMPTYLINE.match(st.doc, pos)
    if m is None:
        return -1
    if m.end() < len(st.doc):
        st.dedent_all(pos)
    return m.end()


def _inference_start(st: _State, pos: int) -> int:
    if st.last is K.EMPTYLINE:
        return -1
    m = rx.INFERENCE_START.match(st.doc, pos)
    if m is None:
        return -1
    st.dedent_all(pos)
    return m.end()


def _indented(pattern: re.Pattern[str], extra: int) -> RuleFn:
    """A rule for a relation symbol (``extra=0``) or list item (``extra=1``) indented by group 1."""
    match = pattern.match

    def rule(st: _State, pos: int) -> int:
        m = match(st.doc, pos)
        if m is None:
            return -1
        st.indent_to(len(m.group(1)) + extra, pos)
        return m.end()

    return rule


def _statement_number(st: _State, pos: int) -> int:
    m = rx.STATEMENT_NUMBER.match(st.doc, pos)
    if m is None:
        return -1
    st.dedent_all(pos)
    return m.end()


def _range_end(start: TokenKind, pattern: re.Pattern[str]) -> RuleFn:
    """A rule for the end of the innermost range, if it was opened by a ``start`` token."""
    match = pattern.match

    def rule(st: _State, pos: int) -> int:
        if not st.ranges or st.ranges[-1] is not start or st.last is None:
            return -1
        m = match(st.doc, pos)
        if m is None:
            return -1
        st.ranges.pop()
        return m.end()

    return rule


def _range_start(start: TokenKind, pattern: re.Pattern[str]) -> RuleFn:
    """A rule for the start of a bold or italic range."""
    match = pattern.match

    def rule(st: _State, pos: int) -> int:
        m = match(st.doc, pos)
        if m is None:
            return -1
        st.ranges.append(start)
        return m.end()

    return rule


def _trailing_blank(doc: str, end: int) -> int:
    return rx.TRAILING_BLANK.match(doc, end).end()  # type: ignore[union-attr]


def _link(st: _State, pos: int) -> int:
    """``[text](url)``: ``[^\\]]+?`` and ``[^)]+?`` run to the first ``]`` and ``)``."""
    if not st.doc.startswith("[", pos):
        return -1
    close = st.find("]", pos + 1)
    if close < pos + 2 or not st.doc.startswith("(", close + 1):
        return -1
    paren = st.find(")", close + 2)
    return _trailing_blank(st.doc, paren + 1) if paren >= close + 3 else -1


def _tag(st: _State, pos: int) -> int:
    doc = st.doc
    if doc.startswith("#(", pos):
        close = st.find(")", pos + 2)
        return _trailing_blank(doc, close + 1) if close > pos + 2 else -1
    m = rx.TAG_WORD.match(doc, pos)
    return -1 if m is None else m.end()


def _definition(opening: str, closing: str) -> RuleFn:
    """``[title]:`` or ``<title>:``: the first ``closing`` on the same line."""

    def rule(st: _State, pos: int) -> int:
        if not st.doc.startswith(opening, pos):
            return -1
        close = st.find(closing, pos + 2)
        return close + 2 if close != -1 and st.one_line(pos + 1, close) else -1

    return rule


def _reference(opening: str, closing: str) -> RuleFn:
    """``[title]`` or ``<title>``: not ``-`` after the opening, the first ``closing`` on the same line."""

    def rule(st: _State, pos: int) -> int:
        doc = st.doc
        if not doc.startswith(opening, pos):
            return -1
        close = st.find(closing, pos + 2)
        return close + 1 if close != -1 and doc[pos + 1] != "-" and st.one_line(pos + 2, close) else -1

    return rule


def _mention(opening: str, closing: str) -> RuleFn:
    """``@[title]`` or ``@<title>``: the first ``closing`` on the same line, then one blank."""

    def rule(st: _State, pos: int) -> int:
        if not st.doc.startswith(opening, pos):
            return -1
        close = st.find(closing, pos + 3)
        return _trailing_blank(st.doc, close + 1) if close != -1 and st.one_line(pos + 2, close) else -1

    return rule


def _spaces(st: _State, pos: int) -> int:
    end = st.blanks_end(pos)
    return end if end > pos else -1


def _list_delimiter(st: _State, pos: int) -> int:
    return pos + 1 if st.doc.startswith(",", pos) else -1


_COMMENT = Rule(K.COMMENT, _comment, frozenset("</"))
_DATA = Rule(K.DATA, _data, frozenset("{"))
_ESCAPED = Rule(K.ESCAPED, _pattern(rx.ESCAPED), frozenset("\\"))
_SPECIAL = Rule(K.SPECIAL, _pattern(rx.SPECIAL_CHAR), frozenset(".:"))
_NEWLINE = Rule(K.NEWLINE, _pattern(rx.NEWLINE), frozenset("\n"), indented=True)
_SPACES = Rule(K.SPACES, _spaces, _BLANK)
_FREESTYLE = Rule(K.FREESTYLE, _pattern(rx.FREESTYLE), None, rx.FREESTYLE_STOP)
_UNUSED_CONTROL = Rule(K.UNUSED_CONTROL, _pattern(rx.UNUSED_CONTROL), rx.SPECIAL - {"\\"})

#: The rules of the default mode, in the reference lexer's order.
DEFAULT_MODE: Final = (
    _COMMENT,
    Rule(K.FRONT_MATTER, _pattern(rx.FRONT_MATTER), frozenset("=")),
    _DATA,
    _ESCAPED,
    _SPECIAL,
    Rule(K.EMPTYLINE, _emptyline, frozenset("\n"), indented=True),
    _NEWLINE,
    Rule(
        K.INFERENCE_START, _inference_start, frozenset("-"), indented=True, line_start=True, enter="inference"
    ),
    Rule(K.IN_SUPPORT, _indented(rx.IN_SUPPORT, 0), frozenset("+"), indented=True, line_start=True),
    Rule(K.IN_ATTACK, _indented(rx.IN_ATTACK, 0), frozenset("-"), indented=True, line_start=True),
    Rule(K.OUT_SUPPORT, _indented(rx.OUT_SUPPORT, 0), frozenset("<+"), indented=True, line_start=True),
    Rule(K.OUT_ATTACK, _indented(rx.OUT_ATTACK, 0), frozenset("<-"), indented=True, line_start=True),
    Rule(K.CONTRADICTION, _indented(rx.CONTRADICTION, 0), frozenset(">"), indented=True, line_start=True),
    Rule(K.IN_UNDERCUT, _indented(rx.IN_UNDERCUT, 0), frozenset("_"), indented=True, line_start=True),
    Rule(K.OUT_UNDERCUT, _indented(rx.OUT_UNDERCUT, 0), frozenset("<_"), indented=True, line_start=True),
    Rule(K.HEADING, _pattern(rx.HEADING), frozenset("#"), line_start=True),
    Rule(K.STATEMENT_NUMBER, _statement_number, frozenset("("), indented=True, line_start=True),
    Rule(
        K.ORDERED_ITEM, _indented(rx.ORDERED_ITEM, 1), frozenset("0123456789"), indented=True, line_start=True
    ),
    Rule(K.UNORDERED_ITEM, _indented(rx.UNORDERED_ITEM, 1), frozenset("*"), indented=True, line_start=True),
    Rule(K.BOLD_END_A, _range_end(K.BOLD_START_A, rx.BOLD_END_ASTERISK), frozenset("*")),
    Rule(K.BOLD_END_U, _range_end(K.BOLD_START_U, rx.BOLD_END_UNDERSCORE), frozenset("_")),
    Rule(K.ITALIC_END_A, _range_end(K.ITALIC_START_A, rx.ITALIC_END_ASTERISK), frozenset("*")),
    Rule(K.ITALIC_END_U, _range_end(K.ITALIC_START_U, rx.ITALIC_END_UNDERSCORE), frozenset("_")),
    Rule(K.BOLD_START_A, _range_start(K.BOLD_START_A, rx.BOLD_START_ASTERISK), frozenset("*")),
    Rule(K.BOLD_START_U, _range_start(K.BOLD_START_U, rx.BOLD_START_UNDERSCORE), frozenset("_")),
    Rule(K.ITALIC_START_A, _range_start(K.ITALIC_START_A, rx.ITALIC_START_ASTERISK), frozenset("*")),
    Rule(K.ITALIC_START_U, _range_start(K.ITALIC_START_U, rx.ITALIC_START_UNDERSCORE), frozenset("_")),
    Rule(K.LINK, _link, frozenset("[")),
    Rule(K.TAG, _tag, frozenset("#")),
    Rule(K.STATEMENT_DEFINITION, _definition("[", "]:"), frozenset("[")),
    Rule(K.STATEMENT_REFERENCE, _reference("[", "]"), frozenset("[")),
    Rule(K.STATEMENT_MENTION, _mention("@[", "]"), frozenset("@")),
    Rule(K.ARGUMENT_DEFINITION, _definition("<", ">:"), frozenset("<")),
    Rule(K.ARGUMENT_REFERENCE, _reference("<", ">"), frozenset("<")),
    Rule(K.ARGUMENT_MENTION, _mention("@<", ">"), frozenset("@")),
    _SPACES,
    _FREESTYLE,
    _UNUSED_CONTROL,
)

#: The rules between ``--`` and ``--`` (an inference), in the reference lexer's order.
INFERENCE_MODE: Final = (
    _COMMENT,
    _NEWLINE,
    _ESCAPED,
    _SPECIAL,
    Rule(K.INFERENCE_END, _pattern(rx.INFERENCE_END), frozenset("-"), enter="default"),
    _DATA,
    Rule(K.LIST_DELIMITER, _list_delimiter, frozenset(",")),
    _SPACES,
    _FREESTYLE,
    _UNUSED_CONTROL,
)


#: A rule as the lexer runs it: its match, its kind, and the dispatch for the next
#: token (None for a skipped token, which leaves the state as it was).
_Entry = tuple[RuleFn, TokenKind, "_Dispatch | None"]


#: What ``by_char`` holds for a space or tab: look the rules up in ``after_blanks``.
_AT_BLANKS: Final[list[_Entry]] = []


class _Dispatch(NamedTuple):
    """The rules worth trying in one state of the lexer, in table order.

    They are chosen by the character at ``pos``, except at a space or tab (which
    ``by_char`` maps to :data:`_AT_BLANKS`): there by the character after the run of
    blanks. Each map has a list for any other character.
    """

    by_char: dict[str, list[_Entry]]
    other: list[_Entry]
    after_blanks: dict[str, list[_Entry]]
    other_after_blanks: list[_Entry]


def _dispatches(modes: dict[Mode, tuple[Rule, ...]]) -> dict[tuple[Mode, bool], _Dispatch]:
    """The dispatch of each state: a mode, in the middle of a line (False) or at its start (True)."""
    states = {(m, at): _Dispatch({}, [], {}, []) for m in modes for at in (False, True)}
    for (mode, at_start), dispatch in states.items():

        def entry(r: Rule, mode: Mode = mode) -> _Entry:
            after = None if r.kind in _SKIPPED else states[r.enter or mode, r.kind in _LINE_ENDS]
            return (r.match, r.kind, after)

        usable = [r for r in modes[mode] if at_start or not r.line_start]
        chars = set().union(*(r.first if r.first is not None else r.not_first for r in usable))
        dispatch.by_char.update((c, [entry(r) for r in usable if r.may_start(c)]) for c in chars - _BLANK)
        dispatch.by_char.update(dict.fromkeys(_BLANK, _AT_BLANKS))
        dispatch.other.extend(entry(r) for r in usable if r.first is None)
        # At a blank: the rules that start with blanks, and the indented ones that
        # start with the character after them.
        blank = [r for r in usable if any(map(r.may_start, _BLANK))]
        after = set().union(*(r.first or () for r in usable if r.indented))
        dispatch.after_blanks.update(
            (c, [entry(r) for r in usable if r in blank or (r.indented and r.may_start(c))]) for c in after
        )
        dispatch.other_after_blanks.extend(entry(r) for r in blank)
    return states


_DISPATCHES: Final = _dispatches({"default": DEFAULT_MODE, "inference": INFERENCE_MODE})
_START: Final = _DISPATCHES["default", True]


def tokenize(doc: str) -> Tokens:
    """Split a normalised document (``\\n`` line ends) into tokens.

    Raises :class:`~argmap.exceptions.ArgdownSyntaxError` on a character no
    rule matches (a backslash before a line end or at the end).
    """
    st = _State(doc)
    types, images, starts = st.types, st.images, st.starts
    state = _START
    by_char, other, after_blanks, other_after_blanks = state
    blanks = rx.BLANKS.match
    pos, n = 0, len(doc)
    while pos < n:
        rules = by_char.get(doc[pos], other)
        if rules is _AT_BLANKS:
            k = blanks(doc, pos).end()  # type: ignore[union-attr]
            st.blanks = (pos, k)  # for the Spaces rule (see _State.blanks_end)
            rules = after_blanks.get(doc[k : k + 1], other_after_blanks)
        for entry in rules:
            end = entry[0](st, pos)
            if end >= 0:
                break
        else:
            raise ArgdownSyntaxError("a backslash must escape a character on the same line", doc, pos)
        _, kind, after = entry
        if after is not None:
            types.append(kind)
            images.append(doc[pos:end])
            starts.append(pos)
            st.last = kind
            if after is not state:
                state = after
                by_char, other, after_blanks, other_after_blanks = state
        pos = end
    if types and types[-1] is K.EMPTYLINE:
        types.pop()
        images.pop()
        starts.pop()
    st.dedent_all(n)
    tokens = Tokens()
    tokens.types, tokens.images, tokens.starts = types, images, starts
    return tokens
