"""Chapter 6 figures: compositions, networks and computation graphs.

Colours follow `calcnotes.figures.base`; in the graph pictures, forward
values are written in the page ink, gradients (derivatives of the output)
in `SECANT` orange and local derivatives on the arrows in `EXTRA` purple.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from calcnotes import derivative
from calcnotes.autodiff import Node, sigmoid
from calcnotes.figures.base import (
    ACCENT,
    CURVE,
    EXTRA,
    POINT,
    SECANT,
    TANGENT,
    _fit_y,
    _span,
    _values,
    finish_axes,
)
from calcnotes.legacy import INK, number, style

__all__ = ["composition_figure", "graph_figure", "network_figure"]

#: Colour of gradients (derivatives of the output) in graph pictures.
GRADIENT = SECANT
#: Colour of local derivatives (one per arrow) in graph pictures.
LOCAL = EXTRA


# ------------------------------------------------------------ a composition --


@style()
def composition_figure(outer: Callable, inner: Callable, slope: Callable, span: Sequence[float],
                       *, labels: Sequence[str] = ("h(x) = f(g(x))", "g(x)", "h′(x)"),
                       var: str = "x", checks: int = 9) -> Figure:
    """A composition ``h = outer ∘ inner``, its inner function, and its derivative.

    Top panel: ``h(x) = outer(inner(x))`` and the inner function (dashed).
    Bottom panel: *slope*, the derivative found with the chain rule,
    ``h′(x) = outer′(inner(x)) · inner′(x)``, with the band ``±inner′(x)``
    (dotted) and *checks* red dots of `calcnotes.derivative` of ``h``
    (numerical) on top. *labels* names the three curves; the band is named
    after the part of ``labels[1]`` before its parenthesis (``g`` for
    ``"g(x) = x²"``).

    Raises ``ValueError`` for a bad *span*, other than 3 *labels* or a
    negative *checks*; ``TypeError`` if a function is not callable.

    Examples
    --------
    >>> fig = composition_figure(np.sin, lambda x: x**2, lambda x: 2 * x * np.cos(x**2), (-3, 3))
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['y', 'h′(x)']
    """
    lo, hi = _span(span)
    for name, fn in (("outer", outer), ("inner", inner), ("slope", slope)):
        if not callable(fn):
            raise TypeError(f"{name} must be a function, got {type(fn).__name__}")
    labels = list(labels)
    if len(labels) != 3:
        raise ValueError(f"labels must hold 3 names (h, inner, slope), got {len(labels)}")
    if not isinstance(checks, (int, np.integer)) or checks < 0:
        raise ValueError(f"checks must be a whole number >= 0, got {checks!r}")

    h = lambda x: outer(inner(x))
    x = np.linspace(lo, hi, 800)
    fig = Figure(figsize=(6.4, 5.0), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.15])

    y = _values(h, x)
    g = _values(inner, x)
    top.plot(x, y, color=CURVE, label=labels[0], zorder=3)
    top.plot(x, g, color=ACCENT, linestyle=(0, (5, 2.5)), label=labels[1], zorder=2)
    low, high = float(np.min(y)), float(np.max(y))
    top.set_ylim(low - 0.15 * (high - low), high + 0.9 * (high - low))  # room for the inner
    top.set_xlim(lo, hi)
    finish_axes(top, xlabel="", ylabel="y", legend="upper center")

    inner_slope = derivative(inner, x)
    s = _values(slope, x)
    for sign in (1, -1):
        bottom.plot(x, sign * inner_slope, color=ACCENT, linestyle=(0, (1, 2)), linewidth=1.4,
                    label=f"±{labels[1].split('(')[0].strip()}′({var})" if sign == 1 else None)
    bottom.plot(x, s, color=TANGENT, label=labels[2], zorder=3)
    if checks:
        points = np.linspace(lo, hi, checks + 2)[1:-1]
        bottom.plot(points, derivative(h, points), "o", color=POINT, markersize=5,
                    markeredgewidth=0, zorder=4, label="calcnotes.derivative (numerical)")
    _fit_y(bottom, s, pad=0.15)
    finish_axes(bottom, xlabel=var, ylabel=f"h′({var})", legend=False)
    bottom.legend(loc="upper center", ncols=3, fontsize=8.5, handlelength=1.6,
                  columnspacing=1.2)
    bottom.set_ylim(bottom.get_ylim()[0], bottom.get_ylim()[1] + 0.25 * np.ptp(bottom.get_ylim()))
    return fig


# ------------------------------------------------------------ drawing blocks --

# Graph pictures are drawn on one frameless axes whose data units are inches,
# so that text sizes (in points) and box sizes can be compared directly.
_CHAR = 0.062  # width of an average character at 9 pt, in inches
_LINE = 0.19  # height of a line of 9 pt text, in inches


def _canvas(width: float, height: float) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return fig, ax


def _box(ax: Axes, centre: tuple[float, float], lines: Sequence[tuple[str, str]],
         width: float, *, fontsize: float = 9) -> tuple[FancyBboxPatch, list]:
    """A rounded box at *centre* holding one text per ``(text, colour)`` line."""
    height = _LINE * len(lines) + 0.1
    cx, cy = centre
    box = FancyBboxPatch((cx - width / 2, cy - height / 2), width, height,
                         boxstyle="round,pad=0.02,rounding_size=0.08", facecolor="none",
                         edgecolor=INK, linewidth=1.0, zorder=2)
    ax.add_patch(box)
    texts = []
    top = cy + _LINE * (len(lines) - 1) / 2
    for k, (text, colour) in enumerate(lines):
        texts.append(ax.text(cx, top - k * _LINE, text, color=colour, fontsize=fontsize,
                             ha="center", va="center", zorder=3))
    return box, texts


def _arrow(ax: Axes, start: FancyBboxPatch, end: FancyBboxPatch, *, color: str = INK,
           linewidth: float = 1.0, linestyle: str = "-", alpha: float = 0.75) -> FancyArrowPatch:
    """An arrow from the box *start* to the box *end*, clipped at both boxes."""
    a = start.get_x() + start.get_width() / 2, start.get_y() + start.get_height() / 2
    b = end.get_x() + end.get_width() / 2, end.get_y() + end.get_height() / 2
    arrow = FancyArrowPatch(a, b, patchA=start, patchB=end, arrowstyle="-|>",
                            mutation_scale=9, color=color, linewidth=linewidth,
                            linestyle=linestyle, alpha=alpha, shrinkA=2, shrinkB=2, zorder=1)
    ax.add_patch(arrow)
    return arrow


# ------------------------------------------------------------ computation graphs --


def _symbol(label: str) -> str:
    """The name of a node: ``"p"`` for the label ``"p = a·b"``."""
    return label.split("=")[0].strip()


def _graph(output: Node, names: Mapping[str, Node]):
    """Nodes of the graph of *output* in topological order, labels, edges, depths.

    Edges are ``(parent, child, local)`` with ``local`` the local derivative
    ∂child/∂parent, the node's own stored rule applied to a gradient of 1.
    """
    if not isinstance(output, Node):
        raise TypeError(f"output must be a calcnotes.autodiff.Node, got {type(output).__name__}")
    if not isinstance(names, Mapping) or not names:
        raise ValueError("names must be a non-empty dict {label: node}")
    labels = {}
    for label, node in names.items():
        if not isinstance(node, Node):
            raise TypeError(f"names[{label!r}] must be a Node, got {type(node).__name__}")
        labels[id(node)] = str(label)

    order, seen, stack = [], set(), [(output, False)]
    while stack:  # depth-first: each node after the nodes it uses
        node, done = stack.pop()
        if done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent, _ in reversed(node.parents))
    unnamed = [n for n in order if id(n) not in labels]
    if unnamed:
        raise ValueError(f"names must name every node the output depends on; {len(unnamed)} "
                         "node(s) have no name (build f one operation per variable)")
    for node in order:
        if node.value.size != 1:
            raise ValueError("graph pictures show nodes holding single numbers; "
                             f"{labels[id(node)]!r} holds shape {node.value.shape}")
        if node.grad is None:
            raise ValueError("the graph has no gradients yet: call output.backward() first")

    edges: dict[tuple[int, int], list] = {}
    for node in order:
        for parent, local in node.parents:
            key = (id(parent), id(node))
            share = float(local(np.ones_like(node.value)))
            if key in edges:  # the same input used twice (a * a): one arrow, summed
                edges[key][2] += share
            else:
                edges[key] = [parent, node, share]
    depth = {}
    for node in order:
        depth[id(node)] = 1 + max((depth[id(p)] for p, _ in node.parents), default=-1)
    return order, labels, list(edges.values()), depth


def _layout(order, depth, widths, size, bottom=0.0) -> dict[int, tuple[float, float]]:
    """Centres in inches: columns by depth, rows ordered by the parents' rows.

    Columns are as wide as their widest box (*widths* by node id); the gaps
    between them are equal.
    """
    columns: dict[int, list] = {}
    for node in order:
        columns.setdefault(depth[id(node)], []).append(node)
    width, height = size
    row = {}
    for d in sorted(columns):
        nodes = columns[d]
        if d > 0:  # barycentre of the parents: few crossings
            nodes.sort(key=lambda n: np.mean([row[id(p)] for p, _ in n.parents]))
        for k, node in enumerate(nodes):
            row[id(node)] = k - (len(nodes) - 1) / 2
    column_width = {d: max(widths[id(n)] for n in nodes) for d, nodes in columns.items()}
    margin = 0.08
    gap = (width - 2 * margin - sum(column_width.values())) / max(len(columns) - 1, 1)
    if gap < 0.45:
        raise ValueError(f"size is too small for this graph: widen it (gap {gap:.2f} in)")
    spread = max(len(c) for c in columns.values())
    step_y = min(1.0, (height - bottom - 0.6) / max(spread - 1, 1))
    middle = bottom + (height - bottom) / 2
    centres, left = {}, margin
    for d in sorted(columns):
        x = left + column_width[d] / 2
        for node in columns[d]:
            centres[id(node)] = (x, middle - row[id(node)] * step_y)
        left += column_width[d] + gap
    return centres


def _visible_middle(start: FancyBboxPatch, end: FancyBboxPatch) -> tuple[float, float]:
    """Middle of the part of the centre-to-centre line that lies between two boxes."""
    (x0, y0), (x1, y1) = ((b.get_x() + b.get_width() / 2, b.get_y() + b.get_height() / 2)
                          for b in (start, end))
    # the line leaves the first box at its right side and enters the second at its left
    t0 = (start.get_width() / 2) / (x1 - x0)
    t1 = 1 - (end.get_width() / 2) / (x1 - x0)
    t = (t0 + t1) / 2
    return x0 + t * (x1 - x0), y0 + t * (y1 - y0)


def _draw_graph(ax: Axes, output: Node, names: Mapping[str, Node], size: tuple[float, float],
                *, bottom: float = 0.35, gradients: bool = True) -> dict:
    """Draw the graph of *output*; return its pieces for animations."""
    order, labels, edges, depth = _graph(output, names)
    out = _symbol(labels[id(output)])
    first = {id(n): f"{labels[id(n)]} = {number(n.value.item())}" for n in order}
    second = {id(n): f"∂{out}/∂{_symbol(labels[id(n)])} = {number(n.grad.item())}" for n in order}
    widths = {i: _CHAR * max(len(first[i]), len(second[i])) + 0.3 for i in first}
    centres = _layout(order, depth, widths, size, bottom)
    boxes, grad_texts = {}, {}
    for node in order:
        i = id(node)
        shown = second[i] if gradients else second[i].split("=")[0] + "= ?"
        box, texts = _box(ax, centres[i], [(first[i], INK), (shown, GRADIENT)], widths[i])
        boxes[i], grad_texts[i] = box, texts[1]
    arrows = {}
    for parent, child, local in edges:
        start, end = boxes[id(parent)], boxes[id(child)]
        arrows[(id(parent), id(child))] = _arrow(ax, start, end)
        mx, my = _visible_middle(start, end)
        ax.text(mx, my + 0.05, f"×{number(local, 3)}", color=LOCAL, fontsize=8.5, ha="center",
                va="bottom", zorder=3)
    return {"order": order, "labels": labels, "edges": edges, "centres": centres,
            "boxes": boxes, "grad_texts": grad_texts, "arrows": arrows, "symbol": out}


def _graph_legend(ax: Axes, size: tuple[float, float], out: str) -> None:
    items = [("value (forward pass)", INK), (f"gradient ∂{out}/∂node (backward pass)", GRADIENT),
             ("×: local derivative ∂child/∂input", LOCAL)]
    handles = [Line2D([], [], color=c, marker="s", linestyle="none", markersize=7) for _, c in items]
    ax.legend(handles, [t for t, _ in items], loc="lower center", ncols=3, fontsize=8.5,
              handletextpad=0.3, columnspacing=1.4, bbox_to_anchor=(0.5, 0.0))


@style()
def graph_figure(output: Node, names: Mapping[str, Node], *,
                 size: tuple[float, float] = (7.2, 2.6)) -> Figure:
    """The computation graph of a traced value: forward values, gradients, local derivatives.

    *output* is a `calcnotes.autodiff.Node` on which ``backward()`` has been
    called; *names* maps a label such as ``"p = a·b"`` to every node it
    depends on (the part before ``=`` names the node). Each box shows the
    node's value and, in orange, the gradient ``∂output/∂node``; each arrow
    carries in purple the local derivative ``∂child/∂input`` the backward pass
    multiplies by. Columns follow the order of evaluation.

    Raises ``TypeError`` if *output* is not a Node; ``ValueError`` if a node
    is unnamed, holds more than one number, or has no gradient yet.

    Examples
    --------
    >>> from calcnotes.autodiff import Node
    >>> a = Node(2.0)
    >>> y = a * a
    >>> y.backward()
    >>> fig = graph_figure(y, {"a": a, "y = a·a": y})
    >>> sorted(t.get_text() for t in fig.axes[0].texts)[:2]
    ['a = 2', 'y = a·a = 4']
    """
    width, height = (float(v) for v in size)
    fig, ax = _canvas(width, height)
    drawn = _draw_graph(ax, output, names, (width, height))
    _graph_legend(ax, (width, height), drawn["symbol"])
    return fig


# ------------------------------------------------------------ a small network --


def _network(x, W1, W2, y) -> dict:
    """Forward and backward pass of ``L = mean((W2 σ(W1 x) − y)²)``, traced."""
    x = np.asarray(x, dtype=float)
    W1, W2, y = (np.asarray(v, dtype=float) for v in (W1, W2, y))
    if x.ndim != 1:
        raise ValueError(f"x must be a vector, got shape {x.shape}")
    if W1.ndim != 2 or W1.shape[1] != x.size:
        raise ValueError(f"W1 must have shape (hidden, {x.size}), got {W1.shape}")
    if W2.ndim != 2 or W2.shape[1] != W1.shape[0]:
        raise ValueError(f"W2 must have shape (outputs, {W1.shape[0]}), got {W2.shape}")
    if y.shape != (W2.shape[0],):
        raise ValueError(f"y must have shape ({W2.shape[0]},), got {y.shape}")
    for name, v in (("x", x), ("W1", W1), ("W2", W2), ("y", y)):
        if not np.all(np.isfinite(v)):
            raise ValueError(f"{name} must be finite")
    nx = Node(x)
    z = Node(W1) @ nx
    h = sigmoid(z)
    y_hat = Node(W2) @ h
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    return {"x": nx, "z": z, "h": h, "y_hat": y_hat, "loss": loss, "W1": W1, "W2": W2, "y": y}


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@style()
def network_figure(x: Sequence[float], W1, W2, y: Sequence[float]) -> Figure:
    """A 2-layer network ``x → W1 → σ → W2 → MSE`` with the numbers of one pass.

    The loss is ``L = mean((ŷ − y)²)`` with ``ŷ = W2 σ(W1 x)``. Every unit
    shows its forward values (ink) and the gradient of ``L`` with respect to
    it (orange), both computed by tracing the network with
    `calcnotes.autodiff` and calling ``backward()``. Line widths follow
    ``|weight|``; blue weights are positive, purple dashed ones negative.

    Raises ``ValueError`` if the shapes do not chain (``W1`` is
    hidden × inputs, ``W2`` outputs × hidden, ``y`` one value per output)
    or a value is not finite.

    Examples
    --------
    >>> fig = network_figure([1.0, 0.0], np.ones((3, 2)), np.ones((1, 3)), [0.0])
    >>> any(t.get_text() == "L = 4.81" for t in fig.axes[0].texts)  # (3 σ(1))²
    True
    """
    net = _network(x, W1, W2, y)
    W1, W2 = net["W1"], net["W2"]
    n_in, n_hidden, n_out = W1.shape[1], W1.shape[0], W2.shape[0]
    width, height = 7.0, max(3.4, 1.05 * max(n_in, n_hidden, n_out) + 0.9)
    fig, ax = _canvas(width, height)
    columns = [0.75, 2.6, 4.55, 6.25]
    box_width = [1.05, 1.5, 1.45, 1.1]

    def rows(n):
        step = min(1.05, (height - 1.2) / max(n - 1, 1))
        return [height / 2 - 0.05 + (n - 1) / 2 * step - k * step for k in range(n)]

    sub = lambda k: str(k + 1).translate(_SUB)
    v = lambda node, k: number(float(node.value[k]), 3)
    d = lambda node, k: number(float(node.grad[k]), 3)
    inputs = [_box(ax, (columns[0], r), [(f"x{sub(k)} = {v(net['x'], k)}", INK),
                                         (f"∂L/∂x{sub(k)} = {d(net['x'], k)}", GRADIENT)],
                   box_width[0], fontsize=8.5)[0] for k, r in enumerate(rows(n_in))]
    hidden = [_box(ax, (columns[1], r), [(f"z{sub(k)} = {v(net['z'], k)}", INK),
                                         (f"h{sub(k)} = σ(z{sub(k)}) = {v(net['h'], k)}", INK),
                                         (f"∂L/∂z{sub(k)} = {d(net['z'], k)}", GRADIENT)],
                   box_width[1], fontsize=8.5)[0] for k, r in enumerate(rows(n_hidden))]
    outputs = [_box(ax, (columns[2], r), [(f"ŷ{sub(k)} = {v(net['y_hat'], k)}", INK),
                                          (f"y{sub(k)} = {number(float(net['y'][k]), 3)}", INK),
                                          (f"∂L/∂ŷ{sub(k)} = {d(net['y_hat'], k)}", GRADIENT)],
                    box_width[2], fontsize=8.5)[0] for k, r in enumerate(rows(n_out))]
    loss = _box(ax, (columns[3], rows(1)[0]), [(f"L = {number(net['loss'].value.item(), 3)}", INK),
                                               ("∂L/∂L = 1", GRADIENT)], box_width[3])[0]

    biggest = max(np.abs(W1).max(), np.abs(W2).max()) or 1.0
    for matrix, sources, targets in ((W1, inputs, hidden), (W2, hidden, outputs)):
        for j, target in enumerate(targets):
            for i, source in enumerate(sources):
                w = matrix[j, i]
                _arrow(ax, source, target, color=ACCENT if w >= 0 else LOCAL,
                       linewidth=0.4 + 2.6 * abs(w) / biggest, linestyle="-" if w >= 0 else "--",
                       alpha=0.8)
    for source in outputs:
        _arrow(ax, source, loss)
    for x_pos, title in zip(columns, ["input x", "hidden: z = W₁x, h = σ(z)",
                                      "output ŷ = W₂h", "loss (MSE)"]):
        ax.text(x_pos, height - 0.2, title, ha="center", va="center", fontsize=9, color=INK)
    handles = [Line2D([], [], color=ACCENT, linewidth=2), Line2D([], [], color=LOCAL, linewidth=2,
                                                                 linestyle="--"),
               Line2D([], [], color=GRADIENT, marker="s", linestyle="none", markersize=7)]
    ax.legend(handles, ["weight > 0", "weight < 0 (width ∝ |weight|)", "gradient of L"],
              loc="lower center", ncols=3, fontsize=8.5, bbox_to_anchor=(0.5, 0.0))
    return fig
