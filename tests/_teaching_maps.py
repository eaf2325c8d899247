"""Maps shared by the teaching and HTML tests: a hand-made reference and a hypothesis strategy."""

from __future__ import annotations

from hypothesis import strategies as st
from strategies import maps

from argmap.model import ArgumentMap

SOURCE = (
    "The city should build a new bridge. Traffic jams cost commuters an hour a day. "
    "Engineers say the old bridge is unsafe. But the budget is already stretched."
)
WORDS = ("river", "bridge", "budget", "traffic", "school", "tax", "park", "rail", "noise", "safety")


def reference_map() -> ArgumentMap:
    """A small analysed text: one linked argument, a sub-argument, an implicit premise and an attack."""
    m = ArgumentMap(source=SOURCE, title="Bridge")
    m.claim("The city should build a new bridge.", id="build", quote="The city should build a new bridge.")
    m.claim(
        "Traffic jams cost commuters an hour a day.",
        id="jams",
        quote="Traffic jams cost commuters an hour a day.",
    )
    m.claim("The old bridge is unsafe.", id="unsafe", quote="the old bridge is unsafe")
    m.claim(
        "Engineers say the old bridge is unsafe.",
        id="engineers",
        quote="Engineers say the old bridge is unsafe.",
    )
    m.claim("A new bridge would end the jams.", id="end-jams", implicit=True)
    m.claim("The budget is already stretched.", id="budget", quote="the budget is already stretched")
    m.support("unsafe", "engineers", id="s-expert", scheme="expert_opinion")
    m.support("build", ["jams", "unsafe", "end-jams"], id="s-main", scheme="practical_reasoning2")
    m.attack("build", "budget", id="a-budget")
    return m


def random_maps(max_claims: int = 8) -> st.SearchStrategy[ArgumentMap]:
    """Maps of distinct statements joined by random supports, attacks, undercuts and rephrases."""
    statements = st.builds("Statement {} says {} matters.".format, st.integers(0, 99), st.sampled_from(WORDS))
    return maps(
        text=statements, rich=False, implicit=True, unique_texts=True, max_claims=max_claims, max_relations=16
    )


def student_map() -> ArgumentMap:
    """A student's analysis of :data:`SOURCE` with known differences from :func:`reference_map`.

    Claims: five of six match (``e`` only by its span, which is most of the reference's quote),
    ``p`` is extra and the implicit premise ``end-jams`` is missing. Relation edges: two right,
    one reversed (b -> j), one of the wrong type (g supports b; the reference attacks), one extra
    (p attacks b); of the reference's five, jams -> build and end-jams -> build are missing.
    """
    m = ArgumentMap(source=SOURCE, title="Bridge (student)")
    m.claim("The city must build a new bridge.", id="b")
    m.claim("Traffic jams cost commuters an hour a day", id="j")
    m.claim("The old bridge is unsafe", id="u")
    start = SOURCE.index("Engineers")
    m.claim("Experts agree.", id="e", span=(start, start + len("Engineers say the old bridge is unsafe")))
    m.claim("The budget is stretched.", id="g")
    m.claim("Bridges are pretty.", id="p")
    m.support("u", "e")
    m.support("j", "b")
    m.support("b", "u")
    m.support("b", "g")
    m.attack("b", "p")
    return m
