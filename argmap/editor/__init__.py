"""The live editor of ``argmap edit``: Argdown text, the map drawn as you type, the source text.

:mod:`argmap.editor.session` holds what needs no web server (the open file, turning text into the
page's picture); :mod:`argmap.editor.server` serves the page (Starlette and uvicorn, websockets,
watchfiles: the ``edit`` extra). The page's scripts are in ``argmap/data/editor``; CodeMirror 6 is
bundled there by ``scripts/build_editor.sh``.
"""

__all__: list[str] = []  # the names are in the two modules; the server's need the edit extra
