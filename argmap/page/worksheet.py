"""Worksheets a teacher can hand out: the exercise sheet and its answer key as separate HTML pages.

The sheet has a title from the map, instructions, the source text, a diagram in which the claims
the exercises ask for are numbered blanks (:func:`blanked_map` draws a copy of the map whose
texts are replaced; the drawing layer knows nothing of exercises), and the three exercises of
:func:`argmap.teaching.exercises.make_exercises`. The key repeats the questions with their
answers and the full diagram. Both print on A4 or Letter (:mod:`argmap.page.pdf`): the diagram
fits the page and no question breaks across pages. Every text is escaped.

Examples
--------
>>> m = argmap.ArgumentMap(title="Rain <1>")
>>> _ = m.support(m.claim("Take an umbrella."), m.claim("It will rain."))
>>> ex = make_exercises(m, seed=1)
>>> sheet = worksheet_page(m, ex, svg="<svg></svg>")
>>> "Exercises: Rain &lt;1&gt;" in sheet, 'class="argmap-answer"' in sheet
(True, False)
>>> 'class="argmap-answer"' in worksheet_page(m, ex, key=True, svg="<svg></svg>")
True
"""

from __future__ import annotations

import html
from typing import Final

from argmap.model import ArgumentMap
from argmap.page.printing import PRINT_CSS, printed_map
from argmap.teaching.exercises import GAP, Exercises, make_exercises

__all__ = ["blanked_map", "worksheet_page"]

_LETTERS: Final = "abcdefgh"
_CSS: Final = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212121;
  max-width: 52rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 1.4rem; }
.argmap-instructions { background: #f5f5f5; padding: .5rem .8rem; border-left: 4px solid #90a4ae; }
.argmap-source { white-space: pre-wrap; border: 1px solid #ddd; padding: .5rem .8rem; }
.argmap-question { margin: .6rem 0; }
.argmap-options { list-style: none; padding-left: 1.2rem; margin: .2rem 0; }
.argmap-answer { color: #1b5e20; font-weight: bold; }
pre { white-space: pre-wrap; font-size: 13px; }
#argmap-diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.argmap-line { display: inline-block; min-width: 16rem; border-bottom: 1px solid #555; }
@page { margin: 14mm; }
@page argmap-wide { size: landscape; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .argmap-wide { display: none; }
  .argmap-question, section > ul { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""


def blanked_map(m: ArgumentMap, ex: Exercises) -> ArgumentMap:
    """Return a copy of ``m`` whose gap claims read ``Gap N`` and whose asked-for implicit premises
    read ``Exercise 3``, each with a blank line."""
    out = m.copy()
    for g in ex.gaps:
        out[g["claim"]]["text"] = f"Gap {g['gap']}: {GAP}"
        out[g["claim"]]["speaker"] = None
    for i, task in enumerate(ex.implicit, 1):
        for c in task["claims"]:
            out[c]["text"] = f"Exercise 3.{i}: {GAP}"
    return out


def _e(text: str) -> str:
    return html.escape(" ".join(str(text).split()))


def worksheet_page(
    m: ArgumentMap,
    ex: Exercises | None = None,
    *,
    key: bool = False,
    svg: str | bytes | None = None,
    seed: int = 0,
) -> str:
    """Return the exercise sheet (or with ``key``, its answer key) as one HTML page.

    Parameters
    ----------
    m : ArgumentMap
    ex : Exercises, optional
        By default ``make_exercises(m, seed)``.
    key : bool
        Write the answer key instead of the sheet.
    svg : str or bytes, optional
        The diagram; by default the blanked map (the full map for the key) drawn with
        ``argmap.render.diagram`` (needs Graphviz).
    """
    ex = ex if ex is not None else make_exercises(m, seed)
    if svg is None:
        from argmap.render import diagram

        svg = diagram(m if key else blanked_map(m, ex)).pipe("svg")
    if isinstance(svg, bytes):
        svg = svg.decode("utf-8")
    svg = svg[svg.find("<svg") :] if "<svg" in svg else svg
    name = m.title or "Argument map"
    title = f"{'Answer key' if key else 'Exercises'}: {name}"
    parts = [f"<h1>{_e(title)}</h1>", f"<p>Seed {ex.seed}.</p>"]
    if not key:
        parts.append(
            '<p class="argmap-instructions">Read the text. The diagram shows its argument with some '
            "claims left blank. Fill each gap with one of the statements given, answer the questions "
            "on the roles of claims, and write down the premise each argument leaves unstated.</p>"
        )
    if m.source:
        parts.append(f'<h2>The text</h2><div class="argmap-source">{html.escape(m.source)}</div>')
    parts.append(f'<div class="argmap-wide"><h2>The diagram</h2><div id="argmap-diagram">{svg}</div></div>')
    parts.append(printed_map(svg))
    if ex.gaps:
        bank = sorted(g["text"] for g in ex.gaps)
        parts.append("<section><h2>1. Fill the gaps</h2>")
        if key:
            items = "".join(
                f'<li>Gap {g["gap"]}: <span class="argmap-answer">{_e(g["text"])}</span></li>'
                for g in ex.gaps
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append("<p>Put each statement into its gap:</p>")
            parts.append("<ul>" + "".join(f"<li>{_e(t)}</li>" for t in bank) + "</ul>")
            parts.append(f"<pre>{html.escape(ex.gap_text)}</pre>")
        parts.append("</section>")
    if ex.roles:
        parts.append("<section><h2>2. Roles</h2>")
        for i, q in enumerate(ex.roles, 1):
            opts = "".join(
                f"<li>{_LETTERS[j]}) "
                + (
                    f'<span class="argmap-answer">{_e(o)}</span>'
                    if key and _LETTERS[j] == q["letter"]
                    else _e(o)
                )
                + "</li>"
                for j, o in enumerate(q["options"])
            )
            parts.append(
                f'<div class="argmap-question"><p>{i}. {_e(q["question"])}</p>'
                f'<ul class="argmap-options">{opts}</ul></div>'
            )
        parts.append("</section>")
    if ex.implicit:
        parts.append("<section><h2>3. Find the implicit premise</h2>")
        for i, t in enumerate(ex.implicit, 1):
            premises = "".join(f"<li>{_e(p)}</li>" for p in t["premises"])
            blank = (
                f'<span class="argmap-answer">{_e(t["answer"])}</span>'
                if key
                else '<span class="argmap-line">&nbsp;</span>'
            )
            parts.append(
                f'<div class="argmap-question"><p>{i}. {_e(t["question"])}</p>'
                f"<ul>{premises}<li>{blank}</li></ul><p>So: {_e(t['conclusion'])}</p></div>"
            )
        parts.append("</section>")
    if not (ex.gaps or ex.roles or ex.implicit):
        parts.append("<p>The map has no arguments to make exercises from.</p>")
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="argmap">\n<title>{_e(title)}</title>\n'
        f"<style>{_CSS}{PRINT_CSS}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
