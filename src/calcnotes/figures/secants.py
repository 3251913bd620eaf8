"""Chapter 2 figures: secants, limits and one-sided slopes."""

from __future__ import annotations

__all__: list[str] = []
