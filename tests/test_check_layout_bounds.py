"""The layout blanker does work in proportion to its input, even when braces never close.

Each unclosed ``\\text{`` or ``\\tag{`` used to blank from itself to the end of the segment, and
each brace was matched by a scan to the end: 16,000 unclosed ``\\text{`` took minutes. These tests
count the characters blanked (work, not time) and check what the blanking means.
"""
from __future__ import annotations

import pytest

from derive.check import layout


@pytest.mark.parametrize("opener", ["\\text{a ", "\\tag{1 ", "\\textbf{b "])
def test_unclosed_openers_are_blanked_once(monkeypatch: pytest.MonkeyPatch, opener: str) -> None:
    blanked_chars = []
    original = layout._blank_span

    def counting(chars: list[str], start: int, end: int) -> None:
        blanked_chars.append(max(0, end - start))
        original(chars, start, end)

    monkeypatch.setattr(layout, "_blank_span", counting)
    text = "x = " + opener * 400
    out = layout.layout_blanked(text)
    # everything from the first unclosed opener on is prose or a label: all spaces
    assert out == "x =" + " " * (len(text) - 3)
    # each character blanked a bounded number of times, not once per opener before it
    assert sum(blanked_chars) <= 2 * len(text)


def test_brace_pairs_match_nesting_and_skip_escaped_braces() -> None:
    text = r"{a{b}\{c}d}{"
    # positions: 0 '{', 2 '{', 4 '}', 6 '\{' (escaped), 8 '}', 10 '}', 11 unclosed '{'
    assert layout.closing_brace(text, 2) == 4
    assert layout.closing_brace(text, 0) == 8
    assert layout.closing_brace(text, 11) == -1
    assert layout.closing_brace(text, 6) == -1  # an escaped brace opens nothing


def test_closed_text_after_an_unclosed_one_is_still_prose() -> None:
    text = r"a + \text{where} b = c"
    out = layout.layout_blanked(text)
    assert out.split() == ["a", "+", "b", "=", "c"]
