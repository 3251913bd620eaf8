"""Chapter 7 animations: critical points and gradient-descent paths."""

from __future__ import annotations

__all__: list[str] = []
