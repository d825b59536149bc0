"""Every list of names the project accepts, once, without importing SymPy.

The expression reader, the symbol table, the loss table, the printers and
the command lines' help texts all read these, so they cannot drift apart,
and ``--help`` needs no SymPy.
"""
from __future__ import annotations

import builtins
import keyword

#: Functions an expression may call: the name a user writes → the SymPy
#: function it means (``sigmoid`` is derive's own :class:`derive.symbols.sigmoid`).
FUNCTIONS: dict[str, str] = {
    "exp": "exp",
    "log": "log",
    "ln": "log",
    "sqrt": "sqrt",
    "abs": "Abs",
    "sign": "sign",
    "sigmoid": "sigmoid",
    "sin": "sin",
    "cos": "cos",
    "tanh": "tanh",
}

#: The functions as help texts list them: each once (``ln`` is log), sorted.
FUNCTION_LIST: str = ", ".join(sorted(n for n, f in FUNCTIONS.items() if n == f.lower()))

#: Names that read as constants, not symbols: the name → SymPy's constant.
CONSTANTS: dict[str, str] = {"pi": "pi", "e": "E"}

#: Words that are not names, though they look like one: Python's keywords
#: (``None``, ``True``, ``lambda``, …: generated code could not use them) and
#: the words SymPy prints for its own numbers (``oo``, ``zoo``, ``nan``, ``I``),
#: which would read back as those numbers anywhere but in derive.
NOT_NAMES: frozenset[str] = frozenset(keyword.kwlist) | {"oo", "zoo", "nan", "I"}

#: The largest number after a name's last ``_`` (``x_2000``): a linear model
#: of that many features is the most a neuron may have, and an index above it
#: would only ask for a model too large to build (``w_1000000``).
MAX_INDEX = 2000

#: What a name is, for help texts and errors.
NAME_RULE = ("a name is an ASCII letter followed by letters, digits and _ "
             "(not a Python keyword such as None or lambda, nor oo, zoo, nan or I), "
             f"with a number after its last _ of at most {MAX_INDEX}")

#: Losses by the names the command lines and ``Neuron(loss)`` accept → the
#: builder in :mod:`derive.losses` and what the loss is.
LOSSES: dict[str, tuple[str, str]] = {
    "half-se": ("half_squared_error", "½(y − ŷ)², the book's"),
    "se": ("squared_error", "(y − ŷ)², the lecture's"),
    "abs": ("absolute_error", "|y − ŷ|"),
    "logistic": ("logistic_cross_entropy", "−(y·log σ(ŷ) + (1 − y)·log(1 − σ(ŷ)))"),
}

#: The loss names as a help text's choice: ``half-se|se|abs|logistic``.
LOSS_CHOICES: str = "|".join(LOSSES)


#: The training methods by name (:data:`derive.descent.METHODS` holds them,
#: in this order; ``neuron fit --method`` lists them without importing it).
METHODS: tuple[str, ...] = ("loop", "scan", "compiled", "batch", "auto")

#: The starting weights a neuron may be given by name (:class:`neuron.Neuron`'s ``init``).
INITS: tuple[str, ...] = ("book", "random", "zeros")


def _greek_letters() -> dict[str, str]:
    """LaTeX name → letter for the Greek alphabet, read from Unicode's names
    (``GREEK SMALL LETTER OMEGA`` → ``omega``: ω, capitals as ``Omega``: Ω).
    Unicode spells λ LAMDA; LaTeX and the notes write lambda."""
    import unicodedata

    letters = {}
    for code in range(0x391, 0x3CA):
        char = chr(code)
        parts = unicodedata.name(char, "").split()
        if len(parts) != 4 or parts[0] != "GREEK" or parts[2] != "LETTER":
            continue  # unassigned, or a variant such as FINAL SIGMA
        name = {"LAMDA": "lambda"}.get(parts[3], parts[3].lower())
        letters[name if parts[1] == "SMALL" else name.capitalize()] = char
    return letters


#: LaTeX name → Greek letter (``omega`` → ω, ``Sigma`` → Σ), from :mod:`unicodedata`;
#: built when first read (the checker reads it; training does not).
GREEK: dict[str, str]


def __getattr__(name: str):
    if name == "GREEK":
        globals()[name] = _greek_letters()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Names generated Python (``--emit python|numpy|jax`` and the lambdified
#: functions) cannot give an argument: keywords, builtins (the code calls
#: ``abs`` and ``min``) and the modules it calls through.
PYTHON_RESERVED: frozenset[str] = (frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
                                   | frozenset(dir(builtins))
                                   | {"math", "numpy", "np", "jax", "scipy", "mpmath", "cupy"})

#: Names generated C cannot give an argument: C99's keywords, the functions
#: and macros of <math.h> (also the POSIX ``M_PI`` family), and ``out``.
C_RESERVED: frozenset[str] = frozenset("""
    auto break case char const continue default do double else enum extern float for goto if inline int long
    register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while
    _Bool _Complex _Imaginary bool complex imaginary true false NULL main out
    acos acosh asin asinh atan atan2 atanh cbrt ceil copysign cos cosh erf erfc exp exp2 expm1 fabs fdim floor
    fma fmax fmin fmod frexp hypot ilogb ldexp lgamma llrint llround log log10 log1p log2 logb lrint lround
    modf nan nearbyint nextafter nexttoward pow remainder remquo rint round scalbln scalbn sin sinh sqrt tan
    tanh tgamma trunc
    fpclassify isfinite isinf isnan isnormal signbit isgreater isgreaterequal isless islessequal
    islessgreater isunordered HUGE_VAL HUGE_VALF HUGE_VALL INFINITY NAN FP_INFINITE FP_NAN FP_NORMAL
    FP_SUBNORMAL FP_ZERO FP_FAST_FMA FP_FAST_FMAF FP_FAST_FMAL FP_ILOGB0 FP_ILOGBNAN MATH_ERRNO
    MATH_ERREXCEPT math_errhandling float_t double_t DOMAIN SING OVERFLOW UNDERFLOW TLOSS PLOSS HUGE
    M_E M_LOG2E M_LOG10E M_LN2 M_LN10 M_PI M_PI_2 M_PI_4 M_1_PI M_2_PI M_2_SQRTPI M_SQRT2 M_SQRT1_2
""".split())


def code_name(name: str, reserved: frozenset[str], taken: set[str]) -> str:
    """``name`` as an argument of generated code: itself, or with ``_``
    appended until it is neither reserved nor in ``taken`` (``lambda`` →
    ``lambda_``, ``math`` → ``math_``)."""
    if name not in reserved:
        return name
    while name in reserved or name in taken:
        name += "_"
    return name
