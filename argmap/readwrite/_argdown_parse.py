"""The Argdown parser: tokens to the Argdown model of statements, arguments and relations.

A recursive-descent parser over the token stream of
:mod:`argmap.readwrite._argdown_lex` that follows the grammar of the reference
parser (``@argdown/core`` 2.0.1) and builds the reference's model as it goes:
equivalence classes of statements, arguments with premise-conclusion structures
(PCS), relations and sections. Recursion follows indentation and bold/italic
nesting only, and both are capped at :data:`MAX_DEPTH`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from argmap.exceptions import ArgdownSyntaxError
from argmap.readwrite import _argdown_lex as lx
from argmap.readwrite import _argdown_re as rx
from argmap.readwrite._argdown_lex import K

__all__ = [
    "MAX_DEPTH",
    "Argument",
    "Document",
    "Inference",
    "Relation",
    "Section",
    "Statement",
    "parse_document",
]

_JS_WS: Final = "".join(sorted(rx.JS_WS_CHARS))
_NEW_ELEMENT: Final = "an empty line before a new element (or a relation symbol to continue the tree)"
#: Deepest nesting of relation trees, lists and bold/italic ranges accepted.
MAX_DEPTH: Final = 64

_FREE: Final = frozenset({K.FREESTYLE, K.UNUSED_CONTROL, K.ESCAPED, K.SPECIAL})
_CONTENT: Final = _FREE | {
    K.LINK,
    K.BOLD_START_A,
    K.BOLD_START_U,
    K.ITALIC_START_A,
    K.ITALIC_START_U,
    K.TAG,
    K.ARGUMENT_MENTION,
    K.STATEMENT_MENTION,
    K.NEWLINE,
}
_STATEMENT_FIRST: Final = _CONTENT | {K.STATEMENT_REFERENCE, K.STATEMENT_DEFINITION}
_ARGUMENT_FIRST: Final = frozenset({K.ARGUMENT_DEFINITION, K.ARGUMENT_REFERENCE})
_RELATION_TYPE: Final = {
    K.IN_SUPPORT: ("support", True),
    K.IN_ATTACK: ("attack", True),
    K.OUT_SUPPORT: ("support", False),
    K.OUT_ATTACK: ("attack", False),
    K.CONTRADICTION: ("contradictory", True),
    K.IN_UNDERCUT: ("undercut", True),
    K.OUT_UNDERCUT: ("undercut", False),
}
_END_OF: Final = {
    K.BOLD_START_A: K.BOLD_END_A,
    K.BOLD_START_U: K.BOLD_END_U,
    K.ITALIC_START_A: K.ITALIC_END_A,
    K.ITALIC_START_U: K.ITALIC_END_U,
}


class Section:
    """A heading and the part of the document below it."""

    __slots__ = ("level", "parent", "pos", "title")

    def __init__(self, title: str, level: int, pos: int) -> None:
        self.title = title
        self.level = level
        self.pos = pos
        self.parent: Section | None = None


class Statement:
    """One occurrence of a statement (or of an argument's description)."""

    __slots__ = ("data", "inference", "is_reference", "plain", "pos", "section", "tags", "text", "title")

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.title = ""
        self.text = ""
        self.plain = ""
        self.is_reference = False
        self.data: Any = None
        self.tags: list[str] = []
        self.section: Section | None = None
        self.inference: Inference | None = None


class _Node:
    """What statements and arguments share: members, data, tags, section, relations."""

    __slots__ = ("data", "members", "pos", "relations", "section", "tags", "title")

    def __init__(self, title: str, pos: int) -> None:
        self.title = title
        self.pos = pos
        self.members: list[Statement] = []
        self.data: dict[str, Any] | None = None
        self.tags: list[str] = []
        self.section: Section | None = None
        self.relations: dict[int, Relation] = {}

    def canonical(self) -> Statement | None:
        """The member whose text stands for all: one marked ``isCanonical``, else the last definition."""
        found = None
        for member in reversed(self.members):
            if not member.is_reference:
                if isinstance(member.data, dict) and member.data.get("isCanonical"):
                    return member
                found = found or member
        return found


class EquivalenceClass(_Node):
    """All statements with one title."""

    __slots__ = ()


class Argument(_Node):
    """An argument: descriptions and, if reconstructed, a PCS."""

    __slots__ = ("pcs",)

    def __init__(self, title: str, pos: int) -> None:
        super().__init__(title, pos)
        self.pcs: list[Statement] = []


class Inference:
    """The inference line of a PCS, leading to the statement after it."""

    __slots__ = ("data", "pos", "relations", "rules")

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.rules: list[str] = []
        self.data: Any = None
        self.relations: dict[int, Relation] = {}


Endpoint = EquivalenceClass | Argument | Inference


class Relation:
    """A relation between two of: equivalence class, argument, inference."""

    __slots__ = ("frm", "pos", "to", "type")

    def __init__(self, type: str, pos: int) -> None:
        self.type = type
        self.pos = pos
        self.frm: Endpoint | None = None
        self.to: Endpoint | None = None


class Document:
    """The Argdown model of one document."""

    def __init__(self) -> None:
        self.statements: dict[str, EquivalenceClass] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: list[Relation] = []
        #: (source, target, type) of every relation, by object identity.
        self.keys: set[tuple[int, int, str]] = set()
        self.front_matter: Any = None
        self.settings: dict[str, Any] = {}
        self.auto_titles: set[str] = set()


def _other(rel: Relation, node: Endpoint) -> Endpoint | None:
    return rel.to if rel.frm is node else rel.frm


class _Parser:
    def __init__(self, doc: str, toks: lx.Tokens, load_data: Callable[[str, int], Any]) -> None:
        self.doc = doc
        self.ty = toks.types
        self.im = toks.images
        self.st = toks.starts
        self.ty.append(K.EOF)
        self.im.append("")
        self.st.append(len(doc))
        self.i = 0
        self.depth = 0
        self.load_data = load_data
        self.out = Document()
        self.untitled = 0
        self.heading: Statement | None = None
        self.statement: Statement | None = None
        self.section: Section | None = None
        self.relation_parent: Statement | Argument | Inference | None = None
        self.relation: Relation | None = None
        self.parents: list[Endpoint] = []
        self.pcs_argument: Argument | None = None
        self.inference: Inference | None = None
        self.remove_tags = False
        self.shortcodes: dict[str, str] = {}

    # -- helpers ----------------------------------------------------------------

    def fail(self, msg: str, i: int | None = None) -> ArgdownSyntaxError:
        i = self.i if i is None else i
        found = self.ty[i].value
        return ArgdownSyntaxError(f"{msg}; found {found}", self.doc, self.st[i])

    def expect(self, kind: K, what: str) -> str:
        if self.ty[self.i] is not kind:
            raise self.fail(f"expected {what}")
        image = self.im[self.i]
        self.i += 1
        return image

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"nesting deeper than {MAX_DEPTH} levels")

    def unique_title(self) -> str:
        self.untitled += 1
        title = f"Untitled {self.untitled}"
        self.out.auto_titles.add(title)
        return title

    def target(self) -> Statement | None:
        return self.heading or self.statement

    def data(self) -> Any:
        """Consume a ``{data}`` token and return its YAML value."""
        image, pos = self.im[self.i], self.st[self.i]
        self.i += 1
        if image.startswith("{\n"):
            image = image[2:].rstrip()
            image = image[:-1] if image.endswith("}") else image
            pos += 2
        return self.load_data(image, pos)

    def ec(self, title: str, pos: int) -> EquivalenceClass:
        found = self.out.statements.get(title)
        if found is None:
            found = self.out.statements[title] = EquivalenceClass(title, pos)
        return found

    def argument_named(self, title: str | None, pos: int) -> Argument:
        found = self.out.arguments.get(title) if title else None
        if found is None:
            title = title or self.unique_title()
            found = self.out.arguments[title] = Argument(title, pos)
        self.relation_parent = found
        return found

    def member(self, parent: Statement | Argument | Inference) -> Endpoint:
        """The model object a relation tree under ``parent`` hangs from."""
        if isinstance(parent, Statement):
            if not parent.title:
                parent.title = self.unique_title()
            if parent.inference is _DESCRIPTION:
                return self.argument_named(parent.title, parent.pos)
            return self.ec(parent.title, parent.pos)
        return parent

    # -- document ------------------------------------------------------------------

    def document(self) -> Document:
        ty = self.ty
        if ty[self.i] is K.NEWLINE:
            self.i += 1
        if ty[self.i] is K.EMPTYLINE:
            self.i += 1
        previous: Any = None
        if ty[self.i] is K.FRONT_MATTER:
            image, pos = self.im[self.i], self.st[self.i]
            self.i += 1
            body = image.strip().strip("=")
            self.out.front_matter = self.load_data(body, pos + image.find(body) if body else pos)
            if isinstance(self.out.front_matter, dict):
                self.out.settings = self.out.front_matter
                model = self.out.front_matter.get("model")
                if isinstance(model, dict):
                    self.remove_tags = bool(model.get("removeTagsFromText"))
                    codes = model.get("shortcodes")
                    if isinstance(codes, dict):
                        for code, info in codes.items():
                            if isinstance(info, dict) and isinstance(info.get("unicode"), str):
                                self.shortcodes[str(code)] = info["unicode"]
            if ty[self.i] is K.NEWLINE:
                self.i += 1
            if ty[self.i] is not K.EOF:
                self.expect(K.EMPTYLINE, "an empty line after the front matter")
        if ty[self.i] is K.EOF:  # the reference rejects a document without elements
            raise self.fail("the document has no statement, argument or heading")
        while True:
            previous = self.item(previous)
            if ty[self.i] is not K.EMPTYLINE:
                break
            self.i += 1
        if ty[self.i] is not K.EOF:
            raise self.fail("expected an empty line before a new element")
        return self.out

    def item(self, previous: Any) -> Any:
        kind = self.ty[self.i]
        if kind is K.HEADING:
            self.heading_()
            return None
        if kind in _STATEMENT_FIRST:
            self.statement_()
            return None
        if kind is K.STATEMENT_NUMBER:
            self.pcs(previous if isinstance(previous, Argument) else None)
            return None
        if kind in _ARGUMENT_FIRST:
            return self.argument()
        if kind is K.INDENT and self.ty[self.i + 1] in (K.ORDERED_ITEM, K.UNORDERED_ITEM):
            self.list_()
            return None
        raise self.fail("expected a statement, an argument, a heading or a list")

    def heading_(self) -> None:
        start = self.i
        marks = self.im[self.i]
        self.i += 1
        heading = self.heading = Statement(self.st[start])
        self.content()
        if self.ty[self.i] is K.DATA or (self.ty[self.i] is K.NEWLINE and self.ty[self.i + 1] is K.DATA):
            if self.ty[self.i] is K.NEWLINE:
                self.i += 1
            self.data()  # read for its errors; a heading's data only styles groups
            if self.ty[self.i] is K.NEWLINE:
                self.i += 1
        level = len(marks) - 1
        section = Section(heading.text.strip(_JS_WS), level, heading.pos)
        current = self.section
        while current is not None and current.level >= level:
            current = current.parent
        section.parent = current
        self.section = section
        self.heading = None

    def list_(self) -> None:
        self.i += 1  # INDENT
        self.deeper()
        item = self.ty[self.i]
        while self.ty[self.i] is item:
            self.i += 1
            if self.ty[self.i] in _ARGUMENT_FIRST:
                self.argument()
            elif self.ty[self.i] in _STATEMENT_FIRST:
                self.statement_()
            else:
                raise self.fail("expected a statement or an argument in a list item")
        self.expect(K.DEDENT, "the end of the list")
        self.depth -= 1

    # -- statements ----------------------------------------------------------------

    def statement_(self) -> Statement:
        stmt = self.statement = Statement(self.st[self.i])
        self.relation_parent = stmt
        kind = self.ty[self.i]
        if kind is K.STATEMENT_REFERENCE:
            stmt.title = self.im[self.i][1:-1]
            stmt.is_reference = True
            self.i += 1
            self.tags_and_newline(stmt)
        elif kind is K.STATEMENT_DEFINITION:
            stmt.title = self.im[self.i][1:-2]
            self.i += 1
            if self.ty[self.i] not in _CONTENT:
                raise self.fail("expected the text of the statement")
            self.content()
        else:
            self.content()
        self.data_and_relations(stmt)
        if not stmt.title:
            stmt.title = self.unique_title()
        ec = self.ec(stmt.title, stmt.pos)
        self.join(ec, stmt)
        self.statement = None
        return stmt

    def tags_and_newline(self, stmt: Statement) -> None:
        while self.ty[self.i] is K.TAG:
            self.tag()
        if self.ty[self.i] is K.NEWLINE:
            if self.ty[self.i + 1] in (K.DATA, K.INDENT) and not stmt.text.endswith(" "):
                stmt.text += " "
            self.i += 1

    def data_and_relations(self, stmt: Statement) -> None:
        if self.ty[self.i] is K.DATA:
            stmt.data = self.data()
            if self.ty[self.i] is K.NEWLINE:
                self.i += 1
        if self.ty[self.i] is K.INDENT:
            self.relations()

    def join(self, node: _Node, stmt: Statement) -> None:
        """Add a member to its equivalence class or argument, as the reference does."""
        stmt.section = self.section
        for tag in stmt.tags:
            if tag not in node.tags:
                node.tags.append(tag)
        if stmt.data is not None:
            node.data = _merge(node.data, stmt.data) if isinstance(stmt.data, dict) else node.data
        node.members.append(stmt)
        in_group = stmt.data.get("isInGroup") if isinstance(stmt.data, dict) else None
        if in_group is True or (not stmt.is_reference and in_group is None and node.section is None):
            node.section = stmt.section

    def content(self) -> None:
        """``statementContent``: text, links, bold, italic, tags, mentions and line breaks."""
        ty = self.ty
        if ty[self.i] not in _CONTENT:
            raise self.fail("expected text")
        while True:
            kind = ty[self.i]
            if kind in _FREE:
                self.free_text()
            elif kind is K.NEWLINE:
                self.i += 1
                target = self.target()
                if target is not None and ty[self.i] in _CONTENT and not target.text.endswith(" "):
                    target.text += " "
                    target.plain += " "
            elif kind is K.TAG:
                self.tag()
            elif kind in _END_OF:
                self.formatted(kind)
            elif kind is K.LINK:
                self.link()
            elif kind in (K.STATEMENT_MENTION, K.ARGUMENT_MENTION):
                image = self.im[self.i]
                self.i += 1
                target = self.target()
                if target is not None:
                    target.text += image
                    target.plain += image
            else:
                return
            if ty[self.i] not in _CONTENT:
                return

    def free_text(self) -> str:
        parts: list[str] = []
        ty, im = self.ty, self.im
        while True:
            kind = ty[self.i]
            image = im[self.i]
            if kind in (K.FREESTYLE, K.UNUSED_CONTROL):
                parts.append(image)
            elif kind is K.ESCAPED:
                parts.append(image[1:])
            elif kind is K.SPECIAL:
                parts.append(_shortcode(image, self.shortcodes))
            else:
                break
            self.i += 1
        text = "".join(parts)
        target = self.target()
        if target is not None:
            target.text += text
            target.plain += text
        return text

    def tag(self) -> None:
        image = self.im[self.i]
        self.i += 1
        target = self.target()
        if target is None:
            return
        body = image[1:].rstrip(" \t")
        tag = body[1:-1] if body.startswith("(") else body
        if not self.remove_tags:
            target.text += image
        if tag not in target.tags:
            target.tags.append(tag)

    def link(self) -> None:
        image = self.im[self.i]
        self.i += 1
        target = self.target()
        if target is None:
            return
        text = image[1 : image.rindex("](")] if "](" in image else image
        # The reference's pattern \[(.+)\]\((.+)\) is greedy but cannot cross a line break.
        text = text + (" " if image.endswith((" ", "\t")) else "")
        target.text += text
        target.plain += text

    def formatted(self, start: K) -> None:
        self.deeper()
        self.i += 1
        if self.ty[self.i] in _CONTENT:
            self.content()
        end = self.ty[self.i]
        if end is not _END_OF[start]:
            raise self.fail("expected the end of the bold or italic text")
        image = self.im[self.i]
        self.i += 1
        target = self.target()
        if target is not None and image.endswith((" ", "\t")):
            target.text += " "
            target.plain += " "
        self.depth -= 1

    # -- arguments -------------------------------------------------------------------

    def argument(self) -> Argument:
        desc = self.statement = Statement(self.st[self.i])
        desc.inference = _DESCRIPTION
        self.relation_parent = desc
        kind = self.ty[self.i]
        if kind is K.ARGUMENT_DEFINITION:
            desc.title = self.im[self.i][1:-2]
            self.i += 1
            if self.ty[self.i] not in _CONTENT:
                raise self.fail("expected the description of the argument")
            self.content()
        else:
            desc.title = self.im[self.i][1:-1]
            desc.is_reference = True
            self.i += 1
            self.tags_and_newline(desc)
        self.data_and_relations(desc)
        if not desc.title:
            desc.title = self.unique_title()
        arg = self.argument_named(desc.title, desc.pos)
        self.join(arg, desc)
        self.statement = None
        return arg

    def pcs(self, argument: Argument | None) -> None:
        start = self.st[self.i]
        arg = argument if argument is not None else self.argument_named(None, start)
        if self.section is not None:
            arg.section = self.section
        if arg.pcs:
            raise ArgdownSyntaxError(
                f"argument <{arg.title}> has more than one premise-conclusion structure", self.doc, start
            )
        self.pcs_argument = arg
        self.pcs_statement(after_inference=None)
        tails = 0
        while self.ty[self.i] in (K.STATEMENT_NUMBER, K.INFERENCE_START):
            while self.ty[self.i] is K.STATEMENT_NUMBER:
                self.pcs_statement(after_inference=None)
            if self.ty[self.i] is not K.INFERENCE_START:
                raise self.fail("expected an inference line (----) before the conclusion")
            inference = self.inference_()
            if self.ty[self.i] is not K.STATEMENT_NUMBER:
                raise self.fail("expected a numbered conclusion after the inference")
            self.pcs_statement(after_inference=inference)
            tails += 1
        if not tails:
            raise self.fail("expected an inference line (----) in the premise-conclusion structure")
        # The reference keeps the last inference as the target of later "_" undercuts.
        self.pcs_argument = None
        self.statement = None

    def pcs_statement(self, after_inference: Inference | None) -> None:
        self.i += 1  # STATEMENT_NUMBER
        if self.ty[self.i] not in _STATEMENT_FIRST:
            raise self.fail("expected a statement after the number")
        stmt = self.statement_()
        arg = self.pcs_argument
        assert arg is not None
        if after_inference is not None:
            stmt.inference = after_inference
        arg.pcs.append(stmt)

    def inference_(self) -> Inference:
        inf = self.inference = Inference(self.st[self.i])
        self.relation_parent = inf
        self.i += 1  # INFERENCE_START
        ty = self.ty
        if ty[self.i] in _FREE or (ty[self.i] is K.NEWLINE and ty[self.i + 1] in _FREE):
            if ty[self.i] is K.NEWLINE:
                self.i += 1
            while True:
                saved, self.heading, self.statement = (self.heading, self.statement), None, None
                inf.rules.append(self.free_text().strip(_JS_WS))
                self.heading, self.statement = saved
                if ty[self.i] is not K.LIST_DELIMITER:
                    break
                self.i += 1
                if ty[self.i] not in _FREE:
                    raise self.fail("expected an inference rule after the comma")
        if ty[self.i] is K.NEWLINE:
            self.i += 1
        if ty[self.i] is K.DATA:
            inf.data = self.data()
            if ty[self.i] is K.NEWLINE:
                self.i += 1
        self.expect(K.INFERENCE_END, "the end of the inference line (--)")
        self.expect(K.NEWLINE, "a line break after the inference line")
        if ty[self.i] is K.INDENT:
            self.i += 1
            self.deeper()
            self.parents.append(inf)
            if ty[self.i] is not K.OUT_UNDERCUT:
                raise self.fail("expected an undercut (<_) below the inference")
            while ty[self.i] is K.OUT_UNDERCUT:
                self.relation_item(K.OUT_UNDERCUT)
            self.relation = None
            self.parents.pop()
            self.expect(K.DEDENT, "the end of the undercuts")
            self.depth -= 1
        return inf

    # -- relations -----------------------------------------------------------------------

    def relations(self) -> None:
        parent = self.relation_parent
        if parent is None:  # pragma: no cover - every caller sets a parent
            raise self.fail("relation without a parent")
        self.i += 1  # INDENT
        self.deeper()
        self.parents.append(self.member(parent))
        if self.ty[self.i] not in _RELATION_TYPE:
            raise self.fail("expected a relation (+, -, <+, <-, +>, ->, _>, <_, ><)")
        while self.ty[self.i] in _RELATION_TYPE:
            self.relation_item(self.ty[self.i])
        self.relation = None
        self.parents.pop()
        self.expect(K.DEDENT, _NEW_ELEMENT)
        self.depth -= 1

    def relation_item(self, kind: K) -> None:
        rel_type, incoming = _RELATION_TYPE[kind]
        parent = self.parents[-1]
        rel = self.relation = Relation(rel_type, self.st[self.i])
        if incoming:
            rel.frm = parent
        elif kind is K.OUT_UNDERCUT and isinstance(parent, EquivalenceClass) and self.inference is not None:
            rel.to = self.inference
        else:
            rel.to = parent
        self.i += 1
        nxt = self.ty[self.i]
        node: Endpoint
        if nxt in _ARGUMENT_FIRST and kind is not K.CONTRADICTION:
            node = self.argument()
        elif nxt in _STATEMENT_FIRST:
            node = self.ec(self.statement_().title, rel.pos)
        else:
            raise self.fail("expected a statement or an argument after the relation symbol")
        if rel.frm is not None:
            rel.to = node
        else:
            rel.frm = node
        self.add_relation(rel)

    def add_relation(self, rel: Relation) -> None:
        source, target = rel.frm, rel.to
        assert source is not None and target is not None
        keys = self.out.keys
        key = (id(source), id(target), rel.type)
        if key in keys or (rel.type == "contradictory" and (id(target), id(source), rel.type) in keys):
            return  # the reference merges repeated relations into one
        if source is target and _has_incoming(source, rel.type):
            return  # ... and a relation of a node to itself into any of that type to it
        keys.add(key)
        self.out.relations.append(rel)
        source.relations[id(rel)] = rel
        target.relations[id(rel)] = rel


#: Marks a statement that describes an argument (the reference's role).
_DESCRIPTION: Final = Inference(-1)


def _merge(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``new`` into a copy of ``old`` (lodash ``merge`` on plain data)."""
    out = dict(old or {})
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _shortcode(image: str, custom: dict[str, str]) -> str:
    code = image.rstrip(" \t")
    symbol = custom.get(code) or rx.SHORTCODE_SPECIAL.get(code) or rx.SHORTCODES.get(code[1:-1])
    if symbol is None:
        return image
    return symbol + (" " if image.endswith(" ") else "")


def _finish(out: Document) -> None:
    """The reference's post-processing: sections, argument relations, strict mode, redundancy."""
    for node in [*out.statements.values(), *out.arguments.values()]:
        if node.section is None and node.members:
            node.section = node.members[0].section
    model = out.settings.get("model") if isinstance(out.settings, dict) else None
    model = model if isinstance(model, dict) else {}
    if model.get("transformArgumentRelations", True):
        _transform_argument_relations(out)
    if model.get("mode") == "strict":
        _strict(out)
    _remove_redundant(out)


def _drop(rel: Relation, node: Endpoint | None) -> None:
    if node is not None:
        node.relations.pop(id(rel), None)


def _has_incoming(node: Endpoint, rel_type: str) -> bool:
    return any(r.to is node and r.type == rel_type for r in node.relations.values())


def _rekey(out: Document, rel: Relation, old: tuple[int, int, str]) -> bool:
    """Move ``rel`` from key ``old`` to its current key; False if that key is taken."""
    out.keys.discard(old)
    key = (id(rel.frm), id(rel.to), rel.type)
    if key in out.keys:
        return False
    out.keys.add(key)
    return True


def _transform_argument_relations(out: Document) -> None:
    kept: list[Relation] = []
    for rel in out.relations:
        add = True
        frm, to = rel.frm, rel.to
        if isinstance(frm, Argument) and frm.pcs:
            _drop(rel, frm)
            ec = out.statements[frm.pcs[-1].title]
            rel.frm = ec
            fresh = _rekey(out, rel, (id(frm), id(to), rel.type))
            if fresh and (to is not ec or not _has_incoming(ec, rel.type)):
                ec.relations[id(rel)] = rel
            else:
                _drop(rel, rel.to)
                add = False
        if isinstance(to, Argument) and to.pcs and rel.type == "undercut":
            inference = to.pcs[-1].inference
            assert inference is not None
            rel.to = inference
            _drop(rel, to)
            if _rekey(out, rel, (id(rel.frm), id(to), rel.type)):
                inference.relations[id(rel)] = rel
            else:
                _drop(rel, rel.frm)
                add = False
        if add:
            kept.append(rel)
    out.relations = kept


def _strict(out: Document) -> None:
    kept: list[Relation] = []
    keys = out.keys
    for rel in out.relations:
        if isinstance(rel.frm, EquivalenceClass) and isinstance(rel.to, EquivalenceClass):
            old = (id(rel.frm), id(rel.to), rel.type)
            if rel.type == "support":
                rel.type = "entails"
                _rekey(out, rel, old)
            elif rel.type == "attack":
                pair = (id(rel.frm), id(rel.to))
                if (*pair, "contrary") in keys or (pair[1], pair[0], "contrary") in keys:
                    keys.discard(old)
                    _drop(rel, rel.frm)
                    _drop(rel, rel.to)
                    continue
                rel.type = "contrary"
                _rekey(out, rel, old)
        kept.append(rel)
    out.relations = kept


def _remove_redundant(out: Document) -> None:
    kept: list[Relation] = []
    for rel in out.relations:
        ec, arg = rel.frm, rel.to
        if isinstance(ec, EquivalenceClass) and rel.type == "attack" and isinstance(arg, Argument):
            premises = {s.title for s in arg.pcs if s.inference is None}
            redundant = False
            for other in ec.relations.values():
                peer = _other(other, ec)
                if (
                    isinstance(peer, EquivalenceClass)
                    and (
                        (other.type == "attack" and other.frm is ec)
                        or other.type in ("contradictory", "contrary")
                    )
                    and peer.title in premises
                ):
                    redundant = True
                    break
            if redundant:
                _drop(rel, ec)
                _drop(rel, arg)
                continue
        kept.append(rel)
    out.relations = kept


def parse_document(doc: str, load_data: Callable[[str, int], Any]) -> Document:
    """Parse a normalised document into the Argdown model.

    ``load_data(text, pos)`` turns the YAML of ``{data}`` and front matter into
    Python values.
    """
    parser = _Parser(doc, lx.tokenize(doc), load_data)
    out = parser.document()
    _finish(out)
    return out
