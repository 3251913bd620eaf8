"""Chapter 3 figures: finite differences, step sizes and their errors."""

from __future__ import annotations

__all__: list[str] = []
