"""The one way to compile a pattern that runs on a person's text: Google RE2, linear in the text.

Python's `re` backtracks: a pattern with overlapping repeats ("all good" matched two ways,
repeated) takes time that doubles with every repeat when the text fails to match, so one
message of 300 characters can hold a worker for minutes. RE2 runs every pattern as an
automaton, in time linear in the text, and refuses the constructs that need backtracking
(look-arounds, back-references) at compile time, so a pattern that compiles here is safe.

RE2's differences from `re` that matter for the patterns written here: `\\b`, `\\w`, `\\d` and
`\\s` are ASCII (the texts they read are normalised first), `$` matches only at the very end,
and there is no `re.VERBOSE`. Match objects offer `group`, `groups`, `start`, `end`, `span`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

import re2

# Memory RE2 may use per pattern; the largest alternations here (fillers, gazetteer-sized
# word lists) need well under this. Past it RE2 falls back to a slower, still linear, engine.
_MAX_MEM = 16 << 20


class Match(Protocol):
    """The part of a match object the patterns' users read."""

    def group(self, *groups: int | str) -> Any: ...

    def groups(self, default: Any = None) -> tuple[Any, ...]: ...

    def groupdict(self, default: Any = None) -> dict[str, Any]: ...

    def start(self, group: int = 0) -> int: ...

    def end(self, group: int = 0) -> int: ...

    def span(self, group: int = 0) -> tuple[int, int]: ...

    @property
    def lastindex(self) -> int | None: ...


class Pattern(Protocol):
    """A compiled RE2 pattern, with the `re.Pattern` methods the project uses."""

    @property
    def pattern(self) -> str: ...

    def search(self, text: str, pos: int | None = None, endpos: int | None = None) -> Match | None: ...

    def match(self, text: str, pos: int | None = None, endpos: int | None = None) -> Match | None: ...

    def fullmatch(self, text: str, pos: int | None = None, endpos: int | None = None) -> Match | None: ...

    def finditer(self, text: str, pos: int | None = None, endpos: int | None = None) -> Iterator[Match]: ...

    def findall(self, text: str, pos: int | None = None, endpos: int | None = None) -> list[Any]: ...

    def split(self, text: str, maxsplit: int = 0) -> list[str]: ...

    def sub(self, repl: str | Callable[[Match], str], text: str, count: int = 0) -> str: ...


def compile(pattern: str, *, ignore_case: bool = False) -> Pattern:  # noqa: A001 - mirrors re.compile
    """Compiles `pattern` with RE2; raises `re2.error` for anything RE2 cannot run in linear time."""
    options = re2.Options()
    options.max_mem = _MAX_MEM
    options.case_sensitive = not ignore_case
    options.log_errors = False
    compiled: Pattern = re2.compile(pattern, options)
    return compiled


def is_linear(value: object) -> bool:
    """True for a pattern compiled here (the tests check every pattern in the reading modules)."""
    return type(value).__module__ == "re2" and type(value).__name__ == "_Regexp"


def escape(text: str) -> str:
    """`text` as a pattern that matches it literally."""
    escaped: str = re2.escape(text)
    return escaped
