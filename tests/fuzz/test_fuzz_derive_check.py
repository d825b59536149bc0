"""``derive check`` on hostile notes: unclosed and mixed delimiters, towers of
powers and exponentials, definitions whose size appears only once they are
substituted, bytes that are not UTF-8. Each run gives a documented exit code
(0, 1 or 2), no traceback, within the time bound, creating nothing.

The budget's worker is a process that lives as long as the command; the
command here runs in the test's process, so it is stopped after each input
(that the worker dies with a real command is tested in test_cli_processes).
Run with the other fuzz tests: ``pytest tests/fuzz`` (``HYPOTHESIS_PROFILE=thorough`` for many more inputs).
"""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import event, example, given, strategies as st

from derive import worker
from derive.cli import main as derive_main

from fuzz_frame import assert_well_behaved, run_hostile

#: Budget per step: small, so that a hostile step costs little.
TIMEOUT = "0.3"

SIDES = ["e^{e^{e^{100}}}", "\\frac{1}{L^{2}}", "L^{12}", "10^{10^{10}}", "x^{1000000}", "(w x + b)^{60}",
         "\\frac{d}{dw} (w x + b)^{2}", "2 (w x + b) x", "\\sum_{i=1}^{n} x_i", "0", "1", "0.5", "w x + b",
         "\\frac{\\partial L}{\\partial w}", "e^{w}", "\\sqrt{x}", "\\log(0)", "\\frac{1}{0}", "9^{9^{9}}",
         "(" * 60 + "x" + ")" * 60, "\\begin{pmatrix} a \\\\ b \\end{pmatrix}", "x!", "{", "}^{", "\\frac{"]
DEFINITIONS = ["L = (y - w x - b)^{12}", "L = 10^{300}", "A = L^{1000}", "\\hat{y} = w x + b", "L = L + 1"]
NOISE = ["$$", "$", "\\[", "\\(", "\\\\[", "\\begin{align}", "```math\n", "```\n", "[\n", "\n]\n", "&", "\\\\",
         "\n", "> ", "\\$"]


@st.composite
def notes(draw) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"$${draw(st.sampled_from(DEFINITIONS))}$$\n\n")
        elif kind in (1, 2):
            parts.append(f"$${draw(st.sampled_from(SIDES))} = {draw(st.sampled_from(SIDES))}$$\n\n")
        else:
            parts.append(draw(st.sampled_from(NOISE)) * draw(st.sampled_from([1, 2, 1000])))
    text = "".join(parts).encode()
    if draw(st.integers(0, 9)) == 0:
        text += draw(st.binary(max_size=20))  # perhaps not UTF-8
    return text


@pytest.fixture(autouse=True, scope="module")
def _helpers_started():
    """Start the worker once and stop it: when this process has threads, that
    also starts multiprocessing's fork server (and resource tracker), helpers
    that live as long as this process, before the first input is snapshot."""
    worker.run_with_budget(abs, (-1,), 60)
    worker._worker.stop()


def _check(args) -> int:
    try:
        return derive_main(args)
    finally:
        worker._worker.stop()


@given(data=notes())
@example(data=b"$$e^{e^{e^{100}}} = 1$$\n")
@example(data=b"$$L = (y - w x - b)^{12}$$\n\n$$\\frac{1}{L^{2}} - 1 = 0$$\n")
@example(data=b"\\[" * 100_000)
@example(data=b"\xff\xfe$$x$$")
def test_derive_check_on_hostile_notes_ends_well(data):
    outcome = run_hostile(_check, {"notes.md": data},
                          lambda folder: ["check", str(folder / "notes.md"), "--timeout", TIMEOUT])
    event(f"exit {outcome.code}")
    if outcome.code == 1:  # a wrong step: a verdict on stdout, not a refusal on stderr
        assert ": wrong: " in outcome.out and outcome.err == ""
        outcome = dataclasses.replace(outcome, code=0)
    assert_well_behaved(outcome, {0, 2}, "derive: ")
