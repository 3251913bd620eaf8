"""Chapter 6 figures: compositions, networks and computation graphs."""

from __future__ import annotations

__all__: list[str] = []
