"""Grade a student's map against a reference map.

Claims are matched one to one, maximising the total similarity (a maximum-weight bipartite matching,
:func:`networkx.max_weight_matching`). Two claims are similar by the overlap of their quote spans
(intersection over union of the character ranges, used when both maps analyse the same source text)
or by their words: the mean of :class:`difflib.SequenceMatcher`'s character ratio (robust to typos
and inflection) and the token Jaccard index (robust to word order), the best over texts and quotes.
Pairs below ``threshold`` are never matched. Nothing is downloaded.

Relations are compared as edges between claims: a support gives one edge per premise to its
conclusion (``support``), an attack on a claim an edge to it (``attack``, rebut or undermine), an
attack on an inference an edge to that inference's conclusion (``undercut``), a rephrase an edge from
original to reformulation (``rephrase``). The *relations* score compares claim pairs and ignores the
label; the *types* score compares labelled edges. A student edge whose reverse is a reference edge
is listed as reversed.

Examples
--------
>>> ref = ArgumentMap()
>>> _ = ref.support(ref.claim("Take an umbrella."), ref.claim("It will rain today."))
>>> _ = ref.attack("take-an-umbrella", ref.claim("It is too windy."))
>>> stu = ArgumentMap()
>>> _ = stu.support(stu.claim("It will rain today"), stu.claim("Take an umbrella!"))
>>> c = compare(stu, ref)
>>> c.claims.precision, c.claims.recall
(1.0, 0.6666666666666666)
>>> c.reversed_relations
[('take-an-umbrella', 'it-will-rain-today', 'support')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

import networkx as nx

from argmap.exceptions import ArgmapError
from argmap.model import CLAIM, INFERENCE, REPHRASE, ArgumentMap
from argmap.schema import Ids

__all__ = ["ClaimMatch", "Comparison", "Score", "claim_similarity", "compare", "relation_edges"]

Edge = tuple[str, str, str]
DIFF_CLASSES: Final = ("matched", "missing", "extra")
_WORD = re.compile(r"\w+")
_SCALE: Final = 1_000_000


@dataclass(frozen=True)
class Score:
    """Counts of one comparison and the precision, recall and F1 they give."""

    hits: int
    student: int
    reference: int

    @property
    def precision(self) -> float:
        """Share of the student's items found in the reference (1.0 when both are empty)."""
        return self.hits / self.student if self.student else float(self.reference == 0)

    @property
    def recall(self) -> float:
        """Share of the reference's items the student found (1.0 when both are empty)."""
        return self.hits / self.reference if self.reference else float(self.student == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  ({self.hits} matched; {self.student} student, {self.reference} reference)"
        )


@dataclass(frozen=True)
class ClaimMatch:
    """A student claim matched to a reference claim, how similar and by what (``"span"`` or ``"text"``)."""

    student: str
    reference: str
    score: float
    by: str


Words = tuple[str, frozenset[str]]


def _words(text: str) -> Words:
    norm = " ".join(_WORD.findall(text.lower()))
    return norm, frozenset(norm.split())


def _claim_words(m: ArgumentMap, c: str) -> list[Words]:
    return [_words(t) for t in dict.fromkeys((m[c]["text"], m[c].get("quote"))) if t]


def _text_similarity(xs: list[Words], ys: list[Words], floor: float) -> float:
    """Best mean of character ratio and token Jaccard over the pairs; 0.0 if below ``floor``.

    The cheap upper bounds of :class:`difflib.SequenceMatcher` skip hopeless pairs.
    """
    best = 0.0
    for ya, yt in ys:
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(ya)
        for xa, xt in xs:
            if not xa or not ya:
                continue
            jaccard = len(xt & yt) / len(xt | yt)
            bar = max(best, floor)
            if (jaccard + 1) / 2 < bar:
                continue
            matcher.set_seq1(xa)
            if (jaccard + matcher.real_quick_ratio()) / 2 < bar or (
                jaccard + matcher.quick_ratio()
            ) / 2 < bar:
                continue
            best = max(best, (jaccard + matcher.ratio()) / 2)
    return best if best >= floor else 0.0


def _span_overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
    if not a or not b:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / union if union else 0.0


def _best(span_score: float, text_score: float) -> tuple[float, str]:
    return (span_score, "span") if span_score >= text_score and span_score else (text_score, "text")


def claim_similarity(
    student: ArgumentMap, s: str, reference: ArgumentMap, r: str, *, spans: bool = True
) -> tuple[float, str]:
    """Return how similar two claims are (0 to 1) and by what: ``"span"`` or ``"text"``.

    Spans count only when ``spans`` is true and both claims have one.

    >>> a, b = ArgumentMap(), ArgumentMap()
    >>> claim_similarity(a, a.claim("It will rain."), b, b.claim("it will RAIN"))
    (1.0, 'text')
    """
    span_score = _span_overlap(student[s].get("span"), reference[r].get("span")) if spans else 0.0
    text_score = _text_similarity(_claim_words(student, s), _claim_words(reference, r), 0.0)
    return _best(span_score, text_score)


def relation_edges(m: ArgumentMap) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(source, target, label, relation)`` claim-to-claim edges of the map's relations.

    >>> m = ArgumentMap()
    >>> s = m.support(m.claim("C"), [m.claim("A"), m.claim("B")])
    >>> _ = m.attack(s, m.claim("U"))
    >>> list(relation_edges(m))
    [('a', 'c', 'support', 's1'), ('b', 'c', 'support', 's1'), ('u', 'c', 'undercut', 'a1')]
    """
    for rel in m.relations():
        kind = m.kind(rel)
        target = m.target(rel)
        if kind == INFERENCE:
            label = "support"
        elif kind == REPHRASE:
            label = "rephrase"
        elif m.kind(target) == INFERENCE:
            label, target = "undercut", m.conclusion(target)
        else:
            label = "attack"
        for src in m.premises(rel):
            yield src, target, label, rel


@dataclass
class Comparison:
    """The result of :func:`compare`.

    Ids in ``missing_*`` are the reference's; in ``extra_*``, ``reversed_relations`` and
    ``wrong_types`` (``(source, target, student label, reference label)``) the student's.
    """

    student: ArgumentMap
    reference: ArgumentMap
    matches: list[ClaimMatch]
    claims: Score
    relations: Score
    types: Score
    missing_claims: list[str] = field(default_factory=list)
    extra_claims: list[str] = field(default_factory=list)
    missing_relations: list[Edge] = field(default_factory=list)
    extra_relations: list[Edge] = field(default_factory=list)
    reversed_relations: list[Edge] = field(default_factory=list)
    wrong_types: list[tuple[str, str, str, str]] = field(default_factory=list)

    def report(self) -> str:
        """Return a readable report: scores, then what matched, is missing, extra, reversed or mistyped."""

        def st(c: str) -> str:
            return f"“{' '.join(self.student[c]['text'].split())}”"

        def rt(c: str) -> str:
            return f"“{' '.join(self.reference[c]['text'].split())}”"

        lines = [
            f"Claims     {self.claims}",
            f"Relations  {self.relations}",
            f"Types      {self.types}",
        ]
        sections: list[tuple[str, list[str]]] = [
            (
                "Matched claims (student ~ reference)",
                [f"{st(x.student)} ~ {rt(x.reference)}  [{x.by} {x.score:.2f}]" for x in self.matches],
            ),
            ("Missing claims (in the reference only)", [rt(c) for c in self.missing_claims]),
            ("Extra claims (in the student's map only)", [st(c) for c in self.extra_claims]),
            ("Missing relations", [f"{rt(u)} -{lab}-> {rt(v)}" for u, v, lab in self.missing_relations]),
            ("Extra relations", [f"{st(u)} -{lab}-> {st(v)}" for u, v, lab in self.extra_relations]),
            (
                "Reversed relations (student's direction)",
                [f"{st(u)} -{lab}-> {st(v)}" for u, v, lab in self.reversed_relations],
            ),
            (
                "Wrong relation types",
                [f"{st(u)} -{got}-> {st(v)}: reference has {want}" for u, v, got, want in self.wrong_types],
            ),
        ]
        for title, items in sections:
            if items:
                lines += ["", f"{title}:"] + [f"  - {i}" for i in items]
        return "\n".join(lines)

    def diff_map(self) -> tuple[ArgumentMap, dict[str, str]]:
        """Return a map of both maps together and the class of each node: matched, missing or extra.

        The reference map is the base; the student's unmatched claims and those of the student's
        relations with an edge (label included) not in the reference are added, with ids prefixed
        ``student:``. A reference relation is matched when the student has all its edges, labels
        included; else it is missing.
        Draw it with ``argmap.render.diagram(diff, classes=classes)``.
        """
        diff = self.reference.copy()
        fresh = Ids(set(diff.graph))
        classes: dict[str, str] = {}
        to_ref = {x.student: x.reference for x in self.matches}
        for c in self.reference.claims():
            classes[c] = "missing" if c in self.missing_claims else "matched"
        ids: dict[str, str] = dict(to_ref)
        for c in self.extra_claims:
            d = self.student[c]
            ids[c] = diff.claim(d["text"], id=fresh.take(f"student:{c}"), implicit=d.get("implicit", False))
            classes[ids[c]] = "extra"
        ref_edges = {(u, v, lab) for u, v, lab, _ in relation_edges(self.reference)}
        mapped = {(to_ref.get(u), to_ref.get(v), lab) for u, v, lab, _ in relation_edges(self.student)}
        for rel in self.reference.relations():
            found = [(u, v, lab) in mapped for u, v, lab, r in relation_edges(self.reference) if r == rel]
            classes[rel] = "matched" if all(found) else "missing"
        extra_rels = {
            r for u, v, lab, r in relation_edges(self.student) if (ids[u], ids[v], lab) not in ref_edges
        }
        for rel in self.student.relations():
            if rel not in extra_rels:
                continue
            kind = self.student.kind(rel)
            sources = [ids[p] for p in self.student.premises(rel)]
            target = self.student.target(rel)
            new_id = fresh.take(f"student:{rel}")
            if kind == INFERENCE:
                diff.support(ids[target], sources, id=new_id, scheme=self.student[rel].get("scheme"))
            elif kind == REPHRASE:
                diff.rephrase(sources[0], ids[target], id=new_id)
            elif self.student.kind(target) == CLAIM:
                diff.attack(ids[target], sources, id=new_id, type=self.student[rel]["attack_type"])
            else:
                aim = _counterpart(diff, self.student, target, ids)
                if aim is None:
                    continue
                diff.attack(aim, sources, id=new_id, type="undercut")
            ids[rel] = new_id
            classes[new_id] = "extra"
        return diff, classes


def _counterpart(diff: ArgumentMap, student: ArgumentMap, inference: str, ids: dict[str, str]) -> str | None:
    """The inference of ``diff`` standing for the student's ``inference``, if any."""
    if f"student:{inference}" in diff:
        return f"student:{inference}"
    conclusion = ids[student.conclusion(inference)]
    prem = {ids[p] for p in student.premises(inference)}
    for cand in diff.inferences_to(conclusion):
        if prem & set(diff.premises(cand)):
            return cand
    return None


def compare(student: ArgumentMap, reference: ArgumentMap, *, threshold: float = 0.5) -> Comparison:
    """Compare a student's map with a reference map.

    Parameters
    ----------
    student, reference : ArgumentMap
    threshold : float
        Least similarity (0 to 1] for two claims to be matched.

    Returns
    -------
    Comparison
        Scores (``claims``, ``relations``, ``types``), the claim matching, and what is
        missing, extra, reversed or of the wrong type; ``report()`` and ``diff_map()``.

    Raises
    ------
    ArgmapError
        If ``threshold`` is not in (0, 1].
    """
    if not 0 < threshold <= 1:
        raise ArgmapError(f"threshold must lie in (0, 1], not {threshold}")
    spans = student.source is not None and student.source == reference.source
    s_claims, r_claims = list(student.claims()), list(reference.claims())
    bipartite: nx.Graph[tuple[str, str]] = nx.Graph()
    scores: dict[tuple[str, str], tuple[float, str]] = {}
    s_words = {s: _claim_words(student, s) for s in s_claims}
    r_words = {r: _claim_words(reference, r) for r in r_claims}
    for s in s_claims:
        for r in r_claims:
            span_score = _span_overlap(student[s].get("span"), reference[r].get("span")) if spans else 0.0
            score, by = _best(span_score, _text_similarity(s_words[s], r_words[r], threshold))
            if score >= threshold:
                scores[s, r] = (score, by)
                bipartite.add_edge(("s", s), ("r", r), weight=round(score * _SCALE))
    pairs = {}
    for a, b in nx.max_weight_matching(bipartite):
        (_, s), (_, r) = (a, b) if a[0] == "s" else (b, a)
        pairs[s] = r
    matches = [ClaimMatch(s, pairs[s], *scores[s, pairs[s]]) for s in s_claims if s in pairs]
    matched_ref = set(pairs.values())
    s_all = list(dict.fromkeys((u, v, lab) for u, v, lab, _ in relation_edges(student)))
    r_all = list(dict.fromkeys((u, v, lab) for u, v, lab, _ in relation_edges(reference)))
    r_labels: dict[tuple[str, str], set[str]] = {}
    for u, v, lab in r_all:
        r_labels.setdefault((u, v), set()).add(lab)

    def image(u: str, v: str) -> tuple[str | None, str | None]:
        return pairs.get(u), pairs.get(v)

    hits = [(u, v, lab) for u, v, lab in s_all if image(u, v) in r_labels]
    typed = [(u, v, lab) for u, v, lab in hits if lab in r_labels[pairs[u], pairs[v]]]
    reversed_ = [
        (u, v, lab) for u, v, lab in s_all if image(u, v) not in r_labels and image(v, u) in r_labels
    ]
    s_pairs = {(u, v) for u, v, _ in s_all}
    found = {image(u, v) for u, v, _ in hits}
    return Comparison(
        student=student,
        reference=reference,
        matches=matches,
        claims=Score(len(matches), len(s_claims), len(r_claims)),
        relations=Score(len({(u, v) for u, v, _ in hits}), len(s_pairs), len(r_labels)),
        types=Score(len(typed), len(s_all), len(r_all)),
        missing_claims=[r for r in r_claims if r not in matched_ref],
        extra_claims=[s for s in s_claims if s not in pairs],
        missing_relations=[(u, v, lab) for u, v, lab in r_all if (u, v) not in found],
        extra_relations=[e for e in s_all if e not in hits and e not in reversed_],
        reversed_relations=reversed_,
        wrong_types=[
            (u, v, lab, "/".join(sorted(r_labels[pairs[u], pairs[v]])))
            for u, v, lab in hits
            if (u, v, lab) not in typed
        ],
    )
