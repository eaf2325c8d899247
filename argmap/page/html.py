"""One self-contained HTML page: the diagram beside the source text, linked both ways.

The page inlines the SVG diagram (``argmap.render.diagram(m).pipe("svg")``), the source text with
each quote wrapped in a ``<span class="argmap-q" data-claims="[...]">`` (a JSON list of claim ids,
so any id works; overlapping quotes are cut into segments that list every claim covering them),
and a side panel with the selected claim, the map in standard form and the critical questions
of each inference's scheme. A click on a claim in
the diagram highlights its quote and scrolls to it; a click on a quote highlights its claim (the
shortest quote wins where quotes overlap). It loads nothing: no external URL, the script and the
styles are inline. Every text is escaped with :func:`html.escape`; the data the script reads is
JSON with ``<``, ``>`` and ``&`` escaped.

Examples
--------
>>> m = argmap.ArgumentMap(source="It rains. So <b>wet</b>.")
>>> _ = m.support(m.claim("The street is wet.", quote="<b>wet</b>"), m.claim("It rains.", quote="It rains."))
>>> page = html_page(m, svg="<svg></svg>")
>>> '<span class="argmap-q" data-claims="[&quot;the-street-is-wet&quot;]">&lt;b&gt;wet' in page
True
>>> "http" in page
False
"""

from __future__ import annotations

import html
import itertools
import json
import re
from typing import Any, Final

from argmap._io import PathOrFile, atomic_write
from argmap.model import ArgumentMap
from argmap.page.printing import PRINT_CSS, printed_map
from argmap.schemes import scheme_name
from argmap.teaching.exercises import claim_roles
from argmap.teaching.schemes import UnknownSchemeError, inference_questions
from argmap.teaching.standard_form import arguments, standard_form

__all__ = ["html_page", "source_segments", "write_html"]

_PROLOG: Final = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_JSON_ESCAPES: Final = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

_CSS: Final = """
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212121; }
header { padding: .6rem 1rem; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { margin: 0; font-size: 1.2rem; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); height: calc(100vh - 3rem); }
#argmap-diagram { overflow: auto; padding: .5rem; border-right: 1px solid #ddd; }
#argmap-diagram svg { display: block; }
#argmap-diagram.argmap-fit svg { max-width: 100%; height: auto; }
#argmap-fit { float: right; font: inherit; font-size: 13px; }
#argmap-side { overflow: auto; padding: .5rem 1rem; }
#argmap-text { white-space: pre-wrap; }
.argmap-q { background: #e8f0fe; border-bottom: 2px solid #90caf9; cursor: pointer; }
.argmap-q.argmap-hl { background: #ffd54f; border-bottom-color: #ff6f00; }
#argmap-diagram g.claim { cursor: pointer; }
#argmap-diagram g.argmap-hl polygon, #argmap-diagram g.argmap-hl path, #argmap-diagram g.argmap-hl ellipse {
  stroke: #ff6f00; stroke-width: 5px; }
#argmap-selected { padding: .5rem; background: #fffde7; border: 1px solid #ffe082; min-height: 2.5rem; }
pre { white-space: pre-wrap; font-size: 13px; }
.argmap-cq-type { font-size: 11px; text-transform: uppercase; color: #555; margin-right: .3rem; }
h2 { font-size: 1rem; margin: 1rem 0 .4rem; }
h3 { font-size: .9rem; margin: .8rem 0 .3rem; }
@page { margin: 14mm; }
@page argmap-wide { size: landscape; }
@media print {
  body { font-size: 10.5pt; }
  header { page: argmap-wide; background: none; border: 0; padding: 0 0 4mm; }
  #argmap-fit { display: none; }
  main { display: block; height: auto; }
  #argmap-diagram, #argmap-side { overflow: visible; border: 0; padding: 0; }
  #argmap-diagram { display: none; }
  main > .argmap-print > .argmap-whole { break-before: auto; }
  details > summary { break-after: avoid; }
  .argmap-q { background: none; border-bottom: 1px solid #90caf9; }
  details > summary { list-style: none; }
  h2, h3 { break-after: avoid; }
  li, pre, #argmap-selected { break-inside: avoid; }
  #argmap-selected, #argmap-selected + h2 { display: none; }
  #argmap-side > h2:first-child { display: none; }
}
"""

_JS: Final = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var svg = document.querySelector("#argmap-diagram svg");
  var panel = document.getElementById("argmap-selected");
  function svgNode(id) {
    if (!svg) { return null; }
    var nodes = svg.querySelectorAll("g.claim");
    for (var i = 0; i < nodes.length; i++) { if (nodes[i].id === id) { return nodes[i]; } }
    return null;
  }
  function quotes(id) {
    return Array.prototype.filter.call(document.querySelectorAll(".argmap-q"), function (s) {
      return JSON.parse(s.getAttribute("data-claims")).indexOf(id) !== -1;
    });
  }
  function show(id) {
    var c = data.claims[id];
    panel.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "(" + c.number + ") " + c.text;
    panel.appendChild(head);
    var facts = [];
    if (c.roles.length) { facts.push(c.roles.join(", ")); }
    if (c.implicit) { facts.push("implicit premise"); }
    if (c.speaker) { facts.push("according to " + c.speaker); }
    if (!c.span) { facts.push("no quote in the text"); }
    if (facts.length) {
      var p = document.createElement("div");
      p.textContent = facts.join(" \\u00b7 ");
      panel.appendChild(p);
    }
  }
  function select(id, from) {
    if (!data.claims[id]) { return; }
    document.querySelectorAll(".argmap-hl").forEach(function (e) { e.classList.remove("argmap-hl"); });
    var qs = quotes(id);
    qs.forEach(function (q) { q.classList.add("argmap-hl"); });
    var node = svgNode(id);
    if (node) { node.classList.add("argmap-hl"); }
    show(id);
    document.body.setAttribute("data-selected", id);
    if (from === "diagram" && qs.length) { qs[0].scrollIntoView({block: "center"}); }
    if (from === "text" && node) { node.scrollIntoView({block: "center", inline: "center"}); }
  }
  if (svg) {
    svg.addEventListener("click", function (e) {
      var g = e.target.closest("g.claim");
      if (g) { select(g.id, "diagram"); }
    });
  }
  document.getElementById("argmap-text").addEventListener("click", function (e) {
    var s = e.target.closest(".argmap-q");
    if (!s) { return; }
    var ids = JSON.parse(s.getAttribute("data-claims"));
    ids.sort(function (a, b) { return data.claims[a].length - data.claims[b].length; });
    select(ids[0], "text");
  });
  var box = document.getElementById("argmap-diagram");
  var fit = document.getElementById("argmap-fit");
  fit.addEventListener("click", function () {
    var fitted = box.classList.toggle("argmap-fit");
    fit.textContent = fitted ? "Full size" : "Fit to width";
    fit.setAttribute("aria-pressed", fitted ? "false" : "true");
  });
  window.argmapSelect = select;
}());
"""


def source_segments(m: ArgumentMap) -> list[tuple[str, tuple[str, ...]]]:
    """Cut the source text at every quote boundary; return ``(text, claims covering it)`` pieces.

    A claim resting on several passages covers each of them, not the text between.

    >>> m = argmap.ArgumentMap(source="abcdef")
    >>> _ = m.claim("X", span=(1, 4)); _ = m.claim("Y", span=(3, 5))
    >>> source_segments(m)
    [('a', ()), ('bc', ('x',)), ('d', ('x', 'y')), ('e', ('y',)), ('f', ())]
    >>> _ = m.claim("Z", passages=[(0, 1), (5, 6)])
    >>> source_segments(m)[0], source_segments(m)[-1]
    (('a', ('z',)), ('f', ('z',)))
    """
    source = m.source or ""
    spans = [(c, s) for c in m.claims() for s in _passages(m, c)]
    cuts = sorted({0, len(source), *(p for _, s in spans for p in s)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        covering = tuple(c for c, (s0, s1) in spans if s0 <= a and b <= s1)
        out.append((source[a:b], covering))
    return out


def _passages(m: ArgumentMap, claim: str) -> tuple[tuple[int, int], ...]:
    """Return the spans a claim rests on: its passages, else its span, else none."""
    d = m[claim]
    return tuple(d.get("passages") or ()) or ((d["span"],) if d.get("span") else ())


def _json_script(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)


def _questions_html(m: ArgumentMap) -> str:
    parts: list[str] = []
    for arg in arguments(m).arguments:
        if not arg.scheme:
            continue
        head = f"<h3>Argument {arg.number}: {html.escape(scheme_name(arg.scheme))}</h3>"
        try:
            faced = inference_questions(m, arg.inference)
        except UnknownSchemeError:
            parts.append(head + "<p>This scheme is not in argmap's catalogue.</p>")
            continue
        items = "".join(
            f'<li><span class="argmap-cq-type">{html.escape(q.type)}</span>{html.escape(q.text)}</li>'
            for q in faced
        )
        parts.append(f"{head}<ol>{items}</ol>")
    return "".join(parts) or "<p>No inference names a scheme.</p>"


def html_page(m: ArgumentMap, *, svg: str | bytes | None = None, title: str | None = None) -> str:
    """Return the page as one HTML string.

    Parameters
    ----------
    m : ArgumentMap
    svg : str or bytes, optional
        The diagram; by default ``argmap.render.diagram(m).pipe("svg")`` (needs Graphviz). Its SVG
        should give each claim's ``<g>`` the claim id as ``id`` and the class ``claim``.
    title : str, optional
        Defaults to the map's title, else "Argument map".

    Raises
    ------
    GraphvizNotFound, RenderError
        When the diagram must be drawn and Graphviz is missing or fails.
    """
    if svg is None:
        from argmap.render import diagram

        svg = diagram(m).pipe("svg")
    if isinstance(svg, bytes):
        svg = svg.decode("utf-8")
    svg = _PROLOG.sub("", svg, count=1)
    title = title or m.title or "Argument map"
    sf = arguments(m)
    claims = {
        c: {
            "text": m[c]["text"],
            "number": sf.numbers[c],
            "speaker": m[c].get("speaker"),
            "implicit": bool(m[c].get("implicit")),
            "span": list(m[c]["span"]) if m[c].get("span") else None,
            "length": sum(b - a for a, b in _passages(m, c)),
            "roles": sorted(claim_roles(m, c)),
        }
        for c in m.claims()
    }
    if m.source is None:
        text = "<p><em>The map has no source text.</em></p>"
    else:
        text = "".join(
            f'<span class="argmap-q" data-claims="{html.escape(json.dumps(list(ids)))}">'
            f"{html.escape(piece)}</span>"
            if ids
            else html.escape(piece)
            for piece, ids in source_segments(m)
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{html.escape(title)}</title>
<style>{_CSS}{PRINT_CSS}</style>
</head>
<body>
<header><button id="argmap-fit" type="button" aria-pressed="false">Full size</button>
<h1>{html.escape(title)}</h1></header>
<main>
<section id="argmap-diagram" class="argmap-fit" aria-label="Diagram">
{svg}
</section>
{printed_map(svg)}
<aside id="argmap-side">
<h2>Selected claim</h2>
<div id="argmap-selected" aria-live="polite">Click a claim in the diagram or a marked quote in the text.</div>
<h2>Source text</h2>
<div id="argmap-text">{text}</div>
<details open><summary><h2 style="display:inline">Standard form</h2></summary>
<pre id="argmap-standard-form">{html.escape(standard_form(m))}</pre></details>
<details open><summary><h2 style="display:inline">Critical questions</h2></summary>
<div id="argmap-questions">{_questions_html(m)}</div></details>
</aside>
</main>
<script type="application/json" id="argmap-data">{_json_script({"claims": claims})}</script>
<script>{_JS}</script>
</body>
</html>
"""


def write_html(m: ArgumentMap, target: PathOrFile, **options: Any) -> None:
    """Write :func:`html_page` to a path (atomically) or an open file; ``options`` go to it."""
    atomic_write(target, html_page(m, **options))
