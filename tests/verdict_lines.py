"""A small test helper: the verdicts ``derive check`` gives a note, by line."""
from derive.check import check_text


def verdicts_by_line(notes: str) -> dict[int, list[str]]:
    """Each line's verdicts, in the order the checker reports them (a line may hold several claims)."""
    got: dict[int, list[str]] = {}
    for v in check_text(notes).verdicts:
        got.setdefault(v.line, []).append(str(v.verdict))
    return got
