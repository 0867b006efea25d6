"""Adversarial text for the bounded-time tests: each grammar's own words, repeated, then a near miss.

Backtracking patterns blow up on exactly this shape: many repeats of alternatives a pattern can
match in more than one way, followed by something that makes the whole match fail.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from reading import regex

MAX_CHARS = 2000  # the front ends' MAX_MESSAGE_CHARS default: nothing longer reaches the readers
LIMIT_SECONDS = 0.05

_WORDS = regex.compile(r"[a-z][a-z ]{1,30}[a-z]")
_SEPARATORS = (" ", ", ", " and ", "! ", ". ", "  ", "-", "\n", "")
_TAILS = ("x", "?", " x", "!", " 999", " ok", "z z", "é", " 12:3", "/intent{", "@", " AB12")


def phrases(modules: Iterable[ModuleType]) -> list[str]:
    """The literal words inside every compiled pattern of `modules` ("all good", "send it", ...)."""
    found: set[str] = set()
    for module in modules:
        for value in vars(module).values():
            patterns = value.values() if isinstance(value, dict) else (value,)
            for pattern in patterns:
                if regex.is_linear(pattern):
                    found.update(_WORDS.findall(pattern.pattern))
    return sorted(found)


def hostile_texts(words: list[str]) -> st.SearchStrategy[str]:
    """Repeats of a few of `words` joined by separators, a near-miss tail, cut at MAX_CHARS."""
    repeated = st.builds(
        lambda chosen, separator, count, tail: (separator.join(chosen) + separator) * count + tail,
        st.lists(st.sampled_from(words), min_size=1, max_size=3),
        st.sampled_from(_SEPARATORS),
        st.integers(min_value=1, max_value=400),
        st.sampled_from(_TAILS),
    )
    noise = st.text(min_size=0, max_size=MAX_CHARS)
    digits = st.builds(
        lambda n, s: s * n, st.integers(1, 700), st.sampled_from(("1 ", "12:", "1.", "ab1 ", "9/"))
    )
    return st.one_of(repeated, noise, digits).map(lambda text: text[:MAX_CHARS])


def cpu_seconds(call: Callable[..., Any], *args: Any, tries: int = 3) -> float:
    """The CPU time one call takes in this process: the fastest of `tries`, with the garbage
    collector paused, so neither other processes' load nor a collection pause counts (a pattern
    that backtracks is slow every time)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(tries):
            started = time.process_time()
            call(*args)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best
