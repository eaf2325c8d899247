"""Read and write Argdown, the text syntax for argument maps (https://argdown.org).

The parser reproduces the model of the reference implementation
(``@argdown/core`` 2.0.1): same tokens, same grammar, same equivalence classes,
arguments and relations (see ``benchmarks/argdown_conformance.py``). That model
is then mapped onto an :class:`~argmap.model.ArgumentMap` as follows.

Statements
    An equivalence class (all statements with one title) is one claim. Its text
    is the text of the last definition (or the one marked ``isCanonical``), with
    bold and italic marks, escapes and comments removed, links reduced to their
    text, shortcodes such as ``.~.`` replaced by their symbol, ``#tags`` moved to
    ``tags`` and white space collapsed. A class with no text takes its title as
    text. The id is a slug of the title (of the text for untitled statements,
    which are marked ``meta["argdown"]["untitled"]``); the title is kept in
    ``meta["argdown"]["title"]`` when it differs from the id.
Arguments
    An argument with a premise-conclusion structure (PCS) becomes one inference
    per inference line: its premises are the statements since the previous
    conclusion, and it concludes the statement below the line. ``uses`` (or
    ``from``) in the inference's or the conclusion's data lists the premises by
    number instead (``{uses: [1, 3]}``, numbers may be quoted); entries that name
    no other statement of the PCS (out of range, the conclusion itself, not a
    number, an empty list) are not used: the list stays in the inference's
    ``meta`` and an :class:`~argmap.exceptions.InputWarning` says so. The last
    inference stands for the argument: its id is a slug of the argument's
    title (``s<n>`` for an untitled PCS), its ``scheme`` is the text on the
    inference line (``-- modus ponens --``) and the argument's description goes
    to ``meta["argdown"]["description"]``. Earlier inferences of the same PCS
    (intermediate conclusions) get ``meta["argdown"] = {"argument": title,
    "step": n}`` (the last inference's id for an untitled PCS); with ``model:
    {explodeArguments: true}`` in the front matter each step is an argument of
    its own (``title - n``), as in the reference. An argument without a PCS has
    no premises to link, so it becomes a claim whose text is its description,
    marked by ``meta["argdown"]["argument"] = True``; relations to and from it
    are those of a claim. A claim the model cannot hold among the premises (the
    conclusion itself) is dropped from them, and an inference left without
    premises is kept aside in the map's ``meta["aside"]``, each with a
    :class:`~argmap.exceptions.MalformedPartWarning`.
Relations
    ``+``/``<+``/``+>`` supports become one-premise inferences; ``-``/``<-``/``->``
    attacks become conflicts with the model's default attack type; ``_``/``<_``/``_>``
    undercuts of an argument or inference line become conflicts on that
    inference, and ``><`` a conflict marked ``meta["argdown"]["relation"] =
    "contradictory"``; an undercut of a claim is an attack marked ``"undercut"``.
    A support or attack from a reconstructed argument starts at its conclusion,
    as in the reference; an attack on a reconstructed argument targets its last
    inference (marked ``"relation": "attack"``) and a support of one goes to its
    conclusion (marked ``"target": "argument"``). Strict mode's ``entails`` and
    ``contrary`` are supports and attacks marked with that relation. A statement
    supporting itself is kept aside, as above.
Data
    ``{yaml}`` data on a statement or argument becomes ``meta``; the front
    matter's ``title`` becomes the map's title and its other keys the map's
    ``meta``. YAML is read as JSON-shaped data: keys that are not strings
    (``{1: a}``, ``{{k: 1}: 2}``) become their text as written, with an
    ``InputWarning``; dates, timestamps, binary, ``.nan`` and ``.inf`` stay the
    text written; a ``!!set`` becomes the list of its members. Unknown tags,
    recursive aliases, data nested deeper than 32 levels and aliases that expand
    past ``YAML_EXPANSION`` (100,000) values (beyond one per character) are an
    :class:`~argmap.exceptions.ArgdownSyntaxError` at their line, as is invalid
    YAML (which the reference reads as nothing at all).
argmap's additions
    A statement's data may say what Argdown has no syntax for, in keys named as
    the claim's attributes: ``implicit: true`` (a premise the text leaves
    unstated), ``thesis: true`` (the main thesis), ``quote`` (the words in the
    source text), ``span: [start, end]`` (their place in it), ``passages:
    [[s, e], [s, e]]`` (for a claim made of several separate passages) and
    ``speaker``. The front matter's ``source`` is the source text. A value of the
    wrong type (``implicit: maybe``, a span outside the source) stays in
    ``meta``, with an ``InputWarning`` naming it. The same keys may stand under
    an ``argmap`` key, as argmap writes what needs it; there a value of the
    wrong type is an error, and an unknown key is warned about and kept.
Everything else
    The heading a statement is defined under is its ``section``. Comments are
    dropped. Where the reference would fail (a document without any element:
    empty, or front matter alone) this raises.

:func:`generate_argdown` writes any map back, so that ``parse_argdown(text)``
equals the map, and so that the reference reads it with the same statements,
arguments and relations: a multi-step PCS stays one argument, untitled
statements and PCSs stay untitled, strict-mode relations and relations to
arguments are written in the body. What Argdown cannot say (ids that are not the
slug of a title, rephrases, attacks by several claims, texts with line breaks)
travels in an ``argmap`` key of the data of a statement, of an inference line or
of the front matter (``argmap.relations``).

Examples
--------
>>> m = parse_argdown('''
... [Rain]: It will rain.
...   + [Forecast]: The forecast says so. #weather
...
... <Umbrella>
...
... (1) [Rain]
... (2) Umbrellas keep you dry.
... ----
... (3) Take an umbrella.
... ''')
>>> sorted(m.claims())
['forecast', 'rain', 'take-an-umbrella', 'umbrellas-keep-you-dry']
>>> m["forecast"]["text"], m["forecast"]["tags"]
('The forecast says so.', ('weather',))
>>> m.premises("umbrella"), m.conclusion("umbrella")
(('rain', 'umbrellas-keep-you-dry'), 'take-an-umbrella')
>>> parse_argdown("".join(generate_argdown(m))) == m
True

argmap's additions, in their natural spelling:

>>> m = parse_argdown('''
... ===
... source: "Rain is wet. Take care."
... ===
...
... [Care]: Take care. {thesis: true, quote: "Take care.", span: [13, 23], speaker: Ann}
...   + [Wet]: Rain is wet. {quote: "Rain is wet.", span: [0, 12]}
...   + [Dry]: Staying dry matters. {implicit: true}
... ''')
>>> m["care"]["thesis"], m["care"]["speaker"], m["care"]["quote"]
(True, 'Ann', 'Take care.')
>>> m.source[slice(*m["wet"]["span"])], m["dry"]["implicit"]
('Rain is wet.', True)
>>> print(next(line for line in "".join(generate_argdown(m)).splitlines() if line.startswith("[Care]")))
[Care]: Take care. {quote: "Take care.", span: [13, 23], speaker: "Ann", thesis: true}

A misspelt key is not silently ignored:

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     m = parse_argdown("[A]: a {implicit: maybe}")
>>> print(caught[0].message)
Argdown line 1: claim 'a': implicit must be true or false, not 'maybe'; kept as data
>>> m["a"]["implicit"], m["a"]["meta"]["implicit"]
(False, 'maybe')

A multi-step PCS comes back as one argument, with ``uses`` where a step needs it:

>>> m = parse_argdown("<A>\\n\\n(1) p\\n(2) q\\n----\\n(3) r\\n(4) s\\n-- {uses: [1, 4]} --\\n(5) c")
>>> print("".join(generate_argdown(m))[-64:])
<A>
<BLANKLINE>
(1) p
(2) q
----
(3) r
(4) s
-- {uses: [1, 4]} --
(5) c
<BLANKLINE>
"""

from __future__ import annotations

import gc
import math
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, Final

from argmap._io import PathOrFile, atomic_write, normalise_text, read_text
from argmap.exceptions import (
    ArgdownSyntaxError,
    ArgmapError,
    InputWarning,
    MalformedPartWarning,
    RecordError,
)
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, TEXT, ArgumentMap, slugify
from argmap.readwrite import _argdown_re as rx
from argmap.readwrite._argdown_parse import (
    Argument,
    Document,
    EquivalenceClass,
    Inference,
    Relation,
    Statement,
    parse_document,
)
from argmap.schema import ATTRIBUTES, META_DEPTH, default_attack_type, from_records
from argmap.schemes import resolve_scheme, scheme_name

__all__ = ["generate_argdown", "parse_argdown", "read_argdown", "write_argdown"]

#: The data key that carries what Argdown cannot say.
EXTRA: Final = "argmap"
#: The heading written for a map without claims: Argdown has no empty document.
EMPTY_HEADING: Final = "No claims"
_BLANKS: Final = re.compile(r"[ \t]+")
#: The ids the reader gives untitled PCSs and relations.
_RELATION_ID: Final = re.compile(r"s[1-9][0-9]*")
_NO_EXTRA: Final[dict[str, Any]] = {}
#: argmap's additions to a statement, written as keys of its data: ``{implicit: true}``.
ADDITIONS: Final = ("quote", "span", "passages", "speaker", "implicit", "thesis")
_NO_ADDITIONS: Final = {key: ATTRIBUTES[CLAIM][key].default for key in ADDITIONS}
_EXTRA_KEYS: Final = frozenset({*ADDITIONS, "text", "id", "title", "tags", "section", "data", "argdown"})


def _collapse(text: str) -> str:
    return _BLANKS.sub(" ", text).strip(" \t")


#: Values (scalars, lists and mappings, counted with every alias expanded) one YAML block may hold
#: beyond one per character of its text; an alias bomb is refused before it grows.
YAML_EXPANSION: Final = 100_000
_YAML: Final = "tag:yaml.org,2002:"
_SCALAR_TAGS: Final = frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null"))
_TEXT_TAGS: Final = frozenset({_YAML + "timestamp", _YAML + "binary"})


def _caller() -> int:
    """The ``stacklevel`` that makes a warning point at the first caller outside argmap."""
    frame = sys._getframe(2)
    level = 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("argmap."):
        frame = frame.f_back
        level += 1
    return level


def _line(doc: str, pos: int) -> int:
    return doc.count("\n", 0, pos) + 1


class _YamlData:
    """Turn one YAML block into JSON-shaped data, bounded in size and depth.

    Mapping keys that are not strings become their text as written (``{1: a}``
    has the key ``"1"``), with an :class:`~argmap.exceptions.InputWarning`;
    dates, timestamps and binary stay the text written, ``.nan`` and ``.inf``
    too; a set becomes the list of its members, ``!!pairs`` a list of
    ``[key, value]`` lists, ``!!omap`` a mapping. Anything else (unknown
    tags, recursive aliases, data that expands past its limit or nests deeper
    than :data:`~argmap.schema.META_DEPTH`) is an :class:`ArgdownSyntaxError`.
    """

    def __init__(self, doc: str, text: str, pos: int, loader: Any) -> None:
        self.doc, self.text, self.pos, self.loader = doc, text, pos, loader
        self.budget = YAML_EXPANSION + len(text)
        self.active: set[int] = set()
        self.keys: list[str] = []

    def error(self, msg: str, node: Any) -> ArgdownSyntaxError:
        return ArgdownSyntaxError(f"invalid YAML data: {msg}", self.doc, self.pos + node.start_mark.index)

    def value(self, node: Any, depth: int) -> Any:
        import yaml

        self.budget -= 1
        if self.budget < 0:
            raise self.error(f"it expands to more than {YAML_EXPANSION + len(self.text):,} values", node)
        if depth > META_DEPTH:
            raise self.error(f"it nests deeper than {META_DEPTH} levels", node)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag in _TEXT_TAGS:
                return node.value
            if tag not in _SCALAR_TAGS:
                raise self.error(f"the tag {tag!r} is not supported", node)
            try:
                value = self.loader.construct_object(node)
            except (ValueError, OverflowError) as exc:
                raise self.error(str(exc), node) from None
            if isinstance(value, float) and not math.isfinite(value):
                return node.value
            return value
        if id(node) in self.active:
            raise self.error("an alias refers to the value that holds it", node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if tag not in (_YAML + "seq", _YAML + "omap", _YAML + "pairs"):
                    raise self.error(f"the tag {tag!r} is not supported", node)
                items = [self.value(item, depth + 1) for item in node.value]
                if tag == _YAML + "seq":
                    return items
                pairs = [self.pair(item, node) for item in items]
                return dict(pairs) if tag == _YAML + "omap" else [list(p) for p in pairs]
            if tag not in (_YAML + "map", _YAML + "set"):
                raise self.error(f"the tag {tag!r} is not supported", node)
            self.loader.flatten_mapping(node)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                out[self.key(key_node)] = self.value(value_node, depth + 1)
            return list(out) if tag == _YAML + "set" else out
        finally:
            self.active.discard(id(node))

    def pair(self, item: Any, node: Any) -> tuple[str, Any]:
        if not isinstance(item, dict) or len(item) != 1:
            raise self.error("an ordered mapping or pairs entry must be a mapping of one key", node)
        return next(iter(item.items()))

    def key(self, node: Any) -> str:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            if node.tag == _YAML + "str":
                return str(node.value)
            text = str(node.value)
        else:
            text = self.text[node.start_mark.index : node.end_mark.index]
        self.keys.append(text)
        return text

    def load(self) -> Any:
        node = self.loader.get_single_node()
        data = None if node is None else self.value(node, 1)
        if self.keys:
            shown = ", ".join(repr(k) for k in self.keys[:3]) + (", ..." if len(self.keys) > 3 else "")
            line = _line(self.doc, self.pos + len(self.text) - len(self.text.lstrip()))
            warnings.warn(
                f"Argdown data at line {line}: {len(self.keys)} key(s) that are not strings "
                f"read as their text: {shown}",
                InputWarning,
                stacklevel=_caller(),
            )
        return data


def _load_yaml(doc: str) -> Any:
    """Return ``load(text, pos)``: the data of the YAML ``text`` at ``pos`` in ``doc`` (see _YamlData)."""

    def load(text: str, pos: int) -> Any:
        try:
            import yaml
        except ImportError:  # pragma: no cover - PyYAML is a core dependency
            raise ArgmapError("reading Argdown data needs PyYAML: pip install pyyaml") from None
        loader = None
        try:
            loader = yaml.SafeLoader(text)
            return _YamlData(doc, text, pos, loader).load()
        except yaml.reader.ReaderError as exc:
            raise ArgdownSyntaxError(f"invalid YAML data: {exc.reason}", doc, pos + exc.position) from None
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            at = pos + mark.index if mark is not None else pos
            raise ArgdownSyntaxError(f"invalid YAML data: {problem}", doc, at) from None
        except RecursionError:
            raise ArgdownSyntaxError("invalid YAML data: it nests too deeply", doc, pos) from None
        finally:
            if loader is not None:
                loader.dispose()

    return load


# -- reading ---------------------------------------------------------------------------


def parse_argdown(text: str) -> ArgumentMap:
    """Parse an Argdown document into an argument map.

    Parameters
    ----------
    text : str
        The document. CRLF and CR line ends and a leading BOM are accepted.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ArgdownSyntaxError
        Where the reference parser reports an error, and for structures the model
        cannot hold (an argument whose conclusion is one of its premises, a
        statement that supports itself). The error has ``lineno``, ``colno`` and
        ``get_context()``.

    Examples
    --------
    >>> m = parse_argdown("[A]: Apples are healthy.\\n  - [B]: Apples have sugar.")
    >>> m.attackers(next(m.conflicts())), m.target(next(m.conflicts()))
    (('b',), 'a')
    >>> parse_argdown("[A]: Apples.\\n  + \\\\")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.exceptions.ArgdownSyntaxError: a backslash must escape a character ... (at line 2, column 5)
    """
    text = normalise_text(text)
    # Parsing allocates many small objects and frees nothing, so collection
    # passes would only rescan them; the collector resumes afterwards.
    enabled = gc.isenabled()
    gc.disable()
    try:
        out = parse_document(text, _load_yaml(text))
        return _Builder(out, text).build()
    finally:
        if enabled:
            gc.enable()


def read_argdown(source: PathOrFile) -> ArgumentMap:
    """Read an Argdown file (path or open file); see :func:`parse_argdown`."""
    return parse_argdown(read_text(source))


class _Builder:
    """Turns the Argdown model into an :class:`ArgumentMap`."""

    def __init__(self, out: Document, doc: str) -> None:
        self.out = out
        self.doc = doc
        #: The map as records, handed to :func:`~argmap.schema.from_records` at the end.
        self.graph: dict[str, Any] = {"source": None, "title": None, "meta": {}}
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[tuple[str, str]] = []
        self.conclusion_of: dict[str, str] = {}
        self.reserved: set[str] = set()
        self.claim_of: dict[int, str] = {}
        self.next_free: dict[str, int] = {}
        model = out.settings.get("model") if isinstance(out.settings, dict) else None
        self.explode = isinstance(model, dict) and bool(model.get("explodeArguments"))
        self.inference_of: dict[int, str] = {}
        #: The conclusion of each inference kept aside; relations aimed at it go to that claim.
        self.set_aside: dict[int, str] = {}

    def error(self, msg: str, pos: int) -> ArgdownSyntaxError:
        return ArgdownSyntaxError(msg, self.doc, pos)

    def build(self) -> ArgumentMap:
        graph, out = self.graph, self.out
        fm = dict(out.front_matter) if isinstance(out.front_matter, dict) else {}
        extra = fm.pop(EXTRA, None)
        extra = extra if isinstance(extra, dict) else {}
        title = fm.pop("title", None)
        graph["title"] = None if title is None else str(title)
        source = extra.get("source", fm.get("source"))
        if isinstance(source, str) or source is None:
            fm.pop("source", None)
            graph["source"] = source
        else:
            self.warn(InputWarning, "the front matter's source is not a text; kept as data", 0)
        meta = extra.get("meta", fm)
        graph["meta"] = dict(meta) if isinstance(meta, dict) else {}
        if out.front_matter is not None and not isinstance(out.front_matter, dict):
            graph["meta"]["argdown"] = {"front_matter": out.front_matter}
        records = extra.get("relations") or []
        for rec in records:
            if isinstance(rec, dict) and isinstance(rec.get("id"), str):
                self.reserved.add(rec["id"])
        self.claims()
        self.arguments()
        self.relations(records)
        try:
            G = from_records(self.graph, self.nodes, self.edges, where=self.where, lenient=True)
        except RecordError as exc:
            raise self.error(str(exc), 0) from None
        return ArgumentMap(graph=G)

    def where(self, i: int) -> str:
        """Names the ``i``-th record for error messages."""
        node = self.nodes[i]
        return f"{node['kind']} {node['id']!r}"

    # -- claims ------------------------------------------------------------------------

    def claims(self) -> None:
        nodes: list[EquivalenceClass | Argument] = list(self.out.statements.values())
        nodes += [a for a in self.out.arguments.values() if not a.pcs]
        plans: list[tuple[EquivalenceClass | Argument, dict[str, Any], dict[str, Any], str]] = []
        for node in nodes:
            data = dict(node.data) if isinstance(node.data, dict) else {}
            extra = data.pop(EXTRA, None) if data else None
            extra = extra if isinstance(extra, dict) else _NO_EXTRA
            canonical = node.canonical()
            text = _collapse(canonical.plain) if canonical is not None else ""
            text = text or node.title
            if isinstance(extra.get("text"), str):
                text = extra["text"]
            explicit = extra.get("id")
            if isinstance(explicit, str) and explicit:
                self.reserved.add(explicit)
            plans.append((node, data, extra, text))
        new_nodes: list[tuple[str, dict[str, Any]]] = []
        for node, data, extra, text in plans:
            untitled = node.title in self.out.auto_titles
            explicit = extra.get("id")
            if isinstance(explicit, str) and explicit:
                cid = explicit
            else:
                cid = self.fresh(slugify(text if untitled else node.title))
            added = self.additions(cid, node, data, extra)
            argdown: dict[str, Any] = {}
            if "title" in extra:
                if extra["title"] is not None:
                    argdown["title"] = extra["title"]
            elif not untitled and node.title != cid:
                argdown["title"] = node.title
            if untitled:
                argdown["untitled"] = True
            if isinstance(extra.get("data"), dict):
                data.update(extra["data"])
            if isinstance(extra.get("argdown"), dict):
                argdown.update(extra["argdown"])
            if isinstance(node, Argument):
                argdown["argument"] = True
            if argdown:
                data["argdown"] = argdown
            section = node.section.title if node.section is not None else None
            tags = extra.get("tags", node.tags)
            if not isinstance(text, str) or not text.strip():
                raise self.error(f"claim {cid!r} needs a non-empty text", node.pos)
            if tags is not node.tags and (
                not isinstance(tags, list) or not all(isinstance(t, str) for t in tags)
            ):
                raise self.error(f"tags of claim {cid!r} must be a list of strings", node.pos)
            attrs: dict[str, Any] = {KIND: CLAIM, TEXT: text, "tags": tuple(tags), "meta": data, **added}
            attrs.setdefault("section", section)
            new_nodes.append((cid, attrs))
            self.claim_of[id(node)] = cid
        self.nodes += ({"id": cid, **attrs} for cid, attrs in new_nodes)

    def additions(
        self, cid: str, node: EquivalenceClass | Argument, data: dict[str, Any], extra: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Return the claim attributes of argmap's additions, taken out of a statement's ``data``.

        A key written plainly (``{implicit: true}``) whose value does not fit
        stays in ``data``, with an :class:`InputWarning`; under ``argmap`` (as
        argmap writes it) a value that does not fit is an error, and an unknown
        key stays in ``data["argmap"]`` with a warning.
        """
        if not extra and (not data or data.keys().isdisjoint(ADDITIONS)):
            return dict(_NO_ADDITIONS)
        schema = ATTRIBUTES[CLAIM]
        out: dict[str, Any] = {}
        for key in ADDITIONS:
            if key in extra:
                value, plain = extra[key], False
            elif key in data:
                value, plain = data[key], True
            else:
                continue
            try:
                checked = schema[key].check(value)
                if key == "span" and checked is not None:
                    src = self.graph["source"]
                    if src is None or checked[1] > len(src):
                        raise ValueError(f"{_yaml(_plain(value))} is not within the source text")
            except ValueError as exc:
                if not plain:
                    raise self.error(f"claim {cid!r}: argmap.{key} {exc}", node.pos) from None
                self.warn(InputWarning, f"claim {cid!r}: {key} {exc}; kept as data", node.pos)
                continue
            if plain:
                del data[key]
            out[key] = checked
        passages = out.get("passages")
        if passages and out.get("span") is None:
            out["span"] = (passages[0][0], passages[-1][1])
        for key in ADDITIONS:
            out.setdefault(key, schema[key].default)
        if "section" in extra:
            try:
                out["section"] = schema["section"].check(extra["section"])
            except ValueError as exc:
                raise self.error(f"claim {cid!r}: argmap.section {exc}", node.pos) from None
        unknown = {k: v for k, v in extra.items() if k not in _EXTRA_KEYS}
        if unknown:
            data.setdefault(EXTRA, {}).update(unknown)
            self.warn(
                InputWarning,
                f"claim {cid!r}: unknown key(s) under argmap: {', '.join(map(repr, unknown))}; "
                f"argmap knows {', '.join(sorted(_EXTRA_KEYS))}; kept as data",
                node.pos,
            )
        return out

    def fresh(self, wanted: str) -> str:
        if wanted not in self.reserved:
            self.reserved.add(wanted)
            return wanted
        i = 2
        while f"{wanted}-{i}" in self.reserved:
            i += 1
        self.reserved.add(f"{wanted}-{i}")
        return f"{wanted}-{i}"

    def free(self, prefix: str) -> str:
        """The smallest unused ``prefix`` + number: the id of a relation Argdown cannot name."""
        # Ids are only ever added, so the smallest free number never goes down.
        i = self.next_free.get(prefix, 1)
        while f"{prefix}{i}" in self.reserved:
            i += 1
        self.next_free[prefix] = i + 1
        self.reserved.add(f"{prefix}{i}")
        return f"{prefix}{i}"

    # -- arguments -------------------------------------------------------------------------

    def arguments(self) -> None:
        out = self.out
        reconstructed = [a for a in out.arguments.values() if a.pcs]
        explicit_ids: dict[int, str] = {}
        step_ids: dict[int, str] = {}
        for arg in reconstructed:
            data = arg.data if isinstance(arg.data, dict) else {}
            last = arg.pcs[-1].inference
            assert last is not None
            inf_data = last.data if isinstance(last.data, dict) else {}
            for source in (inf_data, data):
                extra = source.get(EXTRA)
                if isinstance(extra, dict) and isinstance(extra.get("id"), str):
                    explicit_ids[id(arg)] = extra["id"]
                    self.reserved.add(extra["id"])
                    break
            for stmt in arg.pcs:
                inference = stmt.inference
                if inference is None or inference is last or not isinstance(inference.data, dict):
                    continue
                extra = inference.data.get(EXTRA)
                if isinstance(extra, dict) and isinstance(extra.get("id"), str) and extra["id"]:
                    step_ids[id(inference)] = extra["id"]
                    self.reserved.add(extra["id"])
        for arg in reconstructed:
            untitled = arg.title in out.auto_titles
            main = explicit_ids.get(id(arg))
            if main is None:
                main = self.free("s") if untitled else self.fresh(slugify(arg.title))
            steps = [i for i, s in enumerate(arg.pcs) if s.inference is not None]
            explode = self.explode and len(steps) > 1
            for k, index in enumerate(steps):
                stmt = arg.pcs[index]
                inference = stmt.inference
                assert inference is not None
                is_main = k == len(steps) - 1
                title = f"{arg.title} - {k + 1}" if explode else None
                if title is not None:
                    iid = self.fresh(slugify(title))
                elif is_main:
                    iid = main
                else:
                    iid = step_ids.get(id(inference)) or self.free("s")
                self.inference(arg, stmt, index, inference, iid, is_main or explode, untitled, k, title, main)

    def inference(
        self,
        arg: Argument,
        stmt: Statement,
        index: int,
        inference: Inference,
        iid: str,
        is_main: bool,
        untitled: bool,
        step: int,
        title: str | None,
        main: str,
    ) -> None:
        pcs = arg.pcs
        inf_data = dict(inference.data) if isinstance(inference.data, dict) else {}
        stmt_data = stmt.data if isinstance(stmt.data, dict) else {}
        conclusion = self.claim_id(self.out.statements[stmt.title])
        chosen = self.uses(arg, index, inference, inf_data, stmt_data, conclusion)
        if chosen is None:
            chosen = []
            for prev in reversed(pcs[:index]):
                chosen.append(prev)
                if prev.inference is not None:
                    break
            chosen.reverse()
        premises: list[str] = []
        for s in chosen:
            cid = self.claim_id(self.out.statements[s.title])
            if cid not in premises:
                premises.append(cid)
        extra = inf_data.pop(EXTRA, None)
        extra = extra if isinstance(extra, dict) else {}
        meta: dict[str, Any] = {}
        argdown: dict[str, Any] = {}
        if is_main:
            data = dict(arg.data) if isinstance(arg.data, dict) else {}
            arg_extra = data.pop(EXTRA, None)
            if isinstance(arg_extra, dict):
                extra = {**arg_extra, **extra}
            meta.update(data)
            if "title" in extra:
                if extra["title"] is not None:
                    argdown["title"] = extra["title"]
            elif title is not None:
                argdown["title"] = title
            elif not untitled and arg.title != iid:
                argdown["title"] = arg.title
            desc = arg.canonical()
            if desc is not None and _collapse(desc.plain):
                argdown["description"] = _collapse(desc.plain)
        else:
            argdown["argument"] = main if untitled else arg.title
            argdown["step"] = step + 1
        meta.update(inf_data)
        if isinstance(extra.get("data"), dict):
            meta.update(extra["data"])
        if isinstance(extra.get("argdown"), dict):
            argdown.update(extra["argdown"])
        if isinstance(extra.get("description"), str):
            argdown["description"] = extra["description"]
        if argdown:
            meta["argdown"] = argdown
        scheme = ", ".join(inference.rules) if inference.rules else None
        if scheme is not None:  # a rule naming a catalogue scheme is kept as its id
            scheme = resolve_scheme(scheme) or scheme
        if "scheme" in extra:
            scheme = extra["scheme"]
        if conclusion in premises:
            premises.remove(conclusion)
            if not premises:
                self.aside(iid, INFERENCE, [conclusion], conclusion, "a claim cannot support itself")
                self.set_aside[id(inference)] = conclusion
                self.warn(
                    MalformedPartWarning,
                    f"argument <{arg.title}>: its inference concludes its only premise {conclusion!r}; "
                    "kept aside in meta['aside']",
                    inference.pos,
                )
                return
            self.warn(
                MalformedPartWarning,
                f"argument <{arg.title}>: claim {conclusion!r} is dropped from the premises of the "
                "inference it concludes",
                inference.pos,
            )
        if is_main and untitled and title is None and len(premises) == 1 and scheme is None and not meta:
            meta["argdown"] = {"pcs": True}  # not a "+" relation
        self.nodes.append({"id": iid, KIND: INFERENCE, "scheme": scheme, "meta": meta})
        self.edges += [(p, iid) for p in premises]
        self.edges.append((iid, conclusion))
        self.conclusion_of[iid] = conclusion
        self.inference_of[id(inference)] = iid

    def uses(
        self,
        arg: Argument,
        index: int,
        inference: Inference,
        inf_data: dict[str, Any],
        stmt_data: Mapping[str, Any],
        conclusion: str,
    ) -> list[Statement] | None:
        """The statements ``uses`` (or ``from``) names as premises of a step, or None for the default.

        The list is taken where the reference looks (the inference's ``uses``,
        the conclusion's ``uses``, the inference's ``from``, the conclusion's
        ``from``); numbers may be quoted. Used as structure when every entry
        names another statement of the PCS; otherwise it stays in the
        inference's data, with an :class:`InputWarning`, and the entries that
        do name one are used (none: the default premises).
        """
        for data, key in ((inf_data, "uses"), (stmt_data, "uses"), (inf_data, "from"), (stmt_data, "from")):
            if isinstance(data.get(key), list):
                listed: list[Any] = data[key]
                break
        else:
            return None
        pcs = arg.pcs
        chosen: list[Statement] = []
        bad: list[Any] = []
        for n in listed:
            number = n if isinstance(n, int) and not isinstance(n, bool) else None
            if isinstance(n, str) and n.strip().isascii() and n.strip().isdigit() and len(n.strip()) < 10:
                number = int(n)
            if (
                number is not None
                and 1 <= number <= len(pcs)
                and number != index + 1
                and self.claim_id(self.out.statements[pcs[number - 1].title]) != conclusion
            ):
                chosen.append(pcs[number - 1])
            else:
                bad.append(n)
        if data is inf_data and not bad and chosen:
            del inf_data[key]
        if bad or not chosen:
            why = f"{', '.join(_yaml(b) for b in bad)} name(s) no other statement" if bad else "it is empty"
            self.warn(
                InputWarning,
                f"argument <{arg.title}>, conclusion ({index + 1}): {key}: {_yaml(listed)}: {why}; "
                + ("the rest are used" if chosen else "the premises above the line are used")
                + ", the list is kept as data",
                inference.pos,
            )
        return chosen or None

    def warn(self, category: type[Warning], msg: str, pos: int) -> None:
        warnings.warn(f"Argdown line {_line(self.doc, pos)}: {msg}", category, stacklevel=_caller())

    def aside(self, node: str | None, kind: str, sources: list[str], target: str, problem: str) -> None:
        """Keep a relation the model cannot hold in ``meta["aside"]``, as the schema's readers do."""
        record = {"id": node, "kind": kind, "sources": sources, "target": target, "problem": problem}
        self.graph["meta"].setdefault("aside", []).append(record)

    def claim_id(self, node: EquivalenceClass | Argument) -> str:
        return self.claim_of[id(node)]

    # -- relations ------------------------------------------------------------------------------

    def endpoint(self, node: Any) -> tuple[str, bool]:
        """The map node for an Argdown endpoint, and whether it is an inference."""
        if isinstance(node, EquivalenceClass):
            return self.claim_id(node), False
        if isinstance(node, Argument):
            if not node.pcs:
                return self.claim_id(node), False
            node = node.pcs[-1].inference
        if id(node) in self.set_aside:
            return self.set_aside[id(node)], False
        return self.inference_of[id(node)], True

    def relations(self, records: list[Any]) -> None:
        supports = [r for r in self.out.relations if r.type in ("support", "entails")]
        attacks = [r for r in self.out.relations if r.type not in ("support", "entails")]
        for rel in supports:
            frm = self.source(rel)
            to, is_inference = self.endpoint(rel.to)
            argdown: dict[str, Any] = {}
            if is_inference:
                to = self.conclusion_of[to]
                argdown["target"] = "argument"
            if rel.type != "support":
                argdown["relation"] = rel.type
            if frm == to:
                self.aside(None, INFERENCE, [frm], to, "a claim cannot support itself")
                self.warn(
                    MalformedPartWarning,
                    f"claim {to!r} supports itself; kept aside in meta['aside']",
                    rel.pos,
                )
                continue
            sid = self.free("s")
            meta = {"argdown": argdown} if argdown else {}
            self.nodes.append({"id": sid, KIND: INFERENCE, "scheme": None, "meta": meta})
            self.edges += ((frm, sid), (sid, to))
        self.records(records, (INFERENCE,))
        for rel in attacks:
            frm = self.source(rel)
            to, is_inference = self.endpoint(rel.to)
            relation = None
            if (is_inference and rel.type != "undercut") or (not is_inference and rel.type != "attack"):
                relation = rel.type
            aid = self.free("a")
            meta = {"argdown": {"relation": relation}} if relation else {}
            # the attack type is the schema's default for the target (from_records gives it)
            self.nodes.append({"id": aid, KIND: CONFLICT, "attack_type": None, "meta": meta})
            self.edges += ((frm, aid), (aid, to))
        self.records(records, (CONFLICT, REPHRASE))

    def source(self, rel: Relation) -> str:
        frm = rel.frm
        if isinstance(frm, Argument) and frm.pcs:
            return self.claim_id(self.out.statements[frm.pcs[-1].title])
        node, is_inference = self.endpoint(frm)
        if is_inference:  # pragma: no cover - the grammar has no relation from an inference
            raise self.error("a relation cannot start at an inference", rel.pos)
        return node

    def records(self, records: list[Any], kinds: tuple[str, ...]) -> None:
        for i, rec in enumerate(records):
            if not isinstance(rec, dict) or rec.get("kind") not in kinds:
                continue
            try:
                rid, frm, to = rec["id"], list(rec["from"]), rec["to"]
            except (KeyError, TypeError) as exc:
                raise self.error(
                    f"front matter argmap.relations[{i}] is not a valid relation: {exc}", 0
                ) from None
            node: dict[str, Any] = {"id": rid, KIND: rec["kind"], "meta": rec.get("meta") or {}}
            if rec["kind"] == INFERENCE:
                node["scheme"] = rec.get("scheme")
            elif rec["kind"] == CONFLICT:
                node["attack_type"] = rec.get("attack_type")
            self.nodes.append(node)
            self.edges += [(p, rid) for p in frm]
            self.edges.append((rid, to))


# -- writing ---------------------------------------------------------------------------------

_YAML_UNSAFE: Final = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{}=\u2028\u2029\ufeff]"
)


_BARE_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Words YAML 1.1 (PyYAML) or 1.2 (js-yaml) reads as something other than a string.
_YAML_WORDS: Final = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _plain(value: Any) -> Any:
    """Return tuples (spans, passages) as lists, as YAML data holds them."""
    return [_plain(v) for v in value] if isinstance(value, tuple) else value


def _yaml(value: Any) -> str:
    """Write plain data as one line of YAML flow style that the Argdown lexer keeps whole."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "e" in text:
            mantissa, exponent = text.split("e")
            mantissa = mantissa if "." in mantissa else mantissa + ".0"
            exponent = exponent if exponent[0] in "+-" else "+" + exponent
            text = f"{mantissa}e{exponent}"
        return text
    if isinstance(value, str):
        return _yaml_str(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_yaml_key(k)}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    raise ArgmapError(f"cannot write {type(value).__name__} values as Argdown data")


def _yaml_key(key: Any) -> str:
    """A mapping key: bare when YAML reads it back as that string (``quote``), else quoted."""
    if isinstance(key, str) and _BARE_KEY.fullmatch(key) and key.lower() not in _YAML_WORDS:
        return key
    return _yaml(key)


def _yaml_str(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    out = out.replace("\t", "\\t")
    return '"' + _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out) + '"'


def _shortcode_at(text: str, i: int, inference: bool, escaped: list[bool]) -> bool:
    """True if ``.x.`` or ``:x:`` at ``i`` would be read as a shortcode or hide an escape.

    ``escaped`` holds the decisions already made for the characters after ``i``.
    """
    found = rx.SPECIAL_CHAR.match(text, i)
    if found is None:
        return False
    code = found.group().rstrip(" \t")
    if code in rx.SHORTCODE_SPECIAL or code[1:-1] in rx.SHORTCODES:
        return True
    if any(escaped[i + 1 : i + len(code)]):  # a backslash written inside it would join the code
        return True
    return any(c in code for c in ("\\{[<,-/" if inference else "\\{[<#*_/="))


def _escape(text: str, inference: bool = False) -> str:
    """Escape ``text`` so that Argdown reads it back as the same plain text."""
    n = len(text)
    escaped = [False] * n
    for i in range(n - 1, -1, -1):  # right to left: a mark's decision depends on the ones after it
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if c in "\\{[<":
            esc = True
        elif c in {".", ":"}:
            esc = _shortcode_at(text, i, inference, escaped)
        elif c == "/":
            esc = nxt in "/*"
        elif inference:
            esc = c in ",-"
        elif c == "#":
            esc = True
        elif c in "*_":
            esc = not nxt or nxt not in rx.JS_WS_CHARS
        elif c == "=":
            esc = text.startswith("==", i + 1)
        else:
            esc = False
        escaped[i] = esc
    return "".join("\\" + c if esc else c for c, esc in zip(text, escaped, strict=True))


def _writable_text(text: str) -> bool:
    return bool(text) and text == _collapse(text) and "\n" not in text and "\r" not in text


def _writable_trimmed(section: str) -> bool:
    return _writable_text(section) and section == section.strip("".join(rx.JS_WS_CHARS))


def _writable_title(title: str, argument: bool) -> bool:
    if not title or "\n" in title or "\r" in title or "\u2028" in title or "\u2029" in title:
        return False
    if argument:
        return ">" not in title and title[0] not in "-+_" and not title.startswith("!--")
    return "]" not in title and title[0] != "-"


def _tag(tag: str) -> str | None:
    if re.fullmatch(r"[a-zA-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+", tag):
        return "#" + tag
    if tag and ")" not in tag and "\n" not in tag and "\r" not in tag:
        return f"#({tag})"
    return None


class _Writer:
    """Plans and writes the Argdown form of a map."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.G = m.graph
        self.titles: dict[str, str] = {}
        #: The definitions of untitled statements written where they are used.
        self.inline: dict[str, str] = {}
        self.arg_titles: set[str] = set()
        self.stmt_titles: set[str] = set()
        self.records: list[dict[str, Any]] = []
        self.defaults: dict[str, str] = {}
        #: Claims each claim attacks or is attacked by (either way), made when first needed.
        self.clashes: dict[str, set[str]] | None = None

    # -- names --------------------------------------------------------------------------

    def name(self, node: str) -> str:
        """``[title]`` or ``<title>`` of a claim, or the definition of an untitled one used once."""
        if node in self.inline:
            return self.inline[node]
        title = self.titles[node]
        if self.is_argument(node):
            return f"<{title}>"
        return f"[{title}]"

    def is_argument(self, node: str) -> bool:
        argdown = self.argdown(node)
        return bool(argdown.get("argument") is True)

    def argdown(self, node: str) -> dict[str, Any]:
        meta = self.G.nodes[node].get("meta") or {}
        value = meta.get("argdown")
        return value if isinstance(value, dict) else {}

    def choose_title(self, node: str, argument: bool, extra: dict[str, Any]) -> str:
        """Pick a writable, unused title; note in ``extra`` what the reader must restore."""
        used = self.arg_titles if argument else self.stmt_titles
        recorded = self.argdown(node).get("title")
        for candidate in (recorded, node, f"{node} ({len(used)})"):
            if isinstance(candidate, str) and _writable_title(candidate, argument) and candidate not in used:
                title = candidate
                break
        else:
            title = f"n{len(used)}"
            while title in used:
                title += "_"
        used.add(title)
        if slugify(title) != node:
            extra["id"] = node
        implied = title if title != node else None
        if implied != recorded:
            extra["title"] = recorded
        return title

    # -- the plan -------------------------------------------------------------------------------

    def user_meta(self, node: str) -> dict[str, Any]:
        meta = self.G.nodes[node].get("meta") or {}
        return {k: v for k, v in meta.items() if k != "argdown" or not v or not isinstance(v, dict)}

    def claim_line(self, node: str, mode: str, trailing: str | None) -> str:
        """The definition of a claim: ``titled`` (``[title]: text``), ``untitled`` or ``inline``.

        ``trailing`` is the section in force after the last heading, where an
        inline definition stands.
        """
        d = self.G.nodes[node]
        argument = self.is_argument(node)
        extra: dict[str, Any] = {}
        title = None
        if mode == "titled":
            title = self.choose_title(node, argument, extra)
            self.titles[node] = title
        elif slugify(d["text"]) != node:
            extra["id"] = node
        text = d["text"]
        if not _writable_text(text):
            extra["text"] = text
            text = _collapse(text.replace("\n", " ").replace("\r", " ")) or "…"
        tags: list[str] = []
        tag_list = list(d.get("tags") or ())
        for tag in tag_list:
            written = _tag(tag) if isinstance(tag, str) else None
            if written is None or len(set(tag_list)) != len(tag_list):
                extra["tags"] = tag_list
                tags = []
                break
            tags.append(written)
        added: dict[str, Any] = {}
        for key in ADDITIONS:
            default = ATTRIBUTES[CLAIM][key].default
            value: Any = d.get(key, default)
            if value != default and not (key == "span" and d.get("passages")):
                added[key] = _plain(value)
        section = d.get("section")
        if (section is not None and not _writable_trimmed(section)) or (
            mode == "inline" and section != trailing
        ):
            extra["section"] = section
        implied = "argument" if mode == "titled" else "untitled"
        rest = {
            k: v for k, v in self.argdown(node).items() if k != "title" and not (k == implied and v is True)
        }
        if rest:
            extra["argdown"] = rest
        data = self.user_meta(node)
        structural = ("uses", "from") if mode == "inline" else ()  # a PCS line's data names premises
        protected = {k: data.pop(k) for k in (*ADDITIONS, EXTRA, *structural) if k in data}
        if protected:
            extra["data"] = protected
        data = {**added, **data}
        if extra:
            data[EXTRA] = extra
        line = "" if title is None else f"<{title}>: " if argument else f"[{title}]: "
        line += _escape(text)
        if tags:
            line += " " + " ".join(tags)
        if data:
            line += " " + _yaml(data)
        return line

    def touches_argument(self, s: str) -> bool:
        """True if a premise or the conclusion is an argument without PCS (a PCS lists statements only)."""
        return any(self.is_argument(n) for n in (*self.m.premises(s), self.m.conclusion(s)))

    def default_attack(self, target: str) -> str:
        """The attack type the reader gives an attack on ``target`` (as ``ArgumentMap.attack`` does)."""
        found = self.defaults.get(target)
        if found is None:
            found = self.defaults[target] = default_attack_type(self.G, target)
        return found

    def record(self, rel: str) -> None:
        d = self.G.nodes[rel]
        rec: dict[str, Any] = {
            "id": rel,
            "kind": d[KIND],
            "from": [p for p in self.G.predecessors(rel) if self.G.nodes[p][KIND] == CLAIM],
            "to": next(iter(self.G.successors(rel))),
        }
        if d[KIND] == INFERENCE:
            rec["scheme"] = d.get("scheme")
        elif d[KIND] == CONFLICT:
            rec["attack_type"] = d.get("attack_type")
        rec["meta"] = d.get("meta") or {}
        self.records.append(rec)

    def simple(self, s: str, relation: str | None, undercut: set[str]) -> bool:
        """True if inference ``s`` can be written as a ``+`` relation read back with ``relation``."""
        argdown = self.argdown(s)
        return (
            len(self.m.premises(s)) == 1
            and self.G.nodes[s].get("scheme") is None
            and not self.user_meta(s)
            and argdown == ({"relation": relation} if relation else {})
            and s not in undercut
        )

    def strict_relation(self, ends: tuple[str, ...], strict: str | None) -> str | None:
        """The relation a ``+`` or ``-`` between ``ends`` has when read back (strict mode: between claims)."""
        return strict if strict and not any(self.is_argument(n) for n in ends) else None

    def generate(self) -> Iterator[str]:
        G, m = self.G, self.m
        claims = list(m.claims())
        inferences = list(m.inferences())
        conflicts = list(m.conflicts())
        model = m.meta.get("model")
        strict = isinstance(model, dict) and model.get("mode") == "strict"
        # Which inferences can be written as "+" relations, which need a PCS.
        undercut = {m.target(c) for c in conflicts if G.nodes[m.target(c)][KIND] == INFERENCE}
        as_relation: list[str] = []
        as_pcs: list[str] = []
        to_argument: list[str] = []
        step_candidates: list[str] = []
        for s in inferences:
            argdown = self.argdown(s)
            both = (*m.premises(s), m.conclusion(s))
            if self.simple(s, self.strict_relation(both, "entails" if strict else None), undercut):
                as_relation.append(s)
            elif (
                argdown == {"target": "argument"}
                and len(m.premises(s)) == 1
                and G.nodes[s].get("scheme") is None
                and not self.user_meta(s)
                and s not in undercut
            ):
                to_argument.append(s)
            elif self.touches_argument(s):
                self.record(s)
            elif isinstance(argdown.get("argument"), str) and isinstance(argdown.get("step"), int):
                step_candidates.append(s)
            else:
                as_pcs.append(s)
        # Intermediate steps join the argument they belong to; mains are known by title (or id).
        by_title: dict[str, str] = {}
        for s in as_pcs:
            by_title.setdefault(self.argdown(s).get("title", s), s)
        steps_of: dict[str, list[str]] = {}
        for s in step_candidates:
            main = by_title.get(self.argdown(s)["argument"])
            if main is None:
                as_pcs.append(s)
            else:
                steps_of.setdefault(main, []).append(s)
        for steps in steps_of.values():
            steps.sort(key=lambda x: self.argdown(x)["step"])
        # Supports of an argument hang below a titled PCS with that conclusion.
        untitled_pcs = {s for s in as_pcs if self.writes_untitled(s)}
        concluding: dict[str, str] = {}
        for s in as_pcs:
            if s not in untitled_pcs:
                concluding.setdefault(m.conclusion(s), s)
        argument_supports: list[tuple[str, str]] = []
        for s in to_argument:
            main = concluding.get(m.conclusion(s))
            if main is None and self.touches_argument(s):
                self.record(s)
            elif main is None:
                as_pcs.append(s)
            else:
                argument_supports.append((main, s))
        pcs_set = set(as_pcs)
        # Native conflicts: one attacker, default type, plain meta.
        strict_attack = "contrary" if strict else None
        native_conflicts: list[str] = []
        argument_attacks: list[tuple[str, str]] = []
        for c in conflicts:
            d = G.nodes[c]
            target = m.target(c)
            relation = self.argdown(c).get("relation")
            ok = (
                len(m.attackers(c)) == 1
                and d.get("attack_type") == self.default_attack(target)
                and not self.user_meta(c)
                and set(self.argdown(c)) <= {"relation"}
            )
            attacker = m.attackers(c)[0]
            if G.nodes[target][KIND] == INFERENCE:
                if (
                    ok
                    and relation == "attack"
                    and target in pcs_set
                    and target not in untitled_pcs
                    and not self.redundant(attacker, target, steps_of.get(target, []))
                ):
                    argument_attacks.append((target, c))
                    continue
                ok = (
                    ok
                    and relation is None
                    and (target in pcs_set or any(target in v for v in steps_of.values()))
                )
            else:
                plain = self.strict_relation((attacker, target), strict_attack)
                ok = ok and relation in (plain, "undercut", "contradictory")
                if relation in ("contradictory", "contrary"):
                    ok = ok and not self.is_argument(target) and not self.is_argument(attacker)
            if ok:
                native_conflicts.append(c)
            else:
                self.record(c)
        # Relation blocks: supports, then conflicts, each in map order; one root, one block.
        Root = tuple[str, str]  # ("claim", node) or ("pcs", main inference)
        blocks: list[tuple[Root, list[tuple[str, str]]]] = []
        inline: dict[str, list[str]] = {}
        position = {n: i for i, n in enumerate(G.nodes)}
        supports: list[tuple[Root, str, str]] = [(("claim", m.conclusion(s)), "+", s) for s in as_relation]
        supports += [(("pcs", main), "+", s) for main, s in argument_supports]
        items = sorted(supports, key=lambda item: position[item[2]])
        attacks: list[tuple[Root, str, str]] = [(("pcs", main), "-", c) for main, c in argument_attacks]
        for c in native_conflicts:
            target = m.target(c)
            attacker = m.attackers(c)[0]
            relation = self.argdown(c).get("relation")
            if G.nodes[target][KIND] == INFERENCE:
                inline.setdefault(target, []).append(c)
            elif relation == "undercut":
                attacks.append((("claim", attacker), "_>", c))
            elif relation == "contradictory":
                attacks.append((("claim", attacker), "><", c))
            else:
                attacks.append((("claim", target), "-", c))
        items += sorted(attacks, key=lambda item: position[item[2]])
        for root, sym, rel in items:
            if blocks and blocks[-1][0] == root:
                blocks[-1][1].append((sym, rel))
            else:
                blocks.append((root, [(sym, rel)]))
        # Ids: the reader gives a relation the smallest free "s<n>" or "a<n>", in document order:
        # blocks and PCSs (with their undercuts) come in the order of their first relation in the map.
        body = set(as_relation) | set(native_conflicts) | {s for _, s in argument_supports}
        body |= {c for _, c in argument_attacks}
        taken = set(G.nodes) - body
        seen: set[tuple[Any, ...]] = set()
        as_pcs.sort(key=position.__getitem__)

        def pcs_key(s: str) -> int:
            return min(
                [position[c] for x in [*steps_of.get(s, []), s] for c in inline.get(x, [])] or [position[s]]
            )

        def layout() -> list[tuple[int, str, Any]]:
            """Blocks (by index) and PCSs (by main inference) in document order."""
            parts: list[tuple[int, str, Any]] = [
                (min(position[rel] for _, rel in block), "block", i) for i, (_, block) in enumerate(blocks)
            ]
            parts += [(pcs_key(s), "pcs", s) for s in as_pcs]
            return sorted(parts, key=lambda part: part[0])

        order: list[tuple[Root, str, str]] = []
        for _, what, key in layout():
            if what == "block":
                order += [(blocks[key][0], sym, rel) for sym, rel in blocks[key][1]]
            else:
                for step in [*steps_of.get(key, []), key]:
                    order += [(("claim", step), "<_", c) for c in inline.get(step, [])]
        demoted: set[str] = set()
        supports_first = [x for x in order if x[1] == "+"] + [x for x in order if x[1] != "+"]
        next_free = {"s": 1, "a": 1}
        for root, sym, rel in supports_first:
            prefix = "s" if sym == "+" else "a"
            i = next_free[prefix]
            while f"{prefix}{i}" in taken:
                i += 1
            next_free[prefix] = i
            if sym in ("+", "-"):
                other = m.premises(rel)[0] if sym == "+" else m.attackers(rel)[0]
                ends: tuple[Any, ...] = (other, root, sym)
            else:
                ends = (m.premises(rel)[0], m.conclusion(rel), sym)
            if sym == "><" or (sym == "-" and strict_attack and root[0] == "claim"):
                pair = sorted([repr(ends[0]), repr(ends[1])])
                ends = (*pair, sym)
            if f"{prefix}{i}" != rel or ends in seen:
                demoted.add(rel)
                taken.add(rel)
                continue
            seen.add(ends)
            taken.add(rel)
        for s in [*as_relation, *(s for _, s in argument_supports)]:
            if s in demoted:
                if self.touches_argument(s):
                    self.record(s)
                else:
                    as_pcs.append(s)
        as_pcs.sort(key=position.__getitem__)
        for c in [*native_conflicts, *(c for _, c in argument_attacks)]:
            if c in demoted:
                self.record(c)
        for r in m.rephrases():
            self.record(r)
        self.records.sort(key=lambda rec: position[rec["id"]])
        final = layout()
        # Claim lines (titles are fixed here), grouped by section. An untitled statement is written
        # untitled: where it is used, if it is used once, else on a line of its own if never.
        refs: Counter[str] = Counter()
        for _, what, key in final:
            if what == "pcs":
                for x, new, conclusion in self.pcs_statements(key, steps_of.get(key, [])):
                    refs.update([*new, conclusion])
                    refs.update(m.attackers(c)[0] for c in inline.get(x, []) if c not in demoted)
                continue
            root, block = blocks[key]
            kept = [(sym, rel) for sym, rel in block if rel not in demoted]
            if kept and root[0] == "claim":
                refs[root[1]] += 1
            refs.update(self.other_end(sym, rel) for sym, rel in kept)
        by_section: dict[str | None, list[str]] = {None: []}
        for node in claims:
            section = G.nodes[node].get("section")
            if section is not None and not _writable_trimmed(section):
                section = None
            by_section.setdefault(section, []).append(node)
        trailing = list(by_section)[-1]
        lines_by_section: dict[str | None, list[str]] = {}
        for sec, nodes in by_section.items():
            lines = lines_by_section[sec] = []
            for n in nodes:
                if not self.untitled(n) or refs[n] > 1:
                    lines.append(self.claim_line(n, "titled", trailing))
                elif refs[n] == 1:
                    self.inline[n] = self.claim_line(n, "inline", trailing)
                else:
                    lines.append(self.claim_line(n, "untitled", trailing))
        # PCS titles: an untitled PCS right after an argument would be read as its PCS, so it gets one.
        after_argument = False
        for lines in lines_by_section.values():
            after_argument = bool(lines) and lines[-1].startswith("<")
        pcs_titles: dict[str, str | None] = {}
        pcs_extra: dict[str, dict[str, Any]] = {}
        for _, what, key in final:
            if what == "pcs":
                extra: dict[str, Any] = {}
                untitled = self.writes_untitled(key) and not after_argument
                pcs_titles[key] = None if untitled else self.choose_title(key, True, extra)
                pcs_extra[key] = extra
                after_argument = False
            elif {rel for _, rel in blocks[key][1]} - demoted:
                root = blocks[key][0]
                after_argument = root[0] == "pcs" or self.is_argument(root[1])
        # The ids the reader gives steps and untitled arguments ("s<n>", in the order of first mention).
        # (a titled argument takes its id when its turn comes, not before)
        reserved = set(claims) | {rec["id"] for rec in self.records}
        explicit: set[str] = set()
        free = 1
        mentioned: list[str] = []
        for _, what, key in final:
            if what == "pcs":
                mentioned.append(key)
            elif blocks[key][0][0] == "pcs" and {rel for _, rel in blocks[key][1]} - demoted:
                mentioned.append(blocks[key][0][1])
        for s in dict.fromkeys(mentioned):
            if pcs_titles[s] is not None:
                reserved.add(s)
            for x in ([s] if pcs_titles[s] is None else []) + steps_of.get(s, []):
                while f"s{free}" in reserved or f"s{free}" in explicit:
                    free += 1
                if f"s{free}" == x:
                    free += 1
                else:
                    explicit.add(x)
        # Front matter.
        fm: dict[str, Any] = {}
        if m.title is not None:
            fm["title"] = m.title
        extra_fm: dict[str, Any] = {}
        if m.source is not None:
            fm["source"] = m.source
        if {"title", "source", EXTRA} & set(m.meta):
            extra_fm["meta"] = dict(m.meta)
        else:
            fm.update(m.meta)
        if self.records:
            extra_fm["relations"] = self.records
        if extra_fm:
            fm[EXTRA] = extra_fm
        parts: list[str] = []
        if fm:
            text = "\n".join(f"{_yaml_key(str(k))}: {_yaml(v)}" for k, v in fm.items())
            parts.append(f"===\n{text}\n===")
        if not claims:  # Argdown has no empty document; a heading alone is the least it accepts
            parts.append(f"# {EMPTY_HEADING}")
        for section, lines in lines_by_section.items():
            if section is not None:
                parts.append("# " + _escape(section))
            parts.extend(lines)
        for _, what, key in final:
            if what == "pcs":
                steps = steps_of.get(key, [])
                undercuts = {x: [c for c in inline.get(x, []) if c not in demoted] for x in [*steps, key]}
                parts.extend(self.pcs(key, pcs_titles[key], pcs_extra[key], steps, undercuts, explicit))
                continue
            root, block = blocks[key]
            kept = [(sym, rel) for sym, rel in block if rel not in demoted]
            if not kept:
                continue
            head = f"<{pcs_titles[root[1]]}>" if root[0] == "pcs" else self.name(root[1])
            lines = [head]
            for sym, rel in kept:
                lines.append(f"  {sym} {self.name(self.other_end(sym, rel))}")
            parts.append("\n".join(lines))
        for i, part in enumerate(parts):
            yield ("\n\n" if i else "") + part
        if parts:
            yield "\n"

    def other_end(self, sym: str, rel: str) -> str:
        """The claim below the root of a relation tree line ``sym``."""
        if sym == "+":
            return self.m.premises(rel)[0]
        if sym == "-":
            return self.m.attackers(rel)[0]
        return self.m.conclusion(rel)

    def untitled(self, node: str) -> bool:
        """True if claim ``node`` was an untitled statement and can be written as one."""
        argdown = self.argdown(node)
        text = self.G.nodes[node]["text"]
        return (
            argdown.get("untitled") is True
            and "title" not in argdown
            and not self.is_argument(node)
            and _writable_text(text)
            and text[0].isalpha()
        )

    def pcs_statements(self, s: str, steps: list[str]) -> list[tuple[str, list[str], str]]:
        """Each step of the PCS of ``s``: (inference, premises not listed before, conclusion)."""
        listed: set[str] = set()
        out = []
        for x in [*steps, s]:
            new = [p for p in self.m.premises(x) if p not in listed]
            listed.update(new)
            conclusion = self.m.conclusion(x)
            listed.add(conclusion)
            out.append((x, new, conclusion))
        return out

    def writes_untitled(self, s: str) -> bool:
        """True if inference ``s`` is written as an untitled PCS: it has no title but an id ``s<n>``."""
        argdown = self.argdown(s)
        if "title" in argdown or "description" in argdown or _RELATION_ID.fullmatch(s) is None:
            return False
        # the reader marks an untitled PCS that would look like a "+" relation
        looks_simple = (
            len(self.m.premises(s)) == 1
            and self.G.nodes[s].get("scheme") is None
            and not self.user_meta(s)
            and set(argdown) <= {"pcs"}
        )
        return looks_simple == (argdown.get("pcs") is True)

    def redundant(self, attacker: str, main: str, steps: list[str]) -> bool:
        """True if the reader would drop an attack of ``attacker`` on the argument of ``main``.

        The reference drops it when the attacker also attacks (or is contrary or
        contradictory to) a premise of the argument.
        """
        m = self.m
        if self.clashes is None:
            self.clashes = {}
            for c in m.conflicts():
                target = m.target(c)
                for a in m.attackers(c):
                    self.clashes.setdefault(a, set()).add(target)
                    self.clashes.setdefault(target, set()).add(a)
        statements = {p for x in [*steps, main] for p in m.premises(x)}
        statements |= {m.conclusion(x) for x in steps}
        return bool(self.clashes.get(attacker, set()) & statements)

    def inference_line(
        self, s: str, extra: dict[str, Any], uses: list[int] | None, implied: dict[str, Any]
    ) -> str:
        """The ``-- rule {data} --`` line of ``s``; ``implied``: the meta the reader adds itself."""
        d = self.G.nodes[s]
        argdown = self.argdown(s)
        scheme = d.get("scheme")
        data = self.user_meta(s)
        structural = {k: data.pop(k) for k in ("uses", "from", EXTRA) if k in data}
        if structural:
            extra["data"] = structural
        rest = {k: v for k, v in argdown.items() if k not in implied or implied[k] != v}
        if rest:
            extra["argdown"] = rest
        rule = ""
        sid = resolve_scheme(scheme) if scheme is not None else None
        if sid is not None:  # a catalogue scheme by its name; an alias is kept exactly in the data
            rule = _escape(scheme_name(sid), inference=True)
            if sid != scheme:
                extra["scheme"] = scheme
        elif scheme is not None:
            if _writable_trimmed(scheme):
                rule = _escape(scheme, inference=True)
            else:
                extra["scheme"] = scheme
        out: dict[str, Any] = {}
        if uses is not None:
            out["uses"] = uses
        out.update(data)
        if extra:
            out[EXTRA] = extra
        if rule or out:
            return "-- " + " ".join(x for x in (rule, _yaml(out) if out else "") if x) + " --"
        return "----"

    def pcs(
        self,
        s: str,
        title: str | None,
        extra: dict[str, Any],
        steps: list[str],
        undercuts: dict[str, list[str]],
        explicit: set[str],
    ) -> list[str]:
        """The title line (unless untitled) and the PCS of main inference ``s`` with its ``steps``."""
        m = self.m
        argdown = self.argdown(s)
        head = f"<{title}>" if title is not None else None
        description = argdown.get("description")
        implied: dict[str, Any] = {"title": argdown.get("title")}
        if head is not None and isinstance(description, str):
            if _writable_text(description):
                head += ": " + _escape(description)
                implied["description"] = description
            else:
                extra["description"] = description
                implied["description"] = description
        if title is None:
            implied["pcs"] = argdown.get("pcs")
            if s in explicit:
                extra["id"] = s
        numbers: dict[str, int] = {}
        lines: list[str] = []
        previous: str | None = None
        count = 0
        for x, new, conclusion in self.pcs_statements(s, steps):
            premises = list(m.premises(x))
            default = ([previous] if previous is not None else []) + new
            for p in new:
                count += 1
                numbers[p] = count
                lines.append(f"({count}) {self.name(p)}")
            uses = None if premises == default else [numbers[p] for p in premises]
            if x == s:
                line = self.inference_line(x, extra, uses, implied)
            else:
                step_extra: dict[str, Any] = {"id": x} if x in explicit else {}
                step = {"argument": title if title is not None else s, "step": steps.index(x) + 1}
                line = self.inference_line(x, step_extra, uses, step)
            lines.append(line)
            lines += [f"  <_ {self.name(m.attackers(c)[0])}" for c in undercuts.get(x, [])]
            count += 1
            numbers.setdefault(conclusion, count)
            lines.append(f"({count}) {self.name(conclusion)}")
            previous = conclusion
        return ([head] if head is not None else []) + ["\n".join(lines)]


def generate_argdown(m: ArgumentMap) -> Iterator[str]:
    r"""Yield the map as an Argdown document, in chunks; join them to get the text.

    Claims come first (grouped under one heading per section), then, in the
    order of the map's relations, the relation trees and one argument with a
    PCS per inference that is not a plain one-premise support (the steps of a
    multi-step argument in one PCS; untitled when its id is ``s<n>``).

    Examples
    --------
    >>> m = ArgumentMap()
    >>> man, mortal = m.claim("Socrates is a man."), m.claim("All men are mortal.")
    >>> s = m.support(m.claim("Socrates is mortal."), [man, mortal])
    >>> _ = m.attack(man, m.claim("He is a god. #myth"))
    >>> print("".join(generate_argdown(m)), end="")
    [socrates-is-a-man]: Socrates is a man.
    <BLANKLINE>
    [all-men-are-mortal]: All men are mortal.
    <BLANKLINE>
    [socrates-is-mortal]: Socrates is mortal.
    <BLANKLINE>
    [he-is-a-god-myth]: He is a god. \#myth
    <BLANKLINE>
    (1) [socrates-is-a-man]
    (2) [all-men-are-mortal]
    ----
    (3) [socrates-is-mortal]
    <BLANKLINE>
    [socrates-is-a-man]
      - [he-is-a-god-myth]
    """
    return _Writer(m).generate()


def write_argdown(m: ArgumentMap, target: PathOrFile) -> None:
    """Write the map as Argdown (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_argdown(m)))
