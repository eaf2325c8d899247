"""The tutorials' doctests: each page runs in a fresh folder holding ``seeds/`` and ``corpora/``.

``seeds`` links to the repository's seed files and ``corpora`` to ``../shared/corpora``; a page that
reads the corpora is skipped when they are missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
NEEDS_CORPORA = {"corpora.md"}

collect_ignore = ["conf.py", "_ext", "_build", "_generated", "api"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in NEEDS_CORPORA and not CORPORA.is_dir():
            item.add_marker(pytest.mark.skip(reason=f"{CORPORA} is missing"))


@pytest.fixture(autouse=True)
def _page_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each page in its own empty folder, with ``seeds`` and ``corpora`` linked in."""
    (tmp_path / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    if CORPORA.is_dir():
        (tmp_path / "corpora").symlink_to(CORPORA, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
