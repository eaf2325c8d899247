r"""Quoting for DOT: every id and label argmap writes passes through here.

pydot leaves a string that already looks quoted (``"..."``) or like an HTML
label (``<...>``) untouched, backslashes included, so it cannot be trusted to
escape text. argmap quotes everything itself:

- :func:`quote` turns any text into a DOT double-quoted string, always
  quoted, with backslashes, ``"``, ``&`` and line breaks escaped;
- :func:`html_escape` turns text into the content of an HTML-like label,
  with ``&``, ``<``, ``>``, quotes and backslashes escaped;
- :class:`HTML` marks a string as trusted HTML-label markup, and
  :func:`quote` wraps it in ``<...>`` instead of quoting it.

Control characters other than line breaks and tabs cannot be carried by
Graphviz's SVG output (XML forbids them), so both functions replace them with
U+FFFD.

Two Graphviz habits make the escapes less obvious than they look (checked
against Graphviz 2.43 and graphviz-pure 0.2.2 by ``tests/test_quoting.py``):
Graphviz reads HTML entities such as ``&amp;`` inside ordinary strings, so
:func:`quote` writes ``&`` as ``&amp;``; and it expands ``\N``, ``\G`` and
``\\`` inside HTML labels too, so :func:`html_escape` doubles backslashes.
Tooltips have their backslash escapes expanded twice, hence
:func:`quote_tooltip`.

Examples
--------
>>> print(quote('say "hi"\n'))
"say \"hi\"\n"
>>> print(quote("graph"))
"graph"
>>> print(html_escape("a < b & c\nd"))
a &lt; b &amp; c<br/>d
>>> print(quote(HTML("<b>" + html_escape("x<y") + "</b>")))
<<b>x&lt;y</b>>
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["DOT_KEYWORDS", "HTML", "html_escape", "quote", "quote_tooltip"]

DOT_KEYWORDS: Final = frozenset({"graph", "digraph", "subgraph", "node", "edge", "strict"})
"""Words the DOT grammar reserves (case-insensitively); :func:`quote` always quotes, so they are safe."""

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PLAIN: Final = re.compile(r'[^\\"&\x00-\x1f\x7f]*')
_NEWLINE: Final = re.compile(r"\r\n?|\n")
_DOT_ESCAPES: Final = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "&": "&amp;"})
_HTML_ESCAPES: Final = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        "]": "&#93;",  # Graphviz 2.43 rejects an HTML label of only "]" characters
        "\\": "\\\\",
        "\n": "<br/>",
    }
)


class HTML(str):
    """A string of HTML-label markup that :func:`quote` emits as ``<...>`` unchanged.

    Build the markup from pieces passed through :func:`html_escape`; nothing in
    an ``HTML`` value is escaped again.

    >>> quote(HTML("<i>x</i>"))
    '<<i>x</i>>'
    """

    __slots__ = ()


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", _NEWLINE.sub("\n", text))


def quote(text: str) -> str:
    r"""Return ``text`` as a DOT string: always double-quoted, special characters escaped.

    Backslashes become ``\\``, double quotes ``\"`` and ``&`` becomes
    ``&amp;``, so that Graphviz shows them literally; a line break becomes
    ``\n`` (a centred line in a label).
    ``\r\n`` and ``\r`` count as line breaks. An :class:`HTML` value is
    returned as ``<...>`` instead.

    Parameters
    ----------
    text : str
        Any text: a node id, a label, an attribute value.

    Returns
    -------
    str
        A DOT id that pydot and Graphviz read back as exactly ``text``.

    Examples
    --------
    >>> quote("node")
    '"node"'
    >>> print(quote('C:\\temp "x"'))
    "C:\\temp \"x\""
    >>> quote("Путин")
    '"Путин"'
    """
    if isinstance(text, HTML):
        return f"<{text}>"
    if not isinstance(text, str):
        raise TypeError(f"quote() needs a str, not {type(text).__name__}")
    if _PLAIN.fullmatch(text):  # nothing to escape: the common case, kept fast for large maps
        return f'"{text}"'
    return '"' + _clean(text).translate(_DOT_ESCAPES) + '"'


def html_escape(text: str) -> str:
    """Return ``text`` escaped for an HTML-like label; line breaks become ``<br/>``.

    ``&``, ``<``, ``>``, ``"``, ``'`` and ``]`` become entities, so markup in the
    text shows as text; a backslash is doubled, so that ``\\N`` shows as written.

    >>> html_escape("<script>alert('&')</script>")
    '&lt;script&gt;alert(&#39;&amp;&#39;)&lt;/script&gt;'
    """
    return _clean(text).translate(_HTML_ESCAPES)


def quote_tooltip(text: str) -> str:
    r"""Return ``text`` quoted for a ``tooltip``, whose escapes Graphviz expands twice.

    Backslashes are escaped twice over; otherwise as :func:`quote`.

    >>> print(quote_tooltip("C:\\temp"))
    "C:\\\\temp"
    """
    return quote(text.replace("\\", "\\\\"))
