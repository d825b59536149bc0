"""The Lark grammar of the LaTeX that gradient-descent notes write (LALR(1)).

Kept in a Python module so it ships with the package like any code.
"""

GRAMMAR = r"""
// LaTeX as gradient-descent notes write it. LALR(1); layout commands
// (\left, \quad, \text{…}, \boxed{ }) are blanked before parsing, see latex.py.

start: [chain] (ARROW [chain])*
chain: EQ? expr ((EQ | APPROX) expr)*

?expr: sum
?sum: signed
    | sum PLUS signed   -> add
    | sum MINUS signed  -> sub
?signed: product
    | MINUS signed      -> neg
    | PLUS signed       -> pos
product: factor (MULOP? factor)*

?factor: atom
    | atom "^" script   -> power
    | operator

?atom: paren | bare | call
?bare: NUMBER           -> number
    | name
    | CONST             -> constant
    | FRAC group group  -> frac
    | "\\sqrt" group    -> sqrt
    | LVERT expr RVERT  -> abs
    | EXP_E "^" script  -> exp_power
    | undefined_call
    | primed
paren: "(" expr ")" | "[" expr "]" | group
group: "{" expr "}"

call: FUNC paren               -> call
    | FUNC bare                -> call
    | SIGMA_CALL paren         -> sigmoid

undefined_call: FNAME PRIME* "(" expr ")"
primed: (LETTER | FNAME) PRIME+

operator: "\\sum" "_" "{" name EQ expr "}" "^" script -> sum_op
    | "\\sum" "_" name "^" script                   -> sum_op_short

?script: NUMBER -> number
    | name
    | group

name: base subscript?
?base: LETTER      -> letter
    | UPPER_NAME   -> letter
    | GREEK        -> greek
    | PARTIAL      -> partial
    | OPNAME       -> opname
    | ACCENT "{" base "}" -> accent
    | ACCENT base  -> accent
subscript: "_" (LETTER | NUMBER | GREEK)
    | "_" "{" (LETTER | NUMBER | UPPER_NAME | GREEK | ",")+ "}"

ARROW: /\\(?:[Rr]ight|long[Rr]ight|Long[Rr]ight)arrow(?![A-Za-z])/ | /\\(?:to|implies)(?![A-Za-z])/ | "→" | "⇒"
FRAC: /\\[dt]?frac(?![A-Za-z])/
EQ: "="
APPROX: /\\approx(?![A-Za-z])/
PLUS: "+"
MINUS: "-" | "−"
MULOP: /\\(?:cdot|times)(?![A-Za-z])/ | "*" | "/" | "·"
NUMBER: /\d+(?:\.\d+)?|\.\d+/
LVERT: /\\lvert(?![A-Za-z])/ | /\ue000/
RVERT: /\\rvert(?![A-Za-z])/ | /\ue001/
PRIME: "'"
CONST: /\\pi(?![A-Za-z])/
EXP_E.3: /e(?=\s*\^)/
FNAME.3: /[fghFGH](?='*\s*\()/
SIGMA_CALL.3: /\\sigma(?=\s*\()/
FUNC.2: /\\(?:ln|log|exp|sin|cos|tanh|sgn)(?![A-Za-z])/
    | /\\(?:operatorname|mathrm|text)\s*\{\s*(?:sign|sgn|sigmoid|exp|log|ln|tanh)\s*\}/
OPNAME: /\\(?:operatorname|mathrm|mathit)\s*\{\s*[A-Za-z]+\s*\}/
PARTIAL: /\\partial(?![A-Za-z])/
ACCENT: /\\(?:hat|bar|tilde|dot|vec|widehat|overline)(?![A-Za-z])/
GREEK: /\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Sigma|Phi|Psi|Omega)(?![A-Za-z])/
UPPER_NAME.1: /[A-Z]{2,}/
LETTER: /[A-Za-z]/

%ignore /\s+/
"""
