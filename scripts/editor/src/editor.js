// The editor component of `argmap edit`: CodeMirror 6 with an Argdown mode.
// scripts/build_editor.sh bundles this file into argmap/data/editor/editor.js, which
// sets window.ArgmapCM = {create}. The page's own script (argmap/data/editor/app.js) uses it.
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, Decoration,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching, foldService, foldGutter, foldKeymap,
  foldEffect,
} from "@codemirror/language";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { tags as t } from "@lezer/highlight";

// -- Argdown, line by line ---------------------------------------------------------------
const RELATION = /^(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s)/;
const argdown = StreamLanguage.define({
  name: "argdown",
  startState: () => ({ front: false, comment: false, data: 0, lineStart: true }),
  copyState: (s) => ({ ...s }),
  token(stream, state) {
    if (stream.sol()) { state.lineStart = true; }
    if (state.comment) {
      if (stream.skipTo("*/")) { stream.pos += 2; state.comment = false; } else { stream.skipToEnd(); }
      return "comment";
    }
    if (stream.sol() && stream.match(/^===\s*$/)) { state.front = !state.front; return "meta"; }
    if (state.front) { stream.skipToEnd(); return "meta"; }
    if (state.data > 0) {
      const ch = stream.next();
      if (ch === "{") { state.data++; } else if (ch === "}") { state.data--; }
      return "meta";
    }
    if (stream.eatSpace()) { return null; }
    const atStart = state.lineStart;
    state.lineStart = false;
    if (stream.match("//")) { stream.skipToEnd(); return "comment"; }
    if (stream.match("/*")) { state.comment = true; return "comment"; }
    if (atStart && stream.sol() && stream.match(/^#{1,6}\s.*$/)) { return "heading"; }
    if (atStart && stream.match(/^-{2,}.*?-{2,}\s*$/)) { return "separator"; }
    if (atStart && stream.match(/^-{4,}\s*$/)) { return "separator"; }
    if (atStart && stream.match(/^\(\d+\)/)) { return "number"; }
    if (atStart && stream.match(RELATION)) { return "operator"; }
    if (stream.match(/^\[[^\]\n]*\]:?/)) { return "labelName"; }
    if (stream.match(/^<[^>\n]*>:?/)) { return "className"; }
    if (stream.match(/^#\([^)\n]*\)/) || stream.match(/^#[\w-]+/)) { return "tagName"; }
    if (stream.match(/^@\[[^\]\n]*\]/) || stream.match(/^@<[^>\n]*>/)) { return "link"; }
    if (stream.match(/^\*\*[^*\n]+\*\*/) || stream.match(/^__[^_\n]+__/)) { return "strong"; }
    if (stream.match(/^\*[^*\n]+\*/)) { return "emphasis"; }
    if (stream.peek() === "{") { stream.next(); state.data = 1; return "meta"; }
    if (stream.match(/^\\./)) { return "escape"; }
    stream.next();
    while (!stream.eol() && !/[[<#@*_{\\/\s]/.test(stream.peek())) { stream.next(); }
    return null;
  },
  blankLine(state) { state.lineStart = true; },
  languageData: { commentTokens: { line: "//", block: { open: "/*", close: "*/" } } },
});

const style = HighlightStyle.define([
  { tag: t.heading, fontWeight: "bold", color: "#1a237e" },
  { tag: t.labelName, color: "#0d47a1", fontWeight: "600" },
  { tag: t.className, color: "#1b5e20", fontWeight: "600" },
  { tag: t.operator, color: "#b71c1c", fontWeight: "bold" },
  { tag: t.tagName, color: "#6a1b9a" },
  { tag: t.link, color: "#00695c" },
  { tag: t.meta, color: "#757575" },
  { tag: t.comment, color: "#8d6e63", fontStyle: "italic" },
  { tag: t.number, color: "#e65100", fontWeight: "bold" },
  { tag: t.separator, color: "#e65100" },
  { tag: t.strong, fontWeight: "bold" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.escape, color: "#ad1457" },
]);

// -- the front matter (=== ... ===) folds ---------------------------------------------------
function frontMatter(state) {
  const doc = state.doc;
  let first = 1;
  while (first <= doc.lines && !doc.line(first).text.trim()) { first++; }
  if (first > doc.lines || !/^===\s*$/.test(doc.line(first).text)) { return null; }
  for (let n = first + 1; n <= doc.lines; n++) {
    if (/^===\s*$/.test(doc.line(n).text)) { return { from: doc.line(first).to, to: doc.line(n).from - 1 }; }
  }
  return null;
}
const foldFront = foldService.of((state, lineStart) => {
  const range = frontMatter(state);
  return range && state.doc.lineAt(lineStart).to === range.from && range.to > range.from ? range : null;
});

// -- a line the page points at (a claim selected on the map) ------------------------------
const pointAt = StateEffect.define();
const pointed = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(pointAt)) {
        deco = e.value === null ? Decoration.none
          : Decoration.set([Decoration.line({ class: "cm-argmap-pointed" }).range(e.value)]);
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function create(parent, options) {
  const onChange = options.onChange || (() => {});
  const onSave = options.onSave || (() => {});
  const onCursor = options.onCursor || (() => {});
  let quiet = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc || "",
      extensions: [
        lineNumbers(), foldGutter(), foldFront, highlightActiveLineGutter(), history(), drawSelection(),
        highlightActiveLine(),
        bracketMatching(), highlightSelectionMatches(), lintGutter(), pointed,
        argdown, syntaxHighlighting(style), EditorView.lineWrapping,
        keymap.of([
          { key: "Mod-s", preventDefault: true, run: () => { onSave(); return true; } },
          ...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab,
        ]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !quiet) { onChange(u.state.doc.toString()); }
          if (u.selectionSet && !quiet) { onCursor(u.state.doc.lineAt(u.state.selection.main.head).number); }
        }),
      ],
    }),
  });
  function lineRange(line) {
    const doc = view.state.doc;
    return doc.line(Math.max(1, Math.min(doc.lines, line)));
  }
  return {
    view,
    getText: () => view.state.doc.toString(),
    // replace the whole text (from the file), keeping the cursor where it can be; no onChange
    setText(text) {
      const head = Math.min(view.state.selection.main.head, text.length);
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: head } });
      } finally { quiet = false; }
    },
    // errors: [{line, col, message, severity}] (1-based line and column)
    setErrors(errors) {
      const doc = view.state.doc;
      const diagnostics = errors.map((e) => {
        const line = lineRange(e.line);
        const from = Math.min(line.to, line.from + Math.max(0, (e.col || 1) - 1));
        const to = from < line.to ? from + 1 : from;
        return { from, to: Math.min(to, doc.length), severity: e.severity || "error", message: e.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    gotoLine(line) {
      const range = lineRange(line);
      quiet = true;
      try {
        view.dispatch({
          selection: { anchor: range.from },
          effects: [pointAt.of(range.from), EditorView.scrollIntoView(range.from, { y: "center" })],
        });
      } finally { quiet = false; }
    },
    // insert a line after the cursor's line; before: {line, text} also inserts text before that line
    insertLine(text, before) {
      const doc = view.state.doc;
      const line = doc.lineAt(view.state.selection.main.head);
      const at = line.length ? line.to : line.from;
      const insert = (line.length ? "\n\n" : "") + text + "\n";
      const changes = [{ from: at, insert }];
      let shift = 0;
      if (before) {
        const where = before.line > doc.lines ? doc.length : doc.line(before.line).from;
        changes.push({ from: where, insert: before.text });
        if (where <= at) { shift = before.text.length; }
      }
      view.dispatch({
        changes,
        selection: { anchor: at + shift + insert.length - 1 },
        scrollIntoView: true,
      });
      view.focus();
    },
    // insert text before a 1-based line (past the end: at the end)
    insertBefore(lineNumber, text) {
      const doc = view.state.doc;
      const at = lineNumber > doc.lines ? doc.length : doc.line(lineNumber).from;
      view.dispatch({ changes: { from: at, insert: text } });
    },
    // fold the front matter away when it is long (a map's source text often sits in it)
    foldFrontMatter() {
      const range = frontMatter(view.state);
      if (range && range.to - range.from > 300) { view.dispatch({ effects: foldEffect.of(range) }); }
    },
    focus: () => view.focus(),
  };
}

window.ArgmapCM = { create };
