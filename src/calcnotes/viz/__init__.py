"""The drawing kit: general visualizers that take any function and point.

Each visualizer returns a Matplotlib figure or an `Animation`; an example
shows it with `calcnotes.show`. Figures are ordinary Matplotlib figures, so
an example can draw on them further with plain Matplotlib.

| visualizer | shows |
| --- | --- |
| `tangent_slider` | a tangent line riding along a curve |
| `secant_slider` | a secant through a point closing in on the tangent |
| `quadratic_slider` | the tangent and the second-order Taylor parabola riding along a curve |
| `step_sweep` | a finite-difference step shrinking: truncation, then round-off |
| `surface_with_plane` | a surface in 3-D and its tangent plane at a point |
| `contour_map` | level curves, with descent paths and gradient arrows |
| `computation_graph` | a traced computation, values and gradients from its real backward pass |
| `animate` | any figure as a player: a static picture plus what moves per frame |
| `log_label` | tick labels of a log axis as text, ``10⁻⁸``, readable on a phone |

Colours (`CURVE`, `POINT`, `TANGENT`, `SECANT`, `ACCENT`, `EXTRA`,
`SURFACE`) and the kit's Matplotlib settings (`STYLE` for an example's
``plt.style.use``, `style` for the kit) are in `calcnotes.viz.style`, with the
rule every figure follows to read on a phone: 4.8 in wide, 11-pt text, panels
stacked. Black line art follows the page's palette.
"""

from __future__ import annotations

import importlib

__all__ = [
    "ACCENT", "CURVE", "EXTRA", "POINT", "SECANT", "SURFACE", "TANGENT",
    "Animation", "animate", "backward_animation", "computation_graph", "contour_map", "log_label",
    "STYLE", "quadratic_slider", "secant_slider", "step_sweep", "style", "surface_with_plane", "tangent_slider",
]

# Each name, and the module of the kit that defines it (imported on first use).
_WHERE = {
    **dict.fromkeys(["ACCENT", "CURVE", "EXTRA", "POINT", "SECANT", "SURFACE", "TANGENT", "STYLE", "style"], "style"),
    "Animation": "player",
    "animate": "player",
    "tangent_slider": "tangent",
    "quadratic_slider": "quadratic",
    "secant_slider": "secant",
    "step_sweep": "steps",
    "surface_with_plane": "surface",
    "contour_map": "contour",
    "computation_graph": "graph",
    "backward_animation": "graph",
    "log_label": "shared",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'calcnotes.viz' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"calcnotes.viz.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
