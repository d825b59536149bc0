"""Verdicts → one self-contained HTML page (no network, no JavaScript).

The notes are rendered as a reader sees them by markdown-it-py (CommonMark,
tables; ``$…$``, ``$$…$$`` and amsmath environments by mdit-py-plugins), every
formula typeset as MathML (:mod:`.mathml`), and each verdict shown beside the
formula on its line: a formula spanning lines takes the verdicts of all of
them; a verdict on a line without a rendered formula (math inside a code span)
is shown at the end of its paragraph, and one outside any block at the end.
Raw HTML in the notes is shown as text, never run.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from html import escape
from importlib import resources
from typing import Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.texmath import texmath_plugin

from .greek_names import show_name
from .mathml import to_mathml
from .sources import Notes

KINDS = ("wrong", "numeric", "skipped", "proved", "definition")
SIGN = {"proved": "✓", "numeric": "≈", "wrong": "✗", "definition": "≔", "skipped": "–"}
_DISPLAY_BLOCKS = ("math_block", "math_block_label", "math_block_eqno", "amsmath")
_INLINE_MATH = ("math_inline", "math_inline_double")
_LEAF_BLOCKS = ("fence", "code_block", "html_block")


def kind(verdict) -> str:
    """The verdict's name as a plain string (a str Enum gives its value)."""
    return getattr(verdict.verdict, "value", verdict.verdict)


@dataclass(frozen=True)
class _Place:
    token: Token
    first: int  # lines of the checked text, from 1, inclusive
    last: int
    text: str


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.use(dollarmath_plugin, double_inline=True).use(amsmath_plugin)
    md.use(texmath_plugin, delimiters="brackets")  # \(…\) and \[…\], which derive check reads too
    for name in _DISPLAY_BLOCKS + _INLINE_MATH:
        md.add_render_rule(name, _render_math)
    for name in _LEAF_BLOCKS:
        md.add_render_rule(name, _leaf_with_marks(md.renderer.rules[name]))
    for name in ("paragraph_close", "heading_close"):
        md.add_render_rule(name, _close_with_marks)
    return md


def _render_math(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    display = token.type != "math_inline"
    latex = token.content
    math = to_mathml(latex, display)
    marks = env["marks"].get(id(token), [])
    kinds = " ".join(f"has-{k}" for k in sorted({kind(env["verdicts"][i]) for i in marks}))
    if not display:
        return f'<span class="math">{math}</span>' + _marks_html(env, marks, "span")
    tag = "div" if token.type in _DISPLAY_BLOCKS else "span"
    return (f'<{tag} class="eq {kinds}"><span class="eq-math">{math}</span>'
            f'{_marks_html(env, marks, "span")}</{tag}>\n')


def _leaf_with_marks(original):
    def render(self, tokens, idx, options, env) -> str:
        return original(tokens, idx, options, env) + _marks_html(env, env["marks"].get(id(tokens[idx]), []), "div")
    return render


def _close_with_marks(self, tokens, idx, options, env) -> str:
    marks = _marks_html(env, env["marks"].get(id(tokens[idx]), []), "span")
    return marks + self.renderToken(tokens, idx, options, env)


def _marks_html(env: dict, indexes: list[int], tag: str) -> str:
    if not indexes:
        return ""
    return f'<{tag} class="marks">' + "".join(env["mark"](i) for i in indexes) + f"</{tag}>"


def _places(tokens: list[Token], offset: int, text: str) -> tuple[list[_Place], list[_Place]]:
    """The formulas (math tokens) and leaf blocks of a parsed part, with lines."""
    math, blocks, opened, seen = [], [], [], 0
    for token in tokens:
        if token.map:
            seen = max(seen, token.map[1])
        if token.type in _DISPLAY_BLOCKS and token.map:
            math.append(_Place(token, token.map[0] + 1 + offset, token.map[1] + offset, token.content))
        elif token.type in _DISPLAY_BLOCKS:  # texmath's \[…\] has no line map: find it after the last block
            start = text.find(token.content, sum(len(l) for l in text.splitlines(keepends=True)[:seen]))
            if start >= 0:
                first = text.count("\n", 0, start) + 1
                seen = first + token.content.count("\n")
                math.append(_Place(token, first + offset, seen + offset, token.content))
        elif token.type == "inline" and token.map:
            line = token.map[0] + 1 + offset
            for child in token.children or []:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                    continue
                newlines = child.content.count("\n")
                if child.type in _INLINE_MATH:
                    math.append(_Place(child, line, line + newlines, child.content))
                line += newlines
        if token.type in ("paragraph_open", "heading_open"):
            opened.append(token.map)
        elif token.type in ("paragraph_close", "heading_close") and opened:
            span = opened.pop()
            if span:
                blocks.append(_Place(token, span[0] + 1 + offset, span[1] + offset, ""))
        elif token.type in _LEAF_BLOCKS and token.map:
            blocks.append(_Place(token, token.map[0] + 1 + offset, token.map[1] + offset, ""))
    return math, blocks


def _squash(latex: str) -> str:
    return re.sub(r"\s+", "", latex)


def _assign(verdicts: Sequence, math: list[_Place], blocks: list[_Place]) -> tuple[dict, list[int]]:
    """Which formula (or block) shows each verdict; the indexes placed nowhere."""
    marks, unplaced = defaultdict(list), []
    for i, v in enumerate(verdicts):
        spots = [p for p in math if p.first <= v.line <= p.last]
        if len(spots) > 1:  # several formulas on the line: the one holding the claim
            claim = _squash(v.latex.split("=")[-1])
            spots = [p for p in spots if claim and claim in _squash(p.text)] or spots
        spots = spots or [p for p in blocks if p.first <= v.line <= p.last]
        if spots:
            marks[id(spots[0].token)].append(i)
        else:
            unplaced.append(i)
    return marks, unplaced


def _point_text(counterexample: dict) -> str:
    point = ", ".join(f"{show_name(str(k))} = {v}" for k, v in counterexample.get("point", {}).items())
    sides = f"left side {counterexample.get('left')}, right side {counterexample.get('right')}"
    return f"at {point}: {sides}" if point else sides


def corrected_claim(v) -> str:
    """The claim as it should read: its left side = the expected expression."""
    left, sep, _ = v.latex.partition("=")
    return f"{left.strip()} = {v.expected}" if sep and left.strip() else v.expected


class _FileReport:
    """The verdicts of one file, with an anchor id for each."""

    def __init__(self, notes: Notes, verdicts: Sequence, assumptions: Sequence[str], prefix: str) -> None:
        self.notes, self.verdicts, self.assumptions, self.prefix = notes, list(verdicts), list(assumptions), prefix
        self.ids, seen = [], defaultdict(int)
        for v in self.verdicts:
            cell, line = notes.locate(v.line)
            base = f"{prefix}line-{line}" if cell is None else f"{prefix}cell-{cell}-line-{line}"
            seen[base] += 1
            self.ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")

    def label(self, i: int) -> str:
        return self.notes.label(self.verdicts[i].line)

    def mark(self, i: int) -> str:
        v, name = self.verdicts[i], kind(self.verdicts[i])
        body = [f'<span class="sign" aria-hidden="true">{SIGN.get(name, "•")}</span> '
                f'<span class="kind">{escape(name)}</span> <span class="where">{self.label(i)}</span>']
        if name == "wrong":
            if v.expected:
                expected = to_mathml("\\displaystyle " + corrected_claim(v))
                body.append(f'<span class="detail">should read <span class="expected">{expected}</span></span>')
            if v.counterexample:
                body.append(f'<span class="detail">{escape(_point_text(v.counterexample))}</span>')
        elif v.reason and name in ("numeric", "skipped", "definition"):
            body.append(f'<span class="detail">{escape(v.reason)}</span>')
        title = escape(f"{self.label(i)}: {v.latex}")
        return f'<span class="mark {escape(name)}" id="{self.ids[i]}" title="{title}">{"".join(body)}</span>'

    def summary(self, heading: str) -> str:
        counts = {k: sum(kind(v) == k for v in self.verdicts) for k in KINDS}
        chips = " ".join(f'<span class="count {k}">{SIGN[k]} {n} {k}</span>' for k, n in counts.items() if n)
        out = [f'<header class="summary"><{heading} class="file">{escape(self.notes.path)}</{heading}>',
               f'<p class="counts">{chips or "no claims found"}</p>']
        out += [f'<p class="assumed">assumed {escape(a)}</p>' for a in self.assumptions]
        wrong = [i for i, v in enumerate(self.verdicts) if kind(v) == "wrong"]
        if wrong:
            items = "".join(
                f'<li><a href="#{self.ids[i]}">{self.label(i)}</a>: {to_mathml(self.verdicts[i].latex)}'
                + (f' — should read {to_mathml(corrected_claim(self.verdicts[i]))}' if self.verdicts[i].expected else "")
                + "</li>" for i in wrong)
            out.append(f'<div class="wrong-steps"><p>Wrong steps:</p><ol>{items}</ol></div>')
        else:
            out.append('<p class="all-good">No wrong steps.</p>')
        out.append("</header>")
        return "\n".join(out)

    def notes_html(self) -> str:
        md = _parser()
        parsed = [(part, md.parse(part.text)) for part in self.notes.parts]
        math, blocks = [], []
        for part, tokens in parsed:
            m, b = _places(tokens, part.first_line - 1, part.text)
            math += m
            blocks += b
        marks, unplaced = _assign(self.verdicts, math, blocks)
        env = {"marks": marks, "verdicts": self.verdicts, "mark": self.mark}
        out = []
        for part, tokens in parsed:
            if part.cell is not None:
                out.append(f'<div class="cell-label">cell {part.cell}</div>')
            out.append(f'<div class="part">{md.renderer.render(tokens, md.options, env)}</div>')
        if unplaced:
            out.append('<div class="unplaced"><p>Steps not located in the rendered notes:</p>'
                       + _marks_html(env, unplaced, "div") + "</div>")
        return "\n".join(out)

    def section(self, heading: str = "h1") -> str:
        return (f'<section class="file-report" id="{self.prefix}report">\n{self.summary(heading)}\n'
                f'<article class="notes">\n{self.notes_html()}\n</article>\n</section>')


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report's CSS (print rules included)."""
    return resources.files("derive.check").joinpath("report.css").read_text(encoding="utf-8")


_FRAGMENTS = count(1)  # several results shown in one notebook keep their anchors apart


def render_fragment(notes: Notes, verdicts: Sequence, assumptions: Sequence[str]) -> str:
    """One file's report as an HTML fragment with its own style (for ``_repr_html_``)."""
    body = _FileReport(notes, verdicts, assumptions, f"r{next(_FRAGMENTS)}-").section("h2")
    return f'<div class="derive-check"><style>{stylesheet()}</style>\n{body}\n</div>'


def render_page(reports: Iterable[tuple[Notes, Sequence, Sequence[str]]],
                unreadable: Sequence[tuple[str, str]] = ()) -> str:
    """A whole HTML document: one (notes, verdicts, assumptions) report per file;
    with several files (``unreadable`` ones too: path, reason), a table at the
    top links to each."""
    reports = list(reports)
    several = len(reports) != 1 or bool(unreadable)
    files = [_FileReport(n, v, a, f"f{k + 1}-" if several else "") for k, (n, v, a) in enumerate(reports)]
    title = "derive check: " + (files[0].notes.path if not several else _files(len(files) + len(unreadable)))
    parts = [_table(files, unreadable)] if several else []
    parts += [f.section("h2" if several else "h1") for f in files]
    return ("<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"derive check\">\n"
            f"<title>{escape(title)}</title>\n<style>{stylesheet()}</style>\n</head>\n"
            f'<body>\n<div class="derive-check">\n' + "\n".join(parts) + "\n</div>\n</body>\n</html>\n")


def _files(count: int) -> str:
    return f"{count} file" + ("" if count == 1 else "s")


def _table(files: list[_FileReport], unreadable: Sequence[tuple[str, str]]) -> str:
    rows = []
    for f in files:
        counts = [sum(kind(v) == k for v in f.verdicts) for k in KINDS]
        cells = "".join(f'<td class="{k}">{n}</td>' for k, n in zip(KINDS, counts))
        rows.append(f'<tr><td><a href="#{f.prefix}report">{escape(f.notes.path)}</a></td>{cells}</tr>')
    rows += [f'<tr><td>{escape(path)}</td><td class="wrong" colspan="{len(KINDS)}">unreadable: {escape(why)}</td></tr>'
             for path, why in unreadable]
    head = "".join(f"<th>{k}</th>" for k in KINDS)
    return (f'<header class="summary course"><h1>derive check: {_files(len(files) + len(unreadable))}</h1>'
            f'<table class="files"><thead><tr><th>file</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></header>')
