"""Linking thresholds: every one a setting (servator.config.settings, LINK_*), documented in docs/settings.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from servator.config.settings import Settings

_DEFAULTS = Settings({})


@dataclass(frozen=True)
class LinkSettings:
    """How close two reports must be for each rule, and when a cluster alerts officers."""

    vehicle_days: float = _DEFAULTS.link_vehicle_days  # same registration within this many days
    place_days: float = _DEFAULTS.link_place_days  # same place and a similar category within these days
    place_metres: float = (
        _DEFAULTS.link_place_metres
    )  # "same place": same id or postcode, or points this close
    text_days: float = _DEFAULTS.link_text_days  # similar description within this many days...
    text_metres: float = _DEFAULTS.link_text_metres  # ...and this close
    text_min_cosine: float = _DEFAULTS.link_text_min_cosine
    alert_score: float = (
        _DEFAULTS.link_alert_score
    )  # a cluster reaching this alerts officers (once per growth)
    sweep_seconds: float = _DEFAULTS.link_sweep_seconds  # how often not-yet-linked reports are retried
    max_attempts: int = _DEFAULTS.link_max_attempts  # a report failing this often is left for an operator
    officer_chat_ids: tuple[str, ...] = field(default=())

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> LinkSettings:
        """The settings of this process (`env` None), or of the given environment."""
        settings = Settings.from_env(env)
        return cls(
            vehicle_days=settings.link_vehicle_days,
            place_days=settings.link_place_days,
            place_metres=settings.link_place_metres,
            text_days=settings.link_text_days,
            text_metres=settings.link_text_metres,
            text_min_cosine=settings.link_text_min_cosine,
            alert_score=settings.link_alert_score,
            sweep_seconds=settings.link_sweep_seconds,
            max_attempts=settings.link_max_attempts,
            officer_chat_ids=settings.officer_chat_ids,
        )
