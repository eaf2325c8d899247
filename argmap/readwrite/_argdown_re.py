"""Precompiled patterns and character classes of the Argdown lexer.

The patterns follow the token definitions of the reference lexer
(``@argdown/core`` 2.0.1), rewritten for Python's :mod:`re`: JavaScript's ``\\s``
and ``.`` differ from Python's, so both are spelled out here.
"""

from __future__ import annotations

import re
from typing import Final

#: JavaScript's ``\s``.
JS_WS: Final = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
#: The characters of :data:`JS_WS`.
JS_WS_CHARS: Final = frozenset("\t\n\x0b\x0c\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
#: What JavaScript's ``.`` does not match (``\r`` is gone after normalising line ends).
NOT_DOT: Final = "\n\u2028\u2029"

#: Characters that end a run of free text.
SPECIAL: Final = frozenset("\\@#*_[],.:</>(){};-")
#: Characters free text never starts with: :data:`SPECIAL` and the line end.
FREESTYLE_STOP: Final = SPECIAL | {"\n"}

FREESTYLE: Final = re.compile(r"[^\\@#*_\[\],.:</>(){}\n;-]+")
UNUSED_CONTROL: Final = re.compile(r"[@#*_\[\],.:</>(){};-][ \t]?")
FRONT_MATTER: Final = re.compile(r"===+[\s\S]*?===+")
ESCAPED: Final = re.compile(rf"\\[^{NOT_DOT}] *")
SPECIAL_CHAR: Final = re.compile(rf"\.[^{JS_WS}]+?\.[ \t]?|:[^{JS_WS}]+?:[ \t]?")
EMPTYLINE: Final = re.compile(r"(?:[ \t]*\n){2,}")
NEWLINE: Final = re.compile(r"[ \t]*\n")
BLANKS: Final = re.compile(r"[ \t]*")
INFERENCE_START: Final = re.compile(r"[ \t]*--")
INFERENCE_END: Final = re.compile(r"-{2,}")
#: The seven relation symbols; group 1 is the indentation.
IN_SUPPORT: Final = re.compile(r"([ \t]*)\+>")
IN_ATTACK: Final = re.compile(r"([ \t]*)->")
OUT_SUPPORT: Final = re.compile(r"([ \t]*)<?\+")
OUT_ATTACK: Final = re.compile(r"([ \t]*)<?-")
CONTRADICTION: Final = re.compile(r"([ \t]*)><")
IN_UNDERCUT: Final = re.compile(r"([ \t]*)_>")
OUT_UNDERCUT: Final = re.compile(rf"([ \t]*)(?:<_|_(?=[{JS_WS}]))")
HEADING: Final = re.compile(r"(#+) ")
STATEMENT_NUMBER: Final = re.compile(r"[ \t]*\(([0-9]+)\)")
ORDERED_ITEM: Final = re.compile(rf"([ \t]*)[0-9]+\.(?=[{JS_WS}])")
UNORDERED_ITEM: Final = re.compile(rf"([ \t]*)\*(?=[{JS_WS}])")
_END = r"(?:[ \t]|(?=[\n)}_.,!?;:\-*]|\Z))"
BOLD_END_ASTERISK: Final = re.compile(r"\*\*" + _END)
BOLD_END_UNDERSCORE: Final = re.compile(r"__" + _END)
ITALIC_END_ASTERISK: Final = re.compile(r"\*" + _END)
ITALIC_END_UNDERSCORE: Final = re.compile(r"_" + _END)
BOLD_START_ASTERISK: Final = re.compile(rf"\*\*(?![{JS_WS}])")
BOLD_START_UNDERSCORE: Final = re.compile(rf"__(?![{JS_WS}])")
ITALIC_START_ASTERISK: Final = re.compile(rf"\*(?![{JS_WS}])")
ITALIC_START_UNDERSCORE: Final = re.compile(rf"_(?![{JS_WS}])")
TAG_WORD: Final = re.compile(r"#[a-zA-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+[ \t]?")
TRAILING_BLANK: Final = re.compile(r"[ \t]?")
#: After an empty line a comment takes all following line ends with it.
COMMENT_TAIL_AFTER_EMPTYLINE: Final = re.compile(r"(?:[ \t]*\n)*")
#: After a line end a comment takes one line end, unless an empty line follows.
COMMENT_TAIL_AFTER_NEWLINE: Final = re.compile(r"(?:[ \t]*\n(?![ \t]*\n))?")
#: Stops and ends of the ``{data}`` token (see ``_argdown_lex._State.data_end``).
DATA_STOP: Final = re.compile(rf"\}}(?=[{JS_WS}][^,}}])|[\u2028\u2029]")
DATA_CLOSE: Final = re.compile(rf"\}}(?![{JS_WS}]*[,}}])")
LINE_BREAKS: Final = re.compile(rf"[{NOT_DOT}]")
LS_PS: Final = re.compile("[\u2028\u2029]")

#: The shortcodes that Argdown replaces with symbols (``.~.`` or ``:~:`` for ``¬``).
SHORTCODES: Final = {
    "A": "∀",
    "E": "∃",
    "O": "𝗢",
    "P": "𝗣",
    "->": "→",
    "<->": "↔",
    "~": "¬",
    "^": "∧",
    "v": "∨",
    "v_": "⊻",
    "<>": "◇",
    "[]": "◻",
    "happy": "😀",
    "smiley": "☺",
    "laugh": "😆",
    "lol": "😆",
    "rofl": "🤣",
    "joy": "😂",
    "heart": "❤",
    "?": "❓",
    "question": "❓",
    "love": "😍",
    "wink": "😉",
    "shush": "🤫",
    "meh": "😐",
    "eye-roll": "🙄",
    "sad": "😢",
    "disappointed": "😞",
    "scream": "😱",
    "+1": "👍",
    "up": "👍",
    "-1": "👎",
    "down": "👎",
    "think": "🤔",
    "star": "⭐",
    "y": "✔",
    "agree": "✔",
    "n": "❌",
    "disagree": "❌",
}
#: ``:smile:`` and ``.smile.`` differ in the reference.
SHORTCODE_SPECIAL: Final = {":smile:": "☺️", ".smile.": "☺"}
