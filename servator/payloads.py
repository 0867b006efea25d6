"""What may reach Rasa as an intent: the assistant's own buttons and the front ends' commands, nothing typed.

Rasa reads any message that starts with "/" as an intent with entities (`/inform{"report_category":
...}`), so text typed by the public must not start with one. The REST channel (every front end
goes through it) passes each message through `accepted_message`:

- the payload of one of the assistant's own buttons (every `/...` button payload in domain/*.yml)
  or one of the front ends' commands goes in as it is; `/forget` becomes `/restart`;
- a shared location or photo (`/share_location{...}`, `/share_photo{...}`) goes in only from a
  front end (the Telegram bot, or the web chat's photo upload), which proves itself with the
  FRONT_END_TOKEN header (servator.rasa_runtime.rest_channel), and only with the exact shape it makes:
  coordinates within -90..90 / -180..180; a photo as the id of its cleaned copy (1 to 256 url-safe
  characters, servator/photos), or as the reason it was refused (one of PHOTO_REFUSALS); it is
  rebuilt from the checked values;
- anything else that starts with "/" is typed text: it goes in with a word joiner (U+2060,
  invisible) after the slash, so Rasa's `/intent{...}` reader finds no intent of that name and
  keeps it as text. The NLU reads it like any other message, and the report form's validation
  still sees a text that starts with "/" and never takes it as an answer
  (actions/report_fields.is_payload).
"""

from __future__ import annotations

import functools
import json
import math
from typing import Any

from reading import regex
from servator.config.responses import domain_responses

# Sent by the front ends themselves (the Telegram bot's /start, /help, /cancel, /report).
FRONT_END_COMMANDS = frozenset({"/greet", "/help", "/cancel", "/report_suspicious"})
# `/forget` runs Rasa's `action_restart`, which the action server overrides (actions/privacy_actions.py).
ALIASES = {"/forget": "/restart"}
FORGET_COMMAND = "/forget"
LOCATION_INTENT = "share_location"
PHOTO_INTENT = "share_photo"
_ATTACHMENT = regex.compile(r"(?s)/(share_location|share_photo)(\{.*\})")
_FILE_ID = regex.compile(r"[A-Za-z0-9_-]{1,256}")
# Why a received file was not kept (servator/photos); the action server answers each in its own words.
PHOTO_REFUSALS = ("too_large", "not_a_photo", "too_many_pixels", "damaged", "not_received")
# Between the slash and the rest of a typed "/...": no domain intent starts with it (Rasa's reader
# strips whitespace around an intent name, and this is not whitespace).
WORD_JOINER = "\u2060"


@functools.lru_cache(maxsize=1)
def button_payloads() -> frozenset[str]:
    """Every `/...` payload of the domain's buttons, as Rasa sends it (`{{` rendered as `{`)."""
    payloads = set()
    for variations in domain_responses().values():
        for variation in variations:
            for button in variation.get("buttons") or []:
                payload = str(button.get("payload") or "")
                if payload.startswith("/"):
                    payloads.add(payload.replace("{{", "{").replace("}}", "}"))
    return frozenset(payloads)


def typed_text(text: str) -> str:
    """Typed text as text: a leading "/" is followed by a word joiner, so it never reads as an intent."""
    if not text.startswith("/") or text.startswith(f"/{WORD_JOINER}"):
        return text
    return f"/{WORD_JOINER}{text[1:]}"


def _number(value: Any, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and -limit <= number <= limit else None


def location_payload(latitude: Any, longitude: Any) -> str | None:
    """`/share_location{...}` for a real position, or None for anything out of bounds or not a number."""
    lat, lon = _number(latitude, 90.0), _number(longitude, 180.0)
    if lat is None or lon is None:
        return None
    return f"/{LOCATION_INTENT}{json.dumps({'latitude': lat, 'longitude': lon})}"


def photo_payload(file_id: Any) -> str | None:
    """`/share_photo{...}` for the id of a received photo's cleaned copy, or None for anything else."""
    if not isinstance(file_id, str) or not _FILE_ID.fullmatch(file_id):
        return None
    return f"/{PHOTO_INTENT}{json.dumps({'photo': file_id})}"


def photo_refused_payload(reason: Any) -> str | None:
    """`/share_photo{"photo_refused": ...}` for a file that was not kept, or None for an unknown reason."""
    if reason not in PHOTO_REFUSALS:
        return None
    return f"/{PHOTO_INTENT}{json.dumps({'photo_refused': reason})}"


def checked_attachment(text: str) -> str | None:
    """A location or photo payload rebuilt from checked values, or None if it is not exactly one."""
    match = _ATTACHMENT.fullmatch(text)
    if match is None:
        return None
    try:
        values = json.loads(match.group(2))
    except ValueError:
        return None
    if not isinstance(values, dict):
        return None
    if match.group(1) == LOCATION_INTENT and set(values) == {"latitude", "longitude"}:
        return location_payload(values["latitude"], values["longitude"])
    if match.group(1) == PHOTO_INTENT and set(values) == {"photo"}:
        return photo_payload(values["photo"])
    if match.group(1) == PHOTO_INTENT and set(values) == {"photo_refused"}:
        return photo_refused_payload(values["photo_refused"])
    return None


def accepted_message(text: str, from_front_end: bool = False) -> str:
    """What Rasa may see for this (cleaned) message; see the module docstring."""
    if not text.startswith("/"):
        return text
    if text in ALIASES:
        return ALIASES[text]
    if text in FRONT_END_COMMANDS or text in button_payloads():
        return text
    if from_front_end:
        attachment = checked_attachment(text)
        if attachment is not None:
            return attachment
    return typed_text(text)
