"""Hypothesis strategies of the test suite: one for random maps, and the maps a restricted format holds."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import ArgumentMap
from argmap.schema import default_attack_type

# XML 1.0 cannot carry control characters, surrogates or non-characters; \r turns into \n there.
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
texts = st.text(st.one_of(_CHARS, st.just("\n")), min_size=1, max_size=12).filter(str.strip)
"""Claim texts: any printable character and line breaks."""
words = st.text(_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)
"""Short strings without surrounding white space."""
one_line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda t: t.strip() and t == " ".join(t.split()))
"""Texts on one line with single spaces, as Graphviz gives them back."""
_keys = st.text("abcdefgh", min_size=1, max_size=3)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | words,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(words, inner, max_size=2),
    max_leaves=6,
)
metas = st.dictionaries(
    _keys | st.sampled_from(["argdown", "argmap", "x y", "uses", "isCanonical"]), json_values, max_size=2
)
ids = st.from_regex(r"[a-z][a-z0-9\-]{0,8}", fullmatch=True) | words
"""Ids: slugs, and any words (spaces, quotes, non-Latin letters)."""


@st.composite
def maps(
    draw: st.DrawFn,
    *,
    text: st.SearchStrategy[str] = texts,
    max_claims: int = 6,
    max_relations: int = 6,
    rich: bool = True,
    speakers: bool = False,
    implicit: bool = False,
    unique_texts: bool = False,
) -> ArgumentMap:
    """A random map built through the API: claims, supports (linked too), attacks, undercuts, rephrases.

    With ``rich`` (the default) the map has a title, meta and maybe a source, and
    its claims and relations every attribute (ids, quotes, spans, several
    passages, speakers, implicit and thesis flags, tags, sections, meta); without
    it, plain claims of ``text`` (with a speaker or an implicit flag when asked).
    """
    claim_texts = draw(st.lists(text, min_size=1, max_size=max_claims, unique=unique_texts))
    source = draw(st.none() | texts) if rich else None
    m = ArgumentMap(source=source, title=draw(st.none() | texts) if rich else None)
    if rich:
        m.meta.update(draw(metas))
    claims: list[str] = []
    for t in claim_texts:
        attrs: dict[str, Any] = {}
        if rich:
            attrs = {
                "id": draw(st.none() | ids.filter(lambda i: i not in m)),
                "speaker": draw(st.none() | words),
                "implicit": draw(st.booleans()),
                "thesis": draw(st.booleans()),
                "tags": draw(st.lists(words, max_size=2)),
                "section": draw(st.none() | words),
                "meta": draw(metas),
            }
            if source is not None and draw(st.booleans()):
                cuts = sorted(draw(st.lists(st.integers(0, len(source)), min_size=2, max_size=4)))
                if len(cuts) == 4 and cuts[1] < cuts[2] and draw(st.booleans()):
                    attrs["passages"] = [(cuts[0], cuts[1]), (cuts[2], cuts[3])]
                    attrs["quote"] = f"{source[cuts[0] : cuts[1]]} … {source[cuts[2] : cuts[3]]}"
                else:
                    attrs["span"] = (cuts[0], cuts[-1])
                    attrs["quote"] = source[cuts[0] : cuts[-1]]
        else:
            if speakers:
                attrs["speaker"] = draw(st.none() | text)
            if implicit and claims:
                attrs["implicit"] = draw(st.booleans())
        claims.append(m.claim(t, **attrs))
    inferences: list[str] = []
    for _ in range(draw(st.integers(0, max_relations)) if len(claims) > 1 else 0):
        kind = draw(st.sampled_from(["support", "attack", "undercut", "rephrase"]))
        target = draw(st.sampled_from(claims))
        others = [c for c in claims if c != target]
        sources = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
        extra: dict[str, Any] = {}
        if rich:
            extra = {"id": draw(st.none() | ids.filter(lambda i: i not in m)), "meta": draw(metas)}
        if kind == "support":
            scheme = draw(st.none() | words | st.sampled_from(["RA", "Default Inference", "expert opinion"]))
            inferences.append(m.support(target, sources, scheme=scheme if rich else None, **extra))
        elif kind == "attack":
            attack_type: Any = draw(st.sampled_from([None, "rebut", "undermine"])) if rich else None
            m.attack(target, sources, type=attack_type, **extra)
        elif kind == "undercut" and inferences:
            m.attack(draw(st.sampled_from(inferences)), sources, **extra)
        elif kind == "rephrase":
            m.rephrase(sources[0], target, **extra)
    return m


@st.composite
def microtext_maps(draw: st.DrawFn) -> ArgumentMap:
    """A map ArgGraph XML holds: a tree of one-EDU claims over their joined source text."""
    parts = draw(st.lists(words, min_size=1, max_size=6))
    m = ArgumentMap(source=" ".join(parts), title=draw(st.from_regex(r"micro_[a-z]\d{3}", fullmatch=True)))
    claims: list[str] = []
    pos = 0
    for words_ in parts:
        role = draw(st.sampled_from(["proponent", "opponent"]))
        claims.append(m.claim(words_, quote=words_, span=(pos, pos + len(words_)), speaker=role))
        pos += len(words_) + 1
    relations: list[str] = []
    i = 1
    while i < len(claims):
        k = draw(st.integers(1, min(2, len(claims) - i)))
        premises = claims[i : i + k]
        kind = draw(st.sampled_from(["sup", "exa", "reb", "und"] if relations else ["sup", "exa", "reb"]))
        if kind in ("sup", "exa"):
            target = draw(st.sampled_from(claims[:i]))
            scheme = "Example" if kind == "exa" else None
            relations.append(m.support(target, premises, scheme=scheme))
        elif kind == "reb":
            m.attack(draw(st.sampled_from(claims[:i])), premises)
        else:
            m.attack(draw(st.sampled_from(relations)), premises)
        i += k
    for a in m.conflicts():  # ArgGraph's "reb" does not tell rebut from undermine: the reader infers it
        target = m.conclusion(a)
        if m.kind(target) == "claim":
            premise_only = m.inferences_from(target) and not m.inferences_to(target)
            m[a]["attack_type"] = "undermine" if premise_only else "rebut"
    m.meta["microtexts"] = {"central_claim": claims[0]}
    return m


_stances = {"support": "s", "attack": "a", "rephrase": "r"}
_kialo_text = (
    st.lists(words, min_size=1, max_size=3)
    .map("\n".join)
    .filter(lambda t: not t.startswith(("-> See", "Pro: ", "Con: ")))
)


@st.composite
def kialo_maps(draw: st.DrawFn) -> ArgumentMap:
    """A map a Kialo export holds: trees of claims numbered as Kialo numbers them."""
    title = draw(st.none() | words.filter(lambda t: "\n" not in t))
    m = ArgumentMap(title=title)

    def grow(number: str, depth: int) -> None:
        for k in range(1, draw(st.integers(0, 3 if depth < 2 else 0)) + 1):
            child = f"{number}.{k}"
            m.claim(draw(_kialo_text), id=child)
            kind = draw(st.sampled_from(list(_stances)))
            rid = f"{_stances[kind]}{child}"
            if kind == "support":
                m.support(number, child, id=rid)
            elif kind == "attack":
                m.attack(number, child, id=rid)
            else:
                m.rephrase(child, number, id=rid)
            grow(child, depth + 1)

    for root in range(1, draw(st.integers(1, 2)) + 1):
        m.claim(draw(_kialo_text), id=str(root))
        grow(str(root), 0)
    for a in list(m.conflicts()):  # Kialo has no attack types: the reader gives the default of the whole map
        m[a]["attack_type"] = default_attack_type(m.graph, m.conclusion(a))
    return m
