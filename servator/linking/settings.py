"""Linking thresholds: every one a setting (environment), documented in the README."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

# Calibrated on the linking evaluation set (tools/linking_eval.py, calibration seed): see the README.
DEFAULT_TEXT_MIN_COSINE = 0.55


def _chats(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


@dataclass(frozen=True)
class LinkSettings:
    """How close two reports must be for each rule, and when a cluster alerts officers."""

    vehicle_days: float = 30.0  # same registration within this many days
    place_days: float = 14.0  # same place and a similar category within this many days
    place_metres: float = 250.0  # "same place": same gazetteer id, or points this close
    text_days: float = 14.0  # similar description within this many days...
    text_metres: float = 2000.0  # ...and this close
    text_min_cosine: float = DEFAULT_TEXT_MIN_COSINE
    alert_score: float = 0.85  # a cluster whose score reaches this alerts officers (once per growth)
    sweep_seconds: float = 60.0  # how often not-yet-linked reports are retried
    max_attempts: int = 8  # a report that fails this often is left for an operator
    officer_chat_ids: tuple[str, ...] = field(default=())

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> LinkSettings:
        def number(name: str, default: float) -> float:
            raw = env.get(name, "").strip()
            value = float(raw) if raw else default
            if value < 0:
                raise ValueError(f"{name} cannot be negative")
            return value

        return cls(
            vehicle_days=number("LINK_VEHICLE_DAYS", cls.vehicle_days),
            place_days=number("LINK_PLACE_DAYS", cls.place_days),
            place_metres=number("LINK_PLACE_METRES", cls.place_metres),
            text_days=number("LINK_TEXT_DAYS", cls.text_days),
            text_metres=number("LINK_TEXT_METRES", cls.text_metres),
            text_min_cosine=number("LINK_TEXT_MIN_COSINE", cls.text_min_cosine),
            alert_score=number("LINK_ALERT_SCORE", cls.alert_score),
            sweep_seconds=number("LINK_SWEEP_SECONDS", cls.sweep_seconds),
            max_attempts=int(number("LINK_MAX_ATTEMPTS", cls.max_attempts)),
            officer_chat_ids=_chats(env.get("OFFICER_CHAT_IDS", "")),
        )
