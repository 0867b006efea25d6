"""Normalising a message for the report form's grammars: case, apostrophes, punctuation, fillers.

Shared by every grammar module (nlu/form_grammar.py is the public face): a grammar matches the
WHOLE message once fillers ("sorry", "please", "ok", "actually") are set aside.
"""

from __future__ import annotations

import re
from re import Pattern

_FILLERS = (
    r"ok|okay|oh|um+|erm+|er|uh+|hmm+|well|so|sorry|please|pls|plz|thanks|thank you|thx|ta|mate|actually|"
    r"just|tbh|honestly|hi|hey|alright|then|lol|really|i guess|i suppose|to be honest"
)
LEADING_FILLER = re.compile(rf"^(?:{_FILLERS})\b\s*")
TRAILING_FILLER = re.compile(rf"\s*\b(?:{_FILLERS})$")
# Only before a command: "no, cancel it", "wait, change the time", "can you stop".
_COMMAND_PREFIX = re.compile(
    r"^(?:no|wait|hang on|hold on|can you|can we|could you|could we|can i|could i|i want to|i wanna|"
    r"i need to|id like to|i would like to|let me|lets|i think i want to|i think ill|ill|we need to)\b\s*"
)


def whole(pattern: str) -> Pattern[str]:
    return re.compile(rf"^(?:{pattern})$")


CLAUSE_END = re.compile(r"[,;.!?:]|\s[-–—]\s")
_QUESTION_START = re.compile(
    r"^(?:what|whats|wat|how|hows|who|whos|why|which|where|wheres|when|is|are|am|do|does|did|can|could|should|"
    r"would|will|may|might|must|shall|have|has|any|anyone|r u|are u)\b"
)


def normalise(text: str | None) -> str:
    """Lower case, no apostrophes, punctuation as spaces, single spaces ("Don't!" -> "dont")."""
    lowered = (text or "").lower().replace("’", "'").replace("‘", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9@+ ]+", " ", lowered).split())


def core(text: str | None) -> str:
    """The normalised message without leading or trailing fillers ("ok sorry, skip please" -> "skip")."""
    value = normalise(text)
    previous = None
    while value != previous:
        previous = value
        value = TRAILING_FILLER.sub("", LEADING_FILLER.sub("", value)).strip()
    return value


def command_core(text: str | None) -> str:
    value = core(text)
    previous = None
    while value != previous:
        previous = value
        value = core(_COMMAND_PREFIX.sub("", value))
    return value


def is_payload(text: str | None) -> bool:
    """A button's `/intent{...}` payload (the front ends send these): never a typed answer."""
    return bool(text) and str(text).lstrip().startswith("/")


def is_question(text: str | None) -> bool:
    """Question form: ends with '?' or opens like one ("how do I…", "is it…", "what's…")."""
    raw = (text or "").strip()
    value = core(raw)
    return raw.endswith("?") or (bool(_QUESTION_START.match(value)) and len(value.split()) >= 2)
