"""What lets LLVM vectorise the one-pass means of :mod:`derive.descent.compiled`:
an exponential written in arithmetic, a sum it may associate in vector
lanes, and a loop whose indices it can prove non-negative.

numba prints ``math.exp`` as a call into the C library, one sample at a
time: the logistic mean gradient ran at 12× the memory-read floor, while
NumPy's own SIMD ``exp`` of the same x took 1.6×. :data:`HELPERS` is
source for the generated modules (so that a change to it changes their
hash, and numba's cache of them), defining

- ``_exp(x)``: e^x by Cody–Waite reduction x = k·ln 2 + r, |r| ≤ ln 2 / 2
  (k rounded by adding :data:`SHIFT`),
  the Taylor polynomial of e^r to degree 13 (its truncation error below
  2·10⁻¹⁸, relative) evaluated by Estrin's scheme, and the scale 2^k as
  two factors 2^⌊k/2⌋·2^⌈k/2⌉ built from their bits (from k + 2·1023 =
  the sum's bits less a constant), so that a result in the subnormal range
  is rounded once, like the C library's. Within 2 ulp of
  ``math.exp`` (tests/test_simd.py), +inf above 709.78, 0 below −745.2, NaN
  for NaN. Compiled with ``fastmath={"contract"}`` (fused multiply-adds)
  and nothing else; it has no branch and no call, so the loop around it
  vectorises;
- ``_add(total, value)``: ``total + value`` with ``fastmath={"reassoc"}``
  on that one addition and nothing else, which lets the loop vectorizer keep
  a running sum in each vector lane. The order of that sum is fixed by the
  compiled kernel: the same on every run on one machine (there are no
  threads), possibly a rounding apart on a machine with other vector widths.

(The loop itself indexes a slice of each column from 0, not the column
from ``start``: numba adds the length to a negative index, and with an
index LLVM cannot prove non-negative it gathered every load one by one.)
"""
from __future__ import annotations

import math
import struct

#: ln 2 in two parts: the high part has 21 trailing zero bits, so k·LN2_HI
#: is exact for every |k| < 2²¹ (fdlibm's split of the same constant).
LN2_HI = 6.93147180369123816490e-01
LN2_LO = 1.90821492927058770002e-10
#: 1.5·2⁵²: adding it to a number t of magnitude below 2⁵¹ leaves round(t)
#: in the low bits of the sum, so k = round(x·log₂e) costs one addition and
#: no conversion; ``SHIFT_BITS`` is its bit pattern as an integer.
SHIFT = 1.5 * 2.0 ** 52
SHIFT_BITS = struct.unpack("<q", struct.pack("<d", SHIFT))[0]
#: The degree of the Taylor polynomial of e^r, |r| ≤ ln 2 / 2.
DEGREE = 13


def _coefficients() -> str:
    return "\n".join(f"_C{k} = {1 / math.factorial(k)!r}" for k in range(DEGREE + 1))


#: The helpers every generated numba module defines (see the module docstring).
HELPERS = f'''_LN2_HI = {LN2_HI!r}
_LN2_LO = {LN2_LO!r}
_LOG2E = {1 / math.log(2)!r}
_SHIFT = {SHIFT!r}
_SHIFT_BITS_LESS_2046 = {SHIFT_BITS - 2046}
{_coefficients()}


@njit(cache=True, error_model="numpy", fastmath={{"contract"}})
def _exp(x):
    c = min(max(x, -746.0), 710.0)
    shifted = c * _LOG2E + _SHIFT
    kf = shifted - _SHIFT
    biased = np.float64(shifted).view(np.int64) - _SHIFT_BITS_LESS_2046
    r = (c - kf * _LN2_HI) - kf * _LN2_LO
    r2 = r * r
    r4 = r2 * r2
    r8 = r4 * r4
    low = (_C0 + _C1 * r) + (_C2 + _C3 * r) * r2 + ((_C4 + _C5 * r) + (_C6 + _C7 * r) * r2) * r4
    high = (_C8 + _C9 * r) + (_C10 + _C11 * r) * r2 + (_C12 + _C13 * r) * r4
    half = biased >> 1
    first = np.int64(half << 52).view(np.float64)
    second = np.int64((biased - half) << 52).view(np.float64)
    y = (low + high * r8) * first * second
    return x if x != x else y


@njit(cache=True, error_model="numpy", fastmath={{"reassoc"}})
def _add(total, value):
    return total + value
'''
