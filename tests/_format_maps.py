"""Hypothesis strategies: maps built through the API, in general and within what a format can hold."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import ArgumentMap

# XML 1.0 cannot carry control characters, surrogates or non-characters; \r turns into \n there.
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
texts = st.text(st.one_of(_CHARS, st.just("\n")), min_size=1, max_size=12).filter(str.strip)
words = st.text(_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)
_keys = st.text("abcdefgh", min_size=1, max_size=3)
_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | words,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(_keys, inner, max_size=2),
    max_leaves=4,
)
metas = st.dictionaries(_keys, _values, max_size=2)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Any map: claims with every attribute, supports, attacks (undercuts too) and rephrases."""
    source = draw(st.none() | texts)
    m = ArgumentMap(source=source, title=draw(st.none() | texts))
    m.meta.update(draw(metas))
    claims: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        span = quote = None
        if source is not None and draw(st.booleans()):
            start = draw(st.integers(0, len(source)))
            span = (start, draw(st.integers(start, len(source))))
            quote = source[span[0] : span[1]]
        claims.append(
            m.claim(
                draw(texts),
                quote=quote,
                span=span,
                speaker=draw(st.none() | words),
                implicit=draw(st.booleans()),
                tags=draw(st.lists(words, max_size=2)),
                section=draw(st.none() | words),
                meta=draw(metas),
            )
        )
    inferences: list[str] = []
    for _ in range(draw(st.integers(0, 5)) if len(claims) > 1 else 0):
        kind = draw(st.sampled_from(["support", "attack", "rephrase"]))
        target = draw(st.sampled_from(claims + inferences if kind == "attack" else claims))
        others = [c for c in claims if c != target]
        sources = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
        meta = draw(metas)
        if kind == "support":
            scheme = draw(st.none() | words | st.sampled_from(["RA", "Default Inference", "support"]))
            inferences.append(m.support(target, sources, scheme=scheme, meta=meta))
        elif kind == "attack":
            kind_of_target = m.kind(target)
            types: list[Any] = [None] if kind_of_target == "inference" else [None, "rebut", "undermine"]
            m.attack(target, sources, type=draw(st.sampled_from(types)), meta=meta)
        else:
            m.rephrase(sources[0], target, meta=meta)
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
    return m
