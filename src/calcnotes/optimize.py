"""Optimization: gradient descent, Newton's method, and the second-derivative test at critical points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calcnotes._checks import (
    as_real_array,
    check_callable,
    check_count,
    check_positive,
    own_copy,
    returned_reals,
    scalar_value,
    value_and_precision,
)
from calcnotes.differentiation import derivative
from calcnotes.multivariate import central_differences, difference_steps, second_differences

__all__ = ["DescentResult", "classify_critical_point", "gradient_descent", "newton"]


@dataclass(frozen=True)
class DescentResult:
    """What `gradient_descent` or `newton` did.

    Attributes
    ----------
    w : float or ndarray
        The last iterate.
    path : ndarray
        Every iterate ``w_0, w_1, ..., w_k`` (``k <= steps``), one per row:
        shape ``(k + 1,)`` for a number ``w0``, ``(k + 1, *w0.shape)`` otherwise.
    values : ndarray
        ``f`` at each iterate, shape ``(k + 1,)``.
    converged : bool
        Stopped because ``‖∇f(w)‖ < tol``.
    diverged : bool
        Stopped at the first iterate where ``w`` or ``f(w)`` is not finite
        (that iterate is the last row of ``path``).
    """

    w: float | np.ndarray
    path: np.ndarray
    values: np.ndarray
    converged: bool
    diverged: bool

    @property
    def steps(self) -> int:
        """Number of steps taken."""
        return len(self.path) - 1


def gradient_descent(f, w0, *, lr, steps, grad=None, tol=None) -> DescentResult:
    """Minimise ``f`` by gradient descent from ``w0``.

    ``w_{k+1} = w_k - lr ∇f(w_k)`` for at most ``steps`` steps. The gradient
    is ``grad(w)`` if given (e.g. an exact one from `calcnotes.grad`),
    else a finite difference (`calcnotes.derivative` for a number
    ``w0``, central differences as in `calcnotes.gradient` for an array).
    Stops early, with
    ``converged=True``, at the first iterate where ``‖∇f(w)‖ < tol``, and with
    ``diverged=True`` at the first iterate where ``w`` or ``f(w)`` is not finite
    (no overflow warnings; a NaN never keeps the loop going). ``f`` and
    ``grad`` get their own copy of each iterate: changing it in place does
    not change the path.

    Raises ``ValueError`` for ``lr <= 0`` or not finite, ``steps`` not a whole
    number ``>= 0``, ``tol <= 0``, a non-finite ``w0``, an ``f`` that does
    not return a single real number, or a ``grad`` that does not return real
    numbers of the shape of ``w0``; ``TypeError`` if ``f`` or ``grad`` is not
    callable.

    Examples
    --------
    >>> result = gradient_descent(lambda w: w**2, 5.0, lr=0.1, steps=3)
    >>> result.path.round(6)  # w_k = 5 * 0.8**k
    array([5.  , 4.  , 3.2 , 2.56])
    >>> gradient_descent(lambda w: w**2, 5.0, lr=1.5, steps=2000).diverged
    True
    """
    check_callable(f)
    w = as_real_array(w0, "w0")  # may be the caller's array: only ever read
    lr = check_positive(lr, "lr")
    steps = check_count(steps, "steps")
    if tol is not None:
        tol = check_positive(tol, "tol")
    if grad is not None:
        check_callable(grad, "grad")

    def gradient_at(point, eps):
        if grad is not None:
            direction = returned_reals(grad(own_copy(point)), "grad(w) must return real numbers")
        elif point.ndim == 0:
            direction = np.asarray(derivative(f, point))
        else:
            direction = central_differences(f, point, difference_steps(point, 1, eps)).reshape(point.shape)
        if direction.shape != point.shape:
            raise ValueError(f"grad(w) must have the shape of w, {point.shape}; got {direction.shape}")
        return direction

    path = [w]
    converged = False
    with np.errstate(all="ignore"):
        value, eps = value_and_precision(f, w)
        values = [value]
        diverged = not np.isfinite(values[0])
        for _ in range(steps):
            if diverged:
                break
            direction = gradient_at(w, eps)
            if tol is not None and np.linalg.norm(direction) < tol:
                converged = True
                break
            w = w - lr * direction
            path.append(w)
            values.append(value_and_precision(f, w)[0])
            diverged = not (np.all(np.isfinite(w)) and np.isfinite(values[-1]))
        else:  # every step taken: the last iterate may meet the tolerance too
            if tol is not None and not diverged:
                converged = bool(np.linalg.norm(gradient_at(w, eps)) < tol)
    final = float(w) if w.ndim == 0 else w.copy()  # w may still be the caller's w0
    return DescentResult(
        w=final, path=np.array(path), values=np.array(values), converged=converged, diverged=diverged
    )


def newton(f, w0, *, steps, tol=None) -> DescentResult:
    """Minimise ``f`` by Newton's method from ``w0``, with exact derivatives.

    Each step jumps to the critical point of the quadratic (second-order
    Taylor) approximation of ``f`` at the current iterate ``wᵏ``:
    ``wᵏ⁺¹ = wᵏ − ∇²f(wᵏ)⁻¹ ∇f(wᵏ)``, for a number ``w0``
    ``wᵏ⁺¹ = wᵏ − f′(wᵏ) / f″(wᵏ)``. The gradient is
    ``calcnotes.grad(f)`` and the Hessian ``calcnotes.jacobian(grad(f), w)``
    (``grad(grad(f))`` for a number), both exact: ``f`` is written as for
    `calcnotes.grad`. Chapter 9 (second order) teaches it.

    Newton's method looks for a point where the gradient vanishes, not for a
    minimum: started where the curvature is negative in some direction it
    heads for a maximum or a saddle as readily, and far from the solution it
    can overshoot and diverge. Check the flags, and classify the end point
    (`classify_critical_point`).

    Parameters
    ----------
    f : callable
        A function of one number or array ``w`` that returns a single
        number, written with operators and the functions of
        `calcnotes.autodiff` (``np.sin`` and the like work).
    w0 : float or array_like
        The starting point ``w⁰``, finite; a number for ``f`` of one number.
    steps : int
        The most steps to take, a whole number ``>= 0``.
    tol : float, optional
        Stop, with ``converged=True``, at the first iterate where the
        gradient is smaller than ``tol`` (its norm ``‖∇f(w)‖``).

    Returns
    -------
    DescentResult
        As for `gradient_descent`: ``path`` holds every iterate (``steps + 1``
        rows, or fewer when it stops), ``values`` the value of ``f`` at each,
        ``w`` the last one. ``diverged`` is ``True`` when the run stopped
        because an iterate, its value, the gradient or the Hessian is not
        finite (that iterate is the last row of ``path``), or because the
        Hessian is singular there (the Newton step is undefined: the last
        row of ``path`` is the point where it is singular, and no step is
        taken from it). Where the gradient is exactly zero the step is zero,
        whatever the Hessian. A NaN never keeps the loop going.

    Raises
    ------
    TypeError
        If ``f`` is not callable, or uses a function `calcnotes.grad` cannot
        differentiate.
    ValueError
        If ``w0`` is not finite, ``steps`` is not a whole number ``>= 0``,
        ``tol`` is not a positive number, or ``f`` does not return a single
        real number.

    Examples
    --------
    On a quadratic the approximation is exact, so one step lands on the
    minimum, here ``w = 3``:

    >>> newton(lambda w: (w - 3.0) ** 2 + 1.0, 10.0, steps=5, tol=1e-12).path
    array([10.,  3.])

    The Rosenbrock function from its classic start, to its minimum ``(1, 1)``:

    >>> rosenbrock = lambda w: 100 * (w[1] - w[0] ** 2) ** 2 + (1 - w[0]) ** 2
    >>> run = newton(rosenbrock, [-1.2, 1.0], steps=50, tol=1e-6)
    >>> run.converged, run.steps, run.w.round(12)
    (True, 6, array([1., 1.]))
    """
    from calcnotes.autodiff import grad, jacobian  # loaded only when Newton's method is used

    check_callable(f)
    w = as_real_array(w0, "w0")
    steps = check_count(steps, "steps")
    if tol is not None:
        tol = check_positive(tol, "tol")
    # --8<-- [start:newton-derivatives]
    slope = grad(f)  # the exact gradient, by reverse mode
    bend = grad(slope) if w.ndim == 0 else None  # one input: the second derivative, nested

    def gradient_at(point):
        return np.asarray(slope(point if point.ndim else float(point)), dtype=float)

    def hessian_at(point):  # as an n × n matrix, n = w.size
        n = point.size
        matrix = bend(float(point)) if point.ndim == 0 else jacobian(slope, point)
        return np.asarray(matrix, dtype=float).reshape(n, n)
    # --8<-- [end:newton-derivatives]

    path = [w]
    converged = False
    with np.errstate(all="ignore"):
        values = [scalar_value(f, w)]
        diverged = not np.isfinite(values[0])
        for _ in range(steps):
            if diverged:
                break
            direction = gradient_at(w)
            if tol is not None and np.linalg.norm(direction) < tol:
                converged = True
                break
            step = _newton_step(direction, hessian_at(w))
            if step is None:  # not finite, or a singular Hessian: no Newton step from here
                diverged = True
                break
            w = w - step.reshape(w.shape)
            path.append(w)
            values.append(scalar_value(f, w))
            diverged = not (np.all(np.isfinite(w)) and np.isfinite(values[-1]))
        else:  # every step taken: the last iterate may meet the tolerance too
            if tol is not None and not diverged:
                converged = bool(np.linalg.norm(gradient_at(w)) < tol)
    final = float(w) if w.ndim == 0 else w.copy()  # w may still be the caller's w0
    return DescentResult(
        w=final, path=np.array(path), values=np.array(values), converged=converged, diverged=diverged
    )


# --8<-- [start:newton-step]
def _newton_step(gradient_value, hessian_matrix):
    """The Newton step ``d`` solving ``H d = ∇f`` (flat), or None where there is none.

    None if either is not finite or ``H`` is singular: its condition number
    is at least ``1 / ε_mach``, beyond which a solve returns rounding noise.
    A zero gradient gives the zero step, whatever ``H`` is.
    """
    g = gradient_value.ravel()
    if not (np.all(np.isfinite(g)) and np.all(np.isfinite(hessian_matrix))):
        return None
    if not np.any(g):
        return np.zeros_like(g)
    if np.linalg.cond(hessian_matrix) >= 1 / np.finfo(float).eps:
        return None
    try:
        return np.linalg.solve(hessian_matrix, g)
    except np.linalg.LinAlgError:  # exactly singular
        return None
# --8<-- [end:newton-step]


# The second-derivative test compares second differences at two steps, h and 2h,
# with h = eps**(1/4) (eps of the precision f returns) in every coordinate,
# not scaled by |w|, so that moving the point far from 0 changes nothing;
# far out, at least 64 float spacings of w_i.
_FINEST_IN_SPACINGS = 64
# An eigenvalue is decided when it exceeds _SAFETY times the Hessian's error
# bound. A kink (|w| at 0) has second differences ~ 1/h: halving h doubles
# them, an "error" of half the value, which this factor leaves undecided.
_SAFETY = 4.0
# How near a critical point w must be, in Newton's estimate |∇f| / curvature.
_NEAR = 1e-4


def classify_critical_point(f, w, *, tol=1e-5) -> str:
    """Second-derivative test at a critical point ``w`` of ``f``.

    Returns ``"minimum"`` if every eigenvalue of the Hessian ``∇²f(w)`` (for a
    number ``w``: the second derivative) is positive, ``"maximum"`` if every
    one is negative, ``"saddle"`` if there are both, and ``"inconclusive"``
    otherwise: when an eigenvalue cannot be told from 0, as for ``w**4`` or
    ``w**3`` at 0, and at a kink, such as ``|w|`` or ``|w| + 1.5 w`` at 0,
    where ``f`` has no derivative (a critical point all the same) and the
    second differences grow like ``1/h`` instead of settling.

    The Hessian is measured twice, by second differences with steps ``h``
    and ``2h``, ``h = eps**(1/4)`` in every coordinate (``eps`` of the
    precision ``f`` returns; not scaled by ``|w|``, but at least 64 float
    spacings of ``w_i``), ``4n² + 1`` calls of ``f`` in all. An eigenvalue
    counts as 0 when it is within 4 times the
    Hessian's error bound, ``‖H(h) - H(2h)‖`` (truncation, and anything
    that is not a second derivative) plus the round-off of ``f``'s values
    (``eps |f| / h²``), or within ``tol`` times the largest ``|eigenvalue|``.
    Both scale with ``f``: the verdict does not change when ``f`` is
    multiplied by a positive number, nor when a constant is added to it (as
    long as its rounding, ``eps |c| / h²``, stays well below the curvature:
    ``|c|`` up to about ``1e6`` for eigenvalues of order 1), nor when ``f``
    and ``w`` are moved far from 0 together (the steps do not scale with
    ``|w|``).

    Raises ``ValueError`` if ``w`` is not a critical point: if the gradient
    (central differences) exceeds 4 times its own error bound plus
    ``1e-4`` times the largest decided ``|eigenvalue|``, i.e. ``w`` is
    farther than about ``1e-4`` from where Newton's method puts the critical
    point (lenient, so that a point found numerically passes). Also raises
    ``ValueError`` if the differences are not finite, or ``tol`` is not
    positive.

    Examples
    --------
    >>> f = lambda w: w**4 - 4 * w**3 + 4 * w**2 + 1
    >>> [classify_critical_point(f, w) for w in (0.0, 1.0, 2.0)]
    ['minimum', 'maximum', 'minimum']
    >>> classify_critical_point(lambda w: w[0] ** 2 - w[1] ** 2, [0.0, 0.0])
    'saddle'
    >>> classify_critical_point(lambda w: w**2 + 1e6, 0.0), classify_critical_point(np.abs, 0.0)
    ('minimum', 'inconclusive')
    """
    check_callable(f)
    x = as_real_array(w, "w")
    tol = check_positive(tol, "tol")
    point, g = (x, f) if x.ndim else (x.reshape(1), lambda p: f(p[0]))
    with np.errstate(all="ignore"):
        zero, eigenvalues = _eigenvalues_and_zero(g, point, tol)
    if eigenvalues is None:  # a kink
        return "inconclusive"
    positive, negative = np.any(eigenvalues > zero), np.any(eigenvalues < -zero)
    if positive and negative:
        return "saddle"
    if np.all(eigenvalues > zero):
        return "minimum"
    if np.all(eigenvalues < -zero):
        return "maximum"
    return "inconclusive"


def _eigenvalues_and_zero(f, point, tol):
    """The Hessian's eigenvalues at ``point``, and the size below which they count as 0.

    ``None`` for the eigenvalues at a kink; ``ValueError`` if ``point`` is not a
    critical point of ``f``.
    """
    centre = value_and_precision(f, point)
    eps = centre[1]
    steps = np.maximum(eps ** (1 / 4), _FINEST_IN_SPACINGS * np.spacing(np.abs(point.ravel())))
    fine = second_differences(f, point, steps, centre)
    coarse = second_differences(f, point, 2 * steps, centre)
    measured = [fine.hessian, coarse.hessian, fine.gradient, coarse.gradient]
    if not all(np.all(np.isfinite(array)) for array in measured):
        raise ValueError("f is not twice differentiable at w (its finite differences are not finite)")
    n, h = point.size, np.min(steps)
    # round-off: every value of f is off by up to eps |f| / 2; a second
    # difference weighs three of them by 1, 2, 1 over h², a central one two over 2h
    entry_noise = 2 * eps * (fine.size / h**2 + coarse.size / (2 * h) ** 2)
    hessian_noise = n * entry_noise
    # A kink along an axis: the gap between the one-sided slopes, h H_kk,
    # does not shrink with h (it would halve from 2h to h for a smooth f), so
    # H_kk nearly doubles. f has no derivative there: w is a critical point
    # that the second derivatives cannot classify.
    diagonal, coarse_diagonal = np.abs(np.diag(fine.hessian)), np.abs(np.diag(coarse.hessian))
    if np.any((diagonal > _SAFETY * entry_noise) & (diagonal >= 1.5 * coarse_diagonal)):
        return None, None
    gradient_noise = np.sqrt(n) * eps * (fine.size / h + coarse.size / (2 * h))
    hessian_error = np.linalg.norm(fine.hessian - coarse.hessian, 2) + hessian_noise
    gradient_error = np.linalg.norm(fine.gradient - coarse.gradient) + gradient_noise
    eigenvalues = np.linalg.eigvalsh(fine.hessian)
    zero = max(_SAFETY * hessian_error, tol * np.max(np.abs(eigenvalues)))
    decided = np.abs(eigenvalues) > zero
    curvature = np.max(np.abs(eigenvalues[decided]), initial=0.0)
    slope = np.linalg.norm(fine.gradient)
    if not slope <= _SAFETY * gradient_error + _NEAR * curvature:
        raise ValueError(f"w is not a critical point: the gradient there has norm {slope:.3g}, not about 0")
    return zero, eigenvalues
