"""Chapter 4 animations: functions beside their derivatives."""

from __future__ import annotations

__all__: list[str] = []
