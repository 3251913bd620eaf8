"""Static figures: small drawing blocks and the figures the chapters show.

Each function returns a Matplotlib ``Figure`` (made without pyplot, so there
is nothing to close) that `calcnotes.legacy.to_html` turns into inline
SVG. Functions take plain callables as a reader writes them, ``g = lambda w:
np.sin(w)``, or ``g = lambda w: np.sin(w[0])`` for two inputs, where ``w``
holds the inputs stacked along its first axis.

The drawing blocks live in `calcnotes.figures.base`; each chapter's
figures in a module of their own. Everything is importable from here.
A new figure follows the same pattern: a function decorated with
``@style()`` that calls `new_figure`, the ``plot_*`` blocks and
`finish_axes`, and returns the figure.
"""

from calcnotes.figures import (
    base,
    chain,
    gradients,
    optimization,
    rules,
    secants,
    tangents,
)
from calcnotes.figures.base import *  # noqa: F403
from calcnotes.figures.chain import *  # noqa: F403
from calcnotes.figures.gradients import *  # noqa: F403
from calcnotes.figures.optimization import *  # noqa: F403
from calcnotes.figures.rules import *  # noqa: F403
from calcnotes.figures.secants import *  # noqa: F403
from calcnotes.figures.tangents import *  # noqa: F403

__all__ = [name for module in (base, tangents, secants, rules, gradients, chain, optimization) for name in module.__all__]
