"""Numbers as a reader reads them: significant digits, a real minus sign, ×10 powers.

Used by the drawing kit for labels and by page output for tables.
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

import numpy as np

__all__ = ["MINUS", "line_equation", "number"]

MINUS = "\N{MINUS SIGN}"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def number(x: Any, digits: int = 4) -> str:
    """Format *x* for reading: *digits* significant digits, a real minus sign.

    Integers print in full; very small or very large magnitudes use
    scientific notation with a superscript exponent (``3.2 × 10⁻⁸``);
    ``nan`` prints as ``NaN``, infinities as ``∞``; strings pass through.

    Examples
    --------
    >>> number(2.0000000000575113), number(-3.0000000000575)
    ('2', '−3')
    >>> number(0.00001234567), number(1234567.0), number(0.125), number(-7)
    ('1.235 × 10⁻⁵', '1.235 × 10⁶', '0.125', '−7')
    >>> number(np.True_), number(float("nan")), number(-np.inf)
    ('True', 'NaN', '−∞')
    """
    if isinstance(x, str):
        return x
    if x is None:
        return "—"
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    if isinstance(x, Integral):
        return str(int(x)).replace("-", MINUS)
    if not isinstance(x, Real):
        x = complex(x)
        if x.imag == 0:
            return number(x.real, digits)
        raise TypeError(f"number() formats real numbers, not {x!r}")
    if digits < 1:
        raise ValueError(f"digits must be at least 1, got {digits}")
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    exponent = int(exponent)
    if exponent < -3 or exponent >= 6:
        mantissa = _trim(mantissa)
        text = f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"
    else:
        text = _trim(f"{x:.{max(digits - 1 - exponent, 0)}f}")
    return text.replace("-", MINUS)


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def line_equation(line: Any, *, var: str = "x", lhs: str = "y", digits: int = 4) -> str:
    """The equation of a straight line, written as a reader would: ``y = 2x − 3``.

    *line* has ``.slope`` and ``.intercept`` (as returned by
    `calcnotes.tangent_line`) or is a ``(slope, intercept)`` pair. A
    coefficient of round-off size (below ``1e-10`` times the larger one, or
    1) is written as 0, so a flat tangent reads ``y = 0.6922``.

    Examples
    --------
    >>> line_equation((2.0000000000575, -3.0000000000575))
    'y = 2x − 3'
    >>> line_equation((-1, 0.5), var="w", lhs="h(w)"), line_equation((0, 0))
    ('h(w) = −w + 0.5', 'y = 0')
    >>> line_equation((1.2e-11, 0.6922))
    'y = 0.6922'
    """
    if hasattr(line, "slope") and hasattr(line, "intercept"):
        slope, intercept = line.slope, line.intercept
    else:
        slope, intercept = line
    size = max(1.0, abs(float(slope)), abs(float(intercept)))
    slope, intercept = (0.0 if abs(float(v)) < 1e-10 * size else v for v in (slope, intercept))
    m, b = number(float(slope), digits), number(float(intercept), digits)
    terms = []
    if m != "0":
        coefficient = {"1": "", MINUS + "1": MINUS}.get(m, m)
        terms.append(f"{coefficient}{var}")
    if b != "0" or not terms:
        if terms:
            terms.append(f"{MINUS} {b[1:]}" if b.startswith(MINUS) else f"+ {b}")
        else:
            terms.append(b)
    return f"{lhs} = {' '.join(terms)}"
