"""Responses filled with the contacts: the one place that does it, inside Rasa and outside.

Responses write `{hotline_phone}` rather than the number. `response_values` gives every
placeholder's value: the contacts table (servator/config/contacts.yml), then the values of the moment.
Rasa renders its responses with them (servator/rasa_runtime/nlg.py plugs them into Rasa's own NLG), and
`render` fills a domain response outside Rasa, for the front ends and the REST channel's guard,
which still answer when Rasa is unreachable. So every number the bot says comes from one file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from servator.config.constants import DOMAIN_PATH
from servator.config.contacts import template_values

# `{name}` in a response, an officer message or the web page template.
PLACEHOLDER = re.compile(r"{([a-z_]+)}")


def fill_placeholders(template: str, values: Mapping[str, Any], escape: Callable[[str], str] = str) -> str:
    """`{name}` replaced by `escape(str(values[name]))`; a name with no value is left as it is."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return escape(str(values[name])) if name in values else match.group(0)

    return PLACEHOLDER.sub(value, template)


# What a person is told when the assistant cannot answer (Rasa or the action server down):
# 999 and the hotline. The front ends and the REST channel's guard all send this one.
SERVICE_UNAVAILABLE = "utter_service_unavailable"
# What a person is told when a message is longer than the front ends and the REST channel accept.
TOO_LONG_RESPONSE = "utter_message_too_long"


@functools.lru_cache(maxsize=1)
def _contact_values() -> dict[str, str]:
    """The contacts table as placeholder values, read once per process."""
    return template_values()


def response_values(**values: Any) -> dict[str, Any]:
    """Every placeholder's value: each contact, then `values` (which win over a contact of the same name)."""
    return {**_contact_values(), **values}


def domain_files() -> list[Path]:
    """The domain's YAML: the file DOMAIN_PATH, or every .yml in it when it is a folder."""
    return sorted(DOMAIN_PATH.glob("*.yml")) if DOMAIN_PATH.is_dir() else [DOMAIN_PATH]


@functools.lru_cache(maxsize=1)
def domain_responses() -> dict[str, list[dict[str, Any]]]:
    """Every response in the domain, by name."""
    responses: dict[str, list[dict[str, Any]]] = {}
    for path in domain_files():
        responses.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return responses


def render(name: str, **values: Any) -> dict[str, Any]:
    """The first variation of a response with placeholders filled: {"text", "buttons"}."""
    return fill_variation(domain_responses()[name][0], **values)


def fill_variation(variation: dict[str, Any], **values: Any) -> dict[str, Any]:
    """One variation of a response with placeholders filled: {"text", "buttons"}."""
    known = response_values(**values)
    return {
        "text": fill_placeholders(variation.get("text", ""), known),
        "buttons": [
            {"title": fill_placeholders(b["title"], known), "payload": b["payload"]}
            for b in variation.get("buttons", [])
        ],
    }


def service_unavailable_reply() -> dict[str, Any]:
    """The safety message for a turn the assistant could not answer: {"text", "buttons"}."""
    return render(SERVICE_UNAVAILABLE)
