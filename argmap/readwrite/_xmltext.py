"""Text in XML 1.0 for the XML writers: what it cannot hold, and ``\\r`` kept as a character reference."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Final

from argmap.exceptions import ParseError

__all__ = ["NOT_XML", "escape_text", "parse_xml", "xml_safe"]

NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even as character references."""


def xml_safe(text: str) -> tuple[str, bool]:
    """Return ``text`` with U+FFFD for each character XML 1.0 cannot hold, and whether there were any.

    The length stays, so spans into the text stay valid.

    >>> xml_safe("a\\x01b\\r")
    ('a\ufffdb\\r', True)
    """
    clean, count = NOT_XML.subn("\ufffd", text)
    return clean, count > 0


def escape_text(text: str) -> str:
    """Return ``text`` escaped for element content, ``\\r`` as ``&#13;`` (a parser reads a bare one as LF).

    >>> escape_text("a < b & c\\r\\n")
    'a &lt; b &amp; c&#13;\\n'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def parse_xml(text: str) -> ET.Element:
    """Return the root element of ``text``; raise :class:`~argmap.exceptions.ParseError` at a syntax error."""
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        msg = str(exc).rsplit(": line ", 1)[0]
        pos = 0
        for _ in range(line - 1):
            pos = text.find("\n", pos) + 1
        pos += col
        raise ParseError(f"malformed XML: {msg}", text, pos) from None
