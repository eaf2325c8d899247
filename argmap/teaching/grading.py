"""Grade a student's map against a reference map with a rubric a teacher can explain.

Matching claims
---------------
Claims are matched one to one, maximising the total similarity (an optimal assignment, see
:func:`max_weight_assignment`). Two claims are similar by the overlap of their quote spans
(intersection over union of the character ranges, used when both maps analyse the same source
text) or by their words: the mean of the Jaccard index of their word sets (robust to word order)
and the Dice index of their character-trigram sets (robust to typos and inflection), the best over texts and
quotes. Pairs at or above ``threshold`` match. Pairs a little below it (within ``near``) may be
matched as *near matches*: the claim earns :data:`NEAR_CREDIT` and its relations count in full, so
a paraphrase just under the threshold costs the student once, and the report names it for the
teacher to confirm (``overrides``) or reject.

The work is bounded: candidate pairs come from an inverted index of each claim's rarest words and
trigrams (prefix filtering, Bayardo et al. 2007: a pair whose Jaccard index reaches ``t`` shares
one of the first ``n - ceil(t n) + 1`` of either's features in rarity order), each student claim
is scored against at most :data:`MAX_CANDIDATES` reference claims, and the assignment runs over
those pairs only. Nothing is downloaded.

Matching relations
------------------
A relation is a support (premises -> conclusion), an attack (attackers -> claim; an attack on an
inference counts as an *undercut* of that inference's conclusion) or a rephrase. Each student
relation, its ends translated through the claim matching, is paired with at most one reference
relation (again an optimal assignment) and earns credit:

- ``matched`` (1): same kind, same target, same sources;
- ``partial`` (the Jaccard index of the two source sets): same kind and target, sources overlap,
  such as a linked argument missing one of three co-premises (2/3);
- ``mistyped`` (:data:`MISTYPED_CREDIT` times that index): same ends, another kind (a support
  where the reference attacks);
- ``reversed`` (:data:`REVERSED_CREDIT`): the arrow runs the other way.

Rubric
------
The overall score out of 100 is ``100 * (w_c * C + w_r * R + w_s * S)`` with the weights of a
:class:`Rubric` (by default 40 claims, 40 relations, 20 structure):

- ``C``, the F1 of the claims: precision is the claim credit over the student's claims, recall
  over the reference's (a match earns 1, a near match :data:`NEAR_CREDIT`);
- ``R``, the F1 of the relations with the credits above;
- ``S``, structure: the mean of the F1 of the main conclusions (supported claims that support and
  attack nothing) and the share of matched claims that play the same roles (premise, intermediate
  conclusion, main conclusion, objection) in both maps.

A map graded against itself scores 100.

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
>>> [(r.kind, r.credit) for r in c.relation_matches]
[('reversed', 0.5)]
>>> c.score
45.3
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from argmap.exceptions import ArgmapError
from argmap.model import CLAIM, CONFLICT, INFERENCE, REPHRASE, ArgumentMap
from argmap.schema import Ids
from argmap.teaching.exercises import claim_roles

__all__ = [
    "DIFF_CLASSES",
    "MAX_CANDIDATES",
    "MISTYPED_CREDIT",
    "NEAR_CREDIT",
    "REVERSED_CREDIT",
    "ClaimMatch",
    "Comparison",
    "RelationMatch",
    "Rubric",
    "Score",
    "claim_similarity",
    "compare",
    "max_weight_assignment",
    "relation_label",
]

NEAR_CREDIT: Final = 0.5
"""Claim credit of a near match (a similarity within ``near`` below the threshold)."""
MISTYPED_CREDIT: Final = 0.5
"""Share of a relation's credit kept when its kind is wrong (support for attack, ...)."""
REVERSED_CREDIT: Final = 0.5
"""Credit of a relation drawn the other way round."""
MAX_CANDIDATES: Final = 16
"""Most reference claims one student claim is scored against (those sharing its rarest features)."""
DIFF_CLASSES: Final = ("matched", "near", "partial", "mistyped", "reversed", "missing", "extra")
"""The classes :meth:`Comparison.diff_map` gives nodes, in the order a legend lists them."""

_MAX_PROBES: Final = 2048
_UNMATCHED: Final = "\0"
_WORD = re.compile(r"\w+")
_SCALE: Final = 1_000_000

K = TypeVar("K", bound=Hashable)
V = TypeVar("V", bound=Hashable)


@dataclass(frozen=True)
class Rubric:
    """The weights of the overall score; they need not sum to 1 (they are normalised).

    >>> Rubric().claims, Rubric(claims=1, relations=1, structure=0).normalised()
    (0.4, (0.5, 0.5, 0.0))
    """

    claims: float = 0.4
    relations: float = 0.4
    structure: float = 0.2

    def normalised(self) -> tuple[float, float, float]:
        """Return the three weights scaled to sum to 1."""
        weights = (self.claims, self.relations, self.structure)
        if any(not math.isfinite(w) or w < 0 for w in weights) or not sum(weights):
            raise ArgmapError(f"rubric weights must be finite, not negative and not all 0: {weights}")
        total = sum(weights)
        return (self.claims / total, self.relations / total, self.structure / total)


@dataclass(frozen=True)
class Score:
    """Credit earned against the counts of both maps, and the precision, recall and F1 they give."""

    credit: float
    student: int
    reference: int

    @property
    def precision(self) -> float:
        """Credit over the student's items (1.0 when both are empty)."""
        return self.credit / self.student if self.student else float(self.reference == 0)

    @property
    def recall(self) -> float:
        """Credit over the reference's items (1.0 when both are empty)."""
        return self.credit / self.reference if self.reference else float(self.student == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  ({self.credit:g} credit; {self.student} student, {self.reference} reference)"
        )


@dataclass(frozen=True)
class ClaimMatch:
    """A student claim matched to a reference claim.

    ``score`` is their similarity, ``by`` what it measured (``"span"`` or ``"text"``), and
    ``kind`` ``"match"``, ``"near"`` (below the threshold, half credit) or ``"manual"`` (an
    override; full credit).
    """

    student: str
    reference: str
    score: float
    by: str
    kind: str = "match"

    @property
    def credit(self) -> float:
        """The claim credit the match earns."""
        return NEAR_CREDIT if self.kind == "near" else 1.0


@dataclass(frozen=True)
class RelationMatch:
    """A student relation paired with a reference relation: ``kind`` and ``credit`` as in the rubric.

    ``missing`` lists the reference's sources the student left out (reference ids), ``added`` the
    student's sources the reference does not have (student ids).
    """

    student: str
    reference: str
    kind: str
    credit: float
    student_label: str
    reference_label: str
    missing: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


# -- similarity -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    words: frozenset[str]
    grams: frozenset[str]


def _features(text: str) -> _Text | None:
    norm = " ".join(_WORD.findall(text.casefold()))
    if not norm:
        return None
    padded = f" {norm} "
    return _Text(frozenset(norm.split()), frozenset(padded[i : i + 3] for i in range(len(padded) - 2)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    j = _jaccard(a, b)
    return 2 * j / (1 + j)


def _text_score(xs: Sequence[_Text], ys: Sequence[_Text]) -> float:
    return max(
        ((_jaccard(x.words, y.words) + _dice(x.grams, y.grams)) / 2 for x in xs for y in ys), default=0.0
    )


def _claim_texts(m: ArgumentMap, c: str) -> list[_Text]:
    found = (_features(t) for t in dict.fromkeys((m[c]["text"], m[c].get("quote"))) if t)
    return [f for f in found if f is not None]


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
    return _best(span_score, _text_score(_claim_texts(student, s), _claim_texts(reference, r)))


class _PrefixIndex:
    """Reference feature sets indexed by their rarest features, for Jaccard at least ``t``.

    Each feature's postings are sorted by set size, so the size filter (a set of ``n`` features
    can reach ``t`` only with one of ``t n`` to ``n / t``) is a slice.
    """

    def __init__(
        self, sets: Sequence[tuple[int, frozenset[str]]], probes: Iterable[frozenset[str]], t: float
    ):
        self.t = t
        freq: Counter[str] = Counter()
        for _, s in sets:
            freq.update(s)
        for s in probes:
            freq.update(s)
        self.rank = {x: k for k, x in enumerate(sorted(freq, key=lambda x: (freq[x], x)))}
        lists: dict[str, list[tuple[int, int]]] = {}
        for owner, s in sets:
            for x in self.prefix(s):
                lists.setdefault(x, []).append((len(s), owner))
        self.postings: dict[str, tuple[list[int], list[int]]] = {}
        for x, entries in lists.items():
            entries.sort()
            self.postings[x] = ([n for n, _ in entries], [o for _, o in entries])

    def prefix(self, s: frozenset[str]) -> list[str]:
        keep = len(s) - math.ceil(self.t * len(s) - 1e-9) + 1
        return heapq.nsmallest(max(1, keep), s, key=self.rank.__getitem__)

    def candidates(self, s: frozenset[str], counts: Counter[int], budget: int, rotate: float) -> int:
        """Count in ``counts`` the owners sharing a prefix feature with ``s``; return the budget left."""
        lo, hi = self.t * len(s) - 1e-9, len(s) / self.t + 1e-9
        for x in self.prefix(s):
            if budget <= 0:
                break
            posting = self.postings.get(x)
            if posting is None:
                continue
            sizes, owners = posting
            a, b = bisect.bisect_left(sizes, lo), bisect.bisect_right(sizes, hi)
            # start at the probe's place in its own map, so that among equals the nearest come first
            # (the window of a too common feature as well)
            k = a + int(rotate * (b - a))
            end = k + min(budget, b - a)
            counts.update(owners[k : min(end, b)])
            counts.update(owners[a : a + max(0, end - b)])
            budget -= min(budget, b - a)
        return budget


def _candidate_scores(
    student: ArgumentMap,
    s_claims: Sequence[str],
    reference: ArgumentMap,
    r_claims: Sequence[str],
    floor: float,
    spans: bool,
) -> dict[tuple[int, int], tuple[float, str]]:
    """Return the similarity of every candidate pair (student index, reference index) at least ``floor``."""
    s_texts = [_claim_texts(student, c) for c in s_claims]
    r_texts = [_claim_texts(reference, c) for c in r_claims]
    t = max(floor, 0.01)
    indexes = []
    for part, least in (("words", t), ("grams", t / (2 - t))):  # Dice >= t if Jaccard >= t / (2 - t)
        sets = [(j, getattr(x, part)) for j, xs in enumerate(r_texts) for x in xs]
        probes = [getattr(x, part) for xs in s_texts for x in xs]
        indexes.append((part, _PrefixIndex(sets, probes, least)))
    r_spans: list[tuple[int, int, int]] = []
    if spans:
        r_spans = sorted(
            (*reference[c]["span"], j) for j, c in enumerate(r_claims) if reference[c].get("span")
        )
    starts = [a for a, _, _ in r_spans]
    out: dict[tuple[int, int], tuple[float, str]] = {}
    n = max(len(s_claims), 1)
    for i, c in enumerate(s_claims):
        counts: Counter[int] = Counter()
        budget = _MAX_PROBES
        for part, index in indexes:
            for x in s_texts[i]:
                budget = index.candidates(getattr(x, part), counts, budget, i / n)
        span = student[c].get("span") if spans else None
        if span:
            reach = (span[1] - span[0]) * (1 - t) / t
            k = bisect.bisect_left(starts, span[0] - reach)
            while k < len(r_spans) and r_spans[k][0] <= span[0] + reach and budget > 0:
                counts[r_spans[k][2]] += 2
                k += 1
                budget -= 1
        for j in sorted(counts, key=counts.__getitem__, reverse=True)[:MAX_CANDIDATES]:
            span_score = _span_overlap(span, reference[r_claims[j]].get("span")) if span else 0.0
            score, by = _best(span_score, _text_score(s_texts[i], r_texts[j]))
            if score >= floor:
                out[i, j] = (score, by)
    return out


# -- assignment ---------------------------------------------------------------------------------


def max_weight_assignment(weights: Mapping[K, Mapping[V, int]]) -> dict[K, V]:
    """Pair left keys with right keys one to one, maximising the total weight; pairs are optional.

    Only the pairs listed (with positive integer weights) may be chosen; a key may stay unpaired.
    This is the shortest-augmenting-path (Hungarian, Jonker-Volgenant) algorithm on the sparse
    graph, each left key having a private "unpaired" option of weight 0: exact for integer
    weights, and fast where few keys compete for the same partner. Ties go to the earlier key.

    >>> max_weight_assignment({"a": {"x": 10, "y": 9}, "b": {"x": 9}})
    {'a': 'y', 'b': 'x'}
    >>> max_weight_assignment({"a": {"x": 5}, "b": {"x": 3, "y": 1}})
    {'a': 'x', 'b': 'y'}
    """
    lefts = list(weights)
    rights: dict[V, int] = {}
    for left in lefts:
        for right in weights[left]:
            rights.setdefault(right, len(rights))
    right_keys = list(rights)
    n_right = len(right_keys)
    adj: list[list[tuple[int, int]]] = []
    for left in lefts:
        row = []
        for right, w in weights[left].items():
            if not isinstance(w, int) or w <= 0:
                raise ArgmapError(f"assignment weights must be positive integers, not {w!r}")
            row.append((rights[right], w))
        adj.append(row)
    # objects 0..n_right-1 are the right keys, n_right + i is left i's "unpaired" option
    owner: dict[int, int] = {}
    holds: dict[int, int] = {}
    u = [0] * len(lefts)
    v: dict[int, int] = {}
    for s, row in enumerate(adj):
        if not row:
            continue
        u[s] = min(0, *(-w - v.get(j, 0) for j, w in row))
        dist: dict[int, int] = {}
        pred: dict[int, int] = {}
        heap = [(-w - u[s] - v.get(j, 0), j, s) for j, w in row]
        heap.append((-u[s] - v.get(n_right + s, 0), n_right + s, s))
        heapq.heapify(heap)
        found = -1
        while heap:
            d, j, i = heapq.heappop(heap)
            if j in dist:
                continue
            dist[j], pred[j] = d, i
            if j not in owner:
                found = j
                break
            i2 = owner[j]
            for j2, w2 in adj[i2]:
                if j2 not in dist:
                    heapq.heappush(heap, (d - w2 - u[i2] - v.get(j2, 0), j2, i2))
            alone = n_right + i2
            if alone not in dist:
                heapq.heappush(heap, (d - u[i2] - v.get(alone, 0), alone, i2))
        top = dist[found]
        for j, d in dist.items():
            v[j] = v.get(j, 0) + d - top
            if j in owner:
                u[owner[j]] -= d - top
        u[s] += top
        j = found
        while True:
            i = pred[j]
            previous = holds.get(i)
            holds[i], owner[j] = j, i
            if i == s:
                break
            assert previous is not None
            j = previous
    return {lefts[i]: right_keys[j] for i, j in holds.items() if j < n_right}


# -- relations ----------------------------------------------------------------------------------


def relation_label(m: ArgumentMap, rel: str) -> str:
    """Return ``"support"``, ``"attack"`` (rebut or undermine), ``"undercut"`` or ``"rephrase"``.

    >>> m = ArgumentMap()
    >>> s = m.support(m.claim("C"), m.claim("P"))
    >>> relation_label(m, s), relation_label(m, m.attack(s, m.claim("U")))
    ('support', 'undercut')
    """
    kind = m.kind(rel)
    if kind == INFERENCE:
        return "support"
    if kind == REPHRASE:
        return "rephrase"
    return "undercut" if m.kind(m.target(rel)) == INFERENCE else "attack"


def _ends(m: ArgumentMap, rel: str) -> tuple[tuple[str, ...], str]:
    """A relation's claim sources and the claim it bears on (an undercut: the inference's conclusion)."""
    target = m.target(rel)
    if m.kind(target) != CLAIM:
        target = m.conclusion(target)
    return m.premises(rel), target


def _pair_relations(
    student: ArgumentMap, reference: ArgumentMap, to_ref: Mapping[str, str]
) -> tuple[list[RelationMatch], dict[str, RelationMatch]]:
    """Pair relations one to one; also return the best reference overlap of each unpaired one."""
    r_rels = list(reference.relations())
    r_ends = {r: _ends(reference, r) for r in r_rels}
    by_target: dict[str, list[str]] = {}
    for r, (_, target) in r_ends.items():
        by_target.setdefault(target, []).append(r)
    options: dict[str, dict[str, RelationMatch]] = {}
    for s in student.relations():
        sources, target = _ends(student, s)
        # an unmatched source stays a student id, marked so that it cannot equal a reference id
        mapped = [to_ref.get(p, _UNMATCHED + p) for p in sources]
        aim = to_ref.get(target)
        label = relation_label(student, s)
        found: dict[str, RelationMatch] = {}
        for r in by_target.get(aim, []) if aim else []:
            r_sources = set(r_ends[r][0])
            common = r_sources.intersection(mapped)
            if not common:
                continue
            share = len(common) / len(r_sources.union(mapped))
            r_label = relation_label(reference, r)
            missing = tuple(p for p in r_ends[r][0] if p not in common)
            added = tuple(p for p, q in zip(sources, mapped, strict=True) if q not in r_sources)
            if label == r_label:
                kind, credit = ("matched" if share == 1 else "partial"), share
            else:
                kind, credit = "mistyped", MISTYPED_CREDIT * share
            found[r] = RelationMatch(s, r, kind, credit, label, r_label, missing, added)
        for p in mapped:
            for r in by_target.get(p, []):
                if r in found or aim not in r_ends[r][0]:
                    continue
                r_label = relation_label(reference, r)
                if label == r_label == "rephrase":
                    found[r] = RelationMatch(s, r, "matched", 1.0, label, r_label)
                else:
                    share = 1 / (len(mapped) + len(r_ends[r][0]) - 1)
                    found[r] = RelationMatch(s, r, "reversed", REVERSED_CREDIT * share, label, r_label)
        if found:
            options[s] = found
    chosen = max_weight_assignment(
        {s: {r: max(1, round(x.credit * _SCALE)) for r, x in found.items()} for s, found in options.items()}
    )
    unpaired = {
        s: max(found.values(), key=lambda x: x.credit) for s, found in options.items() if s not in chosen
    }
    return [options[s][r] for s, r in chosen.items()], unpaired


# -- the comparison -----------------------------------------------------------------------------


@dataclass
class Comparison:
    """The result of :func:`compare`.

    ``missing_*`` hold reference ids, ``extra_*`` student ids.
    """

    student: ArgumentMap
    reference: ArgumentMap
    rubric: Rubric
    threshold: float
    matches: list[ClaimMatch]
    relation_matches: list[RelationMatch]
    claims: Score
    relations: Score
    main_conclusions: Score
    roles_agree: int
    missing_claims: list[str] = field(default_factory=list)
    extra_claims: list[str] = field(default_factory=list)
    missing_relations: list[str] = field(default_factory=list)
    extra_relations: list[str] = field(default_factory=list)
    overlaps: dict[str, RelationMatch] = field(default_factory=dict)
    """For an extra relation that overlaps a reference relation already paired with another of
    the student's: how (``kind`` ``partial``, ``mistyped`` or ``reversed``; no credit)."""

    @property
    def structure(self) -> float:
        """The structure part of the rubric (0 to 1): main conclusions' F1 and the roles' share."""
        if self.matches:
            roles = self.roles_agree / len(self.matches)
        else:
            roles = float(self.claims.student == self.claims.reference == 0)
        return (self.main_conclusions.f1 + roles) / 2

    @property
    def score(self) -> float:
        """The overall score out of 100, to one decimal."""
        wc, wr, ws = self.rubric.normalised()
        return round(100 * (wc * self.claims.f1 + wr * self.relations.f1 + ws * self.structure), 1)

    def _st(self, c: str) -> str:
        return f"“{' '.join(self.student[c]['text'].split())}”"

    def _rt(self, c: str) -> str:
        return f"“{' '.join(self.reference[c]['text'].split())}”"

    def relation_text(self, m: ArgumentMap, rel: str) -> str:
        """Describe a relation of ``m`` (the student's or the reference's map) in one line."""
        say = self._st if m is self.student else self._rt
        sources, target = _ends(m, rel)
        label = relation_label(m, rel)
        return f"{' + '.join(say(p) for p in sources)} -{label}-> {say(target)}"

    def report(self) -> str:
        """Return a readable report: the score and its parts, then every match and difference."""
        wc, wr, ws = self.rubric.normalised()
        lines = [
            f"Score      {self.score:g} / 100  (claims {wc:.0%}, relations {wr:.0%}, structure {ws:.0%})",
            f"Claims     {self.claims}",
            f"Relations  {self.relations}",
            f"Structure  {self.structure:.3f}  (main conclusions F1 {self.main_conclusions.f1:.3f};"
            f" roles agree for {self.roles_agree} of {len(self.matches)} matched claims)",
        ]

        def claim_line(x: ClaimMatch) -> str:
            how = {"match": "", "near": ", near match: half credit", "manual": ", set by hand"}[x.kind]
            return f"{self._st(x.student)} ~ {self._rt(x.reference)}  [{x.by} {x.score:.2f}{how}]"

        def relation_line(x: RelationMatch) -> str:
            text = self.relation_text(self.student, x.student)
            if x.kind == "partial":
                notes = [f"missing co-premise {self._rt(p)}" for p in x.missing]
                notes += [f"extra source {self._st(p)}" for p in x.added]
                return f"{text}  [partial {x.credit:.2f}: {'; '.join(notes)}]"
            if x.kind == "mistyped":
                return f"{text}  [mistyped: the reference has {x.reference_label}; credit {x.credit:.2f}]"
            if x.kind == "reversed":
                return f"{text}  [reversed: the reference runs the other way; credit {x.credit:.2f}]"
            return text

        near = [x for x in self.matches if x.kind == "near"]
        by_kind = {k: [x for x in self.relation_matches if x.kind == k] for k in DIFF_CLASSES}
        sections: list[tuple[str, list[str]]] = [
            (
                "Matched claims (student ~ reference)",
                [claim_line(x) for x in self.matches if x.kind != "near"],
            ),
            (
                f"Near matches (similarity just under {self.threshold:g}; confirm with --match or reject)",
                [claim_line(x) for x in near],
            ),
            ("Missing claims (in the reference only)", [self._rt(c) for c in self.missing_claims]),
            ("Extra claims (in the student's map only)", [self._st(c) for c in self.extra_claims]),
            ("Matched relations", [relation_line(x) for x in by_kind["matched"]]),
            ("Partly right relations", [relation_line(x) for x in by_kind["partial"]]),
            ("Relations of the wrong kind", [relation_line(x) for x in by_kind["mistyped"]]),
            ("Reversed relations (student's direction)", [relation_line(x) for x in by_kind["reversed"]]),
            (
                "Missing relations",
                [self.relation_text(self.reference, r) for r in self.missing_relations],
            ),
            ("Extra relations", [self._extra_line(r) for r in self.extra_relations]),
        ]
        for title, items in sections:
            if items:
                lines += ["", f"{title}:"] + [f"  - {i}" for i in items]
        return "\n".join(lines)

    def _extra_line(self, rel: str) -> str:
        text = self.relation_text(self.student, rel)
        x = self.overlaps.get(rel)
        if x is None:
            return text
        how = {"partial": "repeats part of", "mistyped": "has another kind than", "reversed": "reverses"}
        other = self.relation_text(self.reference, x.reference)
        return f"{text}  [{how[x.kind]} the reference's {other}, already paired with another relation]"

    def diff_map(self) -> tuple[ArgumentMap, dict[str, str]]:
        """Return a map of both maps together and the class of each node (see :data:`DIFF_CLASSES`).

        The reference map is the base: each reference claim is ``matched``, ``near`` or ``missing``
        and each reference relation ``matched``, ``partial``, ``mistyped``, ``reversed`` or
        ``missing``, as the report counts them. The student's unmatched claims and unpaired
        relations are added as ``extra``, with ids prefixed ``student:``. Draw it with
        ``argmap.render.diagram(diff, classes=classes)``.
        """
        records = self.reference.to_records()
        fresh = Ids({n["id"] for n in records.nodes})
        classes: dict[str, str] = {n["id"]: "missing" for n in records.nodes}
        ids: dict[str, str] = {}
        for x in self.matches:
            classes[x.reference] = "near" if x.kind == "near" else "matched"
            ids[x.student] = x.reference
        for y in self.relation_matches:
            classes[y.reference] = y.kind
            ids[y.student] = y.reference
        student = self.student.to_records()
        extra = set(self.extra_claims) | set(self.extra_relations)
        for c in (*self.extra_claims, *self.extra_relations):
            ids[c] = fresh.take(f"student:{c}")
            classes[ids[c]] = "extra"
        for rec in student.nodes:
            if rec["id"] in extra:
                keep = {"text": rec["text"], "implicit": rec["implicit"]} if rec["kind"] == CLAIM else {}
                if rec["kind"] == INFERENCE:
                    keep["scheme"] = rec["scheme"]
                elif rec["kind"] == CONFLICT:
                    keep["attack_type"] = rec["attack_type"]
                records.nodes.append({"id": ids[rec["id"]], "kind": rec["kind"], **keep})
        records.edges += [(ids[u], ids[v]) for u, v in student.edges if u in extra or v in extra]
        diff = ArgumentMap.from_records(records.graph, records.nodes, records.edges)
        return diff, classes

    def summary(self) -> dict[str, float | int]:
        """Return the figures of one row of a class's ``grades.csv``."""
        return {
            "score": self.score,
            "claims_precision": round(self.claims.precision, 4),
            "claims_recall": round(self.claims.recall, 4),
            "claims_f1": round(self.claims.f1, 4),
            "relations_precision": round(self.relations.precision, 4),
            "relations_recall": round(self.relations.recall, 4),
            "relations_f1": round(self.relations.f1, 4),
            "structure": round(self.structure, 4),
            "matched_claims": sum(1 for x in self.matches if x.kind != "near"),
            "near_matches": sum(1 for x in self.matches if x.kind == "near"),
            "missing_claims": len(self.missing_claims),
            "extra_claims": len(self.extra_claims),
        }


def _check_overrides(
    student: ArgumentMap, reference: ArgumentMap, overrides: Mapping[str, str | None]
) -> dict[str, str | None]:
    seen: dict[str, str] = {}
    for s, r in overrides.items():
        if s not in student or student.kind(s) != CLAIM:
            raise ArgmapError(f"override: {s!r} is not a claim of the student's map")
        if r is None:
            continue
        if r not in reference or reference.kind(r) != CLAIM:
            raise ArgmapError(f"override: {r!r} is not a claim of the reference map")
        if r in seen:
            raise ArgmapError(f"override: reference claim {r!r} is given to both {seen[r]!r} and {s!r}")
        seen[r] = s
    return dict(overrides)


def _main_claims(m: ArgumentMap) -> set[str]:
    return {c for c in m.claims() if claim_roles(m, c) == {"main conclusion"}}


def compare(
    student: ArgumentMap,
    reference: ArgumentMap,
    *,
    threshold: float = 0.5,
    near: float = 0.1,
    overrides: Mapping[str, str | None] | None = None,
    rubric: Rubric | None = None,
) -> Comparison:
    """Compare a student's map with a reference map.

    Parameters
    ----------
    student, reference : ArgumentMap
    threshold : float
        Least similarity (0 to 1] for two claims to match.
    near : float
        Width of the band under ``threshold`` whose pairs may match as near matches (0 for none).
    overrides : mapping of str to str or None, optional
        Student claim id -> reference claim id to match whatever their similarity, or None to
        leave the student claim unmatched.
    rubric : Rubric, optional
        Weights of the overall score.

    Returns
    -------
    Comparison
        Scores, the claim and relation pairings, what is missing or extra, the overall
        ``score``, ``report()`` and ``diff_map()``.

    Raises
    ------
    ArgmapError
        If ``threshold`` is not in (0, 1], ``near`` not in [0, threshold), or an override names
        an id that is not a claim of its map or a reference claim twice.
    """
    if not 0 < threshold <= 1:
        raise ArgmapError(f"threshold must lie in (0, 1], not {threshold}")
    if not 0 <= near < threshold:
        raise ArgmapError(f"near must lie in [0, threshold), not {near}")
    rubric = rubric or Rubric()
    rubric.normalised()
    forced = _check_overrides(student, reference, overrides or {})
    spans = student.source is not None and student.source == reference.source
    s_claims = [c for c in student.claims() if c not in forced]
    taken = {r for r in forced.values() if r is not None}
    r_claims = [c for c in reference.claims() if c not in taken]
    floor = threshold - near
    scores = _candidate_scores(student, s_claims, reference, r_claims, floor, spans)
    weights: dict[int, dict[int, int]] = {}
    for (i, j), (score, _) in scores.items():
        weights.setdefault(i, {})[j] = max(1, round(score * _SCALE))
    pairs = {s_claims[i]: r_claims[j] for i, j in max_weight_assignment(weights).items()}
    s_pos = {c: i for i, c in enumerate(s_claims)}
    r_pos = {c: j for j, c in enumerate(r_claims)}
    for s, r in forced.items():
        if r is not None:
            pairs[s] = r
    matches: list[ClaimMatch] = []
    for s in student.claims():
        if s not in pairs:
            continue
        r = pairs[s]
        if s in forced:
            matches.append(
                ClaimMatch(s, r, *claim_similarity(student, s, reference, r, spans=spans), "manual")
            )
        else:
            score, by = scores[s_pos[s], r_pos[r]]
            matches.append(ClaimMatch(s, r, score, by, "match" if score >= threshold else "near"))
    matched_ref = set(pairs.values())
    to_ref = dict(pairs)
    relation_matches, overlaps = _pair_relations(student, reference, to_ref)
    paired_s = {x.student for x in relation_matches}
    paired_r = {x.reference for x in relation_matches}
    n_s_claims = sum(1 for _ in student.claims())
    n_r_claims = sum(1 for _ in reference.claims())
    s_rels, r_rels = list(student.relations()), list(reference.relations())
    main_s = {to_ref[c] for c in _main_claims(student) if c in to_ref}
    n_main_s = len(_main_claims(student))
    main_r = _main_claims(reference)
    same_roles = sum(
        1 for x in matches if claim_roles(student, x.student) == claim_roles(reference, x.reference)
    )
    return Comparison(
        student=student,
        reference=reference,
        rubric=rubric,
        threshold=threshold,
        matches=matches,
        relation_matches=relation_matches,
        claims=Score(sum(x.credit for x in matches), n_s_claims, n_r_claims),
        relations=Score(round(sum(x.credit for x in relation_matches), 6), len(s_rels), len(r_rels)),
        main_conclusions=Score(len(main_s & main_r), n_main_s, len(main_r)),
        roles_agree=same_roles,
        missing_claims=[r for r in reference.claims() if r not in matched_ref],
        extra_claims=[s for s in student.claims() if s not in pairs],
        missing_relations=[r for r in r_rels if r not in paired_r],
        extra_relations=[s for s in s_rels if s not in paired_s],
        overlaps=overlaps,
    )
