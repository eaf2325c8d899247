"""The web server of ``argmap edit``: one page, one websocket, one file.

Starlette serves the page and its scripts; a websocket per tab carries the text to draw, saves
and the news of changes; ``watchfiles`` watches the file and the ``.txt`` beside it. Drawing runs
in worker threads (at most two at a time), never on the event loop.

Safety: every request and websocket must carry the token of the URL (compared in constant time;
403 otherwise), a websocket's ``Origin`` must be the page's own, the only paths served are the
page, its three scripts and the exports of the open map (no path from the client is ever used),
bodies and messages are bounded by :data:`MAX_MESSAGE`, and the page escapes every text it shows.

The protocol (JSON messages). The page sends ``{"type": "analyse", "seq", "text"}``,
``{"type": "save", "text", "base", "force"}``, ``{"type": "statement", "start", "end"}`` and
``{"type": "source", "text"}`` (a pasted source text, to put into the front matter); the
server sends ``hello`` (the file's text, version, name and format), ``map`` (see
:func:`argmap.editor.session.analyse`, with the ``seq`` it answers and ``ms``, the time it took),
``saved``, ``conflict`` (a save whose base is not the file on disk: the page offers to keep or
reload), ``file`` (the file changed on disk or in another tab), ``statement`` (an Argdown line to
insert), ``insert`` (lines to insert before a line) and ``notice``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import ipaddress
import json
import os
import re
import secrets
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from argmap.editor.session import EditedFile, analyse, new_statement, source_edit
from argmap.exceptions import ArgmapError
from argmap.render.metrics import FONT_FAMILY, SVG_FONT_FAMILY

try:
    import anyio
    import uvicorn
    import watchfiles
    import websockets  # noqa: F401 - uvicorn's websocket protocol, checked here to name the extra
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, PlainTextResponse, Response
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ArgmapError(
        f"argmap edit needs the editor's server ({exc.name} is missing): pip install 'argmap[edit]'"
    ) from None

__all__ = ["MAX_MESSAGE", "Editor", "serve", "serving", "url_host"]

MAX_MESSAGE: Final = 16 * 1024 * 1024
"""The largest websocket message or request body accepted, in bytes."""

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_STATIC: Final = {
    "editor.js": "text/javascript; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}
_EXPORTS: Final = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}
_JSON_ESCAPES: Final = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_SAFE_NAME: Final = re.compile(r"[^A-Za-z0-9._-]+")
_HEADERS: Final = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _static(name: str) -> bytes:
    return resources.files("argmap").joinpath("data", "editor", name).read_bytes()


def url_host(host: str) -> str:
    """Return ``host`` as it stands in a URL (IPv6 addresses in brackets).

    >>> url_host("127.0.0.1"), url_host("::1")
    ('127.0.0.1', '[::1]')
    """
    return f"[{host}]" if ":" in host else host


class _TokenGuard:
    """ASGI middleware: refuse (403) any request or websocket without the token, or from another origin."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [""])[0].encode("latin-1", "replace")
        allowed = secrets.compare_digest(given, self.token)
        if allowed and scope["type"] == "websocket":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
            origin = headers.get("origin")
            allowed = origin is None or urlsplit(origin).netloc == headers.get("host")
        if allowed:
            await self.app(scope, receive, send)
        elif scope["type"] == "http":
            await PlainTextResponse("forbidden: the URL lacks the editor's token", 403)(scope, receive, send)
        else:
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})


class _Tab:
    """One open page: its websocket, its latest text to draw, its last drawn claims."""

    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws
        self.pending: tuple[int, str] | None = None
        self.last_text: str | None = None
        self.wake = asyncio.Event()
        self.taken: set[str] = set()
        self.source: str | None = None
        self.own_source = False
        self.sending = asyncio.Lock()

    async def send(self, message: dict[str, Any]) -> None:
        async with self.sending:
            await self.ws.send_text(json.dumps(message, ensure_ascii=False))


class Editor:
    """The server of one open file.

    Parameters
    ----------
    path : str or PathLike
        The file to edit; created when missing.
    token : str, optional
        The secret every request must carry (``?token=``); a random one by default.
    """

    def __init__(self, path: str | os.PathLike[str], *, token: str | None = None) -> None:
        self.file = EditedFile(path)
        self.created = self.file.create()
        self.text = self.file.load()
        self.side = self.file.side_text()
        self.token = token or secrets.token_urlsafe(24)
        self.layout: tuple[str, int] | None = None
        self.tabs: set[_Tab] = set()
        self.saving = asyncio.Lock()
        self.limiter = anyio.CapacityLimiter(2)

    # -- the app ---------------------------------------------------------------------------------

    def app(self) -> ASGIApp:
        """Return the ASGI application: the page, its scripts, exports and the websocket, behind the token."""
        routes = [
            Route("/", self._page),
            Route("/static/{name}", self._script),
            Route("/export/{kind}", self._export, methods=["POST"]),
            WebSocketRoute("/ws", self._socket),
        ]
        return _TokenGuard(Starlette(routes=routes, lifespan=self._lifespan), self.token)

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        watcher = asyncio.create_task(self._watch(stop))
        try:
            yield
        finally:
            stop.set()
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await watcher

    async def _page(self, request: Request) -> Response:
        name = self.file.path.name
        boot = json.dumps(
            {
                "token": self.token,
                "name": name,
                "format": self.file.format,
                "font": FONT_FAMILY,
                "svgFont": SVG_FONT_FAMILY,
            }
        )
        q = f"?token={html.escape(self.token)}"
        page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{html.escape(name)} · argmap edit</title>
<link rel="stylesheet" href="/static/app.css{q}">
<link rel="icon" href="data:,">
</head>
<body>
<header id="bar">
<strong id="file-name">{html.escape(name)}</strong>
<span id="status" aria-live="polite">connecting…</span>
<span class="spacer"></span>
<button type="button" id="save"
 title="Save (Ctrl-S); the page also saves a second after you stop typing">Save</button>
<span class="group">Export
<button type="button" data-export="svg">SVG</button><button type="button" data-export="png">PNG</button
><button type="button" data-export="pdf">PDF</button
><button type="button" data-export="html">HTML page</button></span>
</header>
<div id="conflict" hidden role="alert"><span id="conflict-text"></span>
<button type="button" id="keep">Keep my text</button><button type="button" id="reload">Load the file</button
></div>
<main>
<section id="editor-pane" aria-label="Argdown text"><div id="editor"></div>
<div id="error" hidden role="status"></div></section>
<section id="map-pane" aria-label="Map"><div id="map-tools" role="toolbar" aria-label="Zoom">
<button type="button" data-zoom="out" title="Smaller">−</button
><button type="button" data-zoom="fit" title="Fit the map to the pane">Fit</button
><button type="button" data-zoom="one" title="Full size">100%</button
><button type="button" data-zoom="in" title="Larger">+</button></div><div id="map"></div></section>
<aside id="side">
<h2>Problems <span id="problem-count"></span></h2>
<ul id="problems"></ul>
<h2>Source text <button type="button" id="quote"
 title="Select a passage of the source text, then press Q or this button" disabled
>New claim from selection (Q)</button></h2>
<div id="source" tabindex="0"></div>
</aside>
</main>
<script type="application/json" id="boot">{boot.translate(_JSON_ESCAPES)}</script>
<script src="/static/editor.js{q}"></script>
<script src="/static/app.js{q}"></script>
</body>
</html>
"""
        return HTMLResponse(page, headers={**_HEADERS, "Content-Security-Policy": _CSP})

    async def _script(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _STATIC:
            return PlainTextResponse("not found", 404)
        return Response(_static(name), media_type=_STATIC[name], headers=_HEADERS)

    async def _export(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in _EXPORTS:
            return PlainTextResponse("not found", 404)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_MESSAGE:
                return PlainTextResponse("the text is too large", 413)
        try:
            text = body.decode("utf-8")
            data = await anyio.to_thread.run_sync(self._exported, text, kind, limiter=self.limiter)
        except UnicodeDecodeError:
            return PlainTextResponse("the text is not UTF-8", 400)
        except ArgmapError as exc:
            return PlainTextResponse(str(exc), 400)
        stem = _SAFE_NAME.sub("_", self.file.path.name.split(".")[0]) or "map"
        headers = {**_HEADERS, "Content-Disposition": f'attachment; filename="{stem}.{kind}"'}
        return Response(data, media_type=_EXPORTS[kind], headers=headers)

    def _exported(self, text: str, kind: str) -> bytes:
        from argmap.page.html import html_page
        from argmap.readwrite.argdown import parse_argdown
        from argmap.render import diagram

        m = parse_argdown(text)
        if m.source is None and self.side is not None:
            m.source = self.side
        options: dict[str, Any] = {}
        if self.layout is not None:
            options = {"rankdir": self.layout[0], "wrap": self.layout[1]}
        drawing = diagram(m, **options)
        if kind == "html":
            return html_page(m, svg=drawing.svg()).encode("utf-8")
        return drawing.svg().encode("utf-8") if kind == "svg" else drawing.pipe(kind)

    # -- the websocket ---------------------------------------------------------------------------

    async def _socket(self, ws: WebSocket) -> None:
        await ws.accept()
        tab = _Tab(ws)
        self.tabs.add(tab)
        drawer = asyncio.create_task(self._drawer(tab))
        try:
            await tab.send(
                {
                    "type": "hello",
                    "text": self.text,
                    "version": self.file.version,
                    "name": self.file.path.name,
                    "format": self.file.format,
                    "created": self.created,
                }
            )
            while True:
                raw = await ws.receive_text()
                if len(raw) > MAX_MESSAGE:
                    await tab.send({"type": "notice", "message": "the text is too large to handle"})
                    continue
                try:
                    message = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(message, dict):
                    await self._handle(tab, message)
        except WebSocketDisconnect:
            pass
        finally:
            self.tabs.discard(tab)
            drawer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await drawer

    async def _handle(self, tab: _Tab, message: dict[str, Any]) -> None:
        kind = message.get("type")
        text = message.get("text")
        if kind == "analyse" and isinstance(text, str) and isinstance(message.get("seq"), int):
            tab.pending = (message["seq"], text)
            tab.wake.set()
        elif kind == "save" and isinstance(text, str):
            await self._save(tab, text, str(message.get("base", "")), bool(message.get("force")))
        elif kind == "statement":
            await self._statement(tab, message.get("start"), message.get("end"))
        elif kind == "source" and isinstance(text, str) and text.strip():
            edit = source_edit(tab.last_text or "", text)
            if edit is None:
                note = "the front matter has an argmap key already: add the source to it by hand"
                await tab.send({"type": "notice", "message": note})
            else:
                await tab.send({"type": "insert", "line": edit[0], "text": edit[1]})

    async def _statement(self, tab: _Tab, start: object, end: object) -> None:
        """Send the tab a statement quoting ``source[start:end]`` (and the source, if its text lacks it)."""
        source = tab.source if tab.source is not None else self.side
        if not (isinstance(start, int) and isinstance(end, int) and source is not None):
            return
        edit = None
        if not tab.own_source:
            edit = source_edit(tab.last_text or "", source)
        try:
            line = new_statement(tab.taken, source, start, end, span=tab.own_source or edit is not None)
        except ArgmapError as exc:
            await tab.send({"type": "notice", "message": str(exc)})
            return
        message: dict[str, Any] = {"type": "statement", "line": line, "before": None}
        if edit is not None:
            message["before"] = {"line": edit[0], "text": edit[1]}
        await tab.send(message)

    async def _drawer(self, tab: _Tab) -> None:
        """Draw the tab's latest text whenever there is one; texts sent meanwhile are skipped."""
        while True:
            await tab.wake.wait()
            tab.wake.clear()
            if tab.pending is None:
                continue
            seq, text = tab.pending
            tab.pending = None
            tab.last_text = text
            work = functools.partial(analyse, text, side_text=self.side, layout=self.layout)
            began = time.perf_counter()
            try:
                shown = await anyio.to_thread.run_sync(work, limiter=self.limiter)
            except (OSError, MemoryError, RecursionError, ValueError) as exc:  # the tab keeps its last map
                message = f"the text cannot be drawn: {type(exc).__name__}: {exc}"
                error = {"line": None, "col": None, "message": message}
                shown = {"error": error, "svg": None, "layout": None}
            shown["ms"] = round((time.perf_counter() - began) * 1000, 1)
            if shown["layout"] is not None and self.layout is None:
                self.layout = (shown["layout"][0], int(shown["layout"][1]))
            if shown["error"] is None:
                tab.taken = set(shown["claims"])
                tab.source = shown["source"]
                tab.own_source = shown["own_source"]
            await tab.send({"type": "map", "seq": seq, **shown})

    async def _save(self, tab: _Tab, text: str, base: str, force: bool) -> None:
        async with self.saving:
            on_disk = await anyio.to_thread.run_sync(self.file.disk_version)
            if on_disk is not None and on_disk != base and not force:
                current = await anyio.to_thread.run_sync(self.file.load)
                self.text = current
                await tab.send({"type": "conflict", "text": current, "version": self.file.version})
                return
            try:
                version = await anyio.to_thread.run_sync(self.file.save, text)
            except (ArgmapError, OSError) as exc:  # the page keeps the text and says why
                await tab.send({"type": "notice", "message": f"not saved: {exc}"})
                return
            self.text = text
        await tab.send({"type": "saved", "version": version})
        await self._broadcast({"type": "file", "text": text, "version": version, "origin": "tab"}, tab)

    async def _broadcast(self, message: dict[str, Any], but: _Tab | None = None) -> None:
        for other in list(self.tabs):
            if other is not but:
                with contextlib.suppress(Exception):
                    await other.send(message)

    # -- the file on disk ------------------------------------------------------------------------

    async def _watch(self, stop: asyncio.Event) -> None:
        """Tell the tabs of changes to the file or its source text made by other programs."""
        folder = self.file.path.parent
        async for changes in watchfiles.awatch(
            folder, debounce=50, step=20, recursive=False, stop_event=stop
        ):
            touched = {Path(p) for _, p in changes}
            if self.file.path in touched:
                await self._file_changed()
            if self.file.side_path in touched:
                self.side = await anyio.to_thread.run_sync(self.file.side_text)
                for tab in list(self.tabs):
                    if tab.last_text is not None and tab.pending is None:
                        tab.pending = (-1, tab.last_text)
                        tab.wake.set()

    async def _file_changed(self) -> None:
        async with self.saving:
            on_disk = await anyio.to_thread.run_sync(self.file.disk_version)
            if on_disk is None or on_disk == self.file.version:
                return  # gone (an editor's save in two steps) or our own write
            try:
                self.text = await anyio.to_thread.run_sync(self.file.load)
            except (ArgmapError, OSError) as exc:
                await self._broadcast(
                    {"type": "notice", "message": f"the file changed but cannot be read: {exc}"}
                )
                return
        await self._broadcast(
            {"type": "file", "text": self.text, "version": self.file.version, "origin": "disk"}
        )


@contextlib.contextmanager
def serving(editor: Editor, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``editor`` from a thread while the ``with`` block runs; yield the page's URL (with the token).

    ``port`` 0 takes a free port. The server has started when the block begins and has stopped
    when it ends.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    config = uvicorn.Config(
        editor.app(),
        ws="websockets-sansio",
        ws_max_size=MAX_MESSAGE,
        ws_per_message_deflate=False,  # on this computer compressing costs more than it saves
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="argmap-edit", daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise ArgmapError(f"the editor's server did not start on {host}:{bound}")
            time.sleep(0.01)
        yield f"http://{url_host(host)}:{bound}/?token={editor.token}"
    finally:
        server.should_exit = True
        thread.join(5)
        sock.close()


def serve(
    path: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    open_browser: bool = True,
) -> None:
    """Edit ``path`` in the browser until interrupted (Ctrl-C): serve, print the URL, open it."""
    editor = Editor(path)
    if not ipaddress.ip_address(socket.gethostbyname(host) if ":" not in host else host).is_loopback:
        print(
            f"argmap: warning: {host} may be reachable from other computers; anyone with the URL can "
            "read and write the file",
            file=sys.stderr,
        )
    if editor.created:
        print(f"created {editor.file.path}", flush=True)
    with serving(editor, host=host, port=port) as url:
        print(f"editing {editor.file.path} at {url}\n(Ctrl-C stops)", flush=True)
        if open_browser:
            webbrowser.open(url)
        while True:
            time.sleep(3600)
