"""Chapter 6 animations: gradients flowing back through a computation graph."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.patches import FancyBboxPatch

from calcnotes.animation.player import Animation, animate
from calcnotes.autodiff import Node
from calcnotes.figures.chain import (
    GRADIENT,
    _canvas,
    _draw_graph,
    _graph_legend,
    _symbol,
)
from calcnotes.legacy import INK, number, style

__all__ = ["backward_animation"]


def _ends(start: FancyBboxPatch, end: FancyBboxPatch) -> tuple[np.ndarray, np.ndarray]:
    """Where the centre-to-centre line leaves *start* and enters *end*."""
    a, b = (np.array([p.get_x() + p.get_width() / 2, p.get_y() + p.get_height() / 2])
            for p in (start, end))
    t0 = (start.get_width() / 2) / (b[0] - a[0])
    t1 = 1 - (end.get_width() / 2) / (b[0] - a[0])
    return a + t0 * (b - a), a + t1 * (b - a)


@style()
def backward_animation(output: Node, names: Mapping[str, Node], *, frames_per_step: int = 6,
                       size: tuple[float, float] = (7.2, 2.9), fps: float = 4.0) -> Animation:
    """The backward loop of `calcnotes.autodiff`, one node at a time, on a graph.

    The graph is drawn as in `calcnotes.figures.graph_figure`, with the
    gradients unknown (``?``) except ``∂output/∂output = 1``. Then, in the
    order `Node.backward` uses (reverse topological order), each node sends
    its gradient back along its arrows: orange dots travel to its inputs,
    and each input's gradient grows by ``gradient × local derivative`` —
    a running sum, so an input used twice is seen adding up two shares.
    Takes *frames_per_step* frames per node, plus two at each end.

    *output* must have had ``backward()`` called; *names* labels every node
    (as for `graph_figure`). Raises ``ValueError`` if *frames_per_step* < 2,
    or for the same reasons as `graph_figure`.

    Examples
    --------
    >>> from calcnotes.autodiff import Node
    >>> a = Node(3.0)
    >>> y = 2 * a
    >>> y.backward()
    >>> movie = backward_animation(y, {"a": a, "y = 2a": y}, frames_per_step=2)
    >>> len(movie), movie.labels[-1]
    (6, 'done: ∂y/∂a = 2')
    """
    n = int(frames_per_step)
    if n < 2:
        raise ValueError(f"frames_per_step must be at least 2, got {frames_per_step!r}")
    width, height = (float(v) for v in size)
    fig, ax = _canvas(width, height)
    drawn = _draw_graph(ax, output, names, (width, height - 0.3), gradients=False)
    _graph_legend(ax, (width, height), drawn["symbol"])
    order, labels, boxes = drawn["order"], drawn["labels"], drawn["boxes"]
    texts, out = drawn["grad_texts"], drawn["symbol"]
    local = {(id(p), id(c)): value for p, c, value in drawn["edges"]}
    name = {i: _symbol(label) for i, label in labels.items()}

    # The loop of Node.backward, replayed: who sends what, and the running sums.
    steps = []
    running = {id(output): 1.0}
    for node in reversed(order):
        if not node.parents:
            continue
        sent = []
        for parent in dict.fromkeys(p for p, _ in node.parents):  # each input once
            share = running[id(node)] * local[(id(parent), id(node))]
            running[id(parent)] = running.get(id(parent), 0.0) + share
            sent.append((parent, share, running[id(parent)]))
        steps.append((node, sent, dict(running)))
    inputs = [node for node in order if not node.parents]
    if not np.allclose([running[id(v)] for v in inputs], [v.grad.item() for v in inputs]):
        raise ValueError("the replayed loop disagrees with backward(): call output.backward() "
                         "again after building the graph")

    highlight = FancyBboxPatch((0, 0), 1, 1, boxstyle="round,pad=0.06,rounding_size=0.1",
                               facecolor="none", edgecolor=GRADIENT, linewidth=2.4, zorder=4)
    ax.add_patch(highlight)
    flow = ax.plot([], [], color=GRADIENT, linewidth=2.6, alpha=0.85, zorder=1.5,
                   solid_capstyle="round")[0]
    dots = ax.plot([], [], "o", color=GRADIENT, markersize=8, markeredgewidth=0, zorder=5)[0]
    status = ax.text(width / 2, height - 0.15, "", ha="center", va="center", fontsize=9.5,
                     color=INK)

    def show(values: dict) -> None:
        for i, text in texts.items():
            known = f"{number(values[i])}" if i in values else "?"
            text.set_text(f"∂{out}/∂{name[i]} = {known}")

    def around(node) -> None:
        box = boxes[id(node)]
        highlight.set_bounds(box.get_x(), box.get_y(), box.get_width(), box.get_height())
        highlight.set_visible(True)

    frames = [("start", None, 0.0), ("start", None, 0.0)]
    for k in range(len(steps)):
        frames += [("step", k, t) for t in np.linspace(0, 1, n)]
    frames += [("end", None, 1.0), ("end", None, 1.0)]
    before = [{id(output): 1.0}] + [state for _, _, state in steps]

    def update(i: int) -> str:
        kind, k, t = frames[i]
        if kind == "start":
            show(before[0])
            highlight.set_visible(False)
            flow.set_data([], [])
            dots.set_data([], [])
            status.set_text(f"forward pass done; the backward loop starts with ∂{out}/∂{out} = 1")
            return f"start: ∂{out}/∂{out} = 1"
        if kind == "end":
            show(before[-1])
            highlight.set_visible(False)
            flow.set_data([], [])
            dots.set_data([], [])
            result = ", ".join(f"∂{out}/∂{name[id(v)]} = {number(running[id(v)])}" for v in inputs)
            status.set_text(f"done, one visit per node: {result}")
            return f"done: {result}"
        node, sent, after = steps[k]
        show(after if t == 1 else before[k])
        around(node)
        xs, ys, px, py = [], [], [], []
        for parent, _, _ in sent:
            start, end = _ends(boxes[id(parent)], boxes[id(node)])
            xs += [end[0], start[0], np.nan]
            ys += [end[1], start[1], np.nan]
            where = end + t * (start - end)
            px.append(where[0])
            py.append(where[1])
        flow.set_data(xs, ys)
        dots.set_data(px, py)
        g = number(running_at(k, node))
        parts = "; ".join(f"{name[id(p)]} gets {g} × {number(local[(id(p), id(node))])}"
                          f" = {number(share)}" + ("" if total == share else
                                                   f", total {number(total)}")
                          for p, share, total in sent)
        status.set_text(f"step {k + 1} of {len(steps)}: {name[id(node)]} sends back "
                        f"∂{out}/∂{name[id(node)]} = {g}: {parts}")
        return f"step {k + 1}: {name[id(node)]} → " + ", ".join(name[id(p)] for p, _, _ in sent)

    def running_at(k, node) -> float:
        return before[k][id(node)]

    moving = [*texts.values(), highlight, flow, dots, status]
    return animate(fig, moving, update, len(frames), fps=fps)
