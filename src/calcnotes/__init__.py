"""calcnotes: the calculus behind machine learning, computed.

Everything in ``__all__`` is importable from here; each name is loaded from
its module on first use, so ``from calcnotes import derivative`` imports the
finite differences and nothing else. The drawing kit is `calcnotes.viz`.

Examples
--------
>>> import numpy as np
>>> from calcnotes import derivative
>>> round(derivative(np.sin, 0.0), 10)
1.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Each public name, and the module that defines it.
_WHERE = {
    **dict.fromkeys(["grad", "hvp", "jacobian", "jvp"], "autodiff"),
    **dict.fromkeys(["default_step", "derivative", "is_differentiable", "one_sided_slopes",
                     "secant_line", "secant_slope", "tangent_line"], "differentiation"),
    **dict.fromkeys(["directional_derivative", "gradient", "hessian", "partial", "tangent_plane"],
                    "multivariate"),
    **dict.fromkeys(["DescentResult", "classify_critical_point", "gradient_descent", "newton"],
                    "optimize"),
    **dict.fromkeys(["Table", "show"], "output"),
}
__all__ = sorted(_WHERE)

if TYPE_CHECKING:  # for type checkers and the API docs; at run time names load on first use
    from calcnotes.autodiff import grad, hvp, jacobian, jvp
    from calcnotes.differentiation import (default_step, derivative, is_differentiable,
                                           one_sided_slopes, secant_line, secant_slope, tangent_line)
    from calcnotes.multivariate import directional_derivative, gradient, hessian, partial, tangent_plane
    from calcnotes.optimize import DescentResult, classify_critical_point, gradient_descent, newton
    from calcnotes.output import Table, show


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'calcnotes' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"calcnotes.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
