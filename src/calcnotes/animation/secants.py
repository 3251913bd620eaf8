"""Chapter 2 animations: secants, limits and one-sided slopes."""

from __future__ import annotations

__all__: list[str] = []
