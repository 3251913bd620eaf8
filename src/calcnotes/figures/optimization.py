"""Chapter 7 figures: critical points and gradient-descent paths."""

from __future__ import annotations

__all__: list[str] = []
