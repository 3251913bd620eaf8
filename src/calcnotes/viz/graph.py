"""Computation graphs: any traced computation, drawn from its own backward pass.

`computation_graph` draws the graph of a number computed from
`calcnotes.autodiff.Node` inputs: a box per node with its value (the forward
pass) and its gradient (the backward pass), an arrow per input with the local
derivative the backward pass multiplies by. `backward_animation` plays the
backward pass one arrow at a time. Both run ``output.backward(on_step=...)``
and draw what it reports (see `calcnotes.autodiff.BackwardStep`): the loop
that runs is `Node.backward` itself, never a copy of it.

Colours: values in the page ink, gradients in `SECANT` orange, local
derivatives in `EXTRA` purple.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from calcnotes.autodiff import Node
from calcnotes.text import number
from calcnotes.viz.player import Animation, animate
from calcnotes.viz.style import EXTRA, INK, SECANT, style

__all__ = ["backward_animation", "computation_graph"]

#: Colour of gradients (derivatives of the output) and of the animation's highlights.
GRADIENT = SECANT
#: Colour of the local derivatives written on the arrows.
LOCAL = EXTRA

_TEXT_SIZE = 11.0  # points: the text in the boxes and the animation's status lines
_SMALL_SIZE = 10.0  # points: local derivatives on the arrows, the legend
_LINE = 0.2  # inches between the baselines of two lines of box text
_PAD = 0.09  # inches of box around its text
_ROW_GAP = 0.42  # inches between two boxes of a column (room for an arrow's label)
_MARGIN = 0.1  # inches around the drawing
_STATUS = 0.75  # inches above the graph for the animation's three status lines
_SLOT_GAP = 0.35  # inches between two boxes of a row, drawn down the page

#: Where the graph runs: "across" (inputs on the left), "down" (inputs on top) or "auto".
DIRECTIONS = ("auto", "across", "down")
#: "auto" draws across when that is at most this wide (inches, the kit's figure width), else down.
WIDTH = 4.8

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# How an unnamed node is written from the symbols of its inputs, by operation.
_INFIX = {"+": "{} + {}", "-": "{} − {}", "*": "{}·{}", "/": "{}/{}", "@": "{} @ {}"}
_PREFIX = {"negative": "−{}", "absolute": "|{}|", "square": "{}²", "sqrt": "√{}"}
_SHOWN_OP = {"*": "·", "-": "−"}


# ------------------------------------------------------------------ the record --


@dataclass(frozen=True)
class _Step:
    """One `BackwardStep`, as numbers taken when it was reported."""

    node: Node  # sends; its gradient is complete
    parent: Node  # receives
    gradient: float  # ∂output/∂node
    local: float  # ∂node/∂parent along this arrow
    share: float  # gradient × local, added to the parent's gradient
    total: float  # the parent's gradient right after the share was added


def _scalar(value) -> float:
    return float(np.asarray(value, dtype=float).item())


def _record(output: Node) -> list[_Step]:
    """Run ``output.backward`` and keep each step it reports, in its order."""
    steps: list[_Step] = []
    sent: dict[int, int] = {}  # per node, how many of its arrows were reported so far

    def on_step(step) -> None:
        k = sent.get(id(step.node), 0)  # a node reports its inputs in argument order
        sent[id(step.node)] = k + 1
        parent, local = step.node.parents[k]
        if parent is not step.parent:
            raise RuntimeError("the backward pass reported an arrow out of argument order")
        steps.append(_Step(step.node, step.parent, _scalar(step.node.grad),
                           _scalar(local(np.ones(step.node.shape))), _scalar(step.share),
                           _scalar(step.parent.grad)))

    output.backward(on_step=on_step)
    return steps


# ------------------------------------------------------------------- the graph --


@dataclass
class _Graph:
    order: list[Node]  # every node, each after its inputs
    label: dict[int, str]  # by id: what the box calls the node ("p = a·b")
    symbol: dict[int, str]  # by id: the node's name in ∂f/∂p ("p")
    steps: list[_Step]  # the backward pass, as reported
    gradient: dict[int, float]  # by id: ∂output/∂node at the end of the pass
    edges: dict[tuple[int, int], float]  # (input, node) ids: local derivative, summed over repeats
    output: Node

    @property
    def out(self) -> str:
        return self.symbol[id(self.output)]

    def inputs(self) -> list[Node]:
        return [node for node in self.order if not node.parents]


def _nodes(output: Node) -> list[Node]:
    """The nodes *output* depends on, each listed after all of its inputs (for the layout)."""
    order, seen, stack = [], set(), [(output, False)]
    while stack:
        node, inputs_listed = stack.pop()
        if inputs_listed:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent, _ in reversed(node.parents))
    return order


def _symbol_of(label: str) -> str:
    """``"p"`` for the label ``"p = a·b"``."""
    return label.split("=")[0].strip()


def _expression(node: Node, symbol: dict[int, str]) -> str | None:
    """How an unnamed node is computed from its inputs, if that can be told from its operation."""
    args = [symbol[id(parent)] for parent, _ in node.parents]
    if len(args) == 2 and node.op in _INFIX:
        return _INFIX[node.op].format(*args)
    if len(args) == 1 and node.op in _PREFIX:
        return _PREFIX[node.op].format(args[0])
    if len(args) == 1 and str(node.op).isidentifier():  # sin a, exp v, sigmoid z
        return f"{node.op} {args[0]}"
    return None  # e.g. 2·a or q²: a constant took part, which the graph does not keep


def _labels(order: list[Node], names) -> tuple[dict[int, str], dict[int, str]]:
    if not isinstance(names, Mapping):
        raise TypeError(f"names must be a dict {{label: node}}, got {type(names).__name__}")
    label: dict[int, str] = {}
    for text, node in names.items():
        if not isinstance(text, str) or not _symbol_of(text):
            raise ValueError(f"each label in names must be a non-empty string such as 'p = a·b', got {text!r}")
        if not isinstance(node, Node):
            raise TypeError(f"names[{text!r}] must be a calcnotes.autodiff.Node, got {type(node).__name__}")
        if id(node) in label:
            raise ValueError(f"names gives one node two labels, {label[id(node)]!r} and {text!r}")
        label[id(node)] = text.strip()
    known = {id(node) for node in order}
    stray = [text for i, text in label.items() if i not in known]
    if stray:
        raise ValueError(f"names[{stray[0]!r}] is not a node the output depends on")
    unnamed = [node for node in order if not node.parents and id(node) not in label]
    if unnamed:
        raise ValueError(f"names must label every input of the graph (each Node made by hand); "
                         f"{len(unnamed)} input(s) have no label")
    symbol = {i: _symbol_of(text) for i, text in label.items()}
    taken = set(symbol.values())
    if len(taken) < len(symbol):
        twice = next(s for s in taken if list(symbol.values()).count(s) > 1)
        raise ValueError(f"names gives two nodes the symbol {twice!r}: the gradients would read the same")
    count = 0
    for node in order:  # unnamed nodes: v₁, v₂, … in the order of evaluation
        if id(node) in label:
            continue
        count += 1
        while (name := f"v{count}".translate(_SUBSCRIPTS)) in taken:
            count += 1
        symbol[id(node)] = name
        expression = _expression(node, symbol)
        label[id(node)] = (f"{name} = {expression}" if expression
                           else f"{name} ({_SHOWN_OP.get(node.op, node.op)})")
    return label, symbol


def _describe(node: Node, names) -> str:
    for text, named in names.items() if isinstance(names, Mapping) else ():
        if named is node:
            return repr(text)
    return f"a node made by {node.op!r}" if node.op else "an input"


def _trace(output, names) -> _Graph:
    """Check the graph of *output*, run its backward pass and keep what it reported."""
    if not isinstance(output, Node):
        raise TypeError(f"output must be a calcnotes.autodiff.Node (a traced value), got {type(output).__name__}")
    order = _nodes(output)
    for node in order:
        if not isinstance(node.value, np.ndarray) or node.value.size != 1:
            shape = getattr(node.value, "shape", "?")
            raise ValueError(f"a computation graph shows nodes that hold one number each; "
                             f"{_describe(node, names)} holds shape {shape} "
                             "(trace each number as a Node of its own)")
        if not np.isfinite(node.value).all():
            raise ValueError(f"{_describe(node, names)} is not finite ({_scalar(node.value)})")
    label, symbol = _labels(order, names)
    steps = _record(output)
    gradient = {id(output): _scalar(output.grad)}  # 1: where the pass starts
    edges: dict[tuple[int, int], float] = {}
    for step in steps:
        gradient[id(step.parent)] = step.total  # the last total a node receives is its gradient
        key = (id(step.parent), id(step.node))
        edges[key] = edges.get(key, 0.0) + step.local  # a·a: two arrows to a, drawn as one
    return _Graph(order, label, symbol, steps, gradient, edges, output)


# ------------------------------------------------------------------ the layout --


@lru_cache(maxsize=4096)
def _text_width(text: str, size: float) -> float:
    """Width of *text* in inches at *size* points (Matplotlib's own metrics)."""
    width, _, _ = _RENDERER.get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
    return width / 72


_RENDERER = RendererAgg(1, 1, 72)  # 72 dpi: a pixel is a point


@dataclass
class _Layout:
    centre: dict[int, tuple[float, float]]  # by id, in inches
    width: dict[int, float]
    height: dict[int, float]
    size: tuple[float, float]  # of the figure
    legend_rows: int


def _columns(graph: _Graph) -> list[list[Node]]:
    """Nodes by column: each after its inputs; an input just before its first use."""
    users: dict[int, list[Node]] = {id(node): [] for node in graph.order}
    for node in graph.order:
        for parent, _ in node.parents:
            users[id(parent)].append(node)
    depth: dict[int, int] = {}
    for node in graph.order:
        depth[id(node)] = 1 + max((depth[id(p)] for p, _ in node.parents), default=-1)
    for node in graph.order:
        if not node.parents and users[id(node)]:
            depth[id(node)] = min(depth[id(user)] for user in users[id(node)]) - 1
    levels = sorted(set(depth.values()))
    columns = [[node for node in graph.order if depth[id(node)] == level] for level in levels]

    # Order each column by the mean position of its neighbours (few crossings): a few sweeps.
    position = {id(node): k - (len(column) - 1) / 2 for column in columns for k, node in enumerate(column)}
    for sweep in range(4):
        forward = sweep % 2 == 0
        for column in columns if forward else columns[::-1]:
            def key(node, forward=forward):
                before = [id(p) for p, _ in node.parents]
                after = [id(user) for user in users[id(node)]]
                near = (before or after) if forward else (after or before)
                return float(np.mean([position[i] for i in near])) if near else position[id(node)]
            column.sort(key=key)
            for k, node in enumerate(column):
                position[id(node)] = k - (len(column) - 1) / 2
    return columns


def _box_lines(graph: _Graph, node: Node, digits: int) -> tuple[list[str], str]:
    """The value lines of a node's box (its label and value, split if long) and its gradient line."""
    i = id(node)
    value = f"= {number(node.value.item(), digits)}"
    gradient = f"∂{graph.out}/∂{graph.symbol[i]} = {number(graph.gradient[i], digits)}"
    one_line = f"{graph.label[i]} {value}"
    if _text_width(one_line, _TEXT_SIZE) <= _text_width(gradient, _TEXT_SIZE):
        return [one_line], gradient
    return [graph.label[i], value], gradient  # narrower boxes: the picture stays readable


def _local_text(local: float, digits: int) -> str:
    return f"×{number(local, min(digits, 4))}"


def _legend_items(out: str) -> list[tuple[str, str]]:
    return [("value", INK), (f"gradient ∂{out}/∂node", GRADIENT),
            ("× local derivative ∂node/∂input", LOCAL)]


def _layout(graph: _Graph, columns: list[list[Node]], digits: int, *, top: float,
            least_width: float, down: bool) -> _Layout:
    """Where each box goes. Across: a column per level, left to right. Down: a row per level."""
    width, box_height = {}, {}
    for node in graph.order:
        values, gradient = _box_lines(graph, node, digits)
        # the unknown gradient of the animation ("= ?") is never wider than the number
        width[id(node)] = max(_text_width(line, _TEXT_SIZE) for line in [*values, gradient]) + 2 * _PAD
        box_height[id(node)] = (len(values) + 1) * _LINE + 2 * _PAD - 0.06
    height = max(box_height.values())  # the rows of every column line up
    widest_local = max((_text_width(_local_text(v, digits), _SMALL_SIZE) for v in graph.edges.values()),
                       default=0.0)
    if down:  # every box in a slot of one width, rows centred: arrows run down between them
        slot = max(width.values()) + _SLOT_GAP
        widest_row = max(len(row) for row in columns)
        drawing = widest_row * slot - _SLOT_GAP
        gap = max(_ROW_GAP + 0.1, 0.6)  # between rows, for the arrows and their labels beside them
        graph_height = len(columns) * height + (len(columns) - 1) * gap
    else:
        column_width = [max(width[id(node)] for node in column) for column in columns]
        gap = max(0.5, widest_local + 0.15)
        drawing = sum(column_width) + gap * (len(columns) - 1)
        tallest = max(len(column) for column in columns)
        graph_height = tallest * height + (tallest - 1) * _ROW_GAP
    legend_one_row = (sum(_text_width(text, _SMALL_SIZE) for text, _ in _legend_items(graph.out))
                      + 3 * 0.45 + 2 * 0.3)
    figure_width = max(drawing, least_width) + 2 * _MARGIN
    legend_rows = 1 if legend_one_row <= figure_width else 3
    legend = 0.08 + 0.2 * legend_rows
    figure_height = top + graph_height + legend + 2 * _MARGIN + 0.1
    middle = _MARGIN + legend + 0.1 + graph_height / 2
    centre = {}
    if down:
        for r, row in enumerate(columns):
            y = middle + graph_height / 2 - height / 2 - r * (height + gap)
            for k, node in enumerate(row):
                centre[id(node)] = (figure_width / 2 + (k - (len(row) - 1) / 2) * slot, y)
    else:
        left = _MARGIN + (figure_width - 2 * _MARGIN - drawing) / 2
        for column, wide in zip(columns, column_width):
            for k, node in enumerate(column):
                offset = (k - (len(column) - 1) / 2) * (height + _ROW_GAP)
                centre[id(node)] = (left + wide / 2, middle - offset)
            left += wide + gap
    return _Layout(centre, width, box_height, (figure_width, figure_height), legend_rows)


def _is_down(direction: str, graph: _Graph, digits: int, least_width: float) -> bool:
    """Whether to draw the graph down the page: asked for, or too wide across for a phone."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(map(repr, DIRECTIONS))}, got {direction!r}")
    if direction != "auto":
        return direction == "down"
    across = _layout(graph, _columns(graph), digits, top=0.0, least_width=least_width, down=False)
    return across.size[0] > WIDTH


# ------------------------------------------------------------------ the drawing --


def _edge_point(centre, half_width, half_height, towards) -> np.ndarray:
    """Where the line from a box's *centre* towards a point leaves the box."""
    c, d = np.asarray(centre, float), np.asarray(towards, float) - np.asarray(centre, float)
    t = min(half_width / abs(d[0]) if d[0] else np.inf, half_height / abs(d[1]) if d[1] else np.inf)
    return c + min(t, 1.0) * d


def _segment(layout: _Layout, parent: Node, node: Node) -> tuple[np.ndarray, np.ndarray]:
    """The visible part of the arrow from *parent*'s box to *node*'s box."""
    a, b = layout.centre[id(parent)], layout.centre[id(node)]
    gap = 0.03
    start = _edge_point(a, layout.width[id(parent)] / 2 + gap, layout.height[id(parent)] / 2 + gap, b)
    end = _edge_point(b, layout.width[id(node)] / 2 + gap, layout.height[id(node)] / 2 + gap, a)
    return start, end


@dataclass
class _Drawn:
    fig: Figure
    ax: Axes
    boxes: dict[int, FancyBboxPatch]
    gradient_texts: dict[int, object]
    layout: _Layout


def _draw(graph: _Graph, digits: int, *, top: float = 0.0, least_width: float = 0.0,
          known: bool = True, down: bool = False) -> _Drawn:
    columns = _columns(graph)
    layout = _layout(graph, columns, digits, top=top, least_width=least_width, down=down)
    width, height = layout.size
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()

    boxes, gradient_texts = {}, {}
    for node in graph.order:
        i = id(node)
        (cx, cy), w, h = layout.centre[i], layout.width[i], layout.height[i]
        box = FancyBboxPatch((cx - w / 2, cy - h / 2), w, h, boxstyle="round,pad=0,rounding_size=0.07",
                             facecolor="none", edgecolor=INK, linewidth=1.0, zorder=2)
        ax.add_patch(box)
        values, gradient_line = _box_lines(graph, node, digits)
        if not known and node is not graph.output:
            gradient_line = f"∂{graph.out}/∂{graph.symbol[i]} = ?"
        top = cy + _LINE * len(values) / 2  # the lines centred in the box, one _LINE apart
        for k, line in enumerate(values):
            ax.text(cx, top - k * _LINE, line, color=INK, fontsize=_TEXT_SIZE, ha="center",
                    va="center", zorder=3)
        gradient_texts[i] = ax.text(cx, top - len(values) * _LINE, gradient_line, color=GRADIENT,
                                    fontsize=_TEXT_SIZE, ha="center", va="center", zorder=3)
        boxes[i] = box

    nodes = {id(node): node for node in graph.order}
    for (p, n), local in graph.edges.items():
        start, end = _segment(layout, nodes[p], nodes[n])
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, color=INK,
                                     linewidth=1.0, shrinkA=0, shrinkB=0, zorder=1))
        direction = (end - start) / np.linalg.norm(end - start)
        normal = np.array([-direction[1], direction[0]])  # to the left of the arrow: upwards
        where = (start + end) / 2 + 0.07 * normal
        ha = "right" if normal[0] < -0.3 else "left" if normal[0] > 0.3 else "center"
        va = "bottom" if normal[1] >= 0.3 else "top" if normal[1] <= -0.3 else "center"
        ax.text(*where, _local_text(local, digits), color=LOCAL, fontsize=_SMALL_SIZE, ha=ha,
                va=va, zorder=3)

    items = _legend_items(graph.out)
    handles = [Line2D([], [], color=colour, marker="s", linestyle="none", markersize=7) for _, colour in items]
    ax.legend(handles, [text for text, _ in items], loc="lower center", bbox_to_anchor=(0.5, 0.0),
              ncols=3 if layout.legend_rows == 1 else 1, fontsize=_SMALL_SIZE, handletextpad=0.3,
              columnspacing=1.2, borderaxespad=0.3)
    return _Drawn(fig, ax, boxes, gradient_texts, layout)


def _digits(digits) -> int:
    if isinstance(digits, bool) or not isinstance(digits, (int, np.integer)) or not 1 <= digits <= 17:
        raise ValueError(f"digits must be a whole number from 1 to 17, got {digits!r}")
    return int(digits)


@style()
def computation_graph(output: Node, names: Mapping[str, Node], *, digits: int = 4,
                      direction: str = "auto") -> Figure:
    """The computation graph of a traced number: values forwards, gradients backwards.

    Runs ``output.backward(on_step=...)`` (see `calcnotes.autodiff.Node.backward`)
    and draws what that pass reported: a box per node with its value and, in
    orange, its gradient ``∂output/∂node``; an arrow from each input of an
    operation to its result, carrying in purple the local derivative
    ``∂node/∂input`` the pass multiplied by. A node's gradient is the sum, over
    its outgoing arrows, of (gradient at the head) × (local derivative); an
    input used twice (``a * a``) gets one arrow with both shares' local
    derivatives summed. The levels of the graph follow the order of
    evaluation (each input just before its first use), as columns from left
    to right or as rows from top to bottom; boxes within a level are ordered
    for few crossings.

    Parameters
    ----------
    output : calcnotes.autodiff.Node
        The result of a computation on `Node` inputs, holding one number, for
        example ``f = (a * b + np.sin(a)) ** 2`` with ``a, b = Node(1.5), Node(0.5)``.
        Every node it depends on must hold one number. Its gradients are
        (re)computed: calling ``backward`` again gives the same numbers.
    names : dict
        ``{label: node}``: a label such as ``"p = a·b"`` for any node (the part
        before ``=``, here ``p``, names it in ``∂f/∂p``). Every input must be
        labelled; other nodes left out are called ``v₁, v₂, …`` and described
        by their operation (``v₁ = a·b``, ``v₂ = sin a``, ``v₃ (·)`` when a
        constant took part).
    digits : int
        Significant digits of the numbers drawn (4 by default, and 4 at most
        on the arrows).
    direction : {"auto", "across", "down"}
        ``"across"``: inputs on the left, the output on the right;
        ``"down"``: inputs on top, the output at the bottom. ``"auto"``
        draws across when that is at most 4.8 in wide, and down otherwise,
        so that the text stays readable on a phone.

    Returns
    -------
    matplotlib.figure.Figure
        Show it with `calcnotes.show`; as large as the graph needs.

    Raises
    ------
    TypeError
        If *output* is not a `Node`, *names* is not a dict, or a value of
        *names* is not a `Node`.
    ValueError
        If an input has no label, a label is empty, names a node *output*
        does not depend on, or two labels give the same symbol; if a node
        holds more than one number or a value that is not finite; if
        *digits* is not a whole number from 1 to 17 or *direction* is not
        one of the three.

    Examples
    --------
    >>> from calcnotes.autodiff import Node
    >>> a, b = Node(2.0), Node(3.0)
    >>> y = a * b + a
    >>> fig = computation_graph(y, {"a": a, "b": b, "y": y})  # a·b is left unnamed: v₁
    >>> [t.get_text() for t in fig.axes[0].texts]  # box by box, then the arrows
    ['a = 2', '∂y/∂a = 4', 'b = 3', '∂y/∂b = 2', 'v₁ = a·b', '= 6', '∂y/∂v₁ = 1', 'y = 8',
     '∂y/∂y = 1', '×1', '×1', '×3', '×2']
    """
    digits = _digits(digits)
    graph = _trace(output, names)
    return _draw(graph, digits, down=_is_down(direction, graph, digits, 0.0)).fig


# ------------------------------------------------------------- the animation --


def _status(graph: _Graph, k: int, digits: int) -> str:
    step = graph.steps[k]
    node, parent = graph.symbol[id(step.node)], graph.symbol[id(step.parent)]
    out = graph.out
    d = lambda v: number(v, digits)  # noqa: E731
    return (f"step {k + 1} of {len(graph.steps)}: {node} hands {parent} its share\n"
            f"∂{out}/∂{node} × ∂{node}/∂{parent} = {d(step.gradient)} × {d(step.local)} = {d(step.share)}\n"
            f"∂{out}/∂{parent} so far {d(step.total)}")


def _ends(graph: _Graph, out: str, digits: int) -> tuple[str, str]:
    """The status lines of the first and the last frame (short lines: the figure stays narrow)."""
    start = f"forward pass done:\nthe backward pass starts from ∂{out}/∂{out} = 1"
    result = ", ".join(f"∂{out}/∂{graph.symbol[id(node)]} = {number(graph.gradient[id(node)], digits)}"
                       for node in graph.inputs())
    return start, f"done, every arrow crossed once:\n{result}"


@style()
def backward_animation(output: Node, names: Mapping[str, Node], *, frames_per_step: int = 5,
                       fps: float = 5.0, digits: int = 4, direction: str = "auto") -> Animation:
    """The backward pass of a traced number, one arrow at a time, on its computation graph.

    Runs ``output.backward(on_step=...)`` and plays the steps it reported, in
    its order: the graph of `computation_graph` with every gradient unknown
    (``?``) but ``∂output/∂output = 1``; then, step after step, a ring marks
    the node that sends (its gradient is complete), the arrow it sends along
    lights up, a dot travels back to the input, and the input's gradient
    becomes its running total (an input reached along several arrows adds up
    its shares). The status lines above the graph give the product
    ``gradient × local derivative``. One frame to start, *frames_per_step* per step, one to end;
    frame ``k`` of a step is labelled ``"step k of n: p → a"``.

    Parameters
    ----------
    output : calcnotes.autodiff.Node
        As for `computation_graph`.
    names : dict
        As for `computation_graph`.
    frames_per_step : int
        Frames per arrow crossed, at least 2 (the dot leaves, the dot arrives).
    fps : float
        Playback speed, in (0, 60].
    digits : int
        Significant digits of the numbers drawn.
    direction : {"auto", "across", "down"}
        As for `computation_graph`.

    Returns
    -------
    Animation
        Show it with `calcnotes.show`.

    Raises
    ------
    TypeError, ValueError
        As for `computation_graph`; ``ValueError`` also if *frames_per_step*
        is not a whole number of at least 2 or *fps* is out of range.

    Examples
    --------
    >>> from calcnotes.autodiff import Node
    >>> a = Node(3.0)
    >>> y = a * a
    >>> movie = backward_animation(y, {"a": a, "y = a·a": y}, frames_per_step=2)
    >>> len(movie), movie.labels[1], movie.labels[3], movie.labels[-1]
    (6, 'step 1 of 2: y → a', 'step 2 of 2: y → a', 'done: ∂y/∂a = 6')
    """
    if (isinstance(frames_per_step, bool) or not isinstance(frames_per_step, (int, np.integer))
            or frames_per_step < 2):
        raise ValueError(f"frames_per_step must be a whole number of at least 2, got {frames_per_step!r}")
    digits = _digits(digits)
    graph = _trace(output, names)
    out = graph.out
    start_text, end_text = _ends(graph, out, digits)
    texts = [line for text in [start_text, end_text, *(_status(graph, k, digits) for k in range(len(graph.steps)))]
             for line in text.split("\n")]
    least = max(_text_width(text, _TEXT_SIZE) for text in texts) + 0.2
    down = _is_down(direction, graph, digits, least)
    drawn = _draw(graph, digits, top=_STATUS, least_width=least, known=False, down=down)
    fig, ax, layout = drawn.fig, drawn.ax, drawn.layout
    width, height = layout.size
    nodes = {id(node): node for node in graph.order}

    ring = FancyBboxPatch((0, 0), 1, 1, boxstyle="round,pad=0.04,rounding_size=0.09", facecolor="none",
                          edgecolor=GRADIENT, linewidth=2.4, zorder=4, visible=False)
    ax.add_patch(ring)
    flow, = ax.plot([], [], color=GRADIENT, linewidth=3.0, alpha=0.85, zorder=1.5, solid_capstyle="round")
    dot, = ax.plot([], [], "o", color=GRADIENT, markersize=8, markeredgewidth=0, zorder=5)
    status = ax.text(width / 2, height - _MARGIN - 0.02, "", ha="center", va="top", fontsize=_TEXT_SIZE,
                     color=INK, linespacing=1.4)

    # The gradients known before step k: ∂out/∂out = 1, then each running total as reported.
    known = [{id(output): graph.gradient[id(output)]}]
    for step in graph.steps:
        known.append({**known[-1], id(step.parent): step.total})

    def show_gradients(values: dict[int, float]) -> None:
        for i, text in drawn.gradient_texts.items():
            value = number(values[i], digits) if i in values else "?"
            text.set_text(f"∂{out}/∂{graph.symbol[i]} = {value}")

    frames = [("start", 0, 0.0)]
    frames += [("step", k, t) for k in range(len(graph.steps)) for t in np.linspace(0, 1, int(frames_per_step))]
    frames.append(("end", len(graph.steps), 1.0))

    def update(i: int) -> str:
        kind, k, t = frames[i]
        if kind != "step":
            show_gradients(known[k])
            ring.set_visible(False)
            flow.set_data([], [])
            dot.set_data([], [])
            status.set_text(start_text if kind == "start" else end_text)
            return f"start: ∂{out}/∂{out} = 1" if kind == "start" else "done: " + end_text.split("\n", 1)[1]
        step = graph.steps[k]
        show_gradients(known[k + 1] if t == 1 else known[k])
        box = drawn.boxes[id(step.node)]
        ring.set_bounds(box.get_x(), box.get_y(), box.get_width(), box.get_height())
        ring.set_visible(True)
        tail, head = _segment(layout, nodes[id(step.parent)], nodes[id(step.node)])
        flow.set_data([head[0], tail[0]], [head[1], tail[1]])
        where = head + t * (tail - head)  # backwards: from the node to its input
        dot.set_data([where[0]], [where[1]])
        status.set_text(_status(graph, k, digits))
        return f"step {k + 1} of {len(graph.steps)}: {graph.symbol[id(step.node)]} → {graph.symbol[id(step.parent)]}"

    moving = [*drawn.gradient_texts.values(), ring, flow, dot, status]
    return animate(fig, moving, update, len(frames), fps=fps)
