"""Domain responses rendered outside Rasa (front ends, channel guard), from the same files.

When Rasa is unreachable the front ends still answer, with text from domain/*.yml and
numbers from servator/contacts.yml, so there is still one source for every message.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from servator.contacts import template_values
from servator.settings import ROOT

_PLACEHOLDER = re.compile(r"{([a-z_]+)}")


@functools.lru_cache(maxsize=1)
def domain_responses() -> dict[str, list[dict[str, Any]]]:
    """Every response in domain/*.yml, by name."""
    responses: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return responses


def render(name: str, **values: Any) -> dict[str, Any]:
    """The first variation of a response with placeholders filled: {"text", "buttons"}."""
    variation = domain_responses()[name][0]
    known = {**template_values(), **{k: str(v) for k, v in values.items()}}
    fill = lambda text: _PLACEHOLDER.sub(lambda m: known.get(m.group(1), m.group(0)), text)  # noqa: E731
    return {
        "text": fill(variation.get("text", "")),
        "buttons": [
            {"title": fill(b["title"]), "payload": b["payload"]} for b in variation.get("buttons", [])
        ],
    }
