// The page of `argmap edit` (argmap/editor/server.py serves it). It sets every text it shows
// with textContent; only the map's SVG, which argmap drew and escaped, goes in as markup.
(function () {
  "use strict";
  var boot = JSON.parse(document.getElementById("boot").textContent);
  var SAVE_DELAY = 1000;    // ms after the last keystroke before an autosave
  var $ = function (id) { return document.getElementById(id); };
  var status = $("status"), mapBox = $("map"), sourceBox = $("source"), errorBox = $("error");
  var ws = null, seq = 0, shownSeq = 0, version = "", dirty = false, saveTimer = null;
  var claims = {}, selected = null, pendingFile = null, shownProblems = "", shownSource = "";
  var errorMarked = false;

  var editor = window.ArgmapCM.create($("editor"), {
    doc: "",
    onChange: function () { dirty = true; setStatus("edited"); scheduleDraw(); scheduleSave(); },
    onSave: function () { save(false); },
    onCursor: function (line) {
      for (var id in claims) {
        if (claims[id].line === line) { select(id, "editor"); return; }
      }
    },
  });

  function setStatus(text) { status.textContent = text; document.body.setAttribute("data-status", text); }
  function send(message) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(message)); } }

  // every change is sent at once: while the server draws one text it keeps only the latest next one
  function scheduleDraw() {
    seq += 1;
    send({type: "analyse", seq: seq, text: editor.getText()});
  }
  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () { save(false); }, SAVE_DELAY);
  }
  function save(force) {
    clearTimeout(saveTimer);
    if (!dirty && !force) { return; }
    setStatus("saving…");
    send({type: "save", text: editor.getText(), base: version, force: !!force});
  }

  // -- messages from the server ------------------------------------------------------------
  function connect() {
    var proto = location.protocol === "https:" ? "wss:" : "ws:";
    ws = new WebSocket(proto + "//" + location.host + "/ws?token=" + encodeURIComponent(boot.token));
    ws.onmessage = function (e) { receive(JSON.parse(e.data)); };
    ws.onclose = function () { setStatus("disconnected: is argmap edit still running?"); };
  }
  function receive(msg) {
    if (msg.type === "hello") {
      version = msg.version;
      if (!dirty) { editor.setText(msg.text); editor.foldFrontMatter(); }
      setStatus(msg.created ? "new file" : "saved");
      seq += 1;
      send({type: "analyse", seq: seq, text: editor.getText()});
    } else if (msg.type === "map") {
      if (msg.seq !== -1 && msg.seq < shownSeq) { return; }
      if (msg.seq !== -1) { shownSeq = msg.seq; }
      showMap(msg);
    } else if (msg.type === "saved") {
      version = msg.version;
      dirty = false;
      setStatus("saved");
    } else if (msg.type === "file") {
      fileChanged(msg);
    } else if (msg.type === "conflict") {
      offer(msg, "The file was changed elsewhere since you loaded it; your text is not saved.");
    } else if (msg.type === "statement") {
      editor.insertLine(msg.line, msg.before);
    } else if (msg.type === "insert") {
      editor.insertBefore(msg.line, msg.text);
    } else if (msg.type === "notice") {
      setStatus(msg.message);
    }
  }
  function fileChanged(msg) {
    if (msg.version === version) { return; }
    if (!dirty) {
      version = msg.version;
      editor.setText(msg.text);
      setStatus(msg.origin === "tab" ? "updated from another tab" : "updated from the file");
      scheduleDraw();
    } else {
      offer(msg, msg.origin === "tab" ? "Another tab saved this file while you were editing."
        : "The file changed on disk while you were editing.");
    }
  }
  function offer(msg, text) {
    pendingFile = msg;
    $("conflict-text").textContent = text + " Keep your text (and save it over the file) or load the file?";
    $("conflict").hidden = false;
    setStatus("unsaved: the file changed elsewhere");
  }
  $("keep").onclick = function () {
    $("conflict").hidden = true;
    if (pendingFile) { version = pendingFile.version; }
    pendingFile = null;
    dirty = true;
    save(true);
  };
  $("reload").onclick = function () {
    $("conflict").hidden = true;
    if (pendingFile) { version = pendingFile.version; editor.setText(pendingFile.text); }
    pendingFile = null;
    dirty = false;
    setStatus("loaded from the file");
    scheduleDraw();
  };
  $("save").onclick = function () { save(true); };

  // -- the map, the problems, the source text ---------------------------------------------------
  function showMap(msg) {
    if (msg.error) {
      errorBox.hidden = false;
      errorBox.textContent = (msg.error.line ? "Line " + msg.error.line + ", column " + msg.error.col + ": " : "")
        + msg.error.message + (msg.svg === null && mapBox.firstChild ? " (the map shows the last good text)" : "");
      document.body.setAttribute("data-error", "1");
      if (msg.error.line) {
        errorMarked = true;
        editor.setErrors([{line: msg.error.line, col: msg.error.col, message: msg.error.message}]);
      }
      return;
    }
    errorBox.hidden = true;
    document.body.removeAttribute("data-error");
    claims = msg.claims;
    if (msg.svg !== null) { mapBox.innerHTML = msg.svg; finish(mapBox.querySelector("svg")); applyZoom(); }
    mapBox.setAttribute("data-seq", String(msg.seq));
    mapBox.setAttribute("data-server-ms", String(msg.ms));
    var problems = JSON.stringify(msg.problems), source = JSON.stringify([msg.source, msg.segments]);
    if (problems !== shownProblems || errorMarked) {
      shownProblems = problems;
      errorMarked = false;
      showProblems(msg.problems);
      editor.setErrors(msg.problems.filter(function (p) { return p.line; }).map(function (p) {
        return {line: p.line, col: 1, message: p.message, severity: p.level === "error" ? "error" : "warning"};
      }));
    }
    if (source !== shownSource) { shownSource = source; showSource(msg.source, msg.segments); }
    if (selected && claims[selected]) { select(selected, null); }
    document.body.setAttribute("data-shown", String(msg.seq));
  }
  // what argmap.render.svg.finish does on the server: each line of a box centred on the box (the
  // first path or polygon), the fonts named with their metric-compatible fallbacks
  function finish(svg) {
    if (!svg) { return; }
    var boxes = [];  // every box measured first, then every line moved: no layout between the two
    svg.querySelectorAll("g.claim, g.argument, g.legend-item").forEach(function (g) {
      var shape = g.querySelector("path, polygon");
      if (shape) { boxes.push([g, shape.getBBox()]); }
    });
    boxes.forEach(function (pair) {
      var centre = String(Math.round((pair[1].x + pair[1].width / 2) * 100) / 100);
      pair[0].querySelectorAll("text").forEach(function (t) {
        t.setAttribute("text-anchor", "middle");
        t.setAttribute("x", centre);
      });
    });
    svg.querySelectorAll("text[font-family]").forEach(function (t) {
      if (t.getAttribute("font-family") === boot.font) { t.setAttribute("font-family", boot.svgFont); }
    });
  }

  // -- zoom: "fit" (the whole map in the pane) or a scale of the drawing's own size
  var zoom = null;  // null until the first map: then fit, unless that makes the text too small to read
  var MIN_FIT = 0.7;
  function naturalWidth(svg) { return parseFloat(svg.getAttribute("width")) * (/pt$/.test(svg.getAttribute("width")) ? 4 / 3 : 1); }
  function fitScale(svg) { return ($("map-pane").clientWidth - 16) / naturalWidth(svg); }
  function applyZoom() {
    var svg = mapBox.querySelector("svg");
    if (!svg || !naturalWidth(svg)) { return; }
    if (zoom === null) { zoom = fitScale(svg) >= MIN_FIT ? "fit" : MIN_FIT; }
    var fit = zoom === "fit";
    mapBox.classList.toggle("fit", fit);
    svg.style.width = fit ? "" : Math.round(naturalWidth(svg) * zoom) + "px";
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      var on = b.getAttribute("data-zoom") === "fit" ? fit : b.getAttribute("data-zoom") === "one" && zoom === 1;
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  document.querySelectorAll("[data-zoom]").forEach(function (b) {
    b.onclick = function () {
      var svg = mapBox.querySelector("svg");
      var now = zoom === "fit" && svg ? fitScale(svg) : (zoom || 1);
      var how = b.getAttribute("data-zoom");
      zoom = how === "fit" ? "fit" : how === "one" ? 1 : Math.max(0.2, Math.min(4, now * (how === "in" ? 1.25 : 0.8)));
      applyZoom();
    };
  });

  function showProblems(problems) {
    var list = $("problems");
    list.textContent = "";
    $("problem-count").textContent = problems.length ? "(" + problems.length + ")" : "";
    if (!problems.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "None found.";
      list.appendChild(none);
    }
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "problem " + p.level;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = p.line ? "line " + p.line : p.level;
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + p.message));
      if (p.line) {
        li.tabIndex = 0;
        li.onclick = function () { editor.gotoLine(p.line); editor.focus(); };
        li.onkeydown = function (e) { if (e.key === "Enter") { li.onclick(); } };
      }
      list.appendChild(li);
    });
  }
  function showSource(source, segments) {
    sourceBox.textContent = "";
    if (source === null) {
      var p = document.createElement("p");
      p.className = "none";
      p.textContent = "No source text. Paste the text the map analyses here (it goes into the front matter), "
        + "or put it in a .txt file beside this one.";
      var area = document.createElement("textarea");
      area.id = "paste";
      area.rows = 8;
      area.setAttribute("aria-label", "Source text to paste");
      var use = document.createElement("button");
      use.type = "button";
      use.id = "use-source";
      use.textContent = "Use as the source text";
      use.onclick = function () { if (area.value.trim()) { send({type: "source", text: area.value}); } };
      sourceBox.appendChild(p);
      sourceBox.appendChild(area);
      sourceBox.appendChild(use);
      return;
    }
    var at = 0;
    segments.forEach(function (seg) {
      var span = document.createElement("span");
      span.textContent = seg[0];
      span.setAttribute("data-start", String(at));
      if (seg[1].length) {
        span.className = "q";
        span.setAttribute("data-claims", JSON.stringify(seg[1]));
      }
      at += seg[0].length;
      sourceBox.appendChild(span);
    });
  }
  function select(id, from) {
    selected = id;
    document.querySelectorAll(".hl").forEach(function (e) { e.classList.remove("hl"); });
    var node = null;
    mapBox.querySelectorAll("g.claim").forEach(function (g) { if (g.id === id) { node = g; } });
    if (node) { node.classList.add("hl"); }
    var quotes = Array.prototype.filter.call(sourceBox.querySelectorAll(".q"), function (s) {
      return JSON.parse(s.getAttribute("data-claims")).indexOf(id) !== -1;
    });
    quotes.forEach(function (q) { q.classList.add("hl"); });
    document.body.setAttribute("data-selected", id);
    if (from === null) { return; }
    if (from !== "source" && quotes.length) { quotes[0].scrollIntoView({block: "nearest"}); }
    if (from !== "map" && node) { node.scrollIntoView({block: "nearest", inline: "nearest"}); }
    if (from !== "editor" && claims[id] && claims[id].line) { editor.gotoLine(claims[id].line); }
  }
  mapBox.addEventListener("click", function (e) {
    var g = e.target.closest("g.claim");
    if (g) { select(g.id, "map"); }
  });
  sourceBox.addEventListener("click", function (e) {
    if (!window.getSelection().isCollapsed) { return; }
    var s = e.target.closest(".q");
    if (!s) { return; }
    var ids = JSON.parse(s.getAttribute("data-claims"));
    ids.sort(function (a, b) { return spanLength(a) - spanLength(b); });
    select(ids[0], "source");
  });
  function spanLength(id) { var s = claims[id] && claims[id].span; return s ? s[1] - s[0] : Infinity; }

  // -- a passage of the source text becomes a claim ----------------------------------------
  function offset(node, within) {
    var el = node.nodeType === 3 ? node.parentNode : node;
    var span = el.closest ? el.closest("#source > span") : null;
    if (!span) { return null; }
    return Number(span.getAttribute("data-start")) + (node.nodeType === 3 ? within : 0);
  }
  function passage() {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) { return null; }
    var r = sel.getRangeAt(0);
    if (!sourceBox.contains(r.startContainer) || !sourceBox.contains(r.endContainer)) { return null; }
    var start = offset(r.startContainer, r.startOffset), end = offset(r.endContainer, r.endOffset);
    if (start === null || end === null || end <= start) { return null; }
    return [start, end];
  }
  document.addEventListener("selectionchange", function () { $("quote").disabled = passage() === null; });
  function quote() {
    var p = passage();
    if (p) { send({type: "statement", start: p[0], end: p[1]}); window.getSelection().removeAllRanges(); }
  }
  $("quote").onclick = quote;
  document.addEventListener("keydown", function (e) {
    if ((e.key === "q" || e.key === "Q") && !e.ctrlKey && !e.metaKey && !e.altKey && passage()) {
      e.preventDefault();
      quote();
    }
  });

  // -- exports -------------------------------------------------------------------------------
  document.querySelectorAll("[data-export]").forEach(function (button) {
    button.onclick = function () {
      var kind = button.getAttribute("data-export");
      setStatus("exporting " + kind.toUpperCase() + "…");
      fetch("/export/" + kind + "?token=" + encodeURIComponent(boot.token), {method: "POST", body: editor.getText()})
        .then(function (r) {
          if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); }
          return r.blob();
        })
        .then(function (blob) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob);
          a.download = boot.name.split(".")[0] + "." + kind;
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
          setStatus(dirty ? "edited" : "saved");
        })
        .catch(function (err) { setStatus("export failed: " + err.message); });
    };
  });
  window.addEventListener("beforeunload", function (e) { if (dirty) { e.preventDefault(); } });
  window.argmapEditor = editor;
  connect();
}());
