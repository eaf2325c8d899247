"""The exception tree of argmap.

Every error argmap raises on purpose is an :class:`ArgmapError`. The attributes
of each class are stable; the wording of messages is not.
"""

from __future__ import annotations

__all__ = [
    "AIFFormatError",
    "ArgdownSyntaxError",
    "ArgmapError",
    "ArgmapWarning",
    "AttributeTypeError",
    "DanglingReferenceWarning",
    "FormatError",
    "GraphStructureError",
    "GraphvizNotFound",
    "IncompleteRelationWarning",
    "InputWarning",
    "LossyConversionWarning",
    "MalformedPartWarning",
    "OptionError",
    "ParseError",
    "QuoteNotFound",
    "RecordError",
    "RenderError",
    "SelfLoopWarning",
    "SideFileEncodingWarning",
    "SolverNotFound",
    "SolverTimeout",
    "StyleError",
    "UnknownSchemeError",
    "UnsupportedStructureWarning",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class GraphStructureError(ArgmapError, ValueError):
    """A map or graph breaks the model's rules (unknown id, self-support, ...)."""


class AttributeTypeError(GraphStructureError):
    """A node or map attribute whose value has the wrong type or form; ``attribute`` names it."""

    def __init__(self, msg: str, attribute: str) -> None:
        super().__init__(msg)
        self.attribute = attribute


class QuoteNotFound(ArgmapError, LookupError):
    """A quote does not occur in the map's source text."""

    def __init__(self, quote: str) -> None:
        self.quote = quote
        short = quote if len(quote) <= 60 else quote[:57] + "..."
        super().__init__(f"quote not found in the source text: {short!r}")


class UnknownSchemeError(ArgmapError, LookupError):
    """No scheme of the catalogue has the id, name or alias asked for.

    Attributes
    ----------
    name : str
        The name asked for.
    suggestions : tuple of str
        Names of the closest schemes (the "did you mean"), best first; maybe empty.
    """

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no scheme is called {name!r}{hint}")


class ParseError(ArgmapError, ValueError):
    """Text that cannot be parsed, with its position.

    Attributes
    ----------
    msg : str
        What is wrong, without the position.
    doc : str
        The whole document parsed.
    pos : int
        Index into ``doc`` where the error was found.
    lineno, colno : int
        1-based line and column of ``pos``.
    """

    def __init__(self, msg: str, doc: str, pos: int) -> None:
        pos = max(0, min(pos, len(doc)))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = doc.count("\n", 0, pos) + 1
        self.colno = pos - (doc.rfind("\n", 0, pos) + 1) + 1
        super().__init__(f"{msg} (at line {self.lineno}, column {self.colno})")

    def get_context(self) -> str:
        """Return the offending line with a caret under the column."""
        start = self.doc.rfind("\n", 0, self.pos) + 1
        end = self.doc.find("\n", self.pos)
        line = self.doc[start : end if end != -1 else len(self.doc)]
        return f"{line}\n{' ' * (self.colno - 1)}^"


class ArgdownSyntaxError(ParseError):
    """An Argdown document that cannot be parsed."""


class FormatError(ArgmapError, ValueError):
    """A file that does not follow its format.

    Attributes
    ----------
    path : str or None
        Where in the document the problem is, such as ``nodes[3].type``.
    """

    def __init__(self, msg: str, path: str | None = None) -> None:
        self.msg = msg
        self.path = path
        super().__init__(f"{msg} (at {path})" if path else msg)


class RecordError(FormatError):
    """Records that make no map: a duplicate id, an edge to an unknown node, a node breaking the schema."""


class AIFFormatError(FormatError):
    """An AIF document that does not follow AIF."""


class GraphvizNotFound(ArgmapError, RuntimeError):
    """No Graphviz engine could be run."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz ran but failed; ``stderr`` holds what it printed."""

    def __init__(self, msg: str, stderr: str = "") -> None:
        self.stderr = stderr
        super().__init__(f"{msg}: {stderr.strip()}" if stderr.strip() else msg)


class OptionError(ArgmapError, ValueError):
    """An option or argument has a value argmap does not take (an unknown semantics, a negative limit)."""


class StyleError(OptionError):
    """A style option has a value argmap cannot draw with."""


class SolverNotFound(ArgmapError, ImportError):
    """The SAT solver package python-sat is not installed."""


class SolverTimeout(ArgmapError, TimeoutError):
    """A search (the SAT solver of preferred, stable or complete semantics) ran past its ``timeout``.

    Attributes
    ----------
    timeout : float
        The limit, in seconds.
    """

    def __init__(self, timeout: float, what: str = "the SAT search") -> None:
        self.timeout = timeout
        super().__init__(f"{what} ran out of time after {timeout:g} s (raise --timeout or timeout=)")


class ArgmapWarning(UserWarning):
    """Base class of every warning argmap issues."""


class InputWarning(ArgmapWarning):
    """Part of an input file was malformed or cannot be represented; the message says what was done."""


class MalformedPartWarning(InputWarning):
    """Part of an input breaks a rule of the model; it is kept aside in ``meta``, and the rest is read."""


class SelfLoopWarning(MalformedPartWarning):
    """An edge runs from a node to itself; it is kept aside, not in the graph."""


class DanglingReferenceWarning(InputWarning):
    """An edge or locution names a node the file does not define; it is kept aside."""


class IncompleteRelationWarning(MalformedPartWarning):
    """A relation (scheme) node lacks premises or a single conclusion; it is kept aside."""


class UnsupportedStructureWarning(MalformedPartWarning):
    """Valid in the file's format but not in argmap's model (an attack on an attack, ...); kept aside."""


class SideFileEncodingWarning(InputWarning):
    """A side file (such as the source text) is not UTF-8; it was decoded as cp1252."""


class LossyConversionWarning(ArgmapWarning):
    """The output format cannot hold part of the map (a scheme name, a rephrase, ...); it was left out."""
