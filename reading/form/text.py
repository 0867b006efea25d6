"""Normalising a message for the report form's grammars: case, apostrophes, punctuation, fillers.

Shared by every grammar module (reading/form/grammar.py is the public face): a grammar matches the
WHOLE message once fillers ("sorry", "please", "ok", "actually") are set aside.
"""

from __future__ import annotations

from functools import lru_cache

from reading import regex
from reading.regex import Pattern

FILLERS = (
    r"ok|okay|oh|um+|erm+|er|uh+|hmm+|well|so|sorry|please|pls|plz|thanks|thank you|thx|ta|mate|actually|"
    r"just|tbh|honestly|hi|hey|alright|then|lol|really|i guess|i suppose|to be honest"
)
LEADING_FILLER = regex.compile(rf"^(?:(?:{FILLERS})\b\s*)+")
TRAILING_FILLER = regex.compile(rf"(?:\s*\b(?:{FILLERS}))+$")
# Only before a command: "no, cancel it", "wait, change the time", "can you stop".
_COMMAND_PREFIXES = (
    r"no|wait|hang on|hold on|can you|can we|could you|could we|can i|could i|i want to|i wanna|"
    r"i need to|id like to|i would like to|let me|lets|i think i want to|i think ill|ill|we need to"
)
# A run of command prefixes and fillers, stripped in one pass ("no wait, can you, please...").
_COMMAND_LEAD = regex.compile(rf"^(?:(?:{_COMMAND_PREFIXES}|{FILLERS})\b\s*)+")


def whole(pattern: str) -> Pattern:
    return regex.compile(rf"^(?:{pattern})$")


CLAUSE_END = regex.compile(r"[,;.!?:]|\s[-–—]\s")
_QUESTION_START = regex.compile(
    r"^(?:what|whats|wat|how|hows|who|whos|why|which|where|wheres|when|is|are|am|do|does|did|can|could|should|"
    r"would|will|may|might|must|shall|have|has|any|anyone|r u|are u)\b"
)


class _Separators(dict[int, str]):
    """str.translate's table: apostrophes go, a-z 0-9 @ + stay, every other character is a space."""

    def __missing__(self, code: int) -> str:
        return " "


_KEEP = "abcdefghijklmnopqrstuvwxyz0123456789@+"
_TABLE = _Separators({ord(char): char for char in _KEEP} | {ord(char): "" for char in "'’‘"})


# The grammars read one message many times over: each reading is made once (texts are at most
# a few thousand characters, and a turn reads one message).
@lru_cache(maxsize=64)
def normalise(text: str | None) -> str:
    """Lower case, no apostrophes, punctuation as spaces, single spaces ("Don't!" -> "dont")."""
    return " ".join((text or "").lower().translate(_TABLE).split())


@lru_cache(maxsize=64)
def core(text: str | None) -> str:
    """The normalised message without leading or trailing fillers ("ok sorry, skip please" -> "skip")."""
    return TRAILING_FILLER.sub("", LEADING_FILLER.sub("", normalise(text))).strip()


@lru_cache(maxsize=64)
def command_core(text: str | None) -> str:
    """The core without leading command words ("no wait, can you cancel it" -> "cancel it")."""
    return core(_COMMAND_LEAD.sub("", core(text)))


def is_payload(text: str | None) -> bool:
    """A button's `/intent{...}` payload (the front ends send these): never a typed answer."""
    return bool(text) and str(text).lstrip().startswith("/")


def is_question(text: str | None) -> bool:
    """Question form: ends with '?' or opens like one ("how do I…", "is it…", "what's…")."""
    raw = (text or "").strip()
    value = core(raw)
    return raw.endswith("?") or (bool(_QUESTION_START.match(value)) and len(value.split()) >= 2)
