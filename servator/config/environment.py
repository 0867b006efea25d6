"""Typed reads of an environment (os.environ, or any mapping: tests and child processes' environments).

Every settings area (servator.config.*_settings) reads its variables through these; a value is read
and checked when it is asked for, so a process only fails on the settings it uses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

Value = TypeVar("Value")


class EnvironmentReader:
    """The environment a settings object reads, and its typed reads."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self._env = env  # os.environ itself is read live

    def _text(self, name: str, default: str = "") -> str:
        return self._env.get(name, "").strip() or default

    def _number(self, name: str, default: str) -> float:
        return self._converted(name, default, float, "a number")

    def _whole_number(self, name: str, default: str) -> int:
        return self._converted(name, default, int, "a whole number")

    def _converted(self, name: str, default: str, convert: Callable[[str], Value], kind: str) -> Value:
        """The variable (or `default`) through `convert`; a ValueError names it and says it must be `kind`."""
        text = self._text(name, default)
        try:
            return convert(text)
        except ValueError:
            raise ValueError(f"{name} must be {kind}, not {text!r}") from None

    def _list(self, name: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in self._env.get(name, "").split(",") if part.strip())
