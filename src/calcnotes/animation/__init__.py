"""Animations of the chapters not yet moved into their examples (to be removed).

The player is `calcnotes.viz.animate`; each chapter's animations live in a
module of their own, all importable from here.
"""

import importlib

_MODULES = [importlib.import_module(f"calcnotes.animation.{name}") for name in [
    "player",
]]
__all__ = [name for module in _MODULES for name in module.__all__]
globals().update({name: getattr(module, name) for module in _MODULES for name in module.__all__})
