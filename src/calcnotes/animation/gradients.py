"""Chapter 5 animations: surfaces, contours, partials and gradients."""

from __future__ import annotations

__all__: list[str] = []
