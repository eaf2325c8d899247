"""Grading pictures and pages: the diff diagram with a legend, and a feedback page written to the student.

:func:`diff_style` adds a look for every class of :data:`argmap.teaching.grading.DIFF_CLASSES`
to a :class:`~argmap.render.Style` (through ``class_styles``); :func:`diff_diagram` draws a
comparison with it; :func:`feedback_page` returns one self-contained HTML page with the score,
the rubric, what the student did well and what to look at again, and the diagram with its legend.
Every text is escaped with :func:`html.escape`.

Examples
--------
>>> from argmap.teaching.grading import compare
>>> ref, stu = argmap.ArgumentMap(), argmap.ArgumentMap()
>>> _ = ref.support(ref.claim("Take an umbrella."), ref.claim("It will rain."))
>>> _ = stu.support(stu.claim("It will rain."), stu.claim("Take an umbrella."))
>>> page = feedback_page(compare(stu, ref), svg="<svg></svg>", name="Ann <b>")
>>> "Ann &lt;b&gt;" in page and "drew the arrow the other way round" in page
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from argmap.render import Diagram, Style, diagram
from argmap.teaching.grading import DIFF_CLASSES, Comparison

__all__ = [
    "CLASS_LOOKS",
    "LEGEND",
    "diff_diagram",
    "diff_style",
    "error_page",
    "feedback_page",
    "legend_html",
]

CLASS_LOOKS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "matched": {"color": "#009E73", "penwidth": "2.5"},
        "near": {"color": "#009E73", "penwidth": "2.5", "style": "dashed"},
        "partial": {"color": "#0072B2", "penwidth": "2.5", "style": "dashed"},
        "mistyped": {"color": "#56B4E9", "penwidth": "3"},
        "reversed": {"color": "#7B3294", "penwidth": "3"},
        "missing": {"color": "#E69F00", "penwidth": "2.5", "style": "dashed"},
        "extra": {"color": "#CC79A7", "penwidth": "2.5", "style": "bold"},
    }
)
"""Graphviz attributes of each grading class (colour-blind safe Okabe-Ito colours)."""

LEGEND: Final[Mapping[str, str]] = MappingProxyType(
    {
        "matched": "in your map and in the model answer",
        "near": "matched, but worded quite differently (half credit)",
        "partial": "the right conclusion, some of the premises",
        "mistyped": "the right claims, the wrong kind of link (support or attack)",
        "reversed": "you drew the arrow the other way round",
        "missing": "in the model answer only",
        "extra": "in your map only",
    }
)
"""What each class means, as the legend says it."""

_CSS: Final = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212121;
  max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.4rem; }
.argmap-score { font-size: 2rem; font-weight: bold; }
table { border-collapse: collapse; }
td, th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
.argmap-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.argmap-legend svg { vertical-align: middle; margin-right: .3rem; }
#argmap-diagram svg { max-width: 100%; height: auto; }
li { margin: .2rem 0; }
@page { margin: 14mm; }
@media print { body { margin: 0; max-width: none; } section, li, tr { break-inside: avoid; }
  h2 { break-after: avoid; } #argmap-diagram svg { max-height: 230mm; } }
"""


def diff_style(style: Style | None = None) -> Style:
    """Return ``style`` (by default ``Style()``) with a look for every grading class."""
    style = style or Style()
    looks = {**style.class_styles, **{k: MappingProxyType(dict(v)) for k, v in CLASS_LOOKS.items()}}
    labels = {**style.class_labels, **{k: f"{k}: {v}" for k, v in LEGEND.items()}}
    return style.replace(class_styles=MappingProxyType(looks), class_labels=MappingProxyType(labels))


def diff_diagram(result: Comparison, style: Style | None = None, **options: object) -> Diagram:
    """Return the diagram of ``result.diff_map()`` drawn with :func:`diff_style`."""
    diff, classes = result.diff_map()
    return diagram(diff, diff_style(style), classes=classes, **options)  # type: ignore[arg-type]


def legend_html(used: set[str] | None = None) -> str:
    """Return the legend as an HTML list: a swatch and a sentence per class (those ``used``)."""
    items = []
    for cls in DIFF_CLASSES:
        if used is not None and cls not in used:
            continue
        look = CLASS_LOOKS[cls]
        dash = ' stroke-dasharray="5 3"' if "dashed" in look.get("style", "") else ""
        swatch = (
            f'<svg width="36" height="14" aria-hidden="true"><rect x="1" y="1" width="34" height="12" rx="3"'
            f' fill="#fff" stroke="{look["color"]}" stroke-width="{look["penwidth"]}"{dash}/></svg>'
        )
        items.append(f"<li>{swatch}<strong>{cls}</strong>: {html.escape(LEGEND[cls])}</li>")
    return f'<ul class="argmap-legend">{"".join(items)}</ul>'


def _article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _q(text: str) -> str:
    return f"“{html.escape(' '.join(text.split()))}”"


def feedback_page(result: Comparison, *, svg: str | bytes | None = None, name: str | None = None) -> str:
    """Return a feedback page for the student whose map ``result`` graded.

    Parameters
    ----------
    result : Comparison
    svg : str or bytes, optional
        The diff diagram; by default drawn with :func:`diff_diagram` (needs Graphviz).
    name : str, optional
        The student's name or file, shown in the title.
    """
    if svg is None:
        svg = diff_diagram(result).pipe("svg")
    if isinstance(svg, bytes):
        svg = svg.decode("utf-8")
    svg = svg[svg.find("<svg") :] if "<svg" in svg else svg
    stu, ref = result.student, result.reference
    wc, wr, ws = result.rubric.normalised()
    good: list[str] = []
    again: list[str] = []
    for x in result.matches:
        if x.kind == "near":
            again.append(
                f"Your claim {_q(stu[x.student]['text'])} seems to be {_q(ref[x.reference]['text'])}, "
                f"but in quite different words (similarity {x.score:.2f}); it earned half credit. "
                "Your teacher may accept it."
            )
    good += [f"You found {_q(ref[x.reference]['text'])}" for x in result.matches if x.kind != "near"]
    for y in result.relation_matches:
        text = html.escape(result.relation_text(stu, y.student))
        if y.kind == "matched":
            good.append(f"Right link: {text}")
        elif y.kind == "partial":
            miss = ", ".join(_q(ref[p]["text"]) for p in y.missing)
            extra = ", ".join(_q(stu[p]["text"]) for p in y.added)
            parts = [
                f"it also needs {miss}" if miss else "",
                f"{extra} does not belong to it" if extra else "",
            ]
            again.append(f"Partly right: {text}; {'; '.join(p for p in parts if p)}.")
        elif y.kind == "mistyped":
            again.append(
                f"{text}: the right claims, but the model answer has {_article(y.reference_label)} here."
            )
        else:
            again.append(f"{text}: you drew the arrow the other way round.")
    again += [f"The model answer has the claim {_q(ref[c]['text'])}." for c in result.missing_claims]
    again += [
        f"The model answer has the link {html.escape(result.relation_text(ref, r))}."
        for r in result.missing_relations
    ]
    again += [f"Your claim {_q(stu[c]['text'])} is not in the model answer." for c in result.extra_claims]
    again += [
        f"Your link {html.escape(result.relation_text(stu, r))} is not in the model answer."
        for r in result.extra_relations
    ]
    _, classes = result.diff_map()
    title = "Feedback on your argument map" + (f": {name}" if name else "")
    rows = [
        ("Claims", wc, result.claims.f1),
        ("Relations", wr, result.relations.f1),
        ("Structure", ws, result.structure),
    ]
    table = "".join(
        f"<tr><td>{label}</td><td>{weight:.0%}</td><td>{part:.0%}</td><td>{100 * weight * part:.1f}</td></tr>"
        for label, weight, part in rows
    )
    good_html = "".join(f"<li>{g}</li>" for g in good) or "<li>Nothing matched the model answer yet.</li>"
    again_html = (
        "".join(f"<li>{a}</li>" for a in again) or "<li>Nothing: your map matches the model answer.</li>"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{html.escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p>Your score: <span class="argmap-score">{result.score:g}</span> / 100</p>
<section><h2>How the score is made</h2>
<table><tr><th>Part</th><th>Weight</th><th>Yours</th><th>Points</th></tr>{table}</table>
<p>Claims and relations: how many of yours are in the model answer and how many of the model
answer's you found (F1). Structure: the main conclusion and the role each matched claim plays.</p>
</section>
<section><h2>What you did well</h2><ul>{good_html}</ul></section>
<section><h2>What to look at again</h2><ul>{again_html}</ul></section>
<section><h2>Your map and the model answer together</h2>
{legend_html(set(classes.values()))}
<div id="argmap-diagram">{svg}</div></section>
</body>
</html>
"""


def error_page(name: str, problem: str) -> str:
    """Return the page of a student whose file could not be graded."""
    title = f"Feedback on your argument map: {name}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>"
        f"\n<style>{_CSS}</style>\n</head>\n<body>\n<h1>{html.escape(title)}</h1>\n"
        f"<p>Your file could not be read, so it was not graded:</p>\n<pre>{html.escape(problem)}</pre>\n"
        "<p>Please check that it is a map argmap can read and hand it in again.</p>\n</body>\n</html>\n"
    )
