"""ICCMA formats, and the semantics against the ICCMA reference solutions in the shared corpus."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import iccma
from argmap.analysis import semantics as sem
from argmap.analysis.semantics import AF
from argmap.exceptions import FormatError, ParseError
from argmap.files import read_af, write_af

needs_sat = pytest.mark.skipif(
    importlib.util.find_spec("pysat") is None, reason="python-sat is not installed"
)

_NAME = st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True)


@st.composite
def named_frameworks(draw: st.DrawFn) -> AF:
    names = draw(st.lists(_NAME, unique=True, max_size=8))
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=20)) if pairs else []
    return AF(names, attacks)


def _same(a: AF, b: AF) -> bool:
    return a.names == b.names and sorted(a.attacks()) == sorted(b.attacks())


@settings(max_examples=100, deadline=None)
@given(named_frameworks())
def test_round_trips(af: AF) -> None:
    assert _same(iccma.parse_apx(iccma.generate_apx(af)), af)
    assert _same(iccma.parse_tgf(iccma.generate_tgf(af)), af)
    back = iccma.parse_i23(iccma.generate_i23(af))
    assert back.n == af.n
    assert sorted((int(x) - 1, int(y) - 1) for x, y in back.attacks()) == sorted(
        (af.index(x), af.index(y)) for x, y in af.attacks()
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parsers_fail_only_with_parse_errors(text: str) -> None:
    for parse in (iccma.parse_apx, iccma.parse_tgf, iccma.parse_i23):
        try:
            parse(text)
        except ParseError as exc:
            assert 1 <= exc.lineno <= text.count("\n") + 1


@pytest.mark.parametrize(
    ("parse", "text", "message", "line"),
    [
        (iccma.parse_apx, "arg(a).\nfoo.", "expected arg", 2),
        (iccma.parse_apx, "arg(a,b).", "one name", 1),
        (iccma.parse_apx, "arg(a).\natt(a).", "two names", 2),
        (iccma.parse_apx, "arg(a). arg(a).", "declared twice", 1),
        (iccma.parse_tgf, "a\n#\na b\n", "undeclared argument 'b'", 3),
        (iccma.parse_tgf, "a\n#\na a a\n", "two names", 3),
        (iccma.parse_i23, "1 2\n", "header", 1),
        (iccma.parse_i23, "# only a comment\n", "header", 2),
        (iccma.parse_i23, "p af 2\n1 x\n", "two argument numbers", 2),
    ],
)
def test_syntax_errors_have_positions(parse: object, text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse(text)  # type: ignore[operator]
    assert info.value.lineno == line


def test_apx_comments_and_spacing() -> None:
    af = iccma.parse_apx("% a comment\narg( a ).arg(b).\n  att(a , b) .\n")
    assert list(af.attacks()) == [("a", "b")]


def test_read_and_write_by_suffix(tmp_path: Path) -> None:
    af = AF(["a", "b"], [("b", "a")])
    for suffix in (".apx", ".tgf", ".i23", ".af"):
        path = tmp_path / f"x{suffix}"
        write_af(af, path)
        back = read_af(path)
        assert back.n == 2 and back.n_attacks == 1
    with pytest.raises(FormatError, match="cannot tell"):
        read_af(tmp_path / "x.txt")
    with pytest.raises(FormatError, match="unknown format 'dot'"):
        read_af(tmp_path / "x.apx", format="dot")
    with (tmp_path / "x.apx").open() as fh:
        assert iccma.read_apx(fh).n == 2


# -- the shared corpus -----------------------------------------------------------------------------


def _solutions(text: str) -> set[frozenset[str]]:
    inner = text.strip()[1:-1]
    return {frozenset(x for x in g.split(",") if x) for g in re.findall(r"\[([^\[\]]*)\]", inner)}


_SOLVE = {"CO": "complete", "ST": "stable", "PR": "preferred"}


@needs_sat
def test_probo_examples(corpora: Path) -> None:
    folder = corpora / "iccma-small" / "probo-examples"
    files = sorted(folder.glob("*.apx.EE-*"))
    assert len(files) == 4
    for sol in files:
        af = read_af(folder / (sol.name.split(".")[0] + ".tgf"))
        semantics = _SOLVE[sol.name.rsplit("-", 1)[1]]
        assert set(sem.extensions(af, semantics)) == _solutions(sol.read_text()), sol.name  # type: ignore[arg-type]


def _query(folder: Path, stem: str) -> str:
    arg = folder / f"{stem}.apx.arg"
    if arg.exists():
        return arg.read_text().strip()
    i23 = (folder / f"{stem}.i23.af").read_text()
    k = int(re.search(r"# query -> (\d+)", i23).group(1))  # type: ignore[union-attr]
    return read_af(folder / f"{stem}.tgf").names[k - 1]


@needs_sat
@pytest.mark.parametrize("instance", ["1_Small-result-b2", "4_B-1-BA_40_30_3"])
def test_iccma2019_dynamic(corpora: Path, instance: str) -> None:
    folder = corpora / "iccma-small" / "iccma2019-dynamic" / instance
    stem = instance.split("_", 1)[1]
    base = read_af(folder / f"{stem}.apx")
    tgf = read_af(folder / f"{stem}.tgf")
    i23 = read_af(folder / f"{stem}.i23.af")
    assert _same(base, tgf)
    assert sorted((base.index(a), base.index(b)) for a, b in base.attacks()) == sorted(
        (int(a) - 1, int(b) - 1) for a, b in i23.attacks()
    )
    query = _query(folder, stem)
    changes = re.findall(r"([+-])att\((\w+),(\w+)\)\.", (folder / f"{stem}.apxm").read_text())
    attacks = list(base.attacks())
    frameworks = [base]
    for sign, a, b in changes:
        attacks = [*attacks, (a, b)] if sign == "+" else [x for x in attacks if x != (a, b)]
        frameworks.append(AF(base.names, attacks))
    outs = sorted(folder.glob("*-D.out"))
    assert len(outs) == 4
    for out in outs:
        header, *answers = out.read_text().split()
        mode, semantics = header.split("-")[:2]
        assert len(answers) == len(frameworks) == 9
        decide = sem.credulously_accepted if mode == "DC" else sem.sceptically_accepted
        got = ["YES" if decide(af, query, _SOLVE[semantics]) else "NO" for af in frameworks]  # type: ignore[arg-type]
        assert got == answers, out.name
