"""A small tree of an HTML page (standard library only), for tests of the
report: elements by id and class, text nodes outside <math>, text content."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict
    parent: "Element | None" = None
    children: list = field(default_factory=list)  # Elements and strings

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list["Element"]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def by_id(self, ident: str) -> "Element | None":
        return next((e for e in self.iter() if e.attrs.get("id") == ident), None)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.node = Element("#root", {})
        self.loose_text: list[tuple[str, Element]] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(element)
        if tag not in VOID:
            self.node = element

    def handle_startendtag(self, tag, attrs):
        self.node.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.node))

    def handle_endtag(self, tag):
        node = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.node = node.parent

    def handle_data(self, data):
        self.node.children.append(data)
        self.loose_text.append((data, self.node))


def parse(page: str) -> tuple[Element, list[tuple[str, Element]]]:
    """The root of ``page`` and every text node with its element."""
    builder = _Builder()
    builder.feed(page)
    builder.close()
    return builder.root, builder.loose_text


def prose_text(page: str) -> str:
    """The text a reader sees outside formulas (and outside <style>/<title>)."""
    _, texts = parse(page)
    keep = []
    for data, element in texts:
        chain = [element, *element.ancestors()]
        if any(e.tag in ("math", "style", "title", "script") for e in chain):
            continue
        keep.append(data)
    return "".join(keep)
