"""Static figures of the chapters not yet moved into their examples (to be removed).

Each chapter's figures live in a module of their own; everything is
importable from here. The drawing kit is `calcnotes.viz`.
"""

import importlib

_MODULES = [importlib.import_module(f"calcnotes.figures.{name}") for name in [
    "base",
]]
__all__ = [name for module in _MODULES for name in module.__all__]
globals().update({name: getattr(module, name) for module in _MODULES for name in module.__all__})
