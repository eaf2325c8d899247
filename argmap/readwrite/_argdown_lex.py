"""The Argdown lexer: one pass over the document with an integer position.

It reproduces the token stream of the reference lexer (``@argdown/core`` 2.0.1):
tokens are tried in the reference's order and the first that matches wins;
indentation in front of relation symbols and list items yields ``INDENT`` and
``DEDENT`` tokens. Every scan that could run to the end of the document is
memoised, so hostile input stays linear.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Final

from argmap.exceptions import ArgdownSyntaxError
from argmap.readwrite import _argdown_re as rx

__all__ = ["TOKEN_NAMES", "Tokens", "tokenize"]

(
    FRONT_MATTER,
    DATA,
    ESCAPED,
    SPECIAL,
    EMPTYLINE,
    NEWLINE,
    INDENT,
    DEDENT,
    INFERENCE_START,
    IN_SUPPORT,
    IN_ATTACK,
    OUT_SUPPORT,
    OUT_ATTACK,
    CONTRADICTION,
    IN_UNDERCUT,
    OUT_UNDERCUT,
    HEADING,
    STATEMENT_NUMBER,
    ORDERED_ITEM,
    UNORDERED_ITEM,
    BOLD_END_A,
    BOLD_END_U,
    ITALIC_END_A,
    ITALIC_END_U,
    BOLD_START_A,
    BOLD_START_U,
    ITALIC_START_A,
    ITALIC_START_U,
    LINK,
    TAG,
    STATEMENT_DEFINITION,
    STATEMENT_REFERENCE,
    STATEMENT_MENTION,
    ARGUMENT_DEFINITION,
    ARGUMENT_REFERENCE,
    ARGUMENT_MENTION,
    FREESTYLE,
    UNUSED_CONTROL,
    INFERENCE_END,
    LIST_DELIMITER,
    EOF,
) = range(41)

TOKEN_NAMES: Final = [
    "FrontMatter",
    "Data",
    "EscapedChar",
    "SpecialChar",
    "Emptyline",
    "Newline",
    "Indent",
    "Dedent",
    "InferenceStart",
    "IncomingSupport",
    "IncomingAttack",
    "OutgoingSupport",
    "OutgoingAttack",
    "Contradiction",
    "IncomingUndercut",
    "OutgoingUndercut",
    "HeadingStart",
    "StatementNumber",
    "OrderedListItem",
    "UnorderedListItem",
    "AsteriskBoldEnd",
    "UnderscoreBoldEnd",
    "AsteriskItalicEnd",
    "UnderscoreItalicEnd",
    "AsteriskBoldStart",
    "UnderscoreBoldStart",
    "AsteriskItalicStart",
    "UnderscoreItalicStart",
    "Link",
    "Tag",
    "StatementDefinition",
    "StatementReference",
    "StatementMention",
    "ArgumentDefinition",
    "ArgumentReference",
    "ArgumentMention",
    "Freestyle",
    "UnusedControlChar",
    "InferenceEnd",
    "ListDelimiter",
    "EOF",
]

_RELATIONS: Final = (IN_SUPPORT, IN_ATTACK, OUT_SUPPORT, OUT_ATTACK, CONTRADICTION, IN_UNDERCUT, OUT_UNDERCUT)
_LINE_STARTERS: Final = frozenset({-1, NEWLINE, EMPTYLINE})
_BLANK: Final = frozenset(" \t\n")
#: Characters that only ever start an ``UnusedControlChar`` token in the default mode.
_ONLY_CONTROL: Final = frozenset(",;)]}")
_FREE_START: Final = frozenset(rx.SPECIAL | _BLANK | {"=", "+", ">"} | set("0123456789"))
_RANGE_END: Final = {
    "AB": (BOLD_END_A, rx.BOLD_END_ASTERISK, "*"),
    "UB": (BOLD_END_U, rx.BOLD_END_UNDERSCORE, "_"),
    "AI": (ITALIC_END_A, rx.ITALIC_END_ASTERISK, "*"),
    "UI": (ITALIC_END_U, rx.ITALIC_END_UNDERSCORE, "_"),
}


class Tokens:
    """The token stream: parallel lists of types, images and start positions."""

    __slots__ = ("images", "starts", "types")

    def __init__(self) -> None:
        self.types: list[int] = []
        self.images: list[str] = []
        self.starts: list[int] = []


class _Scanner:
    """Memoised ``str.find`` and line-break checks over one document."""

    __slots__ = ("closes", "doc", "has_ls", "memo", "stops")

    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.memo: dict[str, tuple[int, int]] = {}
        self.has_ls = "\u2028" in doc or "\u2029" in doc
        self.stops: list[int] | None = None
        self.closes: list[int] = []

    def find(self, needle: str, start: int) -> int:
        hit = self.memo.get(needle)
        if hit is not None and start >= hit[0] and (hit[1] == -1 or hit[1] >= start):
            return hit[1]
        found = self.doc.find(needle, start)
        self.memo[needle] = (start, found)
        return found

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


def tokenize(doc: str) -> Tokens:
    """Split a normalised document (``\\n`` line ends) into tokens.

    Raises :class:`~argmap.exceptions.ArgdownSyntaxError` on a character no
    token matches (a backslash before a line end or at the end).
    """
    toks = Tokens()
    types, images, starts = toks.types, toks.images, toks.starts
    scan = _Scanner(doc)
    n = len(doc)
    indents = [0]
    ranges: list[str] = []
    inference = False
    pos = 0
    last = -1

    def add(kind: int, end: int) -> None:
        types.append(kind)
        images.append(doc[pos:end])
        starts.append(pos)

    def dedent_all() -> None:
        while len(indents) > 1:
            indents.pop()
            types.append(DEDENT)
            images.append("")
            starts.append(pos)

    def indent_to(level: int) -> None:
        if level > indents[-1]:
            indents.append(level)
            types.append(INDENT)
            images.append("")
            starts.append(pos)
            return
        while len(indents) > 1 and level < indents[-1]:
            indents.pop()
            types.append(DEDENT)
            images.append("")
            starts.append(pos)

    free_match = rx.FREESTYLE.match
    control_match = rx.UNUSED_CONTROL.match
    push_type, push_image, push_start = types.append, images.append, starts.append
    while pos < n:
        c = doc[pos]
        # Fast paths: plain text, and punctuation that is text wherever it stands.
        if c not in _FREE_START:
            end = free_match(doc, pos).end()  # type: ignore[union-attr]
            push_type(FREESTYLE)
            push_image(doc[pos:end])
            push_start(pos)
            pos = end
            continue
        if c in _ONLY_CONTROL and not inference:
            end = control_match(doc, pos).end()  # type: ignore[union-attr]
            push_type(UNUSED_CONTROL)
            push_image(doc[pos:end])
            push_start(pos)
            pos = end
            continue
        last = types[-1] if types else -1
        # Comments are skipped, in both modes.
        if c in {"<", "/"}:
            end = -1
            if doc.startswith("<!--", pos):
                close = scan.find("-->", pos + 4)
                if close != -1:
                    end = close + 3
            elif doc.startswith("/*", pos):
                close = scan.find("*/", pos + 2)
                if close != -1:
                    end = close + 2
            elif doc.startswith("//", pos):
                close = scan.find("\n", pos + 2)
                if close != -1:
                    end = close
            if end != -1 and scan.has_ls and rx.LS_PS.search(doc, pos, end):
                end = -1
            if end != -1:
                if last == EMPTYLINE:
                    end = rx.COMMENT_TAIL_AFTER_EMPTYLINE.match(doc, end).end()  # type: ignore[union-attr]
                elif last == NEWLINE:
                    end = rx.COMMENT_TAIL_AFTER_NEWLINE.match(doc, end).end()  # type: ignore[union-attr]
                pos = end
                continue
        if inference:
            m = None
            kind = -1
            if c in _BLANK and (m := rx.NEWLINE.match(doc, pos)):
                kind = NEWLINE
            elif c == "\\":
                m = rx.ESCAPED.match(doc, pos)
                kind = ESCAPED
            elif (c in {".", ":"}) and (m := rx.SPECIAL_CHAR.match(doc, pos)):
                kind = SPECIAL
            elif c == "-" and (m := rx.INFERENCE_END.match(doc, pos)):
                kind = INFERENCE_END
                inference = False
            elif c == "{" and (end := scan.data_end(pos)) != -1:
                add(DATA, end)
                pos = end
                continue
            elif c == ",":
                add(LIST_DELIMITER, pos + 1)
                pos += 1
                continue
            elif c in {" ", "\t"}:
                pos = rx.SPACES.match(doc, pos).end()  # type: ignore[union-attr]
                continue
            elif c not in rx.SPECIAL:
                m = rx.FREESTYLE.match(doc, pos)
                kind = FREESTYLE
            else:
                m = rx.UNUSED_CONTROL.match(doc, pos)
                kind = UNUSED_CONTROL
            if m is None:
                raise ArgdownSyntaxError(f"unexpected character {c!r}", doc, pos)
            add(kind, m.end())
            pos = m.end()
            continue
        line_start = last in _LINE_STARTERS
        if c == "=":
            m = rx.FRONT_MATTER.match(doc, pos)
            if m is None:
                m = rx.FREESTYLE.match(doc, pos)
                add(FREESTYLE, m.end())  # type: ignore[union-attr]
            else:
                add(FRONT_MATTER, m.end())
            pos = m.end()  # type: ignore[union-attr]
            continue
        if c == "{":
            end = scan.data_end(pos)
            if end != -1:
                add(DATA, end)
                pos = end
                continue
        elif c == "\\":
            m = rx.ESCAPED.match(doc, pos)
            if m is None:
                raise ArgdownSyntaxError("a backslash must escape a character on the same line", doc, pos)
            add(ESCAPED, m.end())
            pos = m.end()
            continue
        elif (c in {".", ":"}) and (m := rx.SPECIAL_CHAR.match(doc, pos)):
            add(SPECIAL, m.end())
            pos = m.end()
            continue
        if c in _BLANK:
            if last != EMPTYLINE and (m := rx.EMPTYLINE.match(doc, pos)):
                if m.end() < n:
                    dedent_all()
                add(EMPTYLINE, m.end())
                pos = m.end()
                continue
            if m := rx.NEWLINE.match(doc, pos):
                add(NEWLINE, m.end())
                pos = m.end()
                continue
        if line_start:
            if (last != EMPTYLINE) and (c in {" ", "\t", "-"}):
                m = rx.INFERENCE_START.match(doc, pos)
                if m:
                    dedent_all()
                    add(INFERENCE_START, m.end())
                    pos = m.end()
                    inference = True
                    continue
            if c in " \t+-<>_" and (m := rx.RELATION.match(doc, pos)):
                indent_to(len(m.group(1)))
                add(_RELATIONS[m.lastindex - 2], m.end())  # type: ignore[operator]
                pos = m.end()
                continue
        if c == "#" and (last == -1 or last in (NEWLINE, EMPTYLINE)) and (m := rx.HEADING.match(doc, pos)):
            add(HEADING, m.end())
            pos = m.end()
            continue
        if line_start:
            if (c in {" ", "\t", "("}) and (m := rx.STATEMENT_NUMBER.match(doc, pos)):
                dedent_all()
                add(STATEMENT_NUMBER, m.end())
                pos = m.end()
                continue
            if (c in {" ", "\t"} or "0" <= c <= "9") and (m := rx.ORDERED_ITEM.match(doc, pos)):
                indent_to(len(m.group(1)) + 1)
                add(ORDERED_ITEM, m.end())
                pos = m.end()
                continue
            if (c in {" ", "\t", "*"}) and (m := rx.UNORDERED_ITEM.match(doc, pos)):
                indent_to(len(m.group(1)) + 1)
                add(UNORDERED_ITEM, m.end())
                pos = m.end()
                continue
        if c in {"*", "_"}:
            if ranges and last != -1:
                kind, pattern, char = _RANGE_END[ranges[-1]]
                if char == c and (m := pattern.match(doc, pos)):
                    ranges.pop()
                    add(kind, m.end())
                    pos = m.end()
                    continue
            if c == "*":
                if m := rx.BOLD_START_ASTERISK.match(doc, pos):
                    ranges.append("AB")
                    add(BOLD_START_A, m.end())
                elif m := rx.ITALIC_START_ASTERISK.match(doc, pos):
                    ranges.append("AI")
                    add(ITALIC_START_A, m.end())
            elif m := rx.BOLD_START_UNDERSCORE.match(doc, pos):
                ranges.append("UB")
                add(BOLD_START_U, m.end())
            elif m := rx.ITALIC_START_UNDERSCORE.match(doc, pos):
                ranges.append("UI")
                add(ITALIC_START_U, m.end())
            if m:
                pos = m.end()
                continue
        elif c == "[":
            end = _bracketed(doc, scan, pos)
            if end > 0:
                kind = LINK
            elif end < 0:
                end, kind = -end, STATEMENT_DEFINITION
            else:
                close = scan.find("]", pos + 2)
                if close != -1 and doc[pos + 1] != "-" and scan.one_line(pos + 2, close):
                    end, kind = close + 1, STATEMENT_REFERENCE
            if end:
                add(kind, end)
                pos = end
                continue
        elif c == "#":
            end = 0
            if doc.startswith("#(", pos):
                close = scan.find(")", pos + 2)
                if close > pos + 2:
                    end = rx.TRAILING_BLANK.match(doc, close + 1).end()  # type: ignore[union-attr]
            elif m := rx.TAG_WORD.match(doc, pos):
                end = m.end()
            if end:
                add(TAG, end)
                pos = end
                continue
        elif c == "@":
            nxt = doc[pos + 1 : pos + 2]
            if nxt in {"[", "<"}:
                close = scan.find("]" if nxt == "[" else ">", pos + 3)
                if close != -1 and scan.one_line(pos + 2, close):
                    end = rx.TRAILING_BLANK.match(doc, close + 1).end()  # type: ignore[union-attr]
                    add(STATEMENT_MENTION if nxt == "[" else ARGUMENT_MENTION, end)
                    pos = end
                    continue
        elif c == "<":
            close = scan.find(">:", pos + 2)
            if close != -1 and scan.one_line(pos + 1, close):
                add(ARGUMENT_DEFINITION, close + 2)
                pos = close + 2
                continue
            close = scan.find(">", pos + 2)
            if close != -1 and pos + 1 < n and doc[pos + 1] != "-" and scan.one_line(pos + 2, close):
                add(ARGUMENT_REFERENCE, close + 1)
                pos = close + 1
                continue
        if c in {" ", "\t"}:
            pos = rx.SPACES.match(doc, pos).end()  # type: ignore[union-attr]
            continue
        if c in rx.SPECIAL:
            m = rx.UNUSED_CONTROL.match(doc, pos)
            kind = UNUSED_CONTROL
        else:
            m = rx.FREESTYLE.match(doc, pos)
            kind = FREESTYLE
        if m is None:
            raise ArgdownSyntaxError(f"unexpected character {c!r}", doc, pos)
        add(kind, m.end())
        pos = m.end()
    if types and types[-1] == EMPTYLINE:
        types.pop()
        images.pop()
        starts.pop()
    dedent_all()
    return toks


def _bracketed(doc: str, scan: _Scanner, pos: int) -> int:
    """Match a link (``> 0``) or a statement definition (``< 0``) at ``pos``; 0 if neither."""
    close = scan.find("]", pos + 1)
    if close >= pos + 2 and doc.startswith("(", close + 1):
        paren = scan.find(")", close + 2)
        if paren >= close + 3:
            return rx.TRAILING_BLANK.match(doc, paren + 1).end()  # type: ignore[union-attr]
    close = scan.find("]:", pos + 2)
    if close != -1 and scan.one_line(pos + 1, close):
        return -(close + 2)
    return 0
