"""Build the seed article's argument map through the Python API, save it and draw it.

The article is ``seeds/putin_has_no_time_left.txt``: a report of political
scientist Igor Reiterovich's view that the Kremlin, short of time and
resources, raises the stakes as blackmail to force negotiations on its terms.
:func:`build` returns the analysed map; run as a script, this file writes it
to ``seeds/putin_has_no_time_left.json`` and, when a Graphviz engine is
installed, draws it::

    python seeds/build_seed_map.py -o putin_has_no_time_left.svg

The analysis: every argumentative sentence is anchored by a claim quoting it
verbatim (spans are located in the article); unstated premises are claims
with ``implicit=True``; schemes are ids of the Walton catalogue
(``kurtuldu_walton_full.yml``). The two headline inferences are
``s-negotiating-posture`` (raising the stakes is how Russia prepares for
negotiations; argument to the best explanation) and ``s-time-pressure``
(limited time and no resources, hence raising the stakes and blackmail;
instrumental practical reasoning).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from argmap.model import ArgumentMap
from argmap.readwrite.native import write_native
from argmap.seed import seed_text

JSON_PATH = Path(__file__).resolve().parent.parent / "seeds" / "putin_has_no_time_left.json"
TITLE = "Putin Has No Time Left"

REITEROVICH = "political scientist Igor Reiterovich"
EXPERTS = "experts"
LAVROV = "Sergey Lavrov"
KREMLIN = "the Kremlin"
PUTIN = "Putin (as reported by Igor Reiterovich)"

PART_1 = "Putin Has No Time Left"
PART_2 = "The Kremlin has raised the stakes as much as possible"


def build() -> ArgumentMap:
    """Return the argument map of the seed article.

    >>> m = build()
    >>> m["s-time-pressure"]["scheme"], m["s-negotiating-posture"]["scheme"]
    ('practical_reasoning2', 'abduction')
    >>> m.quote_text("limited-time")[:40]
    'Putin’s problem is that he has limited t'
    """
    m = ArgumentMap(source=seed_text(), title=TITLE)
    m.meta.update(
        published="2025-01-03T11:22",
        outlet="Channel 24",
        analysis="argument map of the whole article: every argumentative sentence anchored by a claim",
    )

    # -- Part 1: the title, the lede and the negotiating posture ---------------------------------
    m.claim(
        "Putin has no time left.",
        id="no-time-left",
        quote="Putin Has No Time Left",
        speaker=REITEROVICH,
        tags=["thesis", "time-pressure"],
        section=PART_1,
    )
    m.claim(
        "The Kremlin is raising the stakes as much as possible.",
        id="raising-the-stakes",
        quote="That's why the Kremlin is raising the stakes as much as possible.",
        thesis=True,
        tags=["stakes"],
        section=PART_1,
    )
    m.claim(
        "The Kremlin keeps raising the stakes.",
        id="keeps-raising-stakes",
        quote="The Kremlin continues to raise the stakes",
        tags=["stakes"],
        section=PART_1,
    )
    m.claim(
        "The Kremlin uses the Oreshnik ballistic missile.",
        id="oreshnik-used",
        quote="when it uses the Oreshnik ballistic missile",
        tags=["evidence", "oreshnik"],
        section=PART_1,
    )
    m.claim(
        "Russia is not satisfied with the “peace plan” of Donald Trump's team.",
        id="lavrov-rejects-plan",
        quote="when Sergey Lavrov says that Russia is not satisfied with the “peace plan” of "
        "Donald Trump's team",
        speaker=LAVROV,
        tags=["evidence", "negotiations"],
        section=PART_1,
    )
    m.claim(
        "Raising the stakes is how the Russians are preparing for possible negotiations.",
        id="preparing-for-negotiations",
        quote="This is how the Russians are preparing for possible negotiations.",
        tags=["interpretation", "negotiations"],
        section=PART_1,
    )
    m.claim(
        "Russia keeps insisting that it does not need any truces.",
        id="no-truces",
        quote="Russia continues to insist that it does not need any truces.",
        speaker=REITEROVICH,
        tags=["negotiations"],
        section=PART_1,
    )
    m.claim(
        "Russia wants a peace agreement not with Ukraine but with the United States, on dividing spheres "
        "of influence, with guarantees such as that Kyiv will not join NATO.",
        id="wants-deal-with-us",
        quote="It wants to conclude a peace agreement, not even with Ukraine, but with the United States on "
        "the division of spheres of influence, guarantees like those that Kyiv will not join NATO.",
        speaker=REITEROVICH,
        tags=["negotiations"],
        section=PART_1,
    )

    # -- Part 2: negotiations ahead, the stakes at their height, time running out ----------------
    m.claim(
        "The Kremlin has raised the stakes as much as possible.",
        id="stakes-at-maximum",
        quote=PART_2,
        tags=["heading", "stakes"],
        section=PART_2,
    )
    m.claim(
        "The Russians will keep pushing this thesis not only until January 20 but even longer.",
        id="thesis-beyond-january-20",
        quote="The Russians will spin this thesis not even until January 20, but even longer",
        speaker=REITEROVICH,
        tags=["prediction", "negotiations"],
        section=PART_2,
    )
    m.claim(
        "Real movement towards negotiations may begin only when Donald Trump is inaugurated and his team "
        "presents a real peace plan.",
        id="talks-after-inauguration",
        quote="real movement towards negotiations may begin when Donald Trump is inaugurated and his team "
        "presents a real peace plan",
        speaker=REITEROVICH,
        tags=["prediction", "negotiations"],
        section=PART_2,
    )
    m.claim(
        "The White House will first address its peace plan to Ukraine and European countries and only after "
        "consultations contact Russia.",
        id="plan-goes-to-kyiv-first",
        quote="The White House will first address this plan to Ukraine and European countries, and after "
        "certain consultations will have contact with Russia.",
        speaker=REITEROVICH,
        tags=["prediction", "negotiations"],
        section=PART_2,
    )
    m.claim(
        "Nothing like real negotiations on a peace plan is happening now.",
        id="no-talks-now",
        quote="nothing like this is happening now",
        speaker=REITEROVICH,
        tags=["negotiations"],
        section=PART_2,
    )
    m.claim(
        "Russia is filling the information space with itself, throwing in its own narratives.",
        id="filling-information-space",
        quote="Russia, according to him, is filling the information space with itself, throwing in its own "
        "narratives",
        speaker=REITEROVICH,
        tags=["narratives"],
        section=PART_2,
    )
    m.claim(
        "When negotiations begin, Russia plans to start from the positions it has voiced in advance.",
        id="start-from-voiced-positions",
        quote="And when the negotiations begin, they plan to start from the positions that they voiced in "
        "advance.",
        speaker=REITEROVICH,
        tags=["negotiations"],
        section=PART_2,
    )
    m.claim(
        "Putin plans to reduce the stakes later and present this as “concessions” on the part of Russia.",
        id="reduce-stakes-as-concessions",
        quote="Putin plans to reduce the stakes after this and present this as certain “concessions” on the "
        "part of Russia",
        speaker=REITEROVICH,
        tags=["negotiations", "stakes"],
        section=PART_2,
    )
    m.claim(
        "The Kremlin has now raised the stakes as much as possible.",
        id="stakes-now-at-maximum",
        quote="Now the Kremlin has raised the stakes as much as possible",
        speaker=REITEROVICH,
        tags=["stakes"],
        section=PART_2,
    )
    m.claim(
        "The only escalation left is to actually use tactical nuclear weapons or conduct nuclear tests on "
        "Russian territory.",
        id="only-nuclear-steps-left",
        quote="it remains, according to the political scientist, to actually use, for example, tactical "
        "nuclear weapons or conduct nuclear tests on Russian territory",
        speaker=REITEROVICH,
        tags=["stakes", "nuclear"],
        section=PART_2,
    )
    m.claim(
        "Putin may also recall the Oreshnik or even use it again.",
        id="oreshnik-again",
        quote="Putin may also recall the Oreshnik or even use it again.",
        tags=["oreshnik", "counter"],
        section=PART_2,
    )
    m.claim(
        "It is unclear how many more Oreshnik systems Russia has.",
        id="oreshnik-stock-unclear",
        quote="However, it is unclear how many more of these systems Russia has.",
        tags=["oreshnik", "counter"],
        section=PART_2,
    )
    m.claim(
        "The Russians have only 2 Oreshnik systems left of 3-4 units in total; the launch on Ukrainian "
        "territory on November 21, 2024 was the second.",
        id="only-two-oreshniks",
        quote="the Russians have only 2 Oreshnik systems, and there were 3-4 units in total, and the launch "
        "on Ukrainian territory on November 21, 2024 was the second",
        speaker=EXPERTS,
        tags=["evidence", "oreshnik"],
        section=PART_2,
    )
    m.claim(
        "The first Oreshnik missile fell short of its target.",
        id="first-missile-fell-short",
        quote="The first missile fell somewhere, not reaching its target.",
        speaker=EXPERTS,
        tags=["evidence", "oreshnik", "counter"],
        section=PART_2,
    )
    m.claim(
        "The Oreshnik strike did not make the impression the Kremlin was counting on.",
        id="oreshnik-no-impression",
        quote="since the Oreshnik strike did not make the impression the Kremlin was counting on",
        tags=["oreshnik", "counter"],
        section=PART_2,
    )
    m.claim(
        "The Kremlin is now coming up with the thesis that Russia will fight as long as necessary.",
        id="new-thesis-fight-on",
        quote="it is coming up with the thesis that “Russia will fight as long as necessary”",
        tags=["narratives"],
        section=PART_2,
    )
    m.claim(
        "Russia will fight as long as necessary and will be able to achieve its goals.",
        id="fight-as-long-as-necessary",
        quote="“Russia will fight as long as necessary” and will supposedly be able to achieve its goals",
        speaker=KREMLIN,
        tags=["narratives"],
        section=PART_2,
    )
    m.claim(
        "Putin has limited time: he does not have many years in reserve to implement a gradual policy.",
        id="limited-time",
        quote="Putin’s problem is that he has limited time and does not have many years in reserve to "
        "implement a gradual policy.",
        speaker=REITEROVICH,
        tags=["time-pressure"],
        section=PART_2,
    )
    m.claim(
        "Putin needs to get some results quickly.",
        id="needs-quick-results",
        quote="He needs to get some results quickly",
        speaker=REITEROVICH,
        tags=["time-pressure"],
        section=PART_2,
    )
    m.claim(
        "Putin does not have the resources to get results quickly.",
        id="no-resources",
        quote="but he does not have the resources for this",
        speaker=REITEROVICH,
        tags=["time-pressure"],
        section=PART_2,
    )
    m.claim(
        "Putin is raising the stakes and blackmailing, seeking support among European countries.",
        id="blackmail",
        quote="Therefore, he is raising the stakes and blackmailing, seeking support among European "
        "countries.",
        speaker=REITEROVICH,
        tags=["stakes"],
        section=PART_2,
    )
    m.claim(
        "By raising the stakes and blackmailing, Putin will force the West and Ukraine to sit down with him "
        "at the negotiating table on his terms.",
        id="force-talks-on-his-terms",
        quote="Putin thinks, the political scientist added, that in this way he will force the West and "
        "Ukraine to sit down with him at the negotiating table on his terms.",
        speaker=PUTIN,
        tags=["negotiations"],
        section=PART_2,
    )

    # -- unstated premises --------------------------------------------------------------------
    m.claim(
        "A party expecting negotiations gains bargaining chips by raising its demands and threats "
        "beforehand, which it can later give up as concessions.",
        id="bargaining-chips",
        implicit=True,
        tags=["warrant", "negotiations"],
        section=PART_1,
    )
    m.claim(
        "No more plausible explanation of the Kremlin's escalation is at hand.",
        id="best-explanation",
        implicit=True,
        tags=["warrant"],
        section=PART_1,
    )
    m.claim(
        "Raising the stakes and blackmail can bring results quickly without the resources that a gradual "
        "policy would need.",
        id="blackmail-is-cheap",
        implicit=True,
        tags=["warrant", "stakes"],
        section=PART_2,
    )
    m.claim(
        "Putin has no other means of getting results quickly.",
        id="no-other-means",
        implicit=True,
        tags=["warrant", "time-pressure"],
        section=PART_2,
    )
    m.claim(
        "The West and Ukraine would rather negotiate on Putin's terms than face further escalation.",
        id="escalation-unbearable",
        implicit=True,
        tags=["warrant", "negotiations"],
        section=PART_2,
    )

    # -- the lede and its restatements -------------------------------------------------------------
    m.support(
        "raising-the-stakes",
        "no-time-left",
        scheme="practical_reasoning2",
        id="s-lede",
        meta={"note": "the lede's short form of s-time-pressure ('That's why')"},
    )
    m.rephrase("no-time-left", "limited-time", id="r-title")
    m.rephrase("raising-the-stakes", "keeps-raising-stakes", id="r-keeps-raising")
    m.rephrase("raising-the-stakes", "stakes-at-maximum", id="r-heading")
    m.rephrase("stakes-at-maximum", "stakes-now-at-maximum", id="r-now-at-maximum")
    m.rephrase("raising-the-stakes", "blackmail", id="r-blackmail")

    # -- (a) raising the stakes as a negotiating posture ---------------------------------------------
    m.support("keeps-raising-stakes", "oreshnik-used", scheme="verbal_classification", id="s-oreshnik")
    m.support("keeps-raising-stakes", "lavrov-rejects-plan", scheme="verbal_classification", id="s-lavrov")
    m.support(
        "preparing-for-negotiations",
        ["keeps-raising-stakes", "talks-after-inauguration", "bargaining-chips", "best-explanation"],
        scheme="abduction",
        id="s-negotiating-posture",
    )
    m.support(
        "preparing-for-negotiations",
        ["start-from-voiced-positions", "reduce-stakes-as-concessions"],
        id="s-concessions-plan",
    )
    m.support("no-truces", "wants-deal-with-us", scheme="practical_goal", id="s-deal-not-truce")
    m.support("filling-information-space", "no-truces", id="s-own-narratives")
    m.support("filling-information-space", "no-talks-now", id="s-nothing-happening")
    m.support(
        "start-from-voiced-positions", "filling-information-space", scheme="sign", id="s-voiced-in-advance"
    )
    m.support(
        "thesis-beyond-january-20",
        ["talks-after-inauguration", "plan-goes-to-kyiv-first"],
        id="s-after-january-20",
    )

    # -- the stakes at their height, and the Oreshnik -------------------------------------------------
    m.support("stakes-now-at-maximum", "only-nuclear-steps-left", id="s-only-nuclear")
    m.attack("only-nuclear-steps-left", by="oreshnik-again", id="a-oreshnik-again")
    m.attack("oreshnik-again", by="oreshnik-stock-unclear", id="a-stock-unclear")
    m.support("oreshnik-stock-unclear", "only-two-oreshniks", scheme="expert_opinion", id="s-experts")
    m.attack("s-oreshnik", by="first-missile-fell-short", id="a-fell-short")
    m.support("new-thesis-fight-on", "oreshnik-no-impression", id="s-no-impression")

    # -- (b) limited time and no resources, hence blackmail -------------------------------------------
    m.support(
        "blackmail",
        ["limited-time", "needs-quick-results", "no-resources", "blackmail-is-cheap", "no-other-means"],
        scheme="practical_reasoning2",
        id="s-time-pressure",
    )
    m.support(
        "force-talks-on-his-terms",
        ["blackmail", "escalation-unbearable"],
        scheme="ad_baculum",
        id="s-threat",
    )
    m.attack("s-threat", by="oreshnik-no-impression", id="a-no-impression")
    m.attack("fight-as-long-as-necessary", by=["limited-time", "no-resources"], id="a-no-time-to-fight-on")
    return m


def main(argv: Sequence[str] | None = None) -> int:
    """Write the seed map's JSON and, when Graphviz is available, its drawing."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-o", "--output", default="putin_has_no_time_left.svg", help="drawing to write")
    parser.add_argument("--json", default=str(JSON_PATH), help="where to write the map as argmap JSON")
    args = parser.parse_args(argv)
    m = build()
    write_native(m, args.json)
    print(f"wrote {args.json}: {m!r}")
    from argmap.render.backend import graphviz_available

    if not graphviz_available():
        print("no Graphviz engine installed; skipped the drawing", file=sys.stderr)
        return 0
    from argmap.render import render

    render(m, args.output)
    print(f"drew {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
