"""Optimization: gradient descent, and the second-derivative test at critical points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calcnotes._checks import as_real_array, check_callable, check_count, check_positive, returned_reals
from calcnotes.differentiation import derivative
from calcnotes.multivariate import _scalar_value, gradient, hessian

__all__ = ["DescentResult", "classify_critical_point", "gradient_descent"]


@dataclass(frozen=True)
class DescentResult:
    """What `gradient_descent` did.

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
    ``w0``, `calcnotes.gradient` for an array). Stops early, with
    ``converged=True``, at the first iterate where ``‖∇f(w)‖ < tol``, and with
    ``diverged=True`` at the first iterate where ``w`` or ``f(w)`` is not finite
    (no overflow warnings; a NaN never keeps the loop going).

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
    w = as_real_array(w0, "w0")
    lr = check_positive(lr, "lr")
    steps = check_count(steps, "steps")
    if tol is not None:
        tol = check_positive(tol, "tol")
    if grad is not None:
        check_callable(grad, "grad")
    def gradient_at(point):
        if grad is not None:
            direction = returned_reals(grad(point if point.ndim else point[()]),
                                       "grad(w) must return real numbers")
        else:
            direction = np.asarray((derivative if point.ndim == 0 else gradient)(f, point))
        if direction.shape != point.shape:
            raise ValueError(f"grad(w) must have the shape of w, {point.shape}; got {direction.shape}")
        return direction

    path = [w]
    converged = False
    with np.errstate(all="ignore"):
        values = [_value(f, w)]
        diverged = not np.isfinite(values[0])
        for _ in range(steps):
            if diverged:
                break
            direction = gradient_at(w)
            if tol is not None and np.linalg.norm(direction) < tol:
                converged = True
                break
            w = w - lr * direction
            path.append(w)
            values.append(_value(f, w))
            diverged = not (np.all(np.isfinite(w)) and np.isfinite(values[-1]))
        else:  # every step taken: the last iterate may meet the tolerance too
            if tol is not None and not diverged:
                converged = bool(np.linalg.norm(gradient_at(w)) < tol)
    final = float(w) if w.ndim == 0 else w.copy()  # w may still be the caller's w0
    return DescentResult(
        w=final, path=np.array(path), values=np.array(values), converged=converged, diverged=diverged
    )


def _value(f, w) -> float:
    return _scalar_value(f, w if w.ndim else w[()])


def classify_critical_point(f, w, *, tol=1e-5) -> str:
    """Second-derivative test at a critical point ``w`` of ``f``.

    Returns ``"minimum"`` if every eigenvalue of the Hessian ``∇²f(w)`` (for a
    number ``w``: the second derivative) is positive, ``"maximum"`` if every
    one is negative, ``"saddle"`` if there are both, and ``"inconclusive"``
    otherwise: when an eigenvalue is about 0, i.e. within
    ``tol * max(1, |f(w)|)`` of it (finite-difference Hessians are accurate
    to about ``1e-8 * |f(w)|``), the second derivatives cannot decide, as for
    ``w**4`` or ``w**3`` at 0.

    Raises ``ValueError`` if ``w`` is clearly not a critical point (the
    gradient exceeds ``1e-4 * max(1, |f(w)|, largest |eigenvalue|)``; the
    test is lenient so that a point found numerically passes), or ``tol`` is
    not positive.

    Examples
    --------
    >>> f = lambda w: w**4 - 4 * w**3 + 4 * w**2 + 1
    >>> [classify_critical_point(f, w) for w in (0.0, 1.0, 2.0)]
    ['minimum', 'maximum', 'minimum']
    >>> classify_critical_point(lambda w: w[0] ** 2 - w[1] ** 2, [0.0, 0.0])
    'saddle'
    """
    check_callable(f)
    x = as_real_array(w, "w")
    tol = check_positive(tol, "tol")
    with np.errstate(all="ignore"):
        value = abs(_value(f, x))
        slope = np.linalg.norm(gradient(f, x))
        eigenvalues = np.linalg.eigvalsh(hessian(f, x))
    if not np.all(np.isfinite(eigenvalues)) or not np.isfinite(slope):
        raise ValueError("f is not twice differentiable at w (its finite differences are not finite)")
    if slope > 1e-4 * max(1.0, value, float(np.max(np.abs(eigenvalues)))):
        raise ValueError(f"w is not a critical point: the gradient there has norm {slope:.3g}, not about 0")
    zero = tol * max(1.0, value)
    positive, negative = np.any(eigenvalues > zero), np.any(eigenvalues < -zero)
    if positive and negative:
        return "saddle"
    if np.all(eigenvalues > zero):
        return "minimum"
    if np.all(eigenvalues < -zero):
        return "maximum"
    return "inconclusive"
