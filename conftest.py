"""Options, the ``exe`` marker and the doctest namespace, for tests and doctests alike."""

from __future__ import annotations

import functools
import importlib.util
import os

import networkx as nx
import pytest
from hypothesis import settings

import argmap

# CI runs the same examples every time (HYPOTHESIS_PROFILE=ci in .ci/run); elsewhere each run draws new ones
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# the editor's server needs the ``edit`` extra; without it its doctests are not collected
_EDIT_EXTRA = ("starlette", "uvicorn", "watchfiles", "websockets")
collect_ignore = [] if all(importlib.util.find_spec(n) for n in _EDIT_EXTRA) else ["argmap/editor/server.py"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--skip-exe", action="store_true", help="skip tests that need a Graphviz engine")
    parser.addoption("--only-exe", action="store_true", help="run only tests that need a Graphviz engine")


@functools.cache
def _engine_available() -> bool:
    """Whether a Graphviz engine runs here, asked once per session."""
    from argmap.render.backend import graphviz_available

    return graphviz_available()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if importlib.util.find_spec("pysat") is None:  # without the analysis extra, skip the SAT doctests
        for item in items:
            if item.nodeid.startswith("argmap/analysis/semantics.py"):
                item.add_marker(pytest.mark.skip(reason="python-sat is not installed"))
    skip_exe = config.getoption("--skip-exe")
    only_exe = config.getoption("--only-exe")
    have = None
    for item in items:
        needs = item.get_closest_marker("exe") is not None
        if only_exe and not needs:
            item.add_marker(pytest.mark.skip(reason="--only-exe"))
        elif needs and skip_exe:
            item.add_marker(pytest.mark.skip(reason="--skip-exe"))
        elif needs:
            if have is None:
                have = _engine_available()
            if not have:
                item.add_marker(pytest.mark.skip(reason="no Graphviz engine installed"))


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict[str, object], request: pytest.FixtureRequest) -> None:
    """Give doctests ``argmap``, ``nx`` and ``NO_EXE`` (True when examples that run Graphviz must not run)."""
    doctest_namespace["argmap"] = argmap
    doctest_namespace["nx"] = nx
    doctest_namespace["NO_EXE"] = bool(request.config.getoption("--skip-exe")) or not _engine_available()
