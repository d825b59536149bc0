"""The one kind of error that means "the input cannot be used".

Library code raises :class:`InputError` (or a subclass such as
:class:`derive.ExpressionError`) for a bad expression, file, column, option
or value; the command lines catch exactly this (exit code 2, a message, no
traceback). Any other exception is a bug and shows as one. It is a
``ValueError``, so ``except ValueError`` in callers keeps working.
"""


class InputError(ValueError):
    """The input cannot be used; the message says what, where, and what would be right."""
