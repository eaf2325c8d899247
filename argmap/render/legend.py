"""A legend of a drawing's conventions, as its own small DOT graph.

:func:`legend_dot` draws what :func:`argmap.render.dot.conventions` says a map shows, with the
same styles: sample boxes (main thesis, conclusion, claim, implicit premise, tag colours, grading
classes), one arrow per relation (support, attack, undercut, rephrase), the speakers' short labels
with their full attributions, and the value scale. :func:`argmap.render.svg.compose` sets it
beside the map; ``diagram(m, legend=True)`` does both.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> _ = m.support(m.claim("C"), m.claim("P", speaker="Dr Jane Roe"))
>>> text = legend_dot(argmap.render.dot.conventions(m))
>>> "Main thesis" in text, "supports" in text, "Dr Jane Roe" in text
(True, True, True)
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from argmap.render.dot import Conventions
from argmap.render.metrics import text_width
from argmap.render.quoting import HTML, html_escape, quote
from argmap.render.style import readable_on, value_colour

__all__ = ["legend_dot"]

_CLAIM_SAMPLES: Final = {
    "thesis": "Main thesis",
    "conclusion": "Conclusion",
    "claim": "Claim",
    "implicit": "Implicit premise",
}
_RELATIONS: Final = {
    "support": ("solid", "normal", "supports"),
    "attack": ("dashed", "tee", "attacks"),
    "undercut": ("dashed", "tee", "undercuts an inference"),
    "rephrase": ("dotted", "empty", "rephrases"),
}


def _attrs(**attrs: object) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        text = value if isinstance(value, HTML) else f"{value:g}" if isinstance(value, float) else str(value)
        parts.append(f"{key}={quote(text)}")
    return ", ".join(parts)


def _box(lines: list[str], name: str, sample: str, c: Conventions, **look: str | float) -> tuple[str, str]:
    """A sample box statement: its id and its DOT line."""
    s = c.style
    size = s.fontsize - 1
    fill = str(look.get("fillcolor", s.claim_fill))
    bold = sample == "thesis"
    italic = sample == "implicit"
    colour = readable_on(fill, s.thesis_text if bold else s.text_colour, s.text_colour)
    text = html_escape(_CLAIM_SAMPLES.get(sample, sample) if sample in _CLAIM_SAMPLES else name)
    if bold:
        text = f"<b>{text}</b>"
    if italic:
        text = f"<i>{text}</i>"
    label = _CLAIM_SAMPLES.get(sample, name)
    width = text_width(label, size, bold=bold, italic=italic) + 2 * 0.12 * 72 + 4
    node = f"legend:{sample}"
    attrs = _attrs(
        shape="box",
        style=str(look.pop("style", "rounded,filled")),
        width=f"{width / 72:.3f}",
        margin="0.12,0.05",
        fontsize=size,
        fontcolor=colour,
        label=HTML(text),
        id=node,
        **{"class": "legend-item"},
        **look,
    )
    lines.append(f"{quote(node)} [{attrs}];")
    return node, lines[-1]


def legend_dot(c: Conventions) -> str:
    """Return the DOT text of a legend for the conventions ``c`` (it may show nothing but its title)."""
    s = c.style
    small = s.fontsize - 1
    lines = [
        f"digraph {quote('legend')} {{",
        f"rankdir={quote('TB')}; nodesep={quote('0.18')}; ranksep={quote('0.12')};",
        f"bgcolor={quote('#ffffff')}; fontname={quote(s.fontname)};",
        f"fontsize={quote(f'{s.fontsize + 1:g}')}; fontcolor={quote(s.text_colour)};",
        f"label={quote(HTML('<b>Legend</b>'))}; labelloc={quote('t')}; labeljust={quote('l')};",
        f"node [{_attrs(fontname=s.fontname, fontsize=small, fontcolor=s.text_colour)}];",
        f"edge [{_attrs(penwidth=1.4)}];",
    ]
    rows: list[list[str]] = []

    row: list[str] = []
    for kind in c.claim_kinds:
        looks: dict[str, dict[str, str | float]] = {
            "thesis": {
                "fillcolor": s.thesis_fill,
                "color": s.thesis_border,
                "penwidth": s.thesis_penwidth,
            },
            "conclusion": {
                "fillcolor": s.conclusion_fill,
                "color": s.conclusion_border,
                "penwidth": s.conclusion_penwidth,
            },
            "claim": {"fillcolor": s.claim_fill, "color": s.claim_border, "penwidth": 1.2},
            "implicit": {
                "fillcolor": s.implicit_fill,
                "color": s.claim_border,
                "penwidth": 1.2,
                "style": "rounded,filled,dashed",
            },
        }
        row.append(_box(lines, kind, kind, c, **looks[kind])[0])
    if row:
        rows.append(row)

    row = []
    for tag in c.tags:
        fill = s.tag_colours[tag]
        row.append(
            _box(lines, f"#{tag}", f"tag {tag}", c, fillcolor=fill, color=s.claim_border, penwidth=1.2)[0]
        )
    for cls in c.classes:
        look: dict[str, str] = dict(s.class_styles[cls])
        styles = ["rounded", "filled", *(t for t in look.pop("style", "").split(",") if t)]
        row.append(
            _box(
                lines,
                s.class_labels.get(cls, cls),
                f"class {cls}",
                c,
                fillcolor=look.pop("fillcolor", s.claim_fill),
                style=",".join(dict.fromkeys(styles)),
                **look,
            )[0]
        )
    if row:
        rows.append(row)

    row = []
    colours = {"support": s.support_colour, "attack": s.attack_colour, "undercut": s.attack_colour}
    colours["rephrase"] = s.rephrase_colour
    for kind in c.relation_kinds:
        edge_style, head, text = _RELATIONS[kind]
        tail, end = quote(f"legend:{kind}:from"), quote(f"legend:{kind}")
        lines.append(f"{tail} [{_attrs(shape='point', width=0.06, style='invis', label='')}];")
        label = (
            f"{tail} -> {end} [{_attrs(color=colours[kind], style=edge_style, arrowhead=head, minlen=2)}];"
        )
        if kind == "undercut":
            junction = quote("legend:undercut:junction")
            dot = _attrs(
                shape="point",
                width=0.11,
                color=s.support_colour,
                fillcolor=s.support_colour,
                style="filled",
                label="",
            )
            lines.append(f"{junction} [{dot}];")
            lines.append(
                f"{tail} -> {junction} [{_attrs(color=s.attack_colour, style='dashed', arrowhead='tee')}];"
            )
            label = f"{junction} -> {end} [{_attrs(style='invis')}];"
            row.append(tail.strip('"'))
            row.append(junction.strip('"'))
        else:
            row.append(tail.strip('"'))
        lines.append(f"{end} [{_attrs(shape='plaintext', margin='0.02,0', label=text)}];")
        lines.append(label)
        row.append(end.strip('"'))
    if row:
        rows.append(row)

    if c.speakers:
        per_column = 3
        columns = [c.speakers[i : i + per_column] for i in range(0, len(c.speakers), per_column)]
        cells = []
        for i in range(min(per_column, len(c.speakers))):
            cells.append(
                "<tr>"
                + "".join(
                    f'<td align="right"><font color="{s.speaker_colour}">'
                    f"{html_escape(s.short_speaker_format.format(speaker=col[i][0]))}</font></td>"
                    f'<td align="left">{html_escape(col[i][1])}</td>'
                    if i < len(col)
                    else "<td></td><td></td>"
                    for col in columns
                )
                + "</tr>"
            )
        table = (
            '<table border="0" cellspacing="0" cellpadding="2">'
            f'<tr><td colspan="{2 * len(columns)}" align="left"><b>Speakers</b></td></tr>'
            f"{''.join(cells)}</table>"
        )
        lines.append(f'"legend:speakers" [{_attrs(shape="plaintext", margin=0, label=HTML(table))}];')
        if not rows:
            rows.append([])
        rows[-1].append("legend:speakers")  # beside the arrows: a legend as flat as can be
    row = []
    if c.value_range is not None:
        lo, hi = c.value_range
        cells = []
        for i in range(5):
            v = lo + (hi - lo) * i / 4
            fill = value_colour(s, v, c.value_range)
            text = readable_on(fill, s.text_colour)
            cells.append(
                f'<td bgcolor="{fill}" width="46" border="1" color="{s.claim_border}">'
                f'<font color="{text}">{v:.2f}</font></td>'
            )
        table = (
            '<table border="0" cellspacing="0" cellpadding="4">'
            '<tr><td colspan="5" align="left"><b>Value</b>: the fill of a claim</td></tr>'
            f"<tr>{''.join(cells)}</tr></table>"
        )
        lines.append(f'"legend:values" [{_attrs(shape="plaintext", margin=0, label=HTML(table))}];')
        row.append("legend:values")
    if row:
        rows.append(row)

    for r in rows:
        lines.append("{" + f"rank={quote('same')}; " + " ".join(quote(n) for n in r) + "}")
    for upper, lower in pairwise(rows):
        lines.append(f"{quote(upper[0])} -> {quote(lower[0])} [{_attrs(style='invis')}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
