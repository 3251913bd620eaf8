"""Chapter 4 figures: functions beside their derivatives."""

from __future__ import annotations

__all__: list[str] = []
