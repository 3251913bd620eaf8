"""Chapter 5 animations: secant planes closing in on the partial derivatives."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.colors import to_rgba
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

from calcnotes import partial, secant_slope
from calcnotes.animation.player import Animation, animate
from calcnotes.figures.base import (
    POINT,
    SECANT,
    SURFACE,
    TANGENT,
    _point2d,
    _span,
    _values,
    finish_axes3d,
    new_figure,
    plot_surfaces,
)
from calcnotes.figures.gradients import _tidy_ticks3d
from calcnotes.legacy import INK, number, style

__all__ = ["secant_plane_slider"]

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@style()
def secant_plane_slider(g: Callable, w0: Sequence[float] = (0.0, 0.0),
                        span0: Sequence[float] = (-2.0, 1.0), span1: Sequence[float] = (-2.0, 1.0),
                        *, start: float = 1.0, frames: int = 40, fps: float = 8.0,
                        tol: float = 0.02, view: tuple[float, float] = (25, -135),
                        strip: float = 0.5, n: int = 12) -> Animation:
    """Secant planes of ``g`` along each input axis, closing in on the tangent along that axis.

    Two 3-D panels show the surface ``g(w₁, w₂)`` once. In the left panel a
    second point ``w0 + ε e₁`` moves towards *w0* along ``w₁``, in the right
    one ``w0 + ε e₂`` along ``w₂``; through the two points runs the secant
    plane ``g(w0) + s (wᵢ − w0ᵢ)``, tilted along that axis only, with slope
    ``s = (g(w0 + ε eᵢ) − g(w0)) / ε``. ``ε`` shrinks from *start* towards 0
    over the frames; the plane turns from orange to green once ``s`` is within
    *tol* of the partial derivative ``∂g/∂wᵢ`` (`calcnotes.partial`). Each
    plane is a strip of half-width *strip* across its axis.

    Raises ``ValueError`` for a bad point or span, ``start <= 0``,
    ``tol <= 0`` or fewer than 2 frames.

    Examples
    --------
    >>> g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2
    >>> movie = secant_plane_slider(g, frames=3, n=4)
    >>> movie.labels
    ('ε = 1: slopes 2 and 2', 'ε = 0.4444: slopes 1.444 and 1.444', 'ε = 0.1111: slopes 1.111 and 1.111')
    """
    w0 = _point2d(w0, "w0")
    spans = _span(span0, "span0"), _span(span1, "span1")
    count = int(frames)
    if count < 2:
        raise ValueError(f"frames must be at least 2, got {frames!r}")
    for value, name in [(start, "start"), (tol, "tol"), (strip, "strip")]:
        if not (isinstance(value, (int, float)) and np.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be a positive number, got {value!r}")
    # ε falls fast at first, then slowly, and never reaches 0 (a secant needs two points).
    eps = start * (1 - np.arange(count) / count) ** 2
    z0 = float(_values(g, w0, ()))
    partials = [partial(g, w0, i) for i in range(2)]

    def along(i: int, e):
        """The points w0 + e·eᵢ for an array of offsets e, stacked as g expects."""
        e = np.asarray(e, dtype=float)
        points = np.repeat(w0.reshape(2, 1), e.size, axis=1)
        points[i] += e.ravel()
        return points.reshape(2, *e.shape)

    slopes = [secant_slope(lambda e, i=i: _values(g, along(i, e), np.shape(e)), 0.0, eps)
              for i in range(2)]

    fig, axes = new_figure(2, size=(7.6, 3.9), projection="3d")
    moving, pieces = [], []
    for i, ax in enumerate(axes):
        ax.computed_zorder = False
        plot_surfaces(ax, [{"g": g, "span0": spans[0], "span1": spans[1], "n": n, "color": SURFACE,
                                "alpha": 0.85}])
        # The slice of the surface along this panel's axis, traced in ink.
        s = np.linspace(spans[i][0] - w0[i], spans[i][1] - w0[i], 60)
        trace = along(i, s)
        ax.plot(trace[0], trace[1], _values(g, trace, s.shape), color=INK, linewidth=1.2,
                zorder=2)
        sub = str(i + 1).translate(_SUBSCRIPT)
        finish_axes3d(ax, labels=("w₁", "w₂", ""), view=view)
        _tidy_ticks3d(ax)
        plane = Poly3DCollection([np.zeros((4, 3))], linewidths=0.6, zorder=3)
        ax.add_collection3d(plane, autolim=False)
        line = ax.plot([], [], [], linewidth=2.4, zorder=4)[0]
        fixed = ax.plot([], [], [], "o", color=POINT, markersize=7, markeredgewidth=0,
                        zorder=6)[0]
        other = ax.plot([], [], [], "o", markersize=6, markeredgewidth=0, zorder=5)[0]
        moving += [plane, line, other, fixed, ax.title]
        pieces.append((ax, plane, line, other, fixed, sub))

    def secant_pieces(i: int, k: int):
        """Corners of the plane strip and ends of the secant line in panel i, frame k."""
        ax = axes[i]
        z_low, z_high = ax.get_zlim()
        slope = slopes[i][k]
        lo, hi = spans[i][0] - w0[i], spans[i][1] - w0[i]  # offsets along axis i
        if slope != 0:  # keep the plane inside the box: z0 + slope·e within the z-limits
            ends = sorted([(z_low - z0) / slope, (z_high - z0) / slope])
            lo, hi = max(lo, ends[0]), min(hi, ends[1])
        j = 1 - i
        across = [max(spans[j][0], w0[j] - strip), min(spans[j][1], w0[j] + strip)]
        corners = []
        for e, c in [(lo, across[0]), (hi, across[0]), (hi, across[1]), (lo, across[1])]:
            point = w0.copy()
            point[i] += e
            point[j] = c
            corners.append([point[0], point[1], z0 + slope * e])
        line = along(i, [lo, hi])
        return np.array(corners), line, [z0 + slope * lo, z0 + slope * hi]

    def update(k: int) -> str:
        for i, (ax, plane, line, other, fixed, sub) in enumerate(pieces):
            slope = float(slopes[i][k])
            close = abs(slope - partials[i]) <= tol
            colour = TANGENT if close else SECANT
            corners, ends, heights = secant_pieces(i, k)
            plane.set_verts([corners])
            plane.set_facecolor(to_rgba(colour, 0.45))
            plane.set_edgecolor(to_rgba(colour, 0.9))
            line.set_data_3d(ends[0], ends[1], heights)
            line.set_color(colour)
            second = along(i, [eps[k]])
            other.set_data_3d(second[0], second[1], [z0 + slope * eps[k]])
            other.set_color(colour)
            fixed.set_data_3d([w0[0]], [w0[1]], [z0])
            slope_text = (f"slope {number(slope, 4)} ≈ ∂g/∂w{sub} = {number(partials[i], 4)}"
                          if close else f"secant slope {number(slope, 4)}")
            ax.set_title(f"along w{sub}: ε = {number(eps[k], 3)}\n{slope_text}", y=1.0, pad=0)
        return f"ε = {number(eps[k])}: slopes {number(slopes[0][k])} and {number(slopes[1][k])}"

    return animate(fig, moving, update, count, fps=fps)
