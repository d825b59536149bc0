"""``neuron fit FILE`` on hostile CSV files: random bytes, huge cells, byte-order
marks, other encodings, NaN and inf written as text, ragged rows, many
columns, odd options. Whatever the file, the run ends with 0 (trained),
1 (diverged) or 2 (refused, one ``neuron: …`` line), no traceback, within
the time bound, touching nothing but its own folder, leaving no child.

    HYPOTHESIS_PROFILE=thorough pytest tests/fuzz   # 2,000 inputs per test
"""
from __future__ import annotations

import json

from hypothesis import event, example, given, strategies as st

from neuron.cli import main as neuron_main
from neuron.csv_file import MAX_CELL

from fuzz_frame import assert_well_behaved, run_hostile

CODES = {0, 1, 2}

# cells ----------------------------------------------------------------------------

numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.floats(-100, 100).map(repr),
    st.integers(-10**6, 10**6).map(str),
    st.integers(-10**6, 10**6).map(str),
    st.integers().map(str),                                  # beyond the float range too
    st.sampled_from(["1e308", "-1e308", "1e-320", "0", "-0.0", "1_000", "0x10", "1e400"]),
)
non_finite = st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", "+nan", "1e999"])
huge = st.sampled_from([MAX_CELL - 1, MAX_CELL, MAX_CELL + 1, 3 * MAX_CELL]).map(lambda k: "1" + "0" * (k - 1))
odd = st.one_of(
    st.text(max_size=12),                                    # any Unicode, quotes and delimiters included
    st.sampled_from(["", " ", '"', '""', '"1,2"', "١٢", "²", "½", "\x00", "\u2028", "\ufeff1", "True", "None"]),
)
cells = st.one_of(numbers, numbers, numbers, non_finite, odd)


@st.composite
def tables(draw) -> str:
    """A CSV text: maybe a header, rows of numbers; half the time clean (so
    training runs), else with hostile cells, ragged rows and huge cells."""
    clean = draw(st.booleans())
    columns = draw(st.one_of(st.integers(1, 4), st.integers(2, 4), st.integers(5, 200)))
    rows = draw(st.integers(1 if clean else 0, 6))
    delimiter = draw(st.sampled_from([",", ",", ";", "\t"]))
    lines = []
    if draw(st.booleans()):
        names = st.sampled_from(["a", "b", "x", "y", "bmi", "w 1"]) | st.from_regex(r"[a-z]{1,8}", fullmatch=True) \
            if clean else odd
        lines.append(delimiter.join(draw(st.lists(names, min_size=columns, max_size=columns, unique=clean))))
    for _ in range(rows):
        width = columns if clean or draw(st.integers(0, 4)) else draw(st.integers(0, columns + 2))  # ragged
        lines.append(delimiter.join(draw(st.lists(numbers if clean else cells, min_size=width, max_size=width))))
    if not clean and draw(st.integers(0, 4)) == 0:  # a huge cell somewhere
        lines.insert(draw(st.integers(0, len(lines))), f"1{delimiter}{draw(huge)}")
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return end.join(lines) + draw(st.sampled_from(["", end]))


def encoded(text: str, how: str) -> bytes:
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how in ("utf-16", "latin-1"):
        return text.encode(how, "replace")
    return text.encode("utf-8", "surrogatepass")


files = st.one_of(
    st.binary(max_size=3000),                                                    # random bytes
    st.builds(encoded, tables(), st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"])),
    st.builds(encoded, tables(), st.sampled_from(["utf-8", "utf-8-sig"])),
)

# options ----------------------------------------------------------------------------

options = st.fixed_dictionaries({
    "epochs": st.sampled_from(["1", "2", "3"]),
    "lr": st.sampled_from(["1", "0.01", "1e-300", "1e300", "5"]),
    "loss": st.sampled_from(["half-se", "half-se", "se", "abs", "logistic", "(y - (w*x + b))**4"]),
    "batch": st.sampled_from([[], ["--batch-size", "2"], ["--batch-size", "100000"]]),
    "shuffle": st.sampled_from([[], ["--shuffle", "--seed", "1"]]),
    "method": st.sampled_from(["auto", "auto", "loop", "scan", "batch"]),
    "json": st.booleans(),
    "save": st.booleans(),
    "columns": st.sampled_from([[], [], ["--y", "0"], ["--x", "0", "--y", "1"], ["--y", "b"]]),
})


def _args(opts: dict) -> list[str]:
    args = ["fit", "data.csv", "--epochs", opts["epochs"], "--lr", opts["lr"], "--loss", opts["loss"],
            "--method", opts["method"], *opts["batch"], *opts["shuffle"], *opts["columns"]]
    return args + (["--json"] if opts["json"] else []) + (["--save", "saved.json"] if opts["save"] else [])


def _refuse(constant: str):
    raise ValueError(f"not JSON: {constant}")


@given(data=files, opts=options)
@example(data=b"\xef\xbb\xbf1,2\n3,4\n5,7\n", opts={"epochs": "1", "lr": "0.01", "loss": "half-se", "batch": [],
         "shuffle": [], "method": "auto", "json": True, "save": False, "columns": []})          # BOM: kept its first row
@example(data=("1," + "9" * 200_000 + "\n2,3\n").encode(), opts={"epochs": "1", "lr": "1", "loss": "half-se",
         "batch": [], "shuffle": [], "method": "auto", "json": False, "save": False, "columns": []})  # _csv.Error
@example(data=b"1e154,1e308\n1e154,1e308\n", opts={"epochs": "1", "lr": "1e-300", "loss": "half-se", "batch": [],
         "shuffle": [], "method": "auto", "json": True, "save": False, "columns": []})  # OverflowError in the hint
@example(data=b"1e308,1e308\n1e308,1e308\n", opts={"epochs": "1", "lr": "1e-300", "loss": "half-se", "batch": [],
         "shuffle": [], "method": "auto", "json": True, "save": False, "columns": []})  # Infinity in the JSON
def test_neuron_fit_on_a_hostile_csv_ends_well(data, opts):
    outcome = run_hostile(neuron_main, {"data.csv": data}, lambda folder: _args(opts))
    saved = {"saved.json"} if opts["save"] and outcome.code == 0 else set()
    assert_well_behaved(outcome, CODES, "neuron: ", saved)
    event(f"exit {outcome.code}")
    if outcome.code == 0:
        assert outcome.out.strip(), "trained but printed nothing"
        if opts["json"]:
            json.loads(outcome.out, parse_constant=_refuse)
        if opts["save"]:
            assert outcome.created == {"saved.json"}
    elif outcome.code == 1:
        assert outcome.err.startswith("neuron: training diverged")
    if data.startswith(b"\xef\xbb\xbf1,2\n3,4\n5,7\n") and outcome.code == 0 and opts["json"]:
        assert json.loads(outcome.out)["samples"] == 3  # the BOM did not eat the first row
