"""``argmap edit``: the open file, the server's guards, and the page in a real headless browser."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("watchfiles")

from argmap._io import atomic_write
from argmap.editor import server
from argmap.editor.server import Editor, serving
from argmap.editor.session import STARTER, EditedFile, analyse, claim_lines, new_statement
from argmap.exceptions import ArgmapError
from argmap.files import read
from argmap.readwrite.argdown import parse_argdown

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin_has_no_time_left.argdown"
SMALL = "# Rain\n\n[Umbrella]: Take an umbrella.\n  + [Rain]: It will rain.\n"
SOURCE = "It will rain today. So take an umbrella. The sky is grey."
WAIT = 10_000  # ms: the longest a browser test waits for the page (a bound, not a speed test)


def _get(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as r:
            return int(r.status), bytes(r.read())
    except urllib.error.HTTPError as exc:
        return int(exc.code), bytes(exc.read())


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "rain.argdown"
    path.write_text(SMALL, encoding="utf-8")
    path.with_suffix(".txt").write_text(SOURCE, encoding="utf-8")
    return path


@pytest.fixture
def served(small: Path) -> Iterator[str]:
    with serving(Editor(small)) as url:
        yield url


# -- the file and the text ------------------------------------------------------------------


def test_missing_file_is_created(tmp_path: Path) -> None:
    editor = Editor(tmp_path / "my_new-map.argdown")
    assert editor.created
    assert editor.text == STARTER.format(title="My new map")
    assert sorted(parse_argdown(editor.text).claims()) == ["objection", "reason", "thesis"]
    assert not Editor(tmp_path / "my_new-map.argdown").created


def test_json_map_is_edited_as_argdown_and_saved_as_json(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_bytes((ROOT / "seeds" / "putin_has_no_time_left.json").read_bytes())
    edited = EditedFile(path)
    assert edited.format == "native"
    text = edited.load()
    assert parse_argdown(text) == read(path)
    edited.save(text.replace("Putin has no time left.", "Putin has no time at all."))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "argmap" and read(path)["no-time-left"]["text"] == "Putin has no time at all."
    with pytest.raises(ArgmapError):  # a JSON file is not written from text that does not parse
        edited.save("[A]: x\n  + \\")
    assert read(path)["no-time-left"]["text"] == "Putin has no time at all."


def test_syntax_error_has_line_and_column() -> None:
    shown = analyse("[A]: Apples.\n  + \\", draw=False)
    assert shown["error"]["line"] == 2 and shown["error"]["col"] == 5
    assert shown["claims"] == {} and shown["svg"] is None


def test_claims_problems_and_quotes() -> None:
    shown = analyse(SMALL + "\n[Alone]: Nothing to do with it.\n", side_text=SOURCE, draw=False)
    assert {c: v["line"] for c, v in shown["claims"].items()} == {"umbrella": 3, "rain": 4, "alone": 6}
    assert any(p["line"] == 6 and "isolated" in p["message"] for p in shown["problems"])
    assert shown["source"] == SOURCE and "".join(s for s, _ in shown["segments"]) == SOURCE


def test_claim_lines_of_untitled_and_renamed_claims() -> None:
    text = "[Same]: One.\n\n[Same!]: Two.\n\nA claim without a title.\n  + [Same]"
    m = parse_argdown(text)
    lines = claim_lines(text, m)
    assert lines["a-claim-without-a-title"] == 5 and lines["same"] == 1


def test_new_statement_quotes_the_span_and_takes_a_free_id() -> None:
    line = new_statement({"so-take-an-umbrella"}, SOURCE, 20, 40)
    m = parse_argdown(f"===\nargmap: {json.dumps({'source': SOURCE})}\n===\n\n{line}\n")
    (claim,) = m.claims()
    assert claim == "so-take-an-umbrella-2"
    assert m[claim]["quote"] == "So take an umbrella." and m[claim]["span"] == (20, 40)
    with pytest.raises(ArgmapError):
        new_statement(set(), SOURCE, 30, 400)


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    monkeypatch.delitem(sys.modules, "argmap.editor.server")
    with pytest.raises(ArgmapError, match=r"pip install 'argmap\[edit\]'"):
        import argmap.editor.server  # noqa: F401


# -- the server's guards --------------------------------------------------------------------


def test_requests_without_the_token_are_refused(served: str) -> None:
    url = served
    token = url.split("token=")[1]
    base = url.split("?")[0]
    assert _get(url)[0] == 200
    for path in ("", "static/app.js", "static/editor.js"):
        assert _get(base + path)[0] == 403
        assert _get(base + path + "?token=" + "x" * len(token))[0] == 403
    assert _get(base + "export/svg", b"[A]: x")[0] == 403


def test_websocket_needs_the_token_and_the_origin(served: str) -> None:
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    url = served
    ws = url.replace("http://", "ws://").replace("/?", "/ws?")
    with connect(ws) as conn:
        hello = json.loads(conn.recv(timeout=10))
        assert hello["type"] == "hello" and hello["text"] == SMALL
    for refused, origin in ((ws.split("?")[0], None), (ws, "http://evil.example")):
        with pytest.raises(InvalidStatus) as err, connect(refused, origin=origin):  # type: ignore[arg-type]
            pass
        assert err.value.response.status_code == 403


def test_only_the_open_file_is_served(served: str, small: Path) -> None:
    url = served
    base, query = url.split("?")
    secret = small.parent / "secret.txt"
    secret.write_text("do not serve", encoding="utf-8")
    for path in (
        "static/..%2f..%2fpyproject.toml",
        "static/session.py",
        "static/%2e%2e/server.py",
        "../secret.txt",
        "secret.txt",
        "static/" + str(secret),
        "file?path=" + str(secret),
        "export/..%2fsecret",
    ):
        code, body = _get(f"{base}{path}{'&' if '?' in path else '?'}{query}")
        assert code == 404, path
        assert b"do not serve" not in body


def test_bodies_are_bounded(served: str, monkeypatch: pytest.MonkeyPatch) -> None:
    url = served
    base, query = url.split("?")
    monkeypatch.setattr(server, "MAX_MESSAGE", 1000)
    assert _get(f"{base}export/svg?{query}", b"x" * 1001)[0] == 413
    assert _get(f"{base}export/svg?{query}", b"[A]: x\n  + \\")[0] == 400


def test_page_escapes_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "<b>x&y.argdown"
    editor = Editor(path)
    with serving(editor) as url:
        code, body = _get(url)
    assert code == 200 and b"<b>x" not in body and b"&lt;b&gt;x&amp;y.argdown" in body


@pytest.mark.exe
def test_exports(served: str) -> None:
    url = served
    base, query = url.split("?")
    for kind, head in (("svg", b"<svg"), ("png", b"\x89PNG"), ("html", b"<!DOCTYPE html>")):
        code, body = _get(f"{base}export/{kind}?{query}", SMALL.encode())
        assert code == 200 and head in body[:200], kind


# -- in a real browser ----------------------------------------------------------------------


def _open(browser: Any, url: str) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request", lambda r: None if r.url.startswith(url.split("?", maxsplit=1)[0]) else errors.append(r.url)
    )
    page.errors = errors
    page.goto(url)
    page.wait_for_selector("#map svg g.claim", timeout=WAIT)
    return page


def _text(page: Any) -> str:
    return str(page.evaluate("window.argmapEditor.getText()"))


def _type_at_end(page: Any, text: str) -> None:
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.type(text)  # real keystrokes (CDP's insertText can confuse CodeMirror's DOM reading)


@pytest.mark.exe
def test_typing_a_relation_draws_a_new_edge(browser: Any, served: str, small: Path) -> None:
    url = served
    page = _open(browser, url)
    assert page.eval_on_selector_all("#map g.claim", "gs => gs.map(g => g.id).sort()") == ["rain", "umbrella"]
    edges = page.eval_on_selector_all("#map g.edge", "es => es.length")
    _type_at_end(page, "  - [Forecast]: The forecast says sun.\n")
    page.wait_for_selector('#map g.claim[id="forecast"]', timeout=WAIT)
    assert page.eval_on_selector_all("#map g.edge", "es => es.length") > edges
    page.wait_for_function("() => document.body.dataset.status === 'saved'", timeout=WAIT)  # autosave
    assert "[Forecast]: The forecast says sun." in small.read_text(encoding="utf-8")
    assert page.errors == []


@pytest.mark.exe
def test_syntax_error_is_marked_and_the_last_map_stays(browser: Any, served: str) -> None:
    url = served
    page = _open(browser, url)
    before = page.inner_html("#map")
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("  + \\")  # in one go, as pasted: no valid text on the way
    page.wait_for_selector(".cm-lintRange-error", timeout=WAIT)
    assert page.is_visible("#error") and "line 5" in page.text_content("#error").lower()
    assert page.inner_html("#map") == before
    page.keyboard.press("Control+z")  # undo
    page.wait_for_selector("#error", state="hidden", timeout=WAIT)
    assert _text(page) == SMALL


@pytest.mark.exe
def test_a_selected_passage_becomes_a_claim_with_its_span(browser: Any, served: str) -> None:
    url = served
    page = _open(browser, url)
    start, end = SOURCE.index("The sky"), len(SOURCE)
    page.evaluate(
        """([start, end]) => {
          const spans = [...document.querySelectorAll('#source > span')];
          const at = (i) => { const s = spans.filter(s => +s.dataset.start <= i).pop();
                              return [s.firstChild, i - +s.dataset.start]; };
          const r = document.createRange(); r.setStart(...at(start)); r.setEnd(...at(end));
          getSelection().removeAllRanges(); getSelection().addRange(r);
        }""",
        [start, end],
    )
    page.wait_for_selector("#quote:not([disabled])", timeout=WAIT)
    page.keyboard.press("q")
    page.wait_for_function("() => window.argmapEditor.getText().includes('The sky is grey')", timeout=WAIT)
    page.wait_for_selector('#map g.claim[id="the-sky-is-grey"]', timeout=WAIT)
    m = parse_argdown(_text(page))  # the document now holds its source, so the span is valid anywhere
    assert m.source == SOURCE and _text(page).startswith("===\n")
    assert (
        m["the-sky-is-grey"]["span"] == (start, end) and m["the-sky-is-grey"]["quote"] == "The sky is grey."
    )
    page.click('#map g.claim[id="the-sky-is-grey"]')
    assert page.eval_on_selector_all("#source .q.hl", "qs => qs.map(q => q.textContent)") == [
        "The sky is grey."
    ]


@pytest.mark.exe
def test_clicking_links_map_text_and_editor(browser: Any, served: str, small: Path) -> None:
    url = served
    front = "===\nargmap: " + json.dumps({"source": SOURCE}) + "\n===\n\n"
    text = front + SMALL.replace(
        "It will rain.", 'It will rain. {"argmap": {"quote": "It will rain today.", "span": [0, 19]}}'
    )
    atomic_write(small, text)
    page = _open(browser, url)
    page.wait_for_function("() => window.argmapEditor.getText().includes('span')", timeout=WAIT)
    page.wait_for_selector("#source .q", timeout=WAIT)
    page.click('#map g.claim[id="rain"]')
    assert (
        page.evaluate(
            "(v => v.state.doc.lineAt(v.state.selection.main.head).number)(window.argmapEditor.view)"
        )
        == 8
    )
    assert page.eval_on_selector_all("#source .q.hl", "qs => qs.map(q => q.textContent)") == [
        "It will rain today."
    ]
    page.click("#source .q")
    assert page.get_attribute("body", "data-selected") == "rain"
    page.locator(".cm-line", has_text="[Umbrella]").click()
    page.wait_for_function("() => document.body.dataset.selected === 'umbrella'", timeout=WAIT)
    assert page.eval_on_selector_all("#map g.hl", "gs => gs.map(g => g.id)") == ["umbrella"]


@pytest.mark.exe
def test_the_page_follows_the_file_and_the_other_tab(browser: Any, served: str, small: Path) -> None:
    url = served
    first, second = _open(browser, url), _open(browser, url)
    atomic_write(small, SMALL + "  + [Clouds]: Clouds are coming.\n")  # another program saves
    for page in (first, second):
        page.wait_for_selector('#map g.claim[id="clouds"]', timeout=WAIT)
        assert "Clouds are coming" in _text(page)
    _type_at_end(first, "  + [Wind]: The wind turned.\n")  # one tab saves: the other follows
    second.wait_for_function("() => window.argmapEditor.getText().includes('The wind turned')", timeout=WAIT)
    second.wait_for_selector('#map g.claim[id="wind"]', timeout=WAIT)

    # an unsaved edit is never overwritten: the page asks
    second.evaluate("window.argmapEditor.view.dispatch({changes: {from: 0, insert: '// mine\\n'}})")
    atomic_write(small, SMALL)
    second.wait_for_selector("#conflict", state="visible", timeout=WAIT)
    assert _text(second).startswith("// mine\n")
    second.click("#keep")
    second.wait_for_function("() => document.body.dataset.status === 'saved'", timeout=WAIT)
    assert small.read_text(encoding="utf-8").startswith("// mine\n")
    first.wait_for_function("() => window.argmapEditor.getText().startsWith('// mine')", timeout=WAIT)


def test_the_command_prints_the_url_and_serves_until_ctrl_c(tmp_path: Path) -> None:
    import os
    import re
    import signal
    import subprocess

    path = tmp_path / "new.argdown"
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "edit", str(path), "--no-browser", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("created ")
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", proc.stdout.readline())
        assert found is not None
        assert _get(found.group(0))[0] == 200
        assert path.read_text(encoding="utf-8") == STARTER.format(title="New")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    assert proc.returncode == 130


@pytest.mark.parametrize("port", ["-1", "65536", "http"])
def test_bad_ports_are_usage_errors(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli import main

    with pytest.raises(SystemExit) as done:
        main(["edit", "x.argdown", "--port", port])
    assert done.value.code == 2


@pytest.mark.exe
def test_a_pasted_source_text_goes_into_the_front_matter(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "bare.argdown"
    path.write_text(SMALL, encoding="utf-8")
    with serving(Editor(path)) as url:
        page = _open(browser, url)
        page.fill("#paste", SOURCE)
        page.click("#use-source")
        page.wait_for_selector("#source > span", timeout=WAIT)
        assert parse_argdown(_text(page)).source == SOURCE
        assert page.text_content("#source") == SOURCE


@pytest.mark.exe
def test_the_source_text_beside_the_file_is_followed(browser: Any, served: str, small: Path) -> None:
    page = _open(browser, served)
    assert page.text_content("#source") == SOURCE
    atomic_write(small.with_suffix(".txt"), "A new article.")
    page.wait_for_function("() => document.getElementById('source').textContent === 'A new article.'")


@pytest.mark.exe
def test_a_json_map_is_saved_back_as_json_from_the_page(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_bytes((ROOT / "seeds" / "putin_has_no_time_left.json").read_bytes())
    with serving(Editor(path)) as url:
        page = _open(browser, url)
        assert parse_argdown(_text(page)) == read(path)
        # a blank line first: it ends the last argument's premise-conclusion structure
        _type_at_end(page, "\n[Extra]: One more claim.\n  + [Thesis-support]: Because.")
        page.wait_for_selector('#map g.claim[id="extra"]', timeout=WAIT)
        page.wait_for_function("() => document.body.dataset.status === 'saved'", timeout=WAIT)
        assert json.loads(path.read_text(encoding="utf-8"))["format"] == "argmap"
        assert read(path)["extra"]["text"] == "One more claim."


@pytest.mark.exe
def test_problems_jump_to_their_line_and_exports_download(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "alone.argdown"
    path.write_text(SMALL + "\n[Alone]: Nothing to do with it.\n", encoding="utf-8")
    with serving(Editor(path)) as url:
        page = _open(browser, url)
        problem = page.locator("#problems li", has_text="isolated")
        assert problem.text_content().startswith("line 6 ")
        problem.click()
        line = "(v => v.state.doc.lineAt(v.state.selection.main.head).number)(window.argmapEditor.view)"
        assert page.evaluate(line) == 6
        with page.expect_download() as download:
            page.click('[data-export="svg"]')
        assert download.value.suggested_filename == "alone.svg"
        assert b'id="alone"' in Path(download.value.path()).read_bytes()


def test_a_save_that_fails_is_reported_and_the_tab_stays(
    served: str, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from websockets.sync.client import connect

    def refuse(target: object, data: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr("argmap.editor.session.atomic_write", refuse)
    with connect(served.replace("http://", "ws://").replace("/?", "/ws?")) as conn:
        hello = json.loads(conn.recv(timeout=10))
        conn.send(json.dumps({"type": "save", "text": "[A]: x\n", "base": hello["version"]}))
        answer = json.loads(conn.recv(timeout=10))
        assert answer["type"] == "notice" and "Permission denied" in answer["message"]
        conn.send(json.dumps({"type": "statement", "start": 0, "end": 5}))  # still served
        assert json.loads(conn.recv(timeout=10))["type"] in ("statement", "notice")
    assert small.read_text(encoding="utf-8") == SMALL
