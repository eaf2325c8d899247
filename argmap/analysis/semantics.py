"""Dung's abstract argumentation: frameworks, extensions and acceptance.

An argumentation framework (AF) is a set of arguments and a binary attack
relation (Dung 1995). :class:`AF` keeps it as int-indexed adjacency arrays
(compressed rows of ``array('i')``, about 8 bytes per attack and 8 per
argument), never as a networkx graph, so a million arguments fit in memory.

- grounded: :func:`grounded_labels` labels every argument in linear time with a
  queue (``IN`` when all attackers are ``OUT``, ``OUT`` when an attacker is
  ``IN``); :func:`grounded_extension` and :func:`grounded_labelling` name them.
- complete, preferred, stable: enumerated lazily with a SAT solver
  (python-sat, the ``analysis`` extra), at most ``limit`` extensions; a
  ``timeout`` in seconds bounds the search (:class:`SolverTimeout`), and
  Ctrl-C stops it with :class:`KeyboardInterrupt` as anywhere in Python.
- checks: :func:`is_conflict_free`, :func:`is_admissible`, :func:`is_complete`,
  :func:`is_preferred`, :func:`is_stable`; acceptance:
  :func:`credulously_accepted`, :func:`sceptically_accepted`.

A map becomes an AF with :func:`af_from_map`, through a bipolar translation
documented there.

Examples
--------
>>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(grounded_extension(af))
['a', 'c']
>>> grounded_labelling(af)
{'a': 'in', 'b': 'out', 'c': 'in'}
>>> af2 = AF(["a", "b"], [("a", "b"), ("b", "a")])
>>> sorted(sorted(e) for e in preferred_extensions(af2))
[['a'], ['b']]
>>> credulously_accepted(af2, "a", "preferred"), sceptically_accepted(af2, "a", "preferred")
(True, False)

References
----------
.. [1] P. M. Dung, "On the acceptability of arguments and its fundamental role
   in nonmonotonic reasoning, logic programming and n-person games",
   *Artificial Intelligence* 77(2):321-357, 1995.
.. [2] M. Caminada and D. Gabbay, "A logical account of formal argumentation",
   *Studia Logica* 93:109-145, 2009 (labellings).
.. [3] C. Cayrol and M.-C. Lagasquie-Schiex, "Bipolarity in argumentation
   graphs: towards a better understanding", *International Journal of
   Approximate Reasoning* 54(7):876-899, 2013.
.. [4] F. Nouioua and V. Risch, "Argumentation frameworks with necessities",
   *SUM 2011*, LNCS 6929:163-176.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import networkx as nx

from argmap.analysis._graph import kinds
from argmap.analysis._sat import Watch
from argmap.exceptions import GraphStructureError, OptionError, SolverNotFound
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, ArgumentMap, as_graph

if TYPE_CHECKING:
    from pysat.solvers import Solver

__all__ = [
    "AF",
    "IN",
    "OUT",
    "SEMANTICS",
    "UNDEC",
    "af_from_map",
    "complete_extensions",
    "credulously_accepted",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "grounded_labels",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_preferred",
    "is_stable",
    "labelling",
    "preferred_extensions",
    "sceptically_accepted",
    "stable_extensions",
]

UNDEC: Final = 0
"""Code of an undecided argument in a labelling."""
IN: Final = 1
"""Code of an accepted argument in a labelling."""
OUT: Final = 2
"""Code of a rejected argument in a labelling."""
_LABEL_NAMES: Final = ("undec", "in", "out")
SEMANTICS: Final = ("grounded", "complete", "preferred", "stable")
"""The extension semantics :func:`extensions` enumerates."""
Semantics = Literal["grounded", "complete", "preferred", "stable"]
DEFAULT_SOLVER: Final = "glucose4"


class AF:
    """A Dung argumentation framework over int-indexed arguments.

    Parameters
    ----------
    arguments : iterable of str
        Argument names, in order; argument ``i`` is ``arguments[i]``.
    attacks : iterable of (str, str)
        ``(attacker, attacked)`` pairs; duplicates count once.

    Raises
    ------
    GraphStructureError
        If a name is repeated or an attack names an unknown argument.

    Notes
    -----
    Attackers and targets of each argument are kept in compressed rows:
    ``att_src[att_off[i]:att_off[i + 1]]`` are the attackers of ``i`` and
    ``tgt_dst[tgt_off[i]:tgt_off[i + 1]]`` its targets. :meth:`from_indices`
    builds an AF from two integer sequences without making any names.

    Examples
    --------
    >>> af = AF(["a", "b"], [("a", "b"), ("a", "b")])
    >>> len(af), af.n_attacks, list(af.attackers(af.index("b")))
    (2, 1, [0])
    """

    __slots__ = ("_index", "_names", "att_off", "att_src", "n", "tgt_dst", "tgt_off")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        names = list(arguments)
        index = {a: i for i, a in enumerate(names)}
        if len(index) != len(names):
            dup = next(a for i, a in enumerate(names) if index[a] != i)
            raise GraphStructureError(f"argument {dup!r} is listed twice")
        src = array("i")
        dst = array("i")
        for a, b in attacks:
            if a not in index or b not in index:
                raise GraphStructureError(f"attack ({a!r}, {b!r}) names an unknown argument")
            src.append(index[a])
            dst.append(index[b])
        self._build(len(names), src, dst)
        self._names: list[str] | None = names
        self._index: dict[str, int] | None = index

    @classmethod
    def from_indices(
        cls, n: int, src: Sequence[int], dst: Sequence[int], names: Sequence[str] | None = None
    ) -> AF:
        """Build an AF of ``n`` arguments from attacks ``src[k] -> dst[k]`` (0-based).

        Without ``names`` argument ``i`` is called ``str(i + 1)`` (as in ICCMA's
        i23 format), made only when asked for.

        >>> af = AF.from_indices(3, [0, 1], [1, 2])
        >>> af.names, af.n_attacks
        (['1', '2', '3'], 2)
        """
        if len(src) != len(dst):
            raise GraphStructureError("src and dst have different lengths")
        if names is not None and len(names) != n:
            raise GraphStructureError(f"{len(names)} names for {n} arguments")
        self = cls.__new__(cls)
        s = src if isinstance(src, array) else array("i", src)
        d = dst if isinstance(dst, array) else array("i", dst)
        if len(s) and (min(s) < 0 or max(s) >= n or min(d) < 0 or max(d) >= n):
            raise GraphStructureError(f"an attack names an argument outside 0..{n - 1}")
        self._build(n, s, d)
        self._names = None if names is None else list(names)
        self._index = None
        return self

    def _build(self, n: int, src: array[int], dst: array[int]) -> None:
        self.n = n
        # incoming rows (attackers), by a counting sort on the attacked argument
        off = [0] * (n + 1)
        for b in dst:
            off[b + 1] += 1
        for i in range(n):
            off[i + 1] += off[i]
        pos = off[:-1]
        rows = [0] * len(dst)
        for a, b in zip(src, dst, strict=True):
            rows[pos[b]] = a
            pos[b] += 1
        # drop duplicate attacks row by row
        att_off = array("i", [0])
        att_src = array("i")
        out_deg = [0] * n
        for i in range(n):
            row = rows[off[i] : off[i + 1]]
            if len(row) > 1:
                row = list(dict.fromkeys(row))
            att_src.extend(row)
            att_off.append(len(att_src))
            for a in row:
                out_deg[a] += 1
        del rows, off, pos
        # outgoing rows (targets)
        toff = [0] * (n + 1)
        for i in range(n):
            toff[i + 1] = toff[i] + out_deg[i]
        tpos = toff[:-1]
        tgt = [0] * len(att_src)
        for b in range(n):
            for a in att_src[att_off[b] : att_off[b + 1]]:
                tgt[tpos[a]] = b
                tpos[a] += 1
        self.att_off = att_off
        self.att_src = att_src
        self.tgt_off = array("i", toff)
        self.tgt_dst = array("i", tgt)

    # -- names -------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        """Argument names, indexed by argument number."""
        if self._names is None:
            self._names = [str(i + 1) for i in range(self.n)]
        return self._names

    def index(self, name: str) -> int:
        """Return the number of the argument called ``name``."""
        if self._index is None:
            self._index = {a: i for i, a in enumerate(self.names)}
        try:
            return self._index[name]
        except KeyError:
            raise GraphStructureError(f"unknown argument {name!r}") from None

    def indices(self, names: Iterable[str]) -> set[int]:
        """Return the numbers of several arguments."""
        return {self.index(a) for a in names}

    def __len__(self) -> int:
        return self.n

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            self.index(name)
        except GraphStructureError:
            return False
        return True

    def __repr__(self) -> str:
        return f"<AF: {self.n} arguments, {self.n_attacks} attacks>"

    # -- structure -----------------------------------------------------------------------

    @property
    def n_attacks(self) -> int:
        """The number of distinct attacks."""
        return len(self.att_src)

    def attackers(self, i: int) -> array[int]:
        """Return the attackers of argument ``i``."""
        return self.att_src[self.att_off[i] : self.att_off[i + 1]]

    def targets(self, i: int) -> array[int]:
        """Return the arguments that argument ``i`` attacks."""
        return self.tgt_dst[self.tgt_off[i] : self.tgt_off[i + 1]]

    def attacks(self) -> Iterator[tuple[str, str]]:
        """Iterate over ``(attacker, attacked)`` name pairs, by attacked argument."""
        names = self.names
        for b in range(self.n):
            for a in self.attackers(b):
                yield names[a], names[b]


# -- maps to frameworks ---------------------------------------------------------------------


def af_from_map(m: ArgumentMap | nx.DiGraph[str]) -> AF:
    """Return the Dung framework of a map: claims and inferences argue, attacks attack.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph

    Returns
    -------
    AF
        One argument per claim and per inference, named by node id, in map order.

    Notes
    -----
    The map is a bipolar framework: a premise ``p`` of inference ``i`` is a
    *necessary* support of ``i`` (``i`` cannot stand without ``p``; Nouioua &
    Risch 2011), and ``i`` is a *deductive* support of its conclusion ``c``
    (accepting ``i`` commits to ``c``). Following Cayrol & Lagasquie-Schiex
    (2013), supports are turned into complex attacks, one step deep:

    - direct: every attacker of a conflict attacks its target (a claim, or an
      inference for an undercut); a conflict with several attackers is read as
      several attacks;
    - secondary (necessary support): an attacker of premise ``p`` attacks every
      inference that uses ``p``;
    - mediated (deductive support): an attacker of conclusion ``c`` attacks
      every inference into ``c``;
    - supported (deductive) and extended (necessary): an inference attacks
      whatever its conclusion or one of its premises attacks.

    Support alone never makes a claim rejected: a claim without attackers is
    accepted, whatever happens to its inferences. Rephrases are ignored.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> c = m.claim("C")
    >>> s = m.support(c, m.claim("P"))
    >>> _ = m.attack("p", by=m.claim("X"))
    >>> af = af_from_map(m)
    >>> sorted(af.attacks())
    [('x', 'p'), ('x', 's1')]
    >>> grounded_labelling(af)
    {'c': 'in', 'p': 'out', 's1': 'out', 'x': 'in'}
    """
    g = as_graph(m)
    names = [n for n, k in kinds(g) if k in (CLAIM, INFERENCE)]
    attacks: set[tuple[str, str]] = set()

    def committed(claim: str) -> list[str]:
        """The claim and the inferences that commit to it (as conclusion or premise)."""
        out = [claim]
        for r in (*g.predecessors(claim), *g.successors(claim)):
            if g.nodes[r].get(KIND) == INFERENCE:
                out.append(r)
        return out

    for r, kind in kinds(g):
        if kind != CONFLICT:
            continue
        succ = list(g.successors(r))
        if len(succ) != 1:
            raise GraphStructureError(f"conflict {r!r} has {len(succ)} targets, needs 1")
        target = succ[0]
        target_kind = g.nodes[target].get(KIND)
        if target_kind == CLAIM:
            victims = [target]
            for s in (*g.predecessors(target), *g.successors(target)):
                if g.nodes[s].get(KIND) == INFERENCE:
                    victims.append(s)
        elif target_kind == INFERENCE:
            victims = [target]
        else:
            raise GraphStructureError(f"conflict {r!r} targets a {target_kind}")
        for attacker in g.predecessors(r):
            if g.nodes[attacker].get(KIND) != CLAIM:
                raise GraphStructureError(f"conflict {r!r} has non-claim source {attacker!r}")
            for a in committed(attacker):
                for v in victims:
                    attacks.add((a, v))
    order = {n: i for i, n in enumerate(names)}
    return AF(names, sorted(attacks, key=lambda ab: (order[ab[1]], order[ab[0]])))


# -- grounded ---------------------------------------------------------------------------------


def grounded_labels(af: AF) -> bytearray:
    """Return the grounded labelling as codes: ``IN`` (1), ``OUT`` (2) or ``UNDEC`` (0) per argument.

    Runs in time linear in arguments plus attacks: a queue holds the arguments
    whose attackers are all ``OUT``; each argument and attack is handled at most
    twice.

    Parameters
    ----------
    af : AF

    Returns
    -------
    bytearray
        ``labels[i]`` is the label code of argument ``i``.

    References
    ----------
    Dung (1995), the grounded extension as least fixed point of the
    characteristic function; Caminada & Gabbay (2009), labellings.

    Examples
    --------
    >>> list(grounded_labels(AF.from_indices(4, [0, 1, 2, 3], [1, 2, 3, 3])))
    [1, 2, 1, 2]
    """
    att_off = af.att_off.tolist()
    off = af.tgt_off
    dst = af.tgt_dst
    count = list(map(operator.sub, att_off[1:], att_off[:-1]))  # attackers not yet OUT
    label = bytearray(af.n)
    queue = [i for i, c in enumerate(count) if not c]
    push = queue.append
    for a in queue:
        label[a] = IN
    for a in queue:  # the list grows while it is walked
        for t in dst[off[a] : off[a + 1]]:
            if label[t]:
                continue
            label[t] = OUT
            for u in dst[off[t] : off[t + 1]]:
                c = count[u] - 1
                count[u] = c
                if not c and not label[u]:
                    label[u] = IN
                    push(u)
    return label


def grounded_extension(af: AF) -> frozenset[str]:
    """Return the grounded extension: the least complete extension (Dung 1995).

    >>> sorted(grounded_extension(AF(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "c")])))
    ['a']
    """
    names = af.names
    return frozenset(names[i] for i, lab in enumerate(grounded_labels(af)) if lab == IN)


def grounded_labelling(af: AF) -> dict[str, str]:
    """Return ``{argument: "in" | "out" | "undec"}`` for the grounded labelling.

    >>> grounded_labelling(AF(["a", "b"], [("a", "b"), ("b", "a")]))
    {'a': 'undec', 'b': 'undec'}
    """
    names = af.names
    return {names[i]: _LABEL_NAMES[lab] for i, lab in enumerate(grounded_labels(af))}


def labelling(af: AF, extension: Collection[str]) -> dict[str, str]:
    """Return the labelling of an extension: in it, attacked by it (``out``), or ``undec``.

    >>> labelling(AF(["a", "b", "c"], [("a", "b")]), {"a"})
    {'a': 'in', 'b': 'out', 'c': 'undec'}
    """
    s = af.indices(extension)
    out = {t for a in s for t in af.targets(a)}
    return {name: "in" if i in s else "out" if i in out else "undec" for i, name in enumerate(af.names)}


# -- checks -----------------------------------------------------------------------------------


def _attacked_by(af: AF, s: set[int]) -> set[int]:
    return {t for a in s for t in af.targets(a)}


def is_conflict_free(af: AF, extension: Collection[str]) -> bool:
    """Return whether no argument of ``extension`` attacks one of ``extension``.

    >>> af = AF(["a", "b"], [("a", "b")])
    >>> is_conflict_free(af, {"a", "b"}), is_conflict_free(af, {"b"})
    (False, True)
    """
    s = af.indices(extension)
    return not (_attacked_by(af, s) & s)


def is_admissible(af: AF, extension: Collection[str]) -> bool:
    """Return whether ``extension`` is conflict-free and defends each of its members (Dung 1995).

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> is_admissible(af, {"a", "c"}), is_admissible(af, {"c"})
    (True, False)
    """
    s = af.indices(extension)
    hit = _attacked_by(af, s)
    if hit & s:
        return False
    return all(b in hit for a in s for b in af.attackers(a))


def _defended(af: AF, s: set[int]) -> set[int]:
    hit = _attacked_by(af, s)
    return {i for i in range(af.n) if all(b in hit for b in af.attackers(i))}


def is_complete(af: AF, extension: Collection[str]) -> bool:
    """Return whether ``extension`` is admissible and holds every argument it defends.

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> is_complete(af, {"a", "c"}), is_complete(af, {"a"})
    (True, False)
    """
    s = af.indices(extension)
    return is_admissible(af, extension) and _defended(af, s) == s


def is_stable(af: AF, extension: Collection[str]) -> bool:
    """Return whether ``extension`` is conflict-free and attacks every argument outside it.

    >>> af = AF(["a", "b"], [("a", "b"), ("b", "a")])
    >>> is_stable(af, {"a"}), is_stable(af, set())
    (True, False)
    """
    s = af.indices(extension)
    hit = _attacked_by(af, s)
    return not (hit & s) and len(hit) + len(s) == af.n


def is_preferred(
    af: AF, extension: Collection[str], *, solver: str = DEFAULT_SOLVER, timeout: float | None = None
) -> bool:
    """Return whether ``extension`` is a maximal admissible set (one SAT call, within ``timeout`` s).

    >>> af = AF(["a", "b"], [("a", "b"), ("b", "a")])
    >>> is_preferred(af, {"a"}), is_preferred(af, set())
    (True, False)
    """
    if not is_admissible(af, extension):
        return False
    s = af.indices(extension)
    if len(s) == af.n:
        return True
    with _Encoding(af, "admissible", solver, timeout) as enc:
        act = enc.new_var()
        enc.add([-act, *(i + 1 for i in range(af.n) if i not in s)])
        return not enc.solve([i + 1 for i in s] + [act])


# -- SAT encodings ------------------------------------------------------------------------------


def _solver_class() -> type[Solver]:
    try:
        from pysat.solvers import Solver
    except ImportError:
        raise SolverNotFound(
            "preferred, stable and complete semantics need a SAT solver: pip install 'argmap[analysis]'"
            " (python-sat)"
        ) from None
    return Solver  # type: ignore[no-any-return]


class _Encoding:
    """Clauses over ``x_i = i + 1`` (argument ``i`` is in) and ``o_i = n + i + 1`` (attacked).

    ``kind`` is ``"admissible"``, ``"complete"`` or ``"stable"``. Grounded
    labels are added as unit clauses: they hold in every complete extension.
    Every SAT call goes through a :class:`~argmap.analysis._sat.Watch`, which
    ends it when ``timeout`` seconds of work are spent or a signal arrives.
    """

    def __init__(self, af: AF, kind: str, solver: str, timeout: float | None = None) -> None:
        self.af = af
        self.n = n = af.n
        self.top = 2 * n
        self.solver: Any = _solver_class()(name=solver)
        try:
            self.watch = Watch(self.solver, timeout)
        except BaseException:
            self.solver.delete()
            raise
        try:
            self._add_clauses(kind)
        except BaseException:
            self.close()
            raise

    def _add_clauses(self, kind: str) -> None:
        af, n = self.af, self.n
        add = self.solver.add_clause
        att_off, att_src = af.att_off, af.att_src
        labels = grounded_labels(af)
        for i in range(n):
            x, o = i + 1, n + i + 1
            lab = labels[i]
            if lab == IN:
                add([x])
            elif lab == OUT:
                add([-x])
            attackers = att_src[att_off[i] : att_off[i + 1]]
            if kind == "stable":
                add([x, *(a + 1 for a in attackers)])
                for a in attackers:
                    add([-x, -(a + 1)])
                continue
            add([-x, -o])  # in and attacked exclude each other: conflict-free
            add([-o, *(a + 1 for a in attackers)])  # attacked only by a member
            for a in attackers:
                add([-x, n + a + 1])  # members are defended
            if kind == "complete":
                for a in attackers:
                    add([-(a + 1), o])
                add([x, *(-(n + a + 1) for a in attackers)])  # defended means in

    def prefer_in(self) -> None:
        """Let the solver try arguments as in first, so that models come out large."""
        self.solver.set_phases(literals=range(1, self.n + 1))

    def new_var(self) -> int:
        self.top += 1
        return self.top

    def add(self, clause: list[int]) -> None:
        self.solver.add_clause(clause)

    def solve(self, assumptions: list[int] | None = None) -> bool:
        return self.watch.solve(assumptions or [])

    def model_set(self) -> set[int]:
        model = self.solver.get_model()
        return {i for i in range(self.n) if model[i] > 0}

    def grow(self, s: set[int]) -> set[int]:
        """Grow a model ``s`` to a subset-maximal one (a preferred extension, on an admissible encoding)."""
        while len(s) < self.n:
            act = self.new_var()
            self.add([-act, *(i + 1 for i in range(self.n) if i not in s)])
            grown = self.solve([i + 1 for i in s] + [act])
            bigger = self.model_set() if grown else None
            self.add([-act])
            if bigger is None:
                break
            s = bigger
        return s

    def close(self) -> None:
        try:
            self.watch.close()
        finally:
            self.solver.delete()

    def __enter__(self) -> _Encoding:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _names(af: AF, s: Iterable[int]) -> frozenset[str]:
    names = af.names
    return frozenset(names[i] for i in s)


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise OptionError(f"limit must be >= 0 or None, not {limit}")


def _enumerate(
    af: AF, kind: str, limit: int | None, solver: str, timeout: float | None
) -> Iterator[frozenset[str]]:
    _check_limit(limit)
    if limit == 0:
        return
    with _Encoding(af, kind, solver, timeout) as enc:
        found = 0
        while enc.solve():
            s = enc.model_set()
            enc.watch.pause()
            yield _names(af, s)
            enc.watch.resume()
            found += 1
            if limit is not None and found >= limit:
                return
            enc.add([-(i + 1) if i in s else i + 1 for i in range(af.n)])


def complete_extensions(
    af: AF, limit: int | None = None, *, solver: str = DEFAULT_SOLVER, timeout: float | None = None
) -> Iterator[frozenset[str]]:
    """Yield the complete extensions one by one, at most ``limit`` (Dung 1995).

    Each is found by one SAT call on the complete-labelling encoding
    (Caminada & Gabbay 2009) and then blocked.

    Parameters
    ----------
    af : AF
    limit : int, optional
        Stop after this many extensions.
    solver : str
        A python-sat solver name.
    timeout : float, optional
        Seconds the search may take in all (not counting the time the caller
        spends between extensions).

    Raises
    ------
    SolverNotFound
        If python-sat is not installed.
    SolverTimeout
        When ``timeout`` runs out; the extensions yielded so far stand.

    Examples
    --------
    >>> af = AF(["a", "b"], [("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in complete_extensions(af))
    [[], ['a'], ['b']]
    """
    return _enumerate(af, "complete", limit, solver, timeout)


def stable_extensions(
    af: AF, limit: int | None = None, *, solver: str = DEFAULT_SOLVER, timeout: float | None = None
) -> Iterator[frozenset[str]]:
    """Yield the stable extensions one by one, at most ``limit`` (Dung 1995).

    A stable extension is conflict-free and attacks every other argument; an
    AF may have none.

    Raises
    ------
    SolverNotFound
        If python-sat is not installed.

    Examples
    --------
    >>> list(stable_extensions(AF(["a"], [("a", "a")])))
    []
    >>> [sorted(e) for e in stable_extensions(AF(["a", "b", "c"], [("a", "b"), ("b", "c")]))]
    [['a', 'c']]
    """
    return _enumerate(af, "stable", limit, solver, timeout)


def preferred_extensions(
    af: AF, limit: int | None = None, *, solver: str = DEFAULT_SOLVER, timeout: float | None = None
) -> Iterator[frozenset[str]]:
    """Yield the preferred (maximal admissible) extensions one by one, at most ``limit``.

    Each extension is found by growing an admissible set with SAT calls until
    no strictly larger admissible set exists; a clause then requires every
    later one to hold an argument outside it.

    ``timeout`` bounds the search as for :func:`complete_extensions`.

    Raises
    ------
    SolverNotFound
        If python-sat is not installed.
    SolverTimeout
        When ``timeout`` runs out.

    Examples
    --------
    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "c")])
    >>> sorted(sorted(e) for e in preferred_extensions(af))
    [['a'], ['b']]
    >>> [sorted(e) for e in preferred_extensions(AF(["a"], [("a", "a")]))]
    [[]]
    """
    _check_limit(limit)
    if limit == 0:
        return
    n = af.n
    with _Encoding(af, "admissible", solver, timeout) as enc:
        enc.prefer_in()
        found = 0
        while enc.solve():
            s = enc.grow(enc.model_set())
            enc.watch.pause()
            yield _names(af, s)
            enc.watch.resume()
            found += 1
            if (limit is not None and found >= limit) or len(s) == n:
                return
            enc.add([i + 1 for i in range(n) if i not in s])


def extensions(
    af: AF,
    semantics: Semantics,
    limit: int | None = None,
    *,
    solver: str = DEFAULT_SOLVER,
    timeout: float | None = None,
) -> Iterator[frozenset[str]]:
    """Yield the extensions of ``af`` under ``semantics`` (one of :data:`SEMANTICS`), within ``timeout`` s.

    The grounded extension takes linear time and no timeout.

    >>> [sorted(e) for e in extensions(AF(["a", "b"], [("a", "b")]), "grounded")]
    [['a']]
    """
    if semantics == "grounded":
        _check_limit(limit)
        return iter([grounded_extension(af)] if limit != 0 else [])
    if semantics == "complete":
        return complete_extensions(af, limit, solver=solver, timeout=timeout)
    if semantics == "preferred":
        return preferred_extensions(af, limit, solver=solver, timeout=timeout)
    if semantics == "stable":
        return stable_extensions(af, limit, solver=solver, timeout=timeout)
    raise OptionError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")


# -- acceptance -----------------------------------------------------------------------------------


def credulously_accepted(
    af: AF,
    argument: str,
    semantics: Semantics,
    *,
    solver: str = DEFAULT_SOLVER,
    timeout: float | None = None,
) -> bool:
    """Return whether ``argument`` is in some extension under ``semantics``.

    Under complete and preferred semantics this is one SAT call for an
    admissible set holding the argument; under stable, one for a stable one.
    ``timeout`` bounds it (:class:`SolverTimeout`).

    Examples
    --------
    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> credulously_accepted(af, "c", "preferred"), credulously_accepted(af, "c", "grounded")
    (True, False)
    """
    i = af.index(argument)
    if semantics == "grounded":
        return grounded_labels(af)[i] == IN
    if semantics not in ("complete", "preferred", "stable"):
        raise OptionError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")
    kind = "stable" if semantics == "stable" else "admissible"
    with _Encoding(af, kind, solver, timeout) as enc:
        return enc.solve([i + 1])


def sceptically_accepted(
    af: AF,
    argument: str,
    semantics: Semantics,
    *,
    solver: str = DEFAULT_SOLVER,
    timeout: float | None = None,
) -> bool:
    """Return whether ``argument`` is in every extension under ``semantics``.

    Complete and grounded agree (the grounded extension is the least complete
    one). Under stable semantics an AF without stable extensions accepts
    every argument sceptically (vacuously), as in ICCMA. Under preferred
    semantics, preferred extensions grown from admissible sets that leave the
    argument out are searched for one that still leaves it out. ``timeout``
    bounds the search (:class:`SolverTimeout`).

    Examples
    --------
    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")])
    >>> sceptically_accepted(af, "c", "preferred"), sceptically_accepted(af, "a", "preferred")
    (False, False)
    >>> af = AF(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    >>> sceptically_accepted(af, "d", "preferred"), sceptically_accepted(af, "d", "grounded")
    (True, False)
    """
    i = af.index(argument)
    if semantics in ("grounded", "complete"):
        return grounded_labels(af)[i] == IN
    if semantics == "stable":
        with _Encoding(af, "stable", solver, timeout) as enc:
            return not enc.solve([-(i + 1)])
    if semantics != "preferred":
        raise OptionError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")
    n = af.n
    with _Encoding(af, "admissible", solver, timeout) as enc:
        enc.prefer_in()
        while enc.solve([-(i + 1)]):
            s = enc.grow(enc.model_set())
            if i not in s:
                return False
            enc.add([j + 1 for j in range(n) if j not in s])
        return True
