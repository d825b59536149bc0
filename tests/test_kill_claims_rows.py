r"""How ``derive/check/claims.py`` turns math segments into claims, where a mutation run
against the checker's focused tests found it unpinned: a chain written one link a line with an
unreadable line (each line still read, at its own line number), the place an unreadable row is
named at (the column within its own line), the text a skipped row shows, and which comma
clauses make a statement conditional. Expected lines and columns are counted in the notes' text
here, not taken from the checker; each test names the bug it catches."""
from derive.check.claims import read_derivation
from derive.check.derivation import Definition, Skip
from derive.symbols import symbol

#: a display block that opens with a blank line and holds a chain one link a line, the middle
#: link unreadable: the block as a whole cannot be parsed, so each "=" line is read on its own
NOTES = "Notes\n\n$$\n\n= 2(y - w x)\n= \\frac{1}{\n= 3\n$$\nAfter.\n"
ROWS = ["= 2(y - w x)", "= \\frac{1}{", "= 3"]


def _line(text: str, row: str) -> int:
    """The 1-based line of the notes that holds ``row``."""
    return text.split("\n").index(row) + 1


def test_each_link_of_a_broken_chain_is_read_at_its_own_line():
    """Catches the blank first piece ending the reading (``continue`` → ``break``: no row read),
    and the leading blank lines added to the row's line number instead of taken off."""
    claims = read_derivation(NOTES).claims
    assert [c.latex for c in claims] == ROWS
    assert [c.line for c in claims] == [_line(NOTES, row) for row in ROWS] == [5, 6, 7]


def test_an_unreadable_row_is_placed_by_its_column_in_its_own_line():
    """Catches the line's start searched for in the whole text (the last newline of the notes,
    a negative column) rather than before the error."""
    unreadable = read_derivation(NOTES).claims[1]
    assert isinstance(unreadable, Skip) and unreadable.reason.startswith("could not parse")
    # the math ends too early: right after the row's last character
    assert unreadable.reason.endswith(f"at line {_line(NOTES, ROWS[1])}, column {len(ROWS[1]) + 1}")


def test_an_unreadable_row_shows_its_own_text():
    """Catches the words of the skipped row joined by anything but one space."""
    notes = "$$L = (y -   w x)^2 +$$\n"
    (skipped,) = read_derivation(notes).claims
    assert isinstance(skipped, Skip) and skipped.latex == "L = (y - w x)^2 +"


def test_a_comma_clause_of_a_name_and_a_number_is_a_second_definition_not_a_condition():
    """Catches a clause of any two values (or of one name alone) taken for a condition
    ``a = b`` between two names: the statement would be skipped as conditional."""
    claims = read_derivation(r"$$f = x^2, \quad x = 2$$").claims
    assert [(type(c), c.latex) for c in claims] == [(Definition, "f = x^2"), (Definition, "x = 2")]
    (only,) = read_derivation(r"$$g = x + 1, \quad y$$").claims
    assert isinstance(only, Definition) and only.latex == "g = x + 1"


def test_a_comma_clause_equating_two_names_makes_the_statement_conditional():
    """Catches a condition between two names missed (the clause read as a claim of its own):
    an index condition ``i = j`` is kept with the step, any other is skipped with the reason."""
    (step,) = read_derivation(r"$$\frac{\partial a_i}{\partial a_j} = 1, \quad i = j$$").claims
    assert step.condition == "i = j"
    (skipped,) = read_derivation(r"$$f = x^2, \quad y = z$$").claims
    assert isinstance(skipped, Skip) and skipped.reason == "holds under a condition (y = z) that is not checked"


def test_a_statement_after_a_conditional_one_is_still_read():
    """Catches the reading stopping at a statement skipped for its condition."""
    claims = read_derivation("$$f = x^2, \\quad y = z$$\n$$g = 2$$\n").claims
    assert [(type(c), c.line, c.latex) for c in claims] == [(Skip, 1, "f = x^2, y = z"), (Definition, 2, "g = 2")]


def test_a_row_after_an_unreadable_matrix_is_not_claimed_equal_to_its_right_side():
    """Catches the readable end of an unreadable row taken for what the next row continues
    when the row is matrix notation (its names may be vectors): ``= 2a`` would be judged
    against ``a + b`` and found wrong."""
    notes = "$$\\begin{pmatrix} a \\\\ b \\end{pmatrix} = a + b$$\n$$= 2a$$\n"
    matrix, after = read_derivation(notes).claims
    assert isinstance(matrix, Skip) and matrix.reason.startswith("matrix notation")
    assert isinstance(after, Skip) and after.line == 2
    assert after.reason == "continues a chain, but the row at line 1 could not be read, so what it continues is not known"


def test_an_alias_given_by_the_caller_renames_the_greek_letter():
    """Catches the given alias keyed by anything but the name it renames: ω would stay ω."""
    w, x, y = (symbol(n) for n in ("w", "x", "y"))
    derivation = read_derivation(r"$$L = (y - \omega x)^2$$", aliases={"omega": "w"})
    (definition,) = derivation.claims
    assert definition.value == (y - w * x) ** 2
    assert derivation.assumptions == ["ω ≡ w (given with --alias)"]


def test_an_unreadable_row_names_the_place_and_the_next_sixteen_characters():
    """Catches the error's position dropped (every row placed at its start), and the text shown
    after "near" cut at another length or joined by anything but one space."""
    (skipped,) = read_derivation("$$L = \\frac{1}{2} @ (y - x)^2 + w x + b + 1$$\n").claims
    # "$$L = \frac{1}{2} " is 18 characters: the @ is in column 19; the 16 characters from it are
    # "@ (y - x)^2 + w " (its spaces kept single, the last one dropped)
    assert skipped.reason == "could not parse: unexpected '@' at line 1, column 19 near '@ (y - x)^2 + w'"


def test_a_condition_after_an_arrow_or_a_domain_still_makes_the_statement_conditional():
    """Catches the search for a condition stopping at the first clause that is not one (a piece
    after an arrow, ``x \\in \\mathbb{R}``) instead of going on to the next."""
    for notes in (r"$$f = g \implies h = k, \quad y = z$$", r"$$f = g, \; x \in \mathbb{R}, \; y = z$$"):
        (skipped,) = read_derivation(notes).claims
        assert isinstance(skipped, Skip) and skipped.reason == "holds under a condition (y = z) that is not checked"


def test_a_row_after_an_unreadable_row_that_is_not_a_matrix_continues_its_readable_end():
    """Catches every notation error taken for matrix notation: the readable end ``a + b`` of a
    row whose prime is not read would not be continued by ``= a + b``."""
    skipped, step = read_derivation("$$(x y)' = a + b$$\n$$= a + b$$\n").claims
    assert isinstance(skipped, Skip) and skipped.reason.startswith("a prime on a bracket")
    assert not isinstance(step, Skip) and step.line == 2


def test_a_detected_alias_is_said_with_both_names():
    """Catches the name an alias stands for left out of the assumption shown."""
    notes = "$$L = (y - w x)^2$$\n$$\\frac{\\partial L}{\\partial \\omega} = -2x(y - w x)$$\n"
    assert read_derivation(notes).assumptions == [
        "ω ≡ w (ω appears only as a differentiation variable, w is the parameter the notes use)"]


def test_a_worked_example_is_one_block_not_any_two_blocks_split_into_rows():
    """Catches the rows of a block read one line at a time losing which block they are in: a
    number given to z in a later block would be judged against the formula of an earlier one
    as a worked example (z = w x + b, then z = 2 in the same block) instead of redefining z."""
    notes = "$$\nz = w x + b\n= \\frac{1}{\n$$\n\nLater, another block:\n\n$$\nz = 2\n= \\frac{1}{\n$$\n"
    claims = read_derivation(notes).claims
    assert [(type(c), c.line) for c in claims] == [(Definition, 2), (Skip, 3), (Definition, 9), (Skip, 10)]


def test_a_matrix_step_knows_the_names_defined_by_rows_no_reader_read():
    """Catches the heads of unread rows (a = softmax(z)) not handed to the matrix reader: a
    derivative of L = −yᵀ log a by z would treat a as a constant (tests/test_check_matrices.py
    shows the false alarm this makes; this catches it without the judging)."""
    notes = ("$$\\mathbf{a} = \\operatorname{softmax}(\\mathbf{z})$$\n"
             "$$L = -\\mathbf{y}^T \\log \\mathbf{a}$$\n"
             "$$\\nabla_{\\mathbf z} L = 2\\mathbf{a} - \\mathbf{y}$$\n")
    step = read_derivation(notes).claims[2]
    assert step.line == 3 and step.unread == frozenset({"a"})
