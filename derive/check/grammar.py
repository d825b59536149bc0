"""The Lark grammar of the LaTeX that gradient-descent notes write (LALR(1)).

Kept in a Python module so it ships with the package like any code.
"""

from .elementary_functions import FUNC_PATTERN
from .greek_functions import GREEK_FUNCTION
from .hyperbolic_names import COMMAND_PATTERN
from .log_bases import TOKEN as LOG_BASE
from .over_fractions import OVER_PATTERN

GRAMMAR = r"""
// LaTeX as gradient-descent notes write it. LALR(1); layout commands
// (\left, \quad, \text{…} annotations, \boxed{ }, \tag{…}) are blanked
// before parsing, see layout.py.

start: [chain] (sep [chain])*
chain: EQ? expr (rel expr)*
sep: ARROW | BECAUSE | COMMA
rel: EQ | APPROX | NEQ

?expr: sum
?sum: signed
    | sum PLUS signed   -> add
    | sum MINUS signed  -> sub
?signed: product
    | MINUS signed      -> neg
    | PLUS signed       -> pos
product: factor (MULOP? factor | MULOP negated_factor)*
negated_factor: MINUS factor

?factor: atom
    | paren PRIME       -> primed_paren
    | _SUM PRIME+       -> primed_sum
    | (bare | paren) "!" -> factorial  // y_i!, (n-1)!: products.py
    | atom "^" script   -> power
    | atom SUPERSCRIPT  -> power_unicode
    | operator

?atom: paren | bare | call
?bare: NUMBER           -> number
    | name
    | CONST             -> constant
    | FRAC group group  -> frac
    | SHORT_FRAC        -> short_frac  // \frac12: TeX's one-digit arguments without braces
    | "\\sqrt" group    -> sqrt
    | LVERT expr RVERT  -> abs
    | EXP_E "^" script  -> exp_power
    | PARTIAL_SUB partial_operand -> partial_sub  // \partial_{\theta_j} J: partial_subscripts.py
    | undefined_call
    | applied
    | primed
    | sigma_primed
    | function_primed
    | PIECEWISE         -> piecewise_mark
?partial_operand: name | applied | paren
paren: "(" expr ")" | "[" expr "]" | group | LBRACE expr RBRACE
group: "{" expr "}"
    | "{" expr OVER expr "}" -> over_group  // {a \over b}: over_fractions.py
arguments: "(" expr (COMMA expr)* ")"

call: FUNC paren               -> call
    | FUNC bare                -> call
    | FUNC bare "!"            -> call_of_factorial  // \log y!: log(y!), products.py
    | FUNC call                -> call
    | FUNC "^" script paren    -> call_power  // \sin^2 x, cos^2(x): elementary_functions.py
    | FUNC "^" script bare     -> call_power
    | WORD_FUNC arguments      -> call
    | WORD_BRACKET_FUNC paren  -> call  // log[e^{x}]: a plain log before a square bracket
    | SIGMA_CALL paren         -> sigmoid
    | LOG_BASE paren           -> log_base  // \log_2 0.25: log_bases.py
    | LOG_BASE bare            -> log_base

undefined_call: FNAME PRIME* arguments
    | FNAME PRIME+ "^" script arguments -> primed_call_power  // f'^{2}(x): (f'(x))^2
applied: APPLIED arguments
    | APPLIED_SUB arguments
    | GREEK_APPLIED arguments  // \Phi(0), \Lambda(z): greek_functions.py
primed: (name | FNAME) PRIME+
function_primed: FUNC_PRIMED PRIME paren
sigma_primed: SIGMA_PRIMED PRIME paren

operator: _SUM "_" "{" name EQ expr "}" "^" script -> sum_op
    | _SUM "_" name "^" script                      -> sum_op_short
    | _SUM "_" name                                 -> sum_op_index
    | _SUM "_" "{" name "}" ("^" script)?           -> sum_op_index
    | _SUM "_" "{" name NEQ name "}" ("^" script)?  -> sum_op_except
    | _SUM ("^" script)?                            -> sum_op_bare
    | _PROD "_" "{" name EQ expr "}" "^" script     -> prod_op  // \prod_{i=1}^{n}: products.py
    | _PROD "_" name "^" script                     -> prod_op_short
    | _PROD "_" name                                -> prod_op_index
    | _PROD "_" "{" name "}" ("^" script)?          -> prod_op_index
    | "\\lim" "_" "{" name ARROW expr "}"           -> lim_op  // limits.py

?script: NUMBER -> number
    | name
    | group
    | MINUS script -> neg

name: base subscript? MARK?
?base: LETTER      -> letter
    | UPPER_NAME   -> letter
    | WORD         -> letter
    | LETTER_DIGITS -> letter_digits
    | GREEK        -> greek
    | UNICODE_GREEK -> unicode_greek
    | UNICODE_HAT  -> unicode_hat
    | PARTIAL      -> partial
    | OPNAME       -> opname
    | ACCENT "{" base subscript? "}" -> accent
    | ACCENT base  -> accent
subscript: "_" (LETTER | NUMBER | GREEK | LETTER_DIGITS)
    | "_" "{" (LETTER | NUMBER | UPPER_NAME | WORD | GREEK | LETTER_DIGITS | COMMA | INDEX_JOIN)+ "}"
    | "_" "{" LETTER (PLUS | MINUS) NUMBER "}" -> shifted_subscript
    | _INDEX_OPEN (LETTER | NUMBER | GREEK) _INDEX_CLOSE  // w[t], g[0]: bracket_indices.py
    | _INDEX_OPEN LETTER (PLUS | MINUS) NUMBER _INDEX_CLOSE -> shifted_subscript

ARROW.2: /\\(?:[Rr]ight|long[Rr]ight|Long[Rr]ight)arrow(?![A-Za-z])/ | /\\(?:to|implies|therefore)(?![A-Za-z])/ | "→" | "⇒" | "=>" | "∴"
    | /\\(?:iff|Leftrightarrow|Longleftrightarrow|leftrightharpoons|rightleftharpoons)(?![A-Za-z])/ | "⇔"
_SUM: /\\sum(?![A-Za-z])/ | "∑"
_PROD: /\\prod(?![A-Za-z])/ | "∏"
BECAUSE.2: /\\because(?![A-Za-z])/ | "∵"
COMMA: ","
FRAC: /\\[dtc]?frac(?![A-Za-z])/
SHORT_FRAC.4: /\\[dtc]?frac\s*\d\s*\d/
EQ: "=" | ":=" | /\\coloneqq(?![A-Za-z])/
// w^*, w^{+}: a mark that makes another name (an optimum, an updated weight), not a power
MARK.3: /\^\s*(?:[*+]|\\star(?![A-Za-z])|\{\s*(?:[*+]|\\star)\s*\})/ | /\ue004(?:[lL]|\{[lL](?:[+-]1)?\})/  // b_j^l in notes that number layers: layer_names.py
APPROX: /\\approx(?![A-Za-z])/ | "≈"
NEQ: /\\(?:neq|ne|leq?|geq?|leqslant|geqslant|lt|gt|in|notin|propto|sim)(?![A-Za-z])/ | "<" | ">" | "≠" | "≤" | "≥"
PLUS: "+"
MINUS: "-" | "−"
MULOP: /\\(?:cdot|times|ast)(?![A-Za-z])/ | "*" | "/" | "·" | "×" | "⋅"
NUMBER: /\d+(?:\.\d+)?|\.\d+/
SUPERSCRIPT: /[²³]/
LVERT: /\\lvert(?![A-Za-z])/ | /\ue000/
RVERT: /\\rvert(?![A-Za-z])/ | /\ue001/
LBRACE: /\\\{/
RBRACE: /\\\}/
PRIME: "'" | "′"
CONST: /\\pi(?![A-Za-z])/ | "π"
EXP_E.3: /e(?=\s*\^)/
FNAME.3: /[fghFGH](?:_\{\s*[A-Za-z]\s*(?:,\s*[A-Za-z]\s*)+\})?(?='*\s*\(|'+\s*\^\s*(?:\{\s*\d+\s*\}|\d)\s*\()/ | /[fghFGH](?:_\{\s*[A-Za-z0-9]\s*\}|_[A-Za-z0-9])(?=\s*['′]+\s*\()/ | /[A-Z](?=['′]+\s*\()/ | /[\ue100-\ue1ff](?=\s*['′]*\s*\()/  // g_1'(x): primed_calls.py; \ue1xx: letter_functions.py
APPLIED.3: /(?:[a-eijk-z](?=\s*\([^()]*,[^()]*\))|[A-EI-Z]|[A-Z]{2,}|[A-Z][A-Za-z]*[a-z][A-Za-z]*|[a-z]{3,}|\\(?:operatorname|mathrm|mathit|text|textrm|mathcal|mathsf)\s*\{\s*[A-Za-z]+[0-9]*\s*\})(?=\s*\()/
APPLIED_SUB.3: /[A-Za-z](?:_\{\s*\\?[A-Za-z0-9]+\s*\}|_\\?[A-Za-z0-9]+)(?=\s*\()/
GREEK_APPLIED.3: GREEK_FUNCTION
SIGMA_CALL.3: /\\sigma(?=\s*\()/ | /σ(?=\s*\()/
FUNC_PRIMED.4: /(?:\\(?:operatorname|mathrm|text)\s*\{\s*(?:ReLU|relu|sigmoid|tanh|exp|log|ln)\s*\}|sigmoid|tanh|relu|ReLU|\\tanh|\\exp|\\ln|\\log|\\?(?<![A-Za-z])(?:sin|cos|tan|sinh|cosh))(?=\s*['′]\s*\()/  // cos'(x)
SIGMA_PRIMED.3: /\\sigma(?=\s*['′]\s*\()/ | /σ(?=\s*['′]\s*\()/
WORD_FUNC.4: /(?:sigmoid|Sigmoid|tanh|relu|ReLU|Relu|max|min|exp|log|ln|sqrt|sign|sgn|abs|\\max|\\min)(?=\s*\()/
LOG_BASE.3: LOG_BASE_PATTERN
WORD_BRACKET_FUNC.4: /(?<![A-Za-z\\])(?:exp|log|ln)(?=\s*\[)/
FUNC.2: /\\(?:ln|log|exp|sin|cos|tanh|sgn)(?![A-Za-z])/
    | ELEMENTARY_FUNCS
    | HYPERBOLIC_COMMANDS  // \sh x, \ch^2 x: hyperbolic_names.py
    | /(?<![A-Za-z\\])(?:ln|log|exp|tanh)(?=\s+[A-Za-z0-9\\])/
    | /\\(?:operatorname|mathrm|text)\s*\{\s*(?:sign|sgn|sigmoid|exp|log|ln|tanh|ReLU|relu)\s*\}/
OPNAME: /\\(?:operatorname|mathrm|mathit|text|textrm|mathcal|mathsf|mathscr)\s*\{\s*[A-Za-z][A-Za-z0-9]*\s*\}/
OVER: OVER_PATTERN
PARTIAL: /\\partial(?![A-Za-z])/ | "∂"
PARTIAL_SUB.4: /(?:\\partial(?![A-Za-z])|∂)\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9])/
ACCENT: /\\(?:hat|bar|tilde|dot|vec|widehat|widetilde|overline)(?![A-Za-z])/
GREEK: /\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Sigma|Phi|Psi|Omega)(?![A-Za-z])/
UNICODE_GREEK: /[α-ωΓΔΘΛΞΣΦΨΩ]/
UNICODE_HAT: /[a-zA-Z]\u0302|ŷ|Ŷ|â|ê|ô|û|î/
UPPER_NAME.1: /[A-Z]{2,}(?![a-z])/
WORD.1: /(?!d[A-Z])[a-z]{3,}(?![A-Z])|[A-Z][a-z]{2,}|[\uac00-\ud7a3\u3131-\u318e\u4e00-\u9fff]+/
LETTER_DIGITS.1: /[A-Za-z]\d+/
LETTER: /[A-Za-z]/
INDEX_JOIN: /\ue003/
_INDEX_OPEN: /\ue006/
_INDEX_CLOSE: /\ue007/
PIECEWISE: /\ue004\d+\ue005*/

%ignore /\s+/
""".replace("ELEMENTARY_FUNCS", FUNC_PATTERN).replace("OVER_PATTERN", OVER_PATTERN) \
    .replace("HYPERBOLIC_COMMANDS", COMMAND_PATTERN).replace("LOG_BASE_PATTERN", LOG_BASE) \
    .replace("GREEK_FUNCTION", GREEK_FUNCTION)
