"""BRAT standoff annotation, the format of the Persuasive Essays corpus (Stab & Gurevych).

An annotation ``essay001.ann`` describes the text ``essay001.txt`` beside it
by character offsets, one annotation a line, its id first and then a tab::

    T1	MajorClaim 0 22	Cities should ban cars
    T2	Claim 24 41	cars make noise
    A1	Stance T2 For
    T3	Premise 43 48;53 58	noise harms
    R1	supports Arg1:T3 Arg2:T2

Reading: each ``T`` (text-bound) line becomes a claim with the line's id, its
text as the claim's text, and its offsets as span (several fragments ``a b;c
d`` as ``passages``, the quote their words joined by `` … ``). A ``MajorClaim``
is the map's thesis; other types are kept as ``meta["brat"]["type"]``
(``Claim``, ``Premise``, ...). ``R`` lines of type ``supports`` and ``attacks``
(``R1 supports Arg1:T3 Arg2:T2``: T3 supports T2) become a support or an attack
with the line's id. ``A1 Stance T2 For`` (or ``Against``) makes the claim
support (attack) each major claim: one relation per major claim, with id ``A1``
when there is one and ``A1-T1``, ``A1-T4``, ... when there are several, each
with ``meta["brat"]["stance"] = "A1"``. Every other line (``#`` notes, ``E``
events, ``N`` normalizations, ``*`` equivalences, other attributes and
relation types) is kept, as it was, in ``meta["brat"]["lines"]``.

Malformed parts are kept aside and the rest is read: a ``T`` line whose
offsets lie outside the text or overlap, a ``supports``/``attacks`` line
without ``Arg1`` and ``Arg2``, a stance with no major claim to relate to go to
``meta["brat"]["aside"]`` (``{"line", "problem"}``) with a
:class:`~argmap.exceptions.MalformedPartWarning`; relations that break a rule
of the model (a claim supporting itself, an argument naming no ``T`` line) go
to ``meta["aside"]`` (see :func:`argmap.schema.from_records`). A ``T`` line
whose text is not the text at its offsets (white space aside) gives an
:class:`~argmap.exceptions.InputWarning`. A line without a tab or with offsets
that are not numbers is refused with a
:class:`~argmap.exceptions.ParseError` at its line and column, and two lines
with one id with one naming both lines. Stances that would make more
relations than four per byte of the annotation (a stance makes one per major
claim) are refused with a :class:`~argmap.exceptions.FormatError`, so the
work stays bounded by the input.

Writing gives the ``.ann`` lines and the text beside them: the map's source,
with the text of each claim that has no span appended on a line of its own (the
text is the claims' texts, one a line, when the map has no source). Claim ids
of the form ``T1`` and relation ids of the form ``R1`` are kept, others
replaced by fresh ones; relations with the same ``meta["brat"]["stance"]`` that
relate one claim to every major claim are written as that ``A`` line, the
others as ``R`` lines; kept lines follow. BRAT cannot hold linked premises
(each premise gets an ``R`` line of its own), undercuts, rephrases, schemes,
attack types other than the one the reader infers, a title, speakers, implicit
flags, tags, sections and metadata, nor a claim text that is not the text of
its span; they are named in a :class:`~argmap.exceptions.LossyConversionWarning`.

Examples
--------
>>> text = "Cities should ban cars. Cars are loud."
>>> m = parse_brat("T1\\tMajorClaim 0 22\\tCities should ban cars\\n"
...                "T2\\tClaim 24 38\\tCars are loud.\\nA1\\tStance T2 For\\n", text)
>>> m["T1"]["thesis"], m.premises("A1"), m.conclusion("A1"), m["T2"]["meta"]
(True, ('T2',), 'T1', {'brat': {'type': 'Claim'}})
>>> for line in generate_brat(m):
...     print(line.rstrip("\\n").split("\\t"))
['T1', 'MajorClaim 0 22', 'Cities should ban cars']
['T2', 'Claim 24 38', 'Cars are loud.']
['A1', 'Stance T2 For']
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from argmap._io import PathOrFile, atomic_write, normalise_text, read_side_text, read_text
from argmap.exceptions import (
    FormatError,
    InputWarning,
    LossyConversionWarning,
    MalformedPartWarning,
    ParseError,
)
from argmap.model import ArgumentMap
from argmap.readwrite._schema import unheld
from argmap.schema import CLAIM, CONFLICT, INFERENCE, default_attack_type, from_records

__all__ = ["generate_brat", "parse_brat", "read_brat", "write_brat"]

KEY: Final = "brat"
_OFFSETS: Final = re.compile(r"[0-9]{1,15} [0-9]{1,15}(?:;[0-9]{1,15} [0-9]{1,15})*")
_ID: Final = {kind: re.compile(rf"{kind}[0-9]+\S*") for kind in "TRA"}
_T_LINE: Final = re.compile(
    r"^T[^\t\n]*\t[^ \t\n]+ (?P<start>[0-9]{1,15}) (?P<end>[0-9]{1,15})\t(?P<words>[^\n]*)", re.M
)
_KINDS: Final = {"supports": INFERENCE, "attacks": CONFLICT}
_STANCES: Final = {"For": INFERENCE, "Against": CONFLICT}
_FANOUT: Final = 4
"""Relations the stances may make per byte of the annotation (each stance makes one per major claim)."""
_DROPPED: Final = {
    "claim": ("speaker", "implicit", "tags", "section", "meta"),
    "inference": ("scheme", "meta"),
    "conflict": ("meta",),
    "map": ("meta",),
}


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


@dataclass
class _Reading:
    """What the lines of an annotation give, gathered in one pass."""

    text: str
    nodes: list[dict[str, Any]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    aside: list[dict[str, str]] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    limit: int = -1

    def put_aside(self, line: str, problem: str) -> None:
        self.aside.append({"line": line, "problem": problem})


def _removed(text: str) -> list[int]:
    """The offsets in ``text`` of the characters :func:`~argmap._io.normalise_text` drops."""
    out = [0] if text.startswith("\ufeff") else []
    out += [m.start() for m in re.finditer("\r(?=\n)", text)]
    return out


def _offsets_count_raw(annotation: str, raw: str, text: str) -> bool:
    """Whether the ``T`` lines' offsets fit ``raw`` better than the normalised ``text``.

    Brat counts every character of the file, ``\\r`` and a byte order mark
    included; a text whose line ends were changed after annotating (a checkout
    with CRLF line ends) fits the normalised offsets. The first 200 ``T`` lines
    decide.
    """
    votes = 0
    for found in itertools.islice(_T_LINE.finditer(annotation), 200):
        a, b, words = int(found["start"]), int(found["end"]), " ".join(found["words"].split())
        on_raw = " ".join(raw[a:b].split()) == words
        on_text = " ".join(text[a:b].split()) == words
        votes += on_raw - on_text
    return votes > 0


def parse_brat(annotation: str, text: str) -> ArgumentMap:
    """Build a map from the lines of a ``.ann`` file and the text they annotate.

    ``text`` is the ``.txt`` file's text as it was read: when it has a byte
    order mark or CRLF line ends, the map's source is the text with ``\\n`` line
    ends, and offsets are taken as counting the dropped characters when that
    makes the annotated words fit (as brat counts them), else as they are.

    Raises :class:`~argmap.exceptions.ParseError` (with line and column) on a
    line without a tab after its id, a ``T`` line whose offsets are not
    numbers, or an id used twice (naming both lines).
    """
    raw, text = text, normalise_text(text)
    r = _Reading(text)
    removed = _removed(raw) if raw != text else []
    if removed and _offsets_count_raw(annotation, raw, text):
        r.removed = removed
        r.limit = len(raw)
    starts = _line_starts(annotation)
    seen: dict[str, int] = {}
    stances: list[tuple[int, str, list[str]]] = []
    for k, line in enumerate(annotation.split("\n")):
        if not line.strip():
            continue
        ident, tab, rest = line.partition("\t")
        if not tab or not ident:
            raise ParseError("expected an id and a tab, such as 'T1<tab>'", annotation, starts[k])
        if ident != "*":
            if ident in seen:
                raise ParseError(
                    f"id {ident!r} is used twice (lines {seen[ident] + 1} and {k + 1})", annotation, starts[k]
                )
            seen[ident] = k
        head = rest.split("\t", 1)[0].split()
        if ident[0] == "T":
            _text_bound(r, k, line, ident, rest, annotation, starts[k] + len(ident) + 1)
        elif ident[0] == "R" and head and head[0] in _KINDS:
            args = dict(a.partition(":")[::2] for a in head[1:])
            if len(head) != 3 or not args.get("Arg1") or not args.get("Arg2"):
                r.put_aside(line, "a relation needs Arg1 and Arg2")
                continue
            r.nodes.append({"id": ident, "kind": _KINDS[head[0]]})
            r.places.append(f"line {k + 1}")
            r.edges += [(args["Arg1"], ident), (ident, args["Arg2"])]
        elif ident[0] in "AM" and head[:1] == ["Stance"]:
            stances.append((k, line, head))
        else:
            r.kept.append(line)
    majors = [n["id"] for n in r.nodes if n["kind"] == CLAIM and n["thesis"]]
    made = len(stances) * len(majors)
    if made > _FANOUT * max(len(annotation), 1):
        raise FormatError(
            f"{len(stances)} stances on {len(majors)} major claims would make {made:,} relations, "
            f"more than {_FANOUT} per byte of the annotation"
        )
    for k, line, head in stances:
        ident = line.partition("\t")[0]
        if len(head) != 3 or head[2] not in _STANCES:
            r.put_aside(line, "a stance is 'Stance T<n> For' or 'Against'")
            continue
        targets = [t for t in majors if t != head[1]]
        if not targets:
            r.put_aside(line, "no major claim to take a stance on")
            continue
        for target in targets:
            rid = ident if len(targets) == 1 else f"{ident}-{target}"
            r.nodes.append({"id": rid, "kind": _STANCES[head[2]], "meta": {KEY: {"stance": ident}}})
            r.places.append(f"line {k + 1}")
            r.edges += [(head[1], rid), (rid, target)]
    _warn(r)
    own: dict[str, Any] = {}
    if r.kept:
        own["lines"] = r.kept
    if r.aside:
        own["aside"] = r.aside
    graph = {"source": text, "meta": {KEY: own} if own else {}}
    places = r.places
    return ArgumentMap(graph=from_records(graph, r.nodes, r.edges, where=places.__getitem__, lenient=True))


def _text_bound(r: _Reading, k: int, line: str, ident: str, rest: str, doc: str, pos: int) -> None:
    """Read one ``T`` line into a claim record, or put it aside."""
    head, _, words = rest.partition("\t")
    kind, _, offsets = head.partition(" ")
    if not _OFFSETS.fullmatch(offsets):
        raise ParseError("expected a type and offsets such as 'Premise 0 5;10 15'", doc, pos + len(kind) + 1)
    spans = sorted(tuple(int(x) for x in part.split(" ")) for part in offsets.split(";"))
    size = r.limit if r.removed else len(r.text)
    if any(a > b or b > size for a, b in spans):
        r.put_aside(line, f"offsets outside the text of {size} characters")
        return
    if r.removed:  # offsets counted on the file as it was, \r and byte order mark included
        spans = [
            (a - bisect.bisect_left(r.removed, a), b - bisect.bisect_left(r.removed, b)) for a, b in spans
        ]
    if any(b > a for (_, b), (a, _) in itertools.pairwise(spans)):
        r.put_aside(line, "fragments that overlap")
        return
    pieces = [r.text[a:b] for a, b in spans]
    if not words.strip():
        words = " ".join(pieces)
    if not words.strip():
        r.put_aside(line, "no text")
        return
    if " ".join(" ".join(pieces).split()) != " ".join(words.split()):
        r.mismatched.append(ident)
    claim: dict[str, Any] = {
        "id": ident,
        "kind": CLAIM,
        "text": words,
        "quote": " … ".join(pieces),
        "span": (spans[0][0], spans[-1][1]),
        "passages": spans if len(spans) > 1 else (),
        "thesis": kind == "MajorClaim",
    }
    if kind != "MajorClaim":
        claim["meta"] = {KEY: {"type": kind}}
    r.nodes.append(claim)
    r.places.append(f"line {k + 1}")


def _warn(r: _Reading) -> None:
    if r.aside:
        shown = "; ".join(f"{a['line'].partition(chr(9))[0]} ({a['problem']})" for a in r.aside[:5])
        more = f"; and {len(r.aside) - 5} more" if len(r.aside) > 5 else ""
        warnings.warn(
            f"{len(r.aside)} malformed line(s) kept aside in meta['brat']['aside']: {shown}{more}",
            MalformedPartWarning,
            stacklevel=3,
        )
    if r.mismatched:
        more = f" and {len(r.mismatched) - 5} more" if len(r.mismatched) > 5 else ""
        warnings.warn(
            f"the text of {', '.join(r.mismatched[:5])}{more} is not the text at its offsets; "
            "kept as the claim's text, the text at the offsets as its quote",
            InputWarning,
            stacklevel=3,
        )


# -- writing ---------------------------------------------------------------------------------------


def _own(m: ArgumentMap, lossy: list[str]) -> tuple[list[str], list[str]]:
    """Return the kept lines and the aside lines of ``meta["brat"]``, naming what cannot be used."""
    own = m.meta.get(KEY)
    if own is None:
        return [], []
    if not isinstance(own, Mapping):
        lossy.append("meta['brat'] (not an object)")
        return [], []
    lines = own.get("lines", [])
    aside = own.get("aside", [])
    kept = [x for x in lines if _one_line(x)] if isinstance(lines, list) else []
    back = (
        [a["line"] for a in aside if isinstance(a, Mapping) and _one_line(a.get("line"))]
        if isinstance(aside, list)
        else []
    )
    if (
        not isinstance(lines, list)
        or len(kept) != len(lines)
        or not isinstance(aside, list)
        or len(back) != len(aside)
    ):
        lossy.append("meta['brat'] lines that are not one line of text")
    return kept, back


def _one_line(value: Any) -> bool:
    return isinstance(value, str) and "\t" in value and "\n" not in value and "\r" not in value


def _type_of(m: ArgumentMap, claim: str) -> str:
    d = m[claim]
    if d["thesis"]:
        return "MajorClaim"
    given = d["meta"].get(KEY)
    kind = given.get("type") if isinstance(given, Mapping) else None
    if isinstance(kind, str) and kind.strip() and kind.split() == [kind] and kind != "MajorClaim":
        return kind
    targets = [m.conclusion(r) for r in m.graph.successors(claim)]
    if not targets or all(m.kind(t) == CLAIM and m[t]["thesis"] for t in targets):
        return "Claim"
    return "Premise"


def _names(what: str, ids: Sequence[str]) -> str:
    more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    return f"{what} of {', '.join(ids[:3])}{more}"


def _brat(m: ArgumentMap) -> tuple[str, list[str]]:
    """Return the text and the ``.ann`` lines of ``m``; warn of what they cannot hold."""
    G = m.graph
    lossy: list[str] = []
    kept, back = _own(m, lossy)
    used = {line.partition("\t")[0] for line in kept + back}
    text = m.source or ""
    claims = list(m.claims())
    spans: dict[str, list[tuple[int, int]]] = {}
    appended: list[str] = []
    for c in claims:
        d = G.nodes[c]
        given = list(d["passages"]) or ([d["span"]] if d["span"] is not None else [])
        if given and all(b <= len(text) for _, b in given) and any(text[a:b].strip() for a, b in given):
            spans[c] = [tuple(s) for s in given]
            continue
        words = d["text"].strip()
        start = len(text) + (1 if text else 0)
        text = f"{text}\n{words}" if text else words
        spans[c] = [(start, start + len(words))]
        appended.append(c)
    if appended and m.source is not None:
        lossy.append(_names("the source text: appended the text", appended))

    def fresh(kind: str, wanted: str) -> str:
        if _ID[kind].fullmatch(wanted) and wanted not in used:
            used.add(wanted)
            return wanted
        n = 1
        while f"{kind}{n}" in used:
            n += 1
        used.add(f"{kind}{n}")
        return f"{kind}{n}"

    tid: dict[str, str] = {}
    lines: list[str] = []
    changed: dict[str, list[str]] = {"text": [], "quote": []}
    for c in claims:  # claim ids first, so that fresh ids avoid them
        if _ID["T"].fullmatch(c):
            tid[c] = fresh("T", c)
    for c in claims:
        if c not in tid:
            tid[c] = fresh("T", "")
        d = G.nodes[c]
        pieces = [text[a:b] for a, b in spans[c]]
        words = " ".join(pieces).replace("\r", " ").replace("\n", " ")
        offsets = ";".join(f"{a} {b}" for a, b in spans[c])
        lines.append(f"{tid[c]}\t{_type_of(m, c)} {offsets}\t{words}")
        if d["text"] != words:
            changed["text"].append(c)
        if d["quote"] is not None and d["quote"] != " … ".join(pieces):
            changed["quote"].append(c)
    lossy.extend(_names(f"claim {what}", ids) for what, ids in changed.items() if ids)
    lines += _relations(m, tid, fresh, lossy)
    lines += kept + back
    if m.title is not None:
        lossy.append("the title")
    lossy.extend(unheld(m, _DROPPED, own_key=KEY))
    if lossy:
        warnings.warn(f"BRAT cannot hold: {'; '.join(lossy)}; left out", LossyConversionWarning, stacklevel=3)
    return text, lines


def _relations(m: ArgumentMap, tid: Mapping[str, str], fresh: Any, lossy: list[str]) -> list[str]:
    """Return the ``R`` and ``A`` lines of the map's relations."""
    G = m.graph
    majors = {c for c in m.claims() if G.nodes[c]["thesis"]}
    groups: dict[str, list[str]] = {}
    plain: list[str] = []
    other: dict[str, list[str]] = {"rephrase": [], "undercut": [], "linked premises": [], "attack type": []}
    for r in m.relations():
        kind = m.kind(r)
        target = m.conclusion(r)
        if kind not in (INFERENCE, CONFLICT):
            other["rephrase"].append(r)
        elif m.kind(target) != CLAIM:
            other["undercut"].append(r)
        else:
            if len(m.premises(r)) > 1:
                other["linked premises"].append(r)
            if kind == CONFLICT and G.nodes[r]["attack_type"] != default_attack_type(G, target):
                other["attack type"].append(r)
            if kind == INFERENCE and G.nodes[r]["scheme"] is not None:
                lossy.append(f"scheme {G.nodes[r]['scheme']!r} of {r}")
            own = G.nodes[r]["meta"].get(KEY)
            stance = own.get("stance") if isinstance(own, Mapping) else None
            if isinstance(stance, str) and _ID["A"].fullmatch(stance):
                groups.setdefault(stance, []).append(r)
            else:
                plain.append(r)
    lossy.extend(_names(what, ids) for what, ids in other.items() if ids)
    lines: list[str] = []
    for aid, rels in groups.items():
        premise = {m.premises(r)[0] for r in rels}
        kinds = {m.kind(r) for r in rels}
        targets = sorted(m.conclusion(r) for r in rels)
        if len(premise) == 1 and len(kinds) == 1 and len(m.premises(rels[0])) == 1:
            (p,) = premise
            if targets == sorted(majors - {p}):
                value = "For" if kinds == {INFERENCE} else "Against"
                lines.append(f"{fresh('A', aid)}\tStance {tid[p]} {value}")
                continue
        plain.extend(rels)
    for r in plain:
        word = "supports" if m.kind(r) == INFERENCE else "attacks"
        target = tid[m.conclusion(r)]
        for k, p in enumerate(m.premises(r)):
            rid = fresh("R", r if k == 0 else "")
            lines.append(f"{rid}\t{word} Arg1:{tid[p]} Arg2:{target}")
    return lines


def generate_brat(m: ArgumentMap) -> Iterator[str]:
    """Yield the ``.ann`` lines of the map (each with its newline).

    The offsets are into the map's source, with the text of each claim that
    has no span appended on a line of its own: the text :func:`write_brat`
    writes beside them.
    """
    _, lines = _brat(m)
    for line in lines:
        yield line + "\n"


def _paths(target: PathOrFile) -> tuple[Path, Path]:
    if not isinstance(target, (str, os.PathLike)) or os.fspath(target) == "-":
        raise FormatError(
            "BRAT is two files, the .ann and the .txt beside it: give the path of the .ann file"
        )
    ann = Path(target)
    txt = ann.with_suffix(".txt")
    if txt == ann:
        raise FormatError(f"{ann} is where the text goes; name the annotation file with .ann")
    return ann, txt


def read_brat(source: PathOrFile) -> ArgumentMap:
    """Read a ``.ann`` file and the text ``.txt`` beside it (a path, not an open file)."""
    ann, txt = _paths(source)
    text = read_side_text(ann, normalise=False)
    if text is None:
        raise FormatError(f"{ann} annotates {txt.name}, which is not beside it")
    return parse_brat(read_text(ann), text)


def write_brat(m: ArgumentMap, target: PathOrFile) -> None:
    """Write the map as ``target`` (``.ann``) and the text beside it (``.txt``), each atomically.

    When the ``.ann`` cannot be written after the ``.txt`` was, the old
    ``.txt`` is put back.
    """
    ann, txt = _paths(target)
    text, lines = _brat(m)
    old = txt.read_bytes() if txt.is_file() else None
    atomic_write(txt, text)
    try:
        atomic_write(ann, "".join(line + "\n" for line in lines))
    except BaseException:
        if old is None:
            txt.unlink(missing_ok=True)
        else:
            atomic_write(txt, old)
        raise
