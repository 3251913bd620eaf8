"""calcnotes: the calculus behind machine learning, computed.

The public API is re-exported here; figures, animations and page output live
in the submodules `calcnotes.figures`, `calcnotes.animation` and
`calcnotes.output` (imported on demand, so ``import calcnotes`` stays light).
"""

from calcnotes.autodiff import grad
from calcnotes.differentiation import (
    default_step,
    derivative,
    is_differentiable,
    one_sided_slopes,
    secant_line,
    secant_slope,
    tangent_line,
)
from calcnotes.multivariate import (
    directional_derivative,
    gradient,
    hessian,
    partial,
    tangent_plane,
)
from calcnotes.optimize import DescentResult, classify_critical_point, gradient_descent

__all__ = [
    "DescentResult",
    "classify_critical_point",
    "default_step",
    "derivative",
    "directional_derivative",
    "grad",
    "gradient",
    "gradient_descent",
    "hessian",
    "is_differentiable",
    "one_sided_slopes",
    "partial",
    "secant_line",
    "secant_slope",
    "tangent_line",
    "tangent_plane",
]
__version__ = "0.1.0"
