r"""A value the prose sets as a case: "If $m = 0$, …", "$\bar X = 0$인 경우 …",
"当$x = 0$时 …".

Read as a definition, such a value stays in force for the rest of the notes,
and a step in a later paragraph (the next example, the other case) was
judged with it: "p = \bar X, expected 0, at the values given". A case holds
where the prose says so, in its own paragraph. So a step judged wrong in a
later paragraph is judged again without the values set as cases there; when
it is then not wrong, it is skipped with the reason, never called wrong on a
case's value. Steps in the case's own paragraph keep it ("If $x = 2$, then
$f(x) = 5$" is still checked at x = 2).
"""
from __future__ import annotations

import re
from typing import Callable

from .derivation import Derivation, Step
from .expansion import relevant_definitions
from .greek_names import show_name

#: Words right before a span that make it a case ("if", "when", and the same in other languages).
_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:if|when|whenever|in the case|in case|for the case|si|lorsque|quand|cuando|"
                     r"falls|wenn|se|quando|nếu|khi|если|при)|若|如果|假如|当|當|もし)\s*$", re.IGNORECASE)
#: Words right after it (Korean, Japanese, Chinese put the condition after the math).
_AFTER = re.compile(r"^\s*(?:인 경우|일 경우|인 때|일 때|이면|이라면|の場合|のとき|の時|ならば|なら|时|時|的时候|的情况)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def case_said(text: str, start: int, end: int) -> str:
    """The words that make the inline math ``text[start:end]`` (inside ``$…$``)
    a case, or "" when the prose sets no case there."""
    if not 1 <= start <= len(text) or text[start - 1] != "$" or text[start - 2:start] == "$$":
        return ""
    before = _BEFORE.search(text[max(0, start - 1 - 24):start - 1])
    if before:
        return before.group(0).strip()
    after = _AFTER.match(text[end + 1:end + 12]) if end < len(text) and text[end:end + 1] == "$" else None
    return after.group(0).strip() if after else ""


def paragraph_end(text: str, start: int) -> int:
    """The offset where the paragraph holding ``start`` ends (its blank line, or the end)."""
    m = _BLANK_LINE.search(text, start)
    return m.start() if m else len(text)


def case_reason(step: Step, derivation: Derivation, wrong_without: Callable[[dict], bool]) -> str:
    """Why the wrong ``step`` is skipped: the names it reaches hold values set as
    cases in an earlier paragraph, and without them (``wrong_without(defs)``
    false) it is not wrong; "" otherwise."""
    defs = derivation.definitions_at(step.order)
    reached = relevant_definitions(defs, (step.first, step.claim))
    cases = {}
    for name, value in reached.items():
        orders = [order for order, v in derivation._definitions.get(name, []) if order < step.order and v == value]
        case = derivation.cases.get(orders[-1]) if orders else None
        if case is not None and case[1] < step.line:
            cases[name] = (orders[-1], case[0])
    if not cases or wrong_without({k: v for k, v in defs.items() if k not in cases}):
        return ""
    shown = "; ".join(f"{derivation.claims[order].latex} at line {derivation.claims[order].line} (\"{words}\")"
                      for order, words in cases.values())
    names = ", ".join(show_name(name.name) for name in cases)
    return (f"depends on the value of {names} that the prose sets as a case in an earlier paragraph ({shown}); "
            "without it the step is not wrong, and whether the case holds here is not said; not checked")
