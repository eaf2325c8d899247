"""The map as a Graphviz graph: pure functions from a map and a style to pydot or DOT text.

Nothing here runs a process or parses DOT; :mod:`argmap.render.backend` runs
Graphviz. Every id and label goes through :mod:`argmap.render.quoting`. The
output depends only on the map (its order of insertion included) and the
options, so the same map always gives the same DOT text.

How the map is drawn
--------------------
- A claim is a rounded box with its text wrapped; a main conclusion (see
  :func:`emphasised_conclusions`) is filled, bold and has a thick border;
  an implicit premise is dashed and in italics; a speaker shows as a small
  line under the text.
- A support is a solid arrow with a filled head, an attack a dashed arrow with
  a bar at the target, a rephrase a dotted arrow with an open head.
- Linked co-premises meet at a small junction node of their inference, from
  which one arrow goes to the conclusion; an undercut ends on that junction.
- In the SVG, each node and edge carries its map id as ``id`` and its kinds
  (``claim main implicit``, ``support``, ``attack undercut``, ...) plus any
  extra classes as ``class``.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> s = m.support(m.claim("C"), [m.claim("P1"), m.claim("P2")])
>>> print(to_dot(m), end="")  # doctest: +ELLIPSIS
digraph "argmap" {
...
"c" [...class="claim main"...];
...
"p1" -> "s1" [...arrowhead="none"...];
...
}
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final

import networkx as nx
import pydot

from argmap.analysis.structure import main_conclusions
from argmap.exceptions import GraphStructureError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap, as_graph
from argmap.render.quoting import HTML, html_escape, quote, quote_tooltip
from argmap.render.style import Style, value_colour
from argmap.schema import validate

__all__ = ["LARGE_MAP", "emphasised_conclusions", "to_dot", "to_pydot"]

LARGE_MAP: Final = 2000
"""Above this many nodes :func:`to_pydot` warns that Graphviz may take long."""

_EDGE_KIND: Final = {INFERENCE: "support", CONFLICT: "attack", REPHRASE: "rephrase"}


_QUOTED: dict[object, str] = {}
_QUOTED_MAX: Final = 4096


def _attrs(**attrs: object) -> dict[str, str]:
    """Quote every attribute value; drop those that are None."""
    out: dict[str, str] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key != "tooltip" and type(value) in (str, float, int):
            # the same colours, shapes and sizes come back on every node: remember them
            quoted = _QUOTED.get(value)
            if quoted is None:
                quoted = quote(f"{value:g}" if type(value) is float else str(value))
                if len(_QUOTED) < _QUOTED_MAX:
                    _QUOTED[value] = quoted
            out[key] = quoted
            continue
        if isinstance(value, HTML):
            out[key] = quote(value)
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, float):
            text = f"{value:g}"
        else:
            text = str(value)
        out[key] = quote_tooltip(text) if key == "tooltip" else quote(text)
    return out


Statement = tuple[tuple[str, ...], dict[str, str]]


def _node(name: str, **attrs: object) -> Statement:
    return (quote(name),), _attrs(**attrs)


def _edge(source: str, target: str, **attrs: object) -> Statement:
    return (quote(source), quote(target)), _attrs(**attrs)


class _Statements:
    """A map's DOT statements in order, every id and value already quoted."""

    def __init__(self) -> None:
        self.graph: dict[str, str] = {}
        self.node_defaults: dict[str, str] = {}
        self.edge_defaults: dict[str, str] = {}
        self.items: list[Statement] = []

    def to_pydot(self) -> pydot.Dot:
        dot = pydot.Dot(graph_name=quote("argmap"), graph_type="digraph")
        dot.obj_dict["attributes"].update(self.graph)
        dot.set_node_defaults(**self.node_defaults)
        dot.set_edge_defaults(**self.edge_defaults)
        for ends, attrs in self.items:
            if len(ends) == 1:
                node = pydot.Node(ends[0])
                for key, value in attrs.items():
                    node.set(key, value)
                dot.add_node(node)
            else:
                edge = pydot.Edge(ends[0], ends[1])
                for key, value in attrs.items():
                    edge.set(key, value)
                dot.add_edge(edge)
        return dot

    def to_string(self) -> str:
        """Return the DOT text, as pydot's ``to_string`` writes it but without its cost."""

        def attr_list(attrs: dict[str, str]) -> str:
            return ", ".join(f"{k}={v}" for k, v in attrs.items())

        lines = [f"digraph {quote('argmap')} {{"]
        lines += [f"{k}={v};" for k, v in self.graph.items()]
        lines.append(f"node [{attr_list(self.node_defaults)}];")
        lines.append(f"edge [{attr_list(self.edge_defaults)}];")
        for ends, attrs in self.items:
            lines.append(f"{' -> '.join(ends)} [{attr_list(attrs)}];" if attrs else f"{' -> '.join(ends)};")
        lines.append("}")
        return "\n".join(lines) + "\n"


def _merge_classes(
    attrs: dict[str, object], base_styles: list[str], extra: Iterable[str], style: Style
) -> list[str]:
    """Apply the class styles of ``extra`` to ``attrs``; return the combined style tokens."""
    styles = list(base_styles)
    for cls in extra:
        for key, value in style.class_styles.get(cls, {}).items():
            if key == "style":
                styles.extend(t for t in value.split(",") if t and t not in styles)
            else:
                attrs[key] = value
    return styles


def wrap(text: str, width: int) -> list[str]:
    r"""Return ``text`` with its white space collapsed, cut into lines of at most ``width`` characters.

    The lines are those of :func:`textwrap.wrap`, computed faster when no word
    is too long for a line and none has a hyphen (where textwrap also breaks).

    >>> wrap("Putin has  no time\nleft", 10)
    ['Putin has', 'no time', 'left']
    >>> wrap("", 10), wrap("a well-known fact", 8)
    ([''], ['a well-', 'known', 'fact'])
    """
    words = text.split()
    if not words:
        return [""]
    if "-" in text or max(map(len, words)) > width:
        return textwrap.wrap(" ".join(words), width)
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _claim_label(
    d: Mapping[str, Any], style: Style, *, main: bool, value: float | None, precision: int
) -> HTML:
    lines = wrap(str(d["text"]), style.wrap)
    body = "<br/>".join(html_escape(line) for line in lines)
    if main:
        body = f"<b>{body}</b>"
    if d.get("implicit"):
        body = f"<i>{body}</i>"
    small = f'<font point-size="{style.fontsize - 2:g}" color="{style.speaker_colour}">'
    if d.get("speaker"):
        speaker = style.speaker_format.format(speaker=" ".join(str(d["speaker"]).split()))
        wrapped = "<br/>".join(html_escape(x) for x in textwrap.wrap(speaker, style.wrap + 8))
        body += f"<br/>{small}{wrapped}</font>"
    if value is not None and style.show_values:
        body += f"<br/>{small}{value:.{precision}f}</font>"
    return HTML(body)


def _relation_ends(g: nx.DiGraph[str]) -> dict[str, tuple[list[str], str]]:
    """Return each relation node's claim sources and its target (of a validated graph)."""
    return {
        n: ([p for p in g.predecessors(n) if g.nodes[p][KIND] == CLAIM], next(iter(g.successors(n))))
        for n, d in g.nodes(data=True)
        if d[KIND] != CLAIM
    }


def emphasised_conclusions(g: nx.DiGraph[str]) -> list[str]:
    """Return the main conclusions the renderer emphasises: those that attack nothing.

    A claim that only attacks (an objection to an objection, say) is in
    :func:`~argmap.analysis.structure.main_conclusions` when something supports
    it, but it is not a thesis of the map.

    >>> m = argmap.ArgumentMap()
    >>> c, o = m.claim("C"), m.claim("Objection")
    >>> _ = m.support(c, m.claim("P")); _ = m.support(o, m.claim("Q")); _ = m.attack(c, by=o)
    >>> emphasised_conclusions(m.graph)
    ['c']
    """
    return [n for n in main_conclusions(g) if not any(g.nodes[s][KIND] == CONFLICT for s in g.successors(n))]


def _class_list(kinds: Iterable[str], extra: Iterable[str]) -> str:
    seen: list[str] = []
    for c in (*kinds, *extra):
        if c not in seen:
            seen.append(c)
    return " ".join(seen)


def _statements(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None = None,
    *,
    values: Mapping[str, float] | None = None,
    value_range: tuple[float, float] = (-1.0, 1.0),
    value_precision: int = 2,
    classes: Mapping[str, str | Iterable[str]] | None = None,
    **style_options: Any,
) -> _Statements:
    """Return the DOT statements of the map; see :func:`to_pydot`."""
    g = as_graph(m)
    validate(g)
    style = (style or Style()).replace(**style_options) if style_options else (style or Style())
    values = dict(values or {})
    extra = {n: ([c] if isinstance(c, str) else list(c)) for n, c in (classes or {}).items()}
    for n in (*values, *extra):
        if n not in g:
            raise GraphStructureError(f"unknown id {n!r} in values or classes")
    if g.number_of_nodes() > LARGE_MAP:
        warnings.warn(
            f"drawing {g.number_of_nodes()} nodes; Graphviz may take long (LARGE_MAP is {LARGE_MAP})",
            RuntimeWarning,
            stacklevel=3,
        )
    main = set(emphasised_conclusions(g))

    dot = _Statements()
    title = g.graph.get("title")
    dot.graph.update(
        _attrs(
            rankdir=style.rankdir,
            newrank=True,
            nodesep=0.3,
            ranksep=0.45,
            bgcolor="#ffffff",
            fontname=style.fontname,
            fontsize=style.fontsize + 3,
            label=HTML(f"<b>{html_escape(title)}</b>") if title else None,
            labelloc="t" if title else None,
        )
    )
    dot.node_defaults = _attrs(fontname=style.fontname, fontsize=style.fontsize, fontcolor=style.text_colour)
    dot.edge_defaults = _attrs(fontname=style.fontname, fontsize=style.fontsize - 2, penwidth=1.4)

    ends = _relation_ends(g)
    attacked = {t for r, (_, t) in ends.items() if g.nodes[r][KIND] == CONFLICT}

    for n, d in g.nodes(data=True):
        if d[KIND] != CLAIM:
            continue
        is_main, implicit = n in main, bool(d.get("implicit"))
        value = values.get(n)
        attrs: dict[str, object] = {
            "shape": "box",
            "margin": "0.14,0.07",
            "color": style.main_border if is_main else style.claim_border,
            "penwidth": style.main_penwidth if is_main else 1.2,
            "fillcolor": (
                value_colour(style, value, value_range)
                if value is not None
                else style.main_fill
                if is_main
                else style.implicit_fill
                if implicit
                else style.claim_fill
            ),
        }
        styles = _merge_classes(
            attrs, ["rounded", "filled", *(["dashed"] if implicit else [])], extra.get(n, ()), style
        )
        kinds = ["claim", *(["main"] if is_main else []), *(["implicit"] if implicit else [])]
        tooltip = d.get("quote") or d["text"]
        if d.get("speaker"):
            tooltip = f"{tooltip} {style.speaker_format.format(speaker=d['speaker'])}"
        if value is not None:
            tooltip = f"{tooltip} [{value:.{value_precision}f}]"
        dot.items.append(
            _node(
                n,
                **attrs,
                style=",".join(styles),
                label=_claim_label(d, style, main=is_main, value=value, precision=value_precision),
                tooltip=tooltip,
                id=n,
                **{"class": _class_list(kinds, extra.get(n, ()))},
            )
        )

    for r, d in g.nodes(data=True):
        kind = d[KIND]
        if kind == CLAIM:
            continue
        sources, target = ends[r]
        colour = {
            INFERENCE: style.support_colour,
            CONFLICT: style.attack_colour,
            REPHRASE: style.rephrase_colour,
        }[kind]
        edge_style, head = {
            INFERENCE: ("solid", "normal"),
            CONFLICT: ("dashed", "tee"),
            REPHRASE: ("dotted", "empty"),
        }[kind]
        kinds = [_EDGE_KIND[kind], *([d["attack_type"]] if kind == CONFLICT else [])]
        scheme = d.get("scheme") if kind == INFERENCE and style.show_schemes else None
        tooltip = {INFERENCE: "support", CONFLICT: str(d.get("attack_type")), REPHRASE: "rephrase"}[kind]
        if d.get("scheme"):
            tooltip += f" ({d['scheme']})"
        rel_attrs: dict[str, object] = {"color": colour}
        styles = _merge_classes(rel_attrs, [edge_style], extra.get(r, ()), style)
        classes_attr = _class_list(kinds, extra.get(r, ()))
        collapse = style.junctions == "auto" and len(sources) == 1 and r not in attacked
        if collapse:
            dot.items.append(
                _edge(
                    sources[0],
                    target,
                    **rel_attrs,
                    style=",".join(styles),
                    arrowhead=head,
                    label=f" {scheme} " if scheme else None,
                    fontcolor=style.speaker_colour,
                    tooltip=tooltip,
                    id=r,
                    **{"class": classes_attr},
                )
            )
            continue
        dot.items.append(
            _node(
                r,
                shape="point" if kind != CONFLICT else "square",
                width=0.13 if kind != CONFLICT else 0.09,
                style="filled",
                color=rel_attrs["color"],
                fillcolor=rel_attrs["color"],
                label="",
                xlabel=f" {scheme} " if scheme else None,
                fontcolor=style.speaker_colour,
                fontsize=style.fontsize - 2,
                tooltip=tooltip,
                id=r,
                **{"class": _class_list(["junction", *kinds], extra.get(r, ()))},
            )
        )
        for s in sources:
            dot.items.append(
                _edge(
                    s,
                    r,
                    **rel_attrs,
                    style=",".join(styles),
                    arrowhead="none",
                    tooltip=tooltip,
                    id=f"{s}->{r}",
                    **{"class": classes_attr},
                )
            )
        dot.items.append(
            _edge(
                r,
                target,
                **rel_attrs,
                style=",".join(styles),
                arrowhead=head,
                tooltip=tooltip,
                id=f"{r}->{target}",
                **{"class": classes_attr},
            )
        )
    return dot


def to_pydot(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None = None,
    *,
    values: Mapping[str, float] | None = None,
    value_range: tuple[float, float] = (-1.0, 1.0),
    value_precision: int = 2,
    classes: Mapping[str, str | Iterable[str]] | None = None,
    **style_options: Any,
) -> pydot.Dot:
    """Return the map as a :class:`pydot.Dot` graph, every id and label quoted by argmap.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
        The map; it is checked with :func:`argmap.schema.validate` first.
    style : Style, optional
        Defaults to ``Style()``, the default theme.
    values : mapping of str to float, optional
        A value per claim id (a strength, a label as a number, ...): the claim
        is filled on the style's value scale, and the value is printed under
        its text when ``style.show_values``. Claims without a value keep their
        usual fill.
    value_range : (float, float)
        The range the values live in, such as ``(-1, 1)`` or ``(0, 1)``.
    value_precision : int
        Decimals of a printed value.
    classes : mapping of str to str or iterable of str, optional
        Extra classes per node id (claims and relations), such as
        ``"matched"``; they go into the SVG ``class`` attribute and pick up
        ``style.class_styles``.
    **style_options
        Overrides of :class:`Style` fields, such as ``rankdir="TB"``.

    Returns
    -------
    pydot.Dot

    Raises
    ------
    GraphStructureError
        If the map breaks the model's schema, or ``values`` or ``classes`` name
        an unknown node.
    StyleError
        If a style option is invalid.

    Examples
    --------
    >>> m = argmap.ArgumentMap()
    >>> _ = m.support(m.claim("C"), m.claim("P"))
    >>> g = to_pydot(m, rankdir="TB", values={"p": 0.5})
    >>> g.get_rankdir(), g.get_node('"p"')[0].get("fillcolor")
    ('"TB"', '"#96be98"')
    """
    return _statements(
        m,
        style,
        values=values,
        value_range=value_range,
        value_precision=value_precision,
        classes=classes,
        **style_options,
    ).to_pydot()


def to_dot(m: ArgumentMap | nx.DiGraph[str], style: Style | None = None, **options: Any) -> str:
    """Return the map as DOT text; the arguments are those of :func:`to_pydot`.

    >>> m = argmap.ArgumentMap()
    >>> _ = m.attack(m.claim('Say "no"'), by=m.claim("graph"))
    >>> print(to_dot(m, junctions="always"), end="")  # doctest: +ELLIPSIS
    digraph "argmap" {
    ...
    "a1" [shape="square", ...];
    "graph" -> "a1" [...];
    "a1" -> "say-no" [..., arrowhead="tee", ...];
    }
    """
    return _statements(m, style, **options).to_string()
