"""The computation graph and the backward animation draw the real backward pass of any traced number.

The oracle is SymPy: each case is a list of steps, one operation each, written
once as text and evaluated twice, on `Node` inputs for the picture and on
SymPy symbols for the exact values, gradients and local derivatives. The
gradient of the output with respect to a node is the derivative of the output
with respect to a perturbation added to that node (independent of any
backward pass). Numbers are drawn with 12 significant digits, so they are
compared to 1e-10 relative; local derivatives are drawn with 4 (5e-4).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp
from matplotlib.patches import FancyBboxPatch

from calcnotes import autodiff
from calcnotes.autodiff import BackwardStep, Node
from calcnotes.text import number
from calcnotes.viz import backward_animation, computation_graph
from calcnotes.viz.svg import figure_svg
from pageoutput import read_number

DIGITS = 12
REL = 1e-10  # 12 digits drawn
LOCAL_REL = 5e-4  # 4 digits drawn on the arrows

# name: (inputs and their values, steps (label, expression of earlier symbols)). One operation a step.
CASES = {
    "(a·b + sin a)²": ({"a": 1.5, "b": 0.5},
                       [("p = a·b", "a*b"), ("s = sin a", "sin(a)"), ("q = p + s", "p + s"),
                        ("f = q²", "q**2")]),
    "a·a + a": ({"a": -0.7}, [("y = a·a", "a*a"), ("z = y + a", "y + a")]),
    "the network of one weight per layer": (
        {"W1": 0.5, "W2": 0.8},
        [("z1 = 2·W1", "W1*2"), ("a1 = σ(z1)", "sigmoid(z1)"), ("yhat = W2·a1", "W2*a1"),
         ("e = yhat − 1", "yhat - 1"), ("e2 = e²", "e**2"), ("L = e2/2", "e2/2")]),
    "log(1 + exp(u·v))·tanh v": (
        {"u": 0.3, "v": -1.2},
        [("m = u·v", "u*v"), ("x = exp m", "exp(m)"), ("t = 1 + x", "1 + x"), ("l = log t", "log(t)"),
         ("h = tanh v", "tanh(v)"), ("g = l·h", "l*h")]),
    "((a − b)/(a + b))³·b": (
        {"a": 2.0, "b": 0.5},
        [("d = a − b", "a - b"), ("s = a + b", "a + b"), ("r = d/s", "d/s"), ("k = r³", "r**3"),
         ("o = k·b", "k*b")]),
    "exp(sin(x²))": ({"x": 0.8}, [("u = x²", "x**2"), ("v = sin u", "sin(u)"), ("y = exp v", "exp(v)")]),
}

NUMPY = {"sin": np.sin, "cos": np.cos, "exp": np.exp, "log": np.log, "tanh": np.tanh,
         "sigmoid": autodiff.sigmoid}
SYMPY = {"sin": sp.sin, "cos": sp.cos, "exp": sp.exp, "log": sp.log, "tanh": sp.tanh,
         "sigmoid": lambda t: 1 / (1 + sp.exp(-t))}


def _symbol(label: str) -> str:
    return label.split("=")[0].strip()


def traced(case: str):
    """The case computed on Node inputs: the output and the names for the picture."""
    inputs, steps = CASES[case]
    space = {name: Node(value) for name, value in inputs.items()}
    names = dict(zip(inputs, space.values()))
    for label, expression in steps:
        space[_symbol(label)] = names[label] = eval(expression, dict(NUMPY), space)  # noqa: S307
    return names[steps[-1][0]], names


def exact(case: str) -> dict:
    """SymPy's values, gradients ∂out/∂node and the sorted local derivatives of every arrow."""
    inputs, steps = CASES[case]
    symbols = {name: sp.Symbol(name) for name in [*inputs, *(_symbol(label) for label, _ in steps)]}
    local = {_symbol(label): sp.sympify(expression, locals={**SYMPY, **symbols}) for label, expression in steps}
    at = {symbols[name]: value for name, value in inputs.items()}

    def full(perturbed=None):  # each node in terms of the inputs, with ε added at one node
        eps, exprs = sp.Symbol("eps"), {name: symbols[name] for name in inputs}
        if perturbed in exprs:
            exprs[perturbed] += eps
        for name, expression in local.items():
            exprs[name] = expression.subs({symbols[k]: v for k, v in exprs.items()}, simultaneous=True)
            if name == perturbed:
                exprs[name] += eps
        return exprs, eps

    out = _symbol(steps[-1][0])
    exprs, _ = full()
    values = {name: float(expr.subs(at)) for name, expr in exprs.items()}
    gradients = {}
    for name in exprs:
        perturbed, eps = full(name)
        gradients[name] = float(sp.diff(perturbed[out], eps).subs(eps, 0).subs(at))
    node_values = {symbols[name]: value for name, value in values.items()}
    arrows = []
    for name, expression in local.items():
        for parent in sorted(expression.free_symbols, key=str):  # a·a: one arrow, derivative 2a
            arrows.append(float(sp.diff(expression, parent).subs(node_values)))
    return {"values": values, "gradients": gradients, "arrows": sorted(arrows), "out": out}


def drawn(fig) -> dict:
    """What the picture says: values and gradients by symbol, the numbers on the arrows."""
    texts = [t.get_text() for t in fig.axes[0].texts]
    values, gradients, arrows, label = {}, {}, [], None
    for text in texts:
        if text.startswith("∂"):
            found = re.fullmatch(r"∂\S+/∂(\S+) = (.+)", text)
            gradients[found[1]] = found[2]
        elif text.startswith("×"):
            arrows.append(read_number(text[1:]))
        elif text.startswith("= "):  # the value, under a label too long to share its line
            values[_symbol(label)] = text[2:]
        else:
            label = text
            if text.count("=") >= 1 and re.search(r"= [−\d.×⁰¹²³⁴⁵⁶⁷⁸⁹⁻ ]+$", text):
                values[_symbol(text)] = text.rsplit("= ", 1)[1]
    return {"values": {k: read_number(v) for k, v in values.items()},
            "gradients": {k: read_number(v) for k, v in gradients.items() if v != "?"},
            "arrows": sorted(arrows)}


def _boxes(fig) -> list[FancyBboxPatch]:
    return [p for p in fig.axes[0].patches if isinstance(p, FancyBboxPatch)]


# ------------------------------------------------------------- computation_graph --


@pytest.mark.parametrize("case", CASES)
def test_every_box_shows_the_value_and_gradient_sympy_gives(case):
    output, names = traced(case)
    shown, oracle = drawn(computation_graph(output, names, digits=DIGITS)), exact(case)
    assert set(shown["values"]) == set(oracle["values"]) == set(shown["gradients"])
    for name, value in oracle["values"].items():
        assert shown["values"][name] == pytest.approx(value, rel=REL, abs=1e-15), name
    for name, gradient in oracle["gradients"].items():
        assert shown["gradients"][name] == pytest.approx(gradient, rel=REL, abs=1e-15), name


@pytest.mark.parametrize("case", CASES)
def test_every_arrow_carries_the_local_derivative_sympy_gives(case):
    output, names = traced(case)
    shown, oracle = drawn(computation_graph(output, names, digits=DIGITS)), exact(case)
    assert shown["arrows"] == pytest.approx(oracle["arrows"], rel=LOCAL_REL)


@pytest.mark.parametrize("case", CASES)
def test_the_gradients_drawn_are_those_the_backward_pass_leaves_on_the_nodes(case):
    output, names = traced(case)
    shown = drawn(computation_graph(output, names, digits=DIGITS))["gradients"]
    for label, node in names.items():  # computation_graph ran backward(): read what it left
        assert shown[_symbol(label)] == pytest.approx(float(node.grad), rel=REL, abs=1e-15)


def test_the_picture_draws_what_the_backward_pass_reports_not_a_computation_of_its_own(monkeypatch):
    calls = []

    def reported_sevens(self, on_step=None):  # a pass that reports 7 for every share and total
        calls.append(on_step)
        order, stack = [], [self]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(parent for parent, _ in node.parents)
        self.grad = np.ones(self.shape)
        for node in order:
            for parent, _ in node.parents:
                parent.grad = np.asarray(7.0)
                on_step(BackwardStep(node, parent, np.asarray(7.0)))

    monkeypatch.setattr(Node, "backward", reported_sevens)
    output, names = traced("(a·b + sin a)²")
    shown = drawn(computation_graph(output, names))["gradients"]
    assert len(calls) == 1 and callable(calls[0])
    assert shown == {"a": 7, "b": 7, "p": 7, "s": 7, "q": 7, "f": 1}


def test_an_input_feeding_two_nodes_sums_the_shares_it_receives():
    output, names = traced("(a·b + sin a)²")
    a = names["a"]
    shares = []
    output.backward(on_step=lambda step: shares.append(float(step.share)) if step.parent is a else None)
    assert len(shares) == 2  # through p = a·b and through s = sin a
    shown = drawn(computation_graph(output, names, digits=DIGITS))["gradients"]["a"]
    a_, b_ = sp.symbols("a b")
    assert shown == pytest.approx(sum(shares), rel=REL)
    assert shown == pytest.approx(float(sp.diff((a_ * b_ + sp.sin(a_)) ** 2, a_).subs({a_: 1.5, b_: 0.5})), rel=REL)


def test_an_input_used_twice_by_one_operation_gets_one_arrow_with_both_local_derivatives():
    a = Node(3.0)
    y = a * a
    fig = computation_graph(y, {"a": a, "y = a·a": y})
    shown = drawn(fig)
    assert shown["arrows"] == [6.0]  # ∂(a·a)/∂a = 2a
    assert shown["gradients"] == {"a": 6.0, "y": 1.0}


def test_nodes_left_unnamed_are_numbered_and_described_by_their_operation():
    a, b = Node(2.0), Node(3.0)
    y = 2 * (np.sin(a) * b) + a
    texts = [t.get_text() for t in computation_graph(y, {"a": a, "b": b}).axes[0].texts]
    labels = [t for t in texts if t.startswith("v")]
    assert labels[:3] == ["v₁ = sin a", "v₂ = v₁·b", "v₃ (·)"]  # 2·v₂: the constant is not in the graph
    assert "∂v₄/∂a = " + number(2 * 3 * np.cos(2.0) + 1) in texts  # the output, unnamed too


@pytest.mark.parametrize("direction", ["across", "down"])
@pytest.mark.parametrize("case", CASES)
def test_boxes_do_not_overlap_and_stay_inside_the_figure(case, direction):
    output, names = traced(case)
    fig = computation_graph(output, names, direction=direction)
    width, height = fig.get_size_inches()
    boxes = [(b.get_x(), b.get_y(), b.get_x() + b.get_width(), b.get_y() + b.get_height()) for b in _boxes(fig)]
    assert len(boxes) == len(names)
    for x0, y0, x1, y1 in boxes:
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
    for k, (x0, y0, x1, y1) in enumerate(boxes):
        for u0, v0, u1, v1 in boxes[k + 1:]:
            assert x1 <= u0 or u1 <= x0 or y1 <= v0 or v1 <= y0


def _extent(fig, names) -> dict[int, tuple[float, float, float, float]]:
    """Each node's box (x0, y0, x1, y1), found by the label drawn in it."""
    texts = fig.axes[0].texts
    extent = {}
    for box in _boxes(fig):
        x0, y0 = box.get_x(), box.get_y()
        x1, y1 = x0 + box.get_width(), y0 + box.get_height()
        first = next(t.get_text() for t in texts
                     if x0 < t.get_position()[0] < x1 and y0 < t.get_position()[1] < y1)
        label = first if first in names else first.rsplit(" = ", 1)[0]
        extent[id(names[label])] = (x0, y0, x1, y1)
    return extent


@pytest.mark.parametrize("case", CASES)
def test_each_node_is_drawn_to_the_right_of_its_inputs_across(case):
    output, names = traced(case)
    extent = _extent(computation_graph(output, names, direction="across"), names)
    assert len(extent) == len(names)
    for node in names.values():
        for parent, _ in node.parents:
            assert extent[id(parent)][2] < extent[id(node)][0]


@pytest.mark.parametrize("case", CASES)
def test_each_node_is_drawn_below_its_inputs_down_the_page(case):
    output, names = traced(case)
    extent = _extent(computation_graph(output, names, direction="down"), names)
    assert len(extent) == len(names)
    for node in names.values():
        for parent, _ in node.parents:
            assert extent[id(node)][3] < extent[id(parent)][1]


@pytest.mark.parametrize("case", CASES)
def test_a_graph_is_drawn_across_only_when_that_fits_a_phone(case):
    output, names = traced(case)
    across = computation_graph(output, names, direction="across").get_size_inches()[0]
    fig = computation_graph(output, names)  # direction="auto"
    assert fig.get_size_inches()[0] <= 4.8 + 1e-9
    assert (fig.get_size_inches()[0] == across) == (across <= 4.8)


def test_the_page_s_graph_is_small_inline_svg():
    output, names = traced("(a·b + sin a)²")
    assert len(figure_svg(computation_graph(output, names)).encode()) < 60_000


# --------------------------------------------------------------- backward_animation --


def _step_labels(movie) -> list[str]:
    """The label of each step, once per step, in the order of the frames."""
    labels = [label for label in movie.labels if label.startswith("step ")]
    return list(dict.fromkeys(labels))


@pytest.mark.parametrize("case", CASES)
def test_the_animation_plays_the_steps_in_the_order_on_step_reports_them(case):
    output, names = traced(case)
    symbol = {id(node): _symbol(label) for label, node in names.items()}
    reported = []
    output.backward(on_step=lambda step: reported.append((symbol[id(step.node)], symbol[id(step.parent)])))
    movie = backward_animation(output, names, frames_per_step=3)
    n = len(reported)
    assert _step_labels(movie) == [f"step {k + 1} of {n}: {a} → {b}" for k, (a, b) in enumerate(reported)]
    assert len(movie) == 1 + 3 * n + 1
    assert movie.labels[0].startswith("start") and movie.labels[-1].startswith("done")


def test_each_step_ends_showing_the_running_total_its_input_has_reached():
    output, names = traced("(a·b + sin a)²")
    symbol = {id(node): _symbol(label) for label, node in names.items()}
    totals = []
    output.backward(on_step=lambda step: totals.append((symbol[id(step.parent)], float(step.parent.grad))))
    per_step = 4
    movie = backward_animation(output, names, frames_per_step=per_step, digits=6)
    for k, (parent, total) in enumerate(totals):
        first, last = movie.frames[1 + k * per_step], movie.frames[k * per_step + per_step]
        shown = f"∂f/∂{parent} = {number(total, 6)}"
        assert shown in last
        if all(p != parent for p, _ in totals[:k]):  # before its first share it is unknown
            assert f"∂f/∂{parent} = ?" in first


def test_the_animation_ends_with_the_gradients_of_the_inputs():
    output, names = traced("(a·b + sin a)²")
    movie = backward_animation(output, names, digits=6)
    a, b = sp.symbols("a b")
    f = (a * b + sp.sin(a)) ** 2
    found = dict(re.findall(r"∂f/∂(\w) = ([^,]+)", movie.labels[-1]))
    assert set(found) == {"a", "b"}
    for name, s in (("a", a), ("b", b)):
        assert read_number(found[name]) == pytest.approx(float(sp.diff(f, s).subs({a: 1.5, b: 0.5})), rel=1e-5)


def test_the_animation_of_the_page_stays_under_its_budget():
    output, names = traced("(a·b + sin a)²")
    movie = backward_animation(output, names, frames_per_step=5)
    assert len(movie.html(alt="a graph", caption="its pass").encode()) < 400_000


# --------------------------------------------------------------------- bad input --


def _page_graph():
    output, names = traced("(a·b + sin a)²")
    return output, names


@pytest.mark.parametrize("draw", [computation_graph, backward_animation])
def test_a_value_that_is_not_a_node_is_refused(draw):
    _, names = _page_graph()
    with pytest.raises(TypeError, match="output"):
        draw(3.0, names)
    with pytest.raises(TypeError, match="names"):
        draw(_page_graph()[0], [("a", names["a"])])


@pytest.mark.parametrize("draw", [computation_graph, backward_animation])
def test_bad_names_are_refused_naming_what_is_wrong(draw):
    output, names = _page_graph()
    with pytest.raises(ValueError, match="every input"):
        draw(output, {k: v for k, v in names.items() if k != "b"})
    with pytest.raises(TypeError, match=r"names\['x'\]"):
        draw(output, {**names, "x": 1.0})
    with pytest.raises(ValueError, match="not a node the output depends on"):
        draw(output, {**names, "c": Node(1.0)})
    with pytest.raises(ValueError, match="two labels"):
        draw(output, {**names, "a again": names["a"]})
    with pytest.raises(ValueError, match="symbol 'p'"):
        draw(output, {k: v for k, v in names.items() if k != "s = sin a"} | {"p = sin a": names["s = sin a"]})
    with pytest.raises(ValueError, match="non-empty string"):
        draw(output, {**{k: v for k, v in names.items() if k != "q = p + s"}, " ": names["q = p + s"]})


@pytest.mark.parametrize("draw", [computation_graph, backward_animation])
def test_a_node_holding_an_array_is_refused(draw):
    w = Node(np.array([1.0, 2.0]))
    y = (w * w).sum()
    with pytest.raises(ValueError, match="one number each"):
        draw(y, {"w": w, "y": y})


def test_a_value_that_is_not_finite_is_refused():
    a = Node(np.inf)
    y = a * 2
    with pytest.raises(ValueError, match="not finite"):
        computation_graph(y, {"a": a, "y": y})


@pytest.mark.parametrize("digits", [0, 18, 2.5, True, "4"])
def test_a_number_of_digits_out_of_range_is_refused(digits):
    output, names = _page_graph()
    with pytest.raises(ValueError, match="digits"):
        computation_graph(output, names, digits=digits)


@pytest.mark.parametrize("frames", [1, 0, 2.5, None])
def test_fewer_than_two_frames_per_step_are_refused(frames):
    output, names = _page_graph()
    with pytest.raises(ValueError, match="frames_per_step"):
        backward_animation(output, names, frames_per_step=frames)


def test_a_speed_out_of_range_is_refused():
    output, names = _page_graph()
    with pytest.raises(ValueError, match="fps"):
        backward_animation(output, names, fps=0)


@pytest.mark.parametrize("draw", [computation_graph, backward_animation])
def test_an_unknown_direction_is_refused_naming_the_three(draw):
    output, names = _page_graph()
    with pytest.raises(ValueError, match="direction must be one of 'auto', 'across', 'down'"):
        draw(output, names, direction="up")
