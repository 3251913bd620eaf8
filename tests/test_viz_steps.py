"""The step sweep draws the finite-difference formula at each step h, and measures it against g′."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pytest
import sympy as sp

from calcnotes.viz import steps
from calcnotes.viz.player import animate
from pageoutput import read_number

x = sp.Symbol("w")
# A function without symmetries, and its derivative by SymPy: the oracle for the error.
G = sp.sin(x) * sp.exp(x / 3)
g = sp.lambdify(x, G, "numpy")
dg = sp.lambdify(x, sp.diff(G, x), "numpy")
SPAN = (-3.0, 3.0)
EPS = 2.0**-52  # machine epsilon of IEEE double precision


@dataclass
class Frame:
    label: str
    w: np.ndarray  # where the estimate is drawn
    estimate: np.ndarray  # what is drawn there
    gaps: np.ndarray  # where the "no estimate" band is drawn (NaN elsewhere)
    marker: tuple[float, float]  # the point on the error panel
    trace: np.ndarray  # the error panel's trace so far (its y values)
    title: str


def _sweep(monkeypatch, *args, **options):
    """Run `step_sweep` and read back, frame by frame, what its artists draw."""
    seen = {}

    def recording(fig, moving, update, frames, **kw):
        seen.update(fig=fig, moving=moving, update=update)
        return animate(fig, moving, update, frames, **kw)

    monkeypatch.setattr(steps, "animate", recording)
    movie = steps.step_sweep(*args, **options)
    lines = [a for a in seen["moving"] if hasattr(a, "get_xdata")]
    estimate = next(a for a in lines if a.get_label().endswith("step h"))
    gaps = next(a for a in lines if a.get_label() == "no estimate (NaN)")
    marker = next(a for a in lines if a.get_marker() == "o")
    trace = next(a for a in lines if a not in (estimate, gaps, marker))
    title = next(a for a in seen["moving"] if not hasattr(a, "get_xdata"))
    frames = []
    for i in range(len(movie)):
        seen["update"](i)
        frames.append(Frame(movie.labels[i], np.asarray(estimate.get_xdata(), float),
                            np.asarray(estimate.get_ydata(), float),
                            np.asarray(gaps.get_ydata(), float),
                            (float(marker.get_xdata()[0]), float(marker.get_ydata()[0])),
                            np.asarray(trace.get_ydata(), float), title.get_text()))
    return movie, frames, seen["fig"]


def _label(label: str) -> tuple[float, float | None, float]:
    """(h, the largest error or None, the share of NaN in %) of a frame label."""
    h = read_number(re.match(r"h = ([^,]+)", label)[1])
    error = re.search(r"(?:largest error|error ≤) ([^,]+?)(?: elsewhere)?$", label)
    share = re.search(r"NaN on ([\d.]+)% of the span", label)
    return h, read_number(error[1]) if error else None, float(share[1]) if share else 0.0


# The formula of each method, written out from its definition (the page's table).
def _richardson(w, h):
    d = [(g(w + h / 2**k) - g(w - h / 2**k)) / (2 * h / 2**k) for k in range(3)]
    r = [(4 * d[k + 1] - d[k]) / 3 for k in range(2)]
    return (16 * r[1] - r[0]) / 15


FORMULAS = {
    "forward": lambda w, h: (g(w + h) - g(w)) / h,
    "backward": lambda w, h: (g(w) - g(w - h)) / h,
    "central": lambda w, h: (g(w + h) - g(w - h)) / (2 * h),
    "five-point": lambda w, h: (g(w - 2 * h) - 8 * g(w - h) + 8 * g(w + h) - g(w + 2 * h)) / (12 * h),
    "complex": lambda w, h: np.imag(g(w + 1j * h)) / h,
    "richardson": _richardson,
}


@pytest.mark.parametrize("method", FORMULAS)
def test_each_frame_draws_the_finite_difference_formula_of_the_method_at_its_step(monkeypatch, method):
    movie, frames, _ = _sweep(monkeypatch, g, dg, SPAN, method=method, steps=(0.5, 1e-3),
                              frames=5, n=60)
    hs = np.geomspace(0.5, 1e-3, 5)
    for frame, h in zip(frames, hs):
        assert _label(frame.label)[0] == pytest.approx(h, rel=0.05)  # printed to 2 digits
        assert frame.w == pytest.approx(np.linspace(*SPAN, 60))
        # At these steps rounding is far below 1e-9 (about ε_mach |g| / h ≈ 1e-12).
        assert frame.estimate == pytest.approx(FORMULAS[method](frame.w, h), rel=1e-9, abs=1e-9)


def test_the_steps_shrink_evenly_on_a_log_scale_from_the_first_to_the_last(monkeypatch):
    movie, frames, _ = _sweep(monkeypatch, g, dg, SPAN, frames=18, n=40)
    hs = [_label(f.label)[0] for f in frames]
    assert len(movie) == 18 and hs[0] == 1 and hs[-1] == pytest.approx(1e-17, rel=0.01)
    assert np.ptp(np.diff(np.log10(hs))) < 0.02 and np.all(np.diff(hs) < 0)


def test_the_largest_error_of_each_frame_is_measured_against_the_exact_derivative(monkeypatch):
    movie, frames, fig = _sweep(monkeypatch, g, dg, SPAN, steps=(1.0, 1e-12), frames=13, n=80)
    w = np.linspace(*SPAN, 80)
    exact = np.array([float(sp.diff(G, x).subs(x, v)) for v in w])  # SymPy, point by point
    dashed = next(line for line in fig.axes[1].get_lines() if line.get_label().startswith("exact"))
    assert dashed.get_ydata() == pytest.approx(exact, rel=1e-12)
    for frame in frames:
        h, error, share = _label(frame.label)
        assert share == 0
        # printed to 2 significant digits
        assert error == pytest.approx(np.max(np.abs(frame.estimate - exact)), rel=0.05)
        assert frame.title == frame.label.replace(", ", ": ", 1)
        assert frame.marker == pytest.approx((h, error), rel=0.05)


def test_a_wrong_derivative_shows_up_as_an_error_that_no_step_removes(monkeypatch):
    _, frames, _ = _sweep(monkeypatch, g, lambda w: dg(w) + 1, SPAN, steps=(1e-4, 1e-10), frames=4, n=50)
    assert [_label(f.label)[1] for f in frames] == pytest.approx([1, 1, 1, 1], rel=0.01)


def test_the_error_falls_like_h_then_round_off_makes_it_grow_again(monkeypatch):
    _, frames, _ = _sweep(monkeypatch, np.sin, np.cos, SPAN, steps=(1e-3, 1e-14), frames=12, n=400)
    hs, errors = np.array([[_label(f.label)[0], _label(f.label)[1]] for f in frames]).T
    # Taylor: (sin(w+h) − sin w)/h − cos w ≈ −sin(w) h/2, largest where |sin w| = 1
    truncation = hs >= 1e-5
    assert errors[truncation] / hs[truncation] == pytest.approx(0.5, rel=0.01)
    best = hs[np.argmin(errors)]
    assert 1e-9 <= best <= 1e-7  # near √ε_mach
    # round-off: about ε_mach |g| / h, so at h = 1e-14 the error is above 1e-3
    assert errors[-1] > 1e-3 and errors[-1] == pytest.approx(EPS / hs[-1], rel=20)


def test_the_trace_on_the_error_panel_is_the_largest_error_of_every_frame_so_far(monkeypatch):
    _, frames, _ = _sweep(monkeypatch, np.sin, np.cos, SPAN, steps=(1.0, 1e-10), frames=6, n=40)
    errors = [_label(f.label)[1] for f in frames]
    for i, frame in enumerate(frames):
        assert len(frame.trace) == i + 1
        assert frame.trace == pytest.approx(errors[: i + 1], rel=0.05)


def test_where_w_plus_h_rounds_to_w_there_is_no_estimate_and_the_band_says_so(monkeypatch):
    _, frames, _ = _sweep(monkeypatch, np.sin, np.cos, SPAN, steps=(1e-15, 1e-17), frames=3, n=400)
    w = np.linspace(*SPAN, 400)
    for frame in frames:
        h, error, share = _label(frame.label)
        coincide = (w + h) == w  # the two points of the forward difference are one number
        assert np.array_equal(np.isnan(frame.estimate), coincide)
        assert np.array_equal(~np.isnan(frame.gaps), coincide)
        assert share == pytest.approx(100 * coincide.mean(), rel=0.05)
        if coincide.any():  # the error of an incomplete frame is not on the error panel
            assert "elsewhere" in frame.label and np.isnan(frame.marker[1])
            elsewhere = np.abs(frame.estimate - np.cos(w))[~coincide]
            assert error == pytest.approx(np.max(elsewhere), rel=0.05)
    assert _label(frames[0].label)[2] == 0 and _label(frames[-1].label)[2] > 90


def test_the_complex_step_has_no_round_off_so_the_error_stays_tiny_at_any_step(monkeypatch):
    _, frames, _ = _sweep(monkeypatch, g, dg, SPAN, method="complex", steps=(1e-8, 1e-30),
                          frames=5, n=50)
    for frame in frames:
        assert _label(frame.label)[1] < 10 * EPS * 3  # |g′| ≤ 3 on the span


def test_the_player_of_the_default_sweep_stays_within_the_animation_budget():
    movie = steps.step_sweep(np.sin, np.cos, (-3, 3))
    page = movie.html(alt="A step sweep of sin.", caption="The forward difference of sin.")
    assert len(movie) == 69  # four steps a decade, from 1 to 10⁻¹⁷
    assert len(page.encode()) <= 400_000


@pytest.mark.parametrize("arguments, error, message", [
    ((3.0, np.cos), TypeError, "g must be a function"),
    ((np.sin, "cos"), TypeError, "dg must be the derivative of g"),
    ((np.sin, np.cos, (2, 1)), ValueError, "span must be a finite pair"),
])
def test_a_bad_function_or_span_is_refused_by_name(arguments, error, message):
    with pytest.raises(error, match=message):
        steps.step_sweep(*arguments)


@pytest.mark.parametrize("options, message", [
    ({"method": "midpoint"}, "method must be one of 'forward', 'backward', 'central', 'five-point', "
                             "'complex', 'richardson'; got 'midpoint'"),
    ({"steps": (1.0, -1e-3)}, "steps must be two different positive"),
    ({"steps": (1e-3, 1e-3)}, "steps must be two different positive"),
    ({"steps": 1e-3}, "steps must be a pair"),
    ({"frames": 1}, "frames must be a whole number of at least 2"),
    ({"frames": 2.5}, "frames must be a whole number"),
    ({"n": 5}, "n must be a whole number of at least 10"),
    ({"n": "many"}, "n must be a whole number"),
    ({"fps": 0}, "fps must be in"),
])
def test_bad_options_are_refused_by_name(options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        steps.step_sweep(np.sin, np.cos, (-3, 3), **options)


def test_the_complex_step_of_a_function_that_drops_the_imaginary_part_is_refused():
    with pytest.raises(ValueError, match="method='central'"):
        steps.step_sweep(lambda w: np.abs(w) ** 3, lambda w: 3 * w * np.abs(w), method="complex")
