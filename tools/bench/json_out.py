"""One way for a bench section run alone to print its figures: logs to stderr, one JSON object on stdout."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any


def print_section(name: str, measure: Callable[[], dict[str, Any]]) -> int:
    """Run `measure` with stdout sent to stderr (library and training logs), then print {name: figures}."""
    stdout = os.dup(1)
    os.dup2(2, 1)
    try:
        figures = measure()
    finally:
        sys.stdout.flush()
        os.dup2(stdout, 1)
    print(json.dumps({name: figures}, indent=2, default=str))
    return 0
