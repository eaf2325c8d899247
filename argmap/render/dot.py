"""The map as a Graphviz graph: pure functions from a map and a style to pydot or DOT text.

Nothing here runs a process or parses DOT; :mod:`argmap.render.backend` runs Graphviz. Every id
and label goes through :mod:`argmap.render.quoting`. The output depends only on the map (its
order of insertion included) and the options, so the same map always gives the same DOT text.

How the map is drawn
--------------------
- A claim is a rounded box with its text wrapped, as wide as argmap measures its longest line in
  the drawing font (:mod:`argmap.render.metrics`), whatever the engine measures.
- The main thesis (:func:`theses`) is the root: on the last rank, larger, bold, dark and with a
  thick border. Other end-point conclusions (:func:`emphasised_conclusions`) are tinted with a
  thicker border; an implicit premise is dashed and in italics.
- A speaker shows as a small line under the text: a short name (``— Reiterovich``, see
  :func:`short_speakers`) with the full attribution in the tooltip and the legend, the full
  attribution, or nothing (``Style.speakers``).
- A support is a solid arrow with a filled head, an attack a dashed arrow with a bar at the
  target, a rephrase a dotted arrow with an open head. An inference is labelled with its
  argument's title (Argdown's ``<Title>``) and its scheme's name (``Practical reasoning``).
- Linked co-premises meet at a small junction node of their inference, from which one arrow
  goes to the conclusion; an undercut ends on that junction.
- Optionally, sections (Argdown headings) are frames around their claims and tags colour claims.
- In the SVG, each node and edge carries its map id as ``id`` and its kinds (``claim thesis``,
  ``claim conclusion``, ``claim implicit``, ``support``, ``attack undercut``, ...) plus any extra
  classes as ``class``.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> s = m.support(m.claim("C"), [m.claim("P1"), m.claim("P2")])
>>> print(to_dot(m), end="")  # doctest: +ELLIPSIS
digraph "argmap" {
...
"c" [...class="claim thesis"...];
...
"p1" -> "s1" [...arrowhead="none"...];
...
}
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final

import networkx as nx
import pydot

from argmap.analysis.structure import main_conclusions
from argmap.exceptions import GraphStructureError, StyleError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap, as_graph
from argmap.render.metrics import text_width
from argmap.render.quoting import HTML, html_escape, quote, quote_tooltip
from argmap.render.style import Style, readable_on, value_colour
from argmap.schema import validate
from argmap.schemes import scheme_name

__all__ = [
    "LARGE_MAP",
    "Conventions",
    "argument_title",
    "conventions",
    "emphasised_conclusions",
    "short_speakers",
    "theses",
    "to_dot",
    "to_pydot",
    "wrap",
]

LARGE_MAP: Final = 2000
"""Above this many nodes :func:`to_pydot` warns that Graphviz may take long."""

LABEL_WRAP: Final = 26
"""Characters per line of an inference's label (argument title, scheme name)."""

_EDGE_KIND: Final = {INFERENCE: "support", CONFLICT: "attack", REPHRASE: "rephrase"}
_H_MARGIN: Final = 0.14
_V_MARGIN: Final = 0.07
_THESIS_MARGIN: Final = (0.2, 0.1)


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


@dataclasses.dataclass
class _Subgraph:
    name: str | None
    attrs: dict[str, str]
    items: list[Item]


DotStatement = tuple[tuple[str, ...], dict[str, str]]
Item = DotStatement | _Subgraph


def _node(name: str, /, **attrs: object) -> DotStatement:
    return (quote(name),), _attrs(**attrs)


def _edge(source: str, target: str, /, **attrs: object) -> DotStatement:
    return (quote(source), quote(target)), _attrs(**attrs)


def _attr_list(attrs: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in attrs.items())


class _Statements:
    """A map's DOT statements in order, every id and value already quoted."""

    def __init__(self) -> None:
        self.graph: dict[str, str] = {}
        self.node_defaults: dict[str, str] = {}
        self.edge_defaults: dict[str, str] = {}
        self.items: list[Item] = []

    def to_pydot(self) -> pydot.Dot:
        dot = pydot.Dot(graph_name=quote("argmap"), graph_type="digraph")
        dot.obj_dict["attributes"].update(self.graph)
        dot.set_node_defaults(**self.node_defaults)
        dot.set_edge_defaults(**self.edge_defaults)
        _fill_pydot(dot, self.items)
        return dot

    def to_string(self) -> str:
        """Return the DOT text, as pydot's ``to_string`` writes it but without its cost."""
        lines = [f"digraph {quote('argmap')} {{"]
        lines += [f"{k}={v};" for k, v in self.graph.items()]
        lines.append(f"node [{_attr_list(self.node_defaults)}];")
        lines.append(f"edge [{_attr_list(self.edge_defaults)}];")
        _string_lines(self.items, lines)
        lines.append("}")
        return "\n".join(lines) + "\n"


def _fill_pydot(parent: pydot.Graph, items: list[Item]) -> None:
    for item in items:
        if isinstance(item, _Subgraph):
            sub = pydot.Subgraph(item.name) if item.name is not None else pydot.Subgraph()
            sub.obj_dict["attributes"].update(item.attrs)
            _fill_pydot(sub, item.items)
            parent.add_subgraph(sub)
            continue
        ends, attrs = item
        if len(ends) == 1:
            node = pydot.Node(ends[0])
            for key, value in attrs.items():
                node.set(key, value)
            parent.add_node(node)
        else:
            edge = pydot.Edge(ends[0], ends[1])
            for key, value in attrs.items():
                edge.set(key, value)
            parent.add_edge(edge)


def _string_lines(items: list[Item], lines: list[str]) -> None:
    for item in items:
        if isinstance(item, _Subgraph):
            lines.append(f"subgraph {item.name} {{" if item.name is not None else "subgraph {")
            lines += [f"{k}={v};" for k, v in item.attrs.items()]
            _string_lines(item.items, lines)
            lines.append("}")
            continue
        ends, attrs = item
        lines.append(f"{' -> '.join(ends)} [{_attr_list(attrs)}];" if attrs else f"{' -> '.join(ends)};")


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

    The lines are those of :func:`textwrap.wrap`, computed faster when no word is too long for a
    line and none has a hyphen (where textwrap also breaks).

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


def theses(g: ArgumentMap | nx.DiGraph[str]) -> list[str]:
    """Return the main theses: claims with ``thesis`` set.

    When no claim is marked and the map has exactly one end-point conclusion
    (:func:`emphasised_conclusions`), that one is the thesis.

    >>> m = argmap.ArgumentMap()
    >>> c, d = m.claim("C"), m.claim("D", thesis=True)
    >>> _ = m.support(c, m.claim("P")); _ = m.support(d, m.claim("Q"))
    >>> theses(m)
    ['d']
    """
    g = as_graph(g)
    marked = [n for n, d in g.nodes(data=True) if d[KIND] == CLAIM and d.get("thesis", False) is True]
    if marked:
        return marked
    ends = emphasised_conclusions(g)
    return ends if len(ends) == 1 else []


def emphasised_conclusions(g: nx.DiGraph[str]) -> list[str]:
    """Return the end-point conclusions the renderer emphasises: main conclusions that attack nothing.

    A claim that only attacks (an objection to an objection, say) is in
    :func:`~argmap.analysis.structure.main_conclusions` when something supports it, but it is not
    a conclusion of the map.

    >>> m = argmap.ArgumentMap()
    >>> c, o = m.claim("C"), m.claim("Objection")
    >>> _ = m.support(c, m.claim("P")); _ = m.support(o, m.claim("Q")); _ = m.attack(c, by=o)
    >>> emphasised_conclusions(m.graph)
    ['c']
    """
    return [n for n in main_conclusions(g) if not any(g.nodes[s][KIND] == CONFLICT for s in g.successors(n))]


def _short_name(full: str) -> str:
    plain = re.sub(r"\s*\([^)]*\)\s*", " ", full).strip() or full
    words = [w.strip(".,;:") for w in plain.split()]
    capitalised = [w for w in words if w[:1].isupper()]
    name = capitalised[-1] if capitalised else " ".join(words)
    return name if len(name) <= 20 else name[:19] + "…"


def short_speakers(g: ArgumentMap | nx.DiGraph[str]) -> dict[str, str]:
    """Return a short label per speaker of the map: its last capitalised word, unique.

    A parenthesis is left out (``Putin (as reported by ...)`` is ``Putin``); speakers whose short
    labels would collide keep their full names.

    >>> m = argmap.ArgumentMap()
    >>> for who in ("political scientist Igor Reiterovich", "experts", "Putin (as told by Igor)"):
    ...     _ = m.claim(who, speaker=who)
    >>> list(short_speakers(m).values())
    ['Reiterovich', 'experts', 'Putin']
    """
    g = as_graph(g)
    fulls = list(
        dict.fromkeys(
            " ".join(str(d["speaker"]).split())
            for _, d in g.nodes(data=True)
            if d[KIND] == CLAIM and d.get("speaker")
        )
    )
    shorts = {f: _short_name(f) for f in fulls}
    counts: dict[str, int] = {}
    for s in shorts.values():
        counts[s] = counts.get(s, 0) + 1
    return {f: (s if counts[s] == 1 else f) for f, s in shorts.items()}


def argument_title(d: Mapping[str, Any]) -> str | None:
    """Return the Argdown title of an inference, kept by the Argdown reader in ``meta["argdown"]["title"]``.

    The reader keeps it only where it differs from the inference id; an id that is the title's
    slug says nothing a reader needs, so none is returned then.

    >>> argument_title({"meta": {"argdown": {"title": "Posture"}}})
    'Posture'
    """
    argdown = (d.get("meta") or {}).get("argdown")
    title = argdown.get("title") if isinstance(argdown, Mapping) else None
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else None


@dataclasses.dataclass(frozen=True)
class Conventions:
    """What a drawing shows, for its legend (:mod:`argmap.render.legend`)."""

    style: Style
    claim_kinds: tuple[str, ...]
    relation_kinds: tuple[str, ...]
    speakers: tuple[tuple[str, str], ...]
    classes: tuple[str, ...]
    tags: tuple[str, ...]
    value_range: tuple[float, float] | None


def _claim_look(d: Mapping[str, Any], style: Style, role: str) -> tuple[str, str]:
    """Return the fill and border colour of a claim (before class styles)."""
    implicit = bool(d.get("implicit"))
    tag_fill = next((style.tag_colours[t] for t in d.get("tags") or () if t in style.tag_colours), None)
    if role == "thesis":
        fill, border = style.thesis_fill, style.thesis_border
    elif role == "conclusion":
        fill, border = style.conclusion_fill, style.conclusion_border
    else:
        fill, border = (style.implicit_fill if implicit else style.claim_fill), style.claim_border
    if tag_fill is not None and role != "thesis":
        fill = tag_fill
    return fill, border


def _claim_label(
    d: Mapping[str, Any],
    style: Style,
    *,
    role: str,
    speaker: str | None,
    value: float | None,
    precision: int,
    fill: str,
) -> tuple[HTML, float, str]:
    """Return the HTML label of a claim, the width of its widest line in points, and its text colour."""
    thesis = role == "thesis"
    italic = bool(d.get("implicit"))
    size = style.fontsize * style.thesis_scale if thesis else style.fontsize
    small = style.fontsize - 2
    lines = wrap(str(d["text"]), style.wrap)
    widest = max(text_width(line, size, bold=thesis, italic=italic) for line in lines)
    body = "<br/>".join(html_escape(line) for line in lines)
    text_colour = readable_on(fill, style.thesis_text if thesis else style.text_colour, style.text_colour)
    if thesis:
        body = f"<b>{body}</b>"
    if italic:
        body = f"<i>{body}</i>"
    if thesis and size != style.fontsize:
        body = f'<font point-size="{size:g}">{body}</font>'
    small_colour = readable_on(fill, style.speaker_colour, text_colour)
    extra: list[str] = []
    if speaker:
        extra += textwrap.wrap(speaker, style.wrap + 8) or [speaker]
    if value is not None and style.show_values:
        extra.append(f"{value:.{precision}f}")
    if extra:
        widest = max(widest, *(text_width(x, small) for x in extra))
        lines_html = "<br/>".join(html_escape(x) for x in extra)
        body += f'<br/><font point-size="{small:g}" color="{small_colour}">{lines_html}</font>'
    return HTML(body), widest, text_colour


def _relation_ends(g: nx.DiGraph[str]) -> dict[str, tuple[list[str], str]]:
    """Return each relation node's claim sources and its target (of a validated graph)."""
    return {
        n: ([p for p in g.predecessors(n) if g.nodes[p][KIND] == CLAIM], next(iter(g.successors(n))))
        for n, d in g.nodes(data=True)
        if d[KIND] != CLAIM
    }


def _class_list(kinds: Iterable[str], extra: Iterable[str]) -> str:
    seen: list[str] = []
    for c in (*kinds, *extra):
        if c not in seen:
            seen.append(c)
    return " ".join(seen)


def _inference_label(d: Mapping[str, Any], style: Style) -> str | None:
    if not style.show_schemes:
        return None
    parts = [p for p in (argument_title(d), scheme_name(d["scheme"]) if d.get("scheme") else None) if p]
    if not parts:
        return None
    width = max(LABEL_WRAP, style.wrap - 6)
    return "\n".join(line for part in parts for line in wrap(part, width))


def _prepare(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None,
    values: Mapping[str, float] | None,
    classes: Mapping[str, str | Iterable[str]] | None,
    style_options: Mapping[str, Any],
) -> tuple[nx.DiGraph[str], Style, dict[str, float], dict[str, list[str]]]:
    g = as_graph(m)
    validate(g)
    style = (style or Style()).replace(**style_options) if style_options else (style or Style())
    values = dict(values or {})
    extra = {n: ([c] if isinstance(c, str) else list(c)) for n, c in (classes or {}).items()}
    for n in (*values, *extra):
        if n not in g:
            raise GraphStructureError(f"unknown id {n!r} in values or classes")
    return g, style, values, extra


def _roles(g: nx.DiGraph[str]) -> dict[str, str]:
    thesis = set(theses(g))
    ends = set(emphasised_conclusions(g))
    return {n: "thesis" if n in thesis else "conclusion" if n in ends else "claim" for n in g}


def conventions(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None = None,
    *,
    values: Mapping[str, float] | None = None,
    value_range: tuple[float, float] = (-1.0, 1.0),
    classes: Mapping[str, str | Iterable[str]] | None = None,
    value_precision: int = 2,
    view: str = "claims",
    **style_options: Any,
) -> Conventions:
    """Return what :func:`to_dot` with the same arguments draws, for a legend.

    >>> m = argmap.ArgumentMap()
    >>> _ = m.attack(m.claim("A"), by=m.claim("B", speaker="Dr Who"))
    >>> c = conventions(m)
    >>> c.claim_kinds, c.relation_kinds, c.speakers
    (('claim',), ('attack',), (('Who', 'Dr Who'),))
    """
    g, style, vals, extra = _prepare(m, style, values, classes, style_options)
    roles = _roles(g)
    claim_kinds = [
        kind
        for kind in ("thesis", "conclusion", "claim", "implicit")
        if any(
            d[KIND] == CLAIM
            and (roles[n] == kind or (kind == "implicit" and d.get("implicit") and roles[n] == "claim"))
            for n, d in g.nodes(data=True)
        )
    ]
    relation_kinds = []
    for kind, name in ((INFERENCE, "support"), (CONFLICT, "attack"), (REPHRASE, "rephrase")):
        if any(d[KIND] == kind for _, d in g.nodes(data=True)):
            relation_kinds.append(name)
    if any(
        d[KIND] == CONFLICT and g.nodes[next(iter(g.successors(n)))][KIND] != CLAIM
        for n, d in g.nodes(data=True)
    ):
        relation_kinds.append("undercut")
    speakers: tuple[tuple[str, str], ...] = ()
    if style.speakers == "short":
        speakers = tuple((s, f) for f, s in short_speakers(g).items())
    used_tags = [
        t
        for t in style.tag_colours
        if any(d[KIND] == CLAIM and t in (d.get("tags") or ()) for _, d in g.nodes(data=True))
    ]
    shown = list(dict.fromkeys(c for cs in extra.values() for c in cs if c in style.class_styles))
    return Conventions(
        style=style,
        claim_kinds=tuple(claim_kinds),
        relation_kinds=tuple(relation_kinds),
        speakers=speakers,
        classes=tuple(shown),
        tags=tuple(used_tags),
        value_range=(float(value_range[0]), float(value_range[1])) if vals else None,
    )


def _statements(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None = None,
    *,
    values: Mapping[str, float] | None = None,
    value_range: tuple[float, float] = (-1.0, 1.0),
    value_precision: int = 2,
    classes: Mapping[str, str | Iterable[str]] | None = None,
    view: str = "claims",
    **style_options: Any,
) -> _Statements:
    """Return the DOT statements of the map; see :func:`to_pydot`."""
    g, style, values, extra = _prepare(m, style, values, classes, style_options)
    if g.number_of_nodes() > LARGE_MAP:
        warnings.warn(
            f"drawing {g.number_of_nodes()} nodes; Graphviz may take long (LARGE_MAP is {LARGE_MAP})",
            RuntimeWarning,
            stacklevel=3,
        )
    roles = _roles(g)
    shorts = short_speakers(g) if style.speakers == "short" else {}

    dot = _Statements()
    title = g.graph.get("title")
    dot.graph.update(
        _attrs(
            rankdir=style.rankdir,
            newrank=True if style.clusters else None,  # without clusters, newrank drops rank=max
            nodesep=0.18,
            ranksep=0.4,
            bgcolor="#ffffff",
            fontname=style.fontname,
            fontsize=style.fontsize + 5,
            fontcolor=style.text_colour,
            label=HTML(f"<b>{html_escape(' '.join(str(title).split()))}</b>") if title else None,
            labelloc="t" if title else None,
        )
    )
    dot.node_defaults = _attrs(fontname=style.fontname, fontsize=style.fontsize, fontcolor=style.text_colour)
    dot.edge_defaults = _attrs(fontname=style.fontname, fontsize=style.fontsize - 2, penwidth=1.4)

    ends = _relation_ends(g)
    attacked = {t for r, (_, t) in ends.items() if g.nodes[r][KIND] == CONFLICT}
    sections: dict[str, _Subgraph] = {}
    folded = _folded_premises(g, ends, roles) if view == "arguments" else {}
    if view not in ("claims", "arguments"):
        raise StyleError(f"view must be 'claims' or 'arguments', not {view!r}")
    hidden = {p for ps in folded.values() for p in ps}

    for n, d in g.nodes(data=True):
        if d[KIND] != CLAIM or n in hidden:
            continue
        role, implicit = roles[n], bool(d.get("implicit"))
        value = values.get(n)
        fill, border = _claim_look(d, style, role)
        if value is not None:
            fill = value_colour(style, value, value_range)
        attrs: dict[str, object] = {
            "color": border,
            "penwidth": (
                style.thesis_penwidth
                if role == "thesis"
                else style.conclusion_penwidth
                if role == "conclusion"
                else 1.2
            ),
            "fillcolor": fill,
        }
        styles = _merge_classes(
            attrs, ["rounded", "filled", *(["dashed"] if implicit else [])], extra.get(n, ()), style
        )
        fill = str(attrs["fillcolor"])
        full_speaker = " ".join(str(d["speaker"]).split()) if d.get("speaker") else None
        speaker_line = None
        if full_speaker and style.speakers == "short":
            speaker_line = style.short_speaker_format.format(speaker=shorts[full_speaker])
        elif full_speaker and style.speakers == "full":
            speaker_line = style.speaker_format.format(speaker=full_speaker)
        label, widest, text_colour = _claim_label(
            d,
            style,
            role=role,
            speaker=speaker_line,
            value=value,
            precision=value_precision,
            fill=fill,
        )
        h_margin, v_margin = _THESIS_MARGIN if role == "thesis" else (_H_MARGIN, _V_MARGIN)
        kinds = [
            "claim",
            *([role] if role != "claim" else []),
            *(["implicit"] if implicit else []),
        ]
        tooltip = d.get("quote") or d["text"]
        if full_speaker:
            tooltip = f"{tooltip} {style.speaker_format.format(speaker=full_speaker)}"
        if value is not None:
            tooltip = f"{tooltip} [{value:.{value_precision}f}]"
        statement = _node(
            n,
            shape="box",
            margin=f"{h_margin:g},{v_margin:g}",
            width=f"{(widest + 2 * h_margin * 72 + 4) / 72:.3f}",
            **attrs,
            fontcolor=text_colour if text_colour != style.text_colour else None,
            style=",".join(styles),
            label=label,
            tooltip=tooltip,
            id=n,
            **{"class": _class_list(kinds, extra.get(n, ()))},
        )
        section = d.get("section")
        if style.clusters and section is not None:
            name = " ".join(str(section).split())
            cluster = sections.get(name)
            if cluster is None:
                cluster = _Subgraph(
                    quote(f"cluster_{len(sections) + 1}"),
                    _attrs(
                        label=HTML(f"<b>{html_escape(name)}</b>"),
                        style="rounded,dashed",
                        color="#90a4ae",
                        fontcolor=style.label_colour,
                        fontsize=style.fontsize + 1,
                        margin=12,
                    ),
                    [],
                )
                sections[name] = cluster
                dot.items.append(cluster)
            cluster.items.append(statement)
        else:
            dot.items.append(statement)
    root = [n for n, r in roles.items() if r == "thesis"]
    if root:
        dot.items.append(_Subgraph(None, _attrs(rank="max"), [((quote(n),), {}) for n in root]))

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
        edge_label = _inference_label(d, style) if kind == INFERENCE else None
        tooltip = {INFERENCE: "support", CONFLICT: str(d.get("attack_type")), REPHRASE: "rephrase"}[kind]
        if kind == INFERENCE and argument_title(d):
            tooltip += f" <{argument_title(d)}>"
        if d.get("scheme"):
            tooltip += f" ({scheme_name(str(d['scheme']))})"
        rel_attrs: dict[str, object] = {"color": colour}
        styles = _merge_classes(rel_attrs, [edge_style], extra.get(r, ()), style)
        classes_attr = _class_list(kinds, extra.get(r, ()))
        # a restatement of the thesis is drawn below it: the edge runs to the thesis, arrow at its tail
        back = kind == REPHRASE and roles.get(sources[0]) == "thesis" and roles.get(target) != "thesis"
        if view == "arguments" and kind == INFERENCE:
            _argument_node(dot, g, r, d, sources, target, folded.get(r, []), style, rel_attrs, styles, extra)
            continue
        collapse = style.junctions == "auto" and len(sources) == 1 and r not in attacked
        if collapse:
            dot.items.append(
                _edge(
                    target if back else sources[0],
                    sources[0] if back else target,
                    **rel_attrs,
                    style=",".join(styles),
                    arrowhead="none" if back else head,
                    arrowtail=head if back else None,
                    dir="back" if back else None,
                    label=edge_label,
                    fontcolor=style.label_colour if edge_label else None,
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
                xlabel=edge_label,
                fontcolor=style.label_colour if edge_label else None,
                fontsize=style.fontsize - 2 if edge_label else None,
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


def _folded_premises(
    g: nx.DiGraph[str], ends: Mapping[str, tuple[list[str], str]], roles: Mapping[str, str]
) -> dict[str, list[str]]:
    """The premises the argument view folds into their inference: used there only, and nothing else."""
    folded: dict[str, list[str]] = {}
    for r, (sources, _) in ends.items():
        if g.nodes[r][KIND] != INFERENCE:
            continue
        for p in sources:
            if g.in_degree(p) == 0 and g.out_degree(p) == 1 and roles[p] == "claim":
                folded.setdefault(r, []).append(p)
    return folded


def _argument_node(
    dot: _Statements,
    g: nx.DiGraph[str],
    r: str,
    d: Mapping[str, Any],
    sources: list[str],
    target: str,
    premises: list[str],
    style: Style,
    rel_attrs: Mapping[str, object],
    styles: list[str],
    extra: Mapping[str, list[str]],
) -> None:
    """An inference as a box: its title or scheme in bold, its folded premises listed under it."""
    title = argument_title(d)
    scheme = scheme_name(str(d["scheme"])) if d.get("scheme") else None
    head = title or scheme or "Argument"
    small = style.fontsize - 1
    head_lines = wrap(head, style.wrap)
    widest = max(text_width(x, style.fontsize, bold=True) for x in head_lines)
    parts = [f"<b>{'<br/>'.join(html_escape(x) for x in head_lines)}</b>"]
    fill = style.argument_fill
    colour = readable_on(fill, style.text_colour)
    if title and scheme:
        lines = wrap(scheme, style.wrap)
        widest = max(widest, *(text_width(x, small, italic=True) for x in lines))
        parts.append(
            f'<font point-size="{small:g}"><i>{"<br/>".join(html_escape(x) for x in lines)}</i></font>'
        )
    for p in premises:
        lines = wrap(f"• {g.nodes[p]['text']}", style.wrap)
        widest = max(widest, *(text_width(x, small) for x in lines))
        parts.append(f'<font point-size="{small:g}">{"<br/>".join(html_escape(x) for x in lines)}</font>')
    tooltip = " / ".join(str(g.nodes[p]["text"]) for p in premises) or head
    dot.items.append(
        _node(
            r,
            shape="box",
            style="rounded,filled",
            margin="0.12,0.06",
            width=f"{(widest + 2 * 0.12 * 72 + 4) / 72:.3f}",
            color=rel_attrs["color"],
            fillcolor=fill,
            fontcolor=colour if colour != style.text_colour else None,
            penwidth=1.6,
            label=HTML("<br/>".join(parts)),
            tooltip=tooltip,
            id=r,
            **{"class": _class_list(["argument", "support"], extra.get(r, ()))},
        )
    )
    for s in sources:
        if s in premises:
            continue
        dot.items.append(
            _edge(
                s,
                r,
                **rel_attrs,
                style=",".join(styles),
                arrowhead="none",
                id=f"{s}->{r}",
                **{"class": "support"},
            )
        )
    dot.items.append(
        _edge(
            r,
            target,
            **rel_attrs,
            style=",".join(styles),
            arrowhead="normal",
            id=f"{r}->{target}",
            **{"class": "support"},
        )
    )


def to_pydot(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None = None,
    *,
    values: Mapping[str, float] | None = None,
    value_range: tuple[float, float] = (-1.0, 1.0),
    value_precision: int = 2,
    classes: Mapping[str, str | Iterable[str]] | None = None,
    view: str = "claims",
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
        A value per claim id (a strength, a label as a number, ...): the claim is filled on the
        style's value scale, and the value is printed under its text when ``style.show_values``.
        Claims without a value keep their usual fill.
    value_range : (float, float)
        The range the values live in, such as ``(-1, 1)`` or ``(0, 1)``.
    value_precision : int
        Decimals of a printed value.
    classes : mapping of str to str or iterable of str, optional
        Extra classes per node id (claims and relations), such as ``"matched"``; they go into
        the SVG ``class`` attribute and pick up ``style.class_styles``.
    view : {"claims", "arguments"}
        ``"arguments"`` draws each inference as a box with its argument's title (or scheme) and
        the premises used by it alone folded in, as Argdown's argument map does; claims that
        are conclusions, attacked, attacking or shared stay boxes of their own.
    **style_options
        Overrides of :class:`Style` fields, such as ``rankdir="TB"``.

    Returns
    -------
    pydot.Dot

    Raises
    ------
    GraphStructureError
        If the map breaks the model's schema, or ``values`` or ``classes`` name an unknown node.
    StyleError
        If a style option is invalid.

    Examples
    --------
    >>> m = argmap.ArgumentMap()
    >>> _ = m.support(m.claim("C"), m.claim("P"))
    >>> g = to_pydot(m, rankdir="TB", values={"p": 0.5})
    >>> g.get_rankdir(), g.get_node('"p"')[0].get("fillcolor")
    ('"TB"', '"#d2ead3"')
    """
    return _statements(
        m,
        style,
        values=values,
        value_range=value_range,
        value_precision=value_precision,
        classes=classes,
        view=view,
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
