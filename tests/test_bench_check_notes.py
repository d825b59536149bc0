"""The real-notes benchmark's scoring (benchmarks/bench_check_notes.py): which
verdicts count as right, as false alarms, as coverage and as a found plant.
The notes used here are written for these tests."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_check_notes", ROOT / "benchmarks" / "bench_check_notes.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_check_notes"] = bench
_spec.loader.exec_module(bench)

ENTRY = {
    "id": "n.md", "split": "dev", "language": "en",
    "claims": [
        {"line": 3, "truth": "true"},
        {"line": 6, "truth": "false", "span": [5, 6]},
        {"line": 9, "truth": "true"},
    ],
    "plant": {"line": 9, "from": "2x", "to": "3x"},
}


def run(**verdicts):
    return bench.Run(verdicts={int(k[1:]): set(v) for k, v in verdicts.items()})


def test_a_wrong_verdict_on_a_false_claim_is_right_and_on_a_true_one_an_alarm():
    row = bench.score_note(ENTRY, run(l3={"wrong"}, l6={"wrong"}), run())
    assert row["wrong_right"] == 1
    assert row["false_alarms_on_true_claims"] == [3]
    assert row["own_errors_flagged"] == 1 and row["false_claims"] == 1


def test_a_verdict_anywhere_in_a_claims_span_counts_for_it():
    row = bench.score_note(ENTRY, run(l5={"wrong"}), run())
    assert row["wrong_right"] == 1 and row["false_alarms_off_claims"] == []


def test_a_wrong_verdict_off_the_truth_file_is_a_false_alarm():
    row = bench.score_note(ENTRY, run(l7={"wrong"}), run())
    assert row["false_alarms_off_claims"] == [7]
    figs = bench.figures([row])
    assert figs["precision_wrong"]["value"] == 0.0
    assert figs["precision_wrong"]["flagged_lines"] == 1


def test_a_false_claim_proved_or_numeric_and_never_called_wrong_is_passed():
    """The false claim (lines 5-6) passed by a number on line 5 counts; called wrong anywhere in its span
    it does not, nor does a true claim proved; a skip is not a pass."""
    passed = bench.score_note(ENTRY, run(l3={"proved"}, l5={"numeric"}), run())
    assert passed["false_claims_passed"] == [6]
    assert bench.figures([passed])["false_claims_passed"] == {"count": 1, "of": 1}
    caught = bench.score_note(ENTRY, run(l5={"proved"}, l6={"wrong"}), run())
    assert caught["false_claims_passed"] == []
    assert bench.score_note(ENTRY, run(l6={"skipped"}), run())["false_claims_passed"] == []
    assert bench.score_note(ENTRY, run(l6={"proved"}), run())["false_claims_passed"] == [6]


def test_coverage_counts_proved_numeric_and_wrong_but_not_skipped_or_definition():
    row = bench.score_note(ENTRY, run(l3={"proved"}, l6={"numeric"}, l9={"skipped", "definition"}), run())
    assert row["covered"] == 2


def test_a_plant_counts_only_when_its_line_was_not_already_called_wrong():
    found = bench.score_note(ENTRY, run(l9={"proved"}), run(l9={"wrong"}))
    assert found["planted_hit"]
    already = bench.score_note(ENTRY, run(l9={"wrong"}), run(l9={"wrong"}))
    assert not already["planted_hit"] and already["planted_line_flagged"]
    assert bench.figures([found, already])["recall_planted"]["line_flagged_in_copy"] == 2
    missed = bench.score_note(ENTRY, run(l9={"proved"}), run(l9={"proved"}))
    assert not missed["planted_hit"]


@pytest.mark.parametrize("raw", ["wrong", "Verdict.WRONG", {"value": "wrong"}, {"name": "WRONG"}])
def test_verdicts_are_read_as_words_or_enum_like_values(raw):
    assert bench.verdict_name(raw) == "wrong"


def test_the_plant_is_made_once_on_its_line_and_an_ambiguous_plant_is_refused(tmp_path):
    note = tmp_path / "n.md"
    note.write_text("a\n$$x = 2x$$\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    copy = bench.planted_copy(note, {"line": 2, "from": "2x", "to": "3x"}, out)
    assert copy.read_text(encoding="utf-8") == "a\n$$x = 3x$$\n"
    with pytest.raises(ValueError):
        bench.planted_copy(note, {"line": 2, "from": "x", "to": "y"}, out)


NOTE = "# notes\n\n$$\\frac{d}{dx}(x^2) = 2x$$\n\n$$\\frac{d}{dx}(x^3) = 2x^2$$\n"


def write_corpus(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "own.md").write_text(NOTE, encoding="utf-8")
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps({"notes": [{
        "id": "own.md", "source": {"url": "written for this test"}, "language": "en", "split": "dev",
        "claims": [{"line": 3, "truth": "true"}, {"line": 5, "truth": "false"}],
        "plant": {"line": 3, "from": "2x", "to": "4x"},
    }]}), encoding="utf-8")
    return notes, truth


def test_end_to_end_on_a_note_the_checker_reads(tmp_path, capsys):
    notes, truth = write_corpus(tmp_path)
    assert bench.main(["--notes", str(notes), "--truth", str(truth), "--json"]) == 0
    figs = json.loads(capsys.readouterr().out)["figures"]
    assert figs["precision_wrong"]["right"] == 1 and figs["precision_wrong"]["flagged_lines"] == 1
    assert figs["recall_own_errors"]["found"] == 1
    assert figs["recall_planted"]["found"] == 1
    assert figs["coverage"]["covered"] == 2
    assert figs["crashes"] == 0


def test_a_run_without_json_is_counted_as_a_crash(tmp_path, capsys):
    notes, truth = write_corpus(tmp_path)
    assert bench.main(["--notes", str(notes), "--truth", str(truth), "--python", "/bin/false", "--json"]) == 0
    figs = json.loads(capsys.readouterr().out)["figures"]
    assert figs["crashes"] == 2 and figs["coverage"]["covered"] == 0


def test_a_missing_notes_folder_is_a_clear_error(tmp_path, capsys):
    assert bench.main(["--notes", str(tmp_path / "nope")]) == 2
    assert "not found" in capsys.readouterr().err


def test_a_wrong_verdict_on_an_either_claim_is_neither_right_nor_an_alarm():
    entry = dict(ENTRY, claims=ENTRY["claims"] + [{"line": 12, "truth": "either"}])
    row = bench.score_note(entry, run(l12={"wrong"}), run())
    assert row["wrong_right"] == 0 and row["false_alarms_on_true_claims"] == []
    assert row["false_alarms_off_claims"] == [] and row["covered"] == 1
    assert bench.figures([row])["precision_wrong"]["flagged_lines"] == 0


def test_split_all_is_dev_and_heldout_and_fresh_notes_come_only_by_name():
    splits = ("dev", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16")
    entries = [{"id": f"{s}.md", "split": s} for s in splits]
    assert [e["id"] for e in bench.select(entries, "all")] == ["dev.md", "heldout.md"]
    assert [e["id"] for e in bench.select(entries, "fresh")] == ["fresh.md"]
    assert [e["id"] for e in bench.select(entries, "fresh2")] == ["fresh2.md"]
    assert [e["id"] for e in bench.select(entries, "fresh3")] == ["fresh3.md"]
    assert [e["id"] for e in bench.select(entries, "fresh4")] == ["fresh4.md"]
    assert [e["id"] for e in bench.select(entries, "fresh5")] == ["fresh5.md"]
    assert [e["id"] for e in bench.select(entries, "fresh6")] == ["fresh6.md"]
    assert [e["id"] for e in bench.select(entries, "fresh7")] == ["fresh7.md"]
    assert [e["id"] for e in bench.select(entries, "fresh8")] == ["fresh8.md"]
    assert [e["id"] for e in bench.select(entries, "fresh9")] == ["fresh9.md"]
    assert [e["id"] for e in bench.select(entries, "fresh10")] == ["fresh10.md"]
    assert [e["id"] for e in bench.select(entries, "fresh11")] == ["fresh11.md"]
    assert [e["id"] for e in bench.select(entries, "fresh12")] == ["fresh12.md"]
    assert [e["id"] for e in bench.select(entries, "fresh13")] == ["fresh13.md"]
    assert [e["id"] for e in bench.select(entries, "fresh14")] == ["fresh14.md"]
    assert [e["id"] for e in bench.select(entries, "fresh15")] == ["fresh15.md"]
    assert [e["id"] for e in bench.select(entries, "fresh16")] == ["fresh16.md"]
    assert [e["id"] for e in bench.select(entries, "heldout")] == ["heldout.md"]


def test_every_split_in_the_truth_file_can_be_asked_for_by_name():
    # a set added to notes_corpus.json but not to SPLITS could never be measured
    entries = json.loads(bench.DEFAULT_TRUTH.read_text(encoding="utf-8"))["notes"]
    splits = {e["split"] for e in entries}
    assert splits <= set(bench.SPLITS) - {"all"}
    assert all(bench.select(entries, s) for s in splits)
    assert not any(e["split"].startswith("fresh") for e in bench.select(entries, "all"))


@pytest.mark.parametrize("split", ["fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16"])
def test_the_split_option_accepts_fresh_and_rejects_unknown_splits(tmp_path, capsys, split):
    notes, truth = write_corpus(tmp_path)  # its only note is dev: --split fresh… measures nothing
    assert bench.main(["--notes", str(notes), "--truth", str(truth), "--split", split, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["figures"]["notes"] == 0
    with pytest.raises(SystemExit) as exit_info:
        bench.main(["--notes", str(notes), "--truth", str(truth), "--split", "unseen"])
    assert exit_info.value.code == 2
