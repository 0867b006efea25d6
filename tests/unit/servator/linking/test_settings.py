"""Linking thresholds come from the process's settings (LINK_*), with the documented defaults."""

from __future__ import annotations

from servator.config.settings import Settings
from servator.linking.settings import LinkSettings


def test_the_defaults_are_the_settings_defaults():
    defaults = Settings({})
    assert LinkSettings() == LinkSettings.from_env({})
    assert LinkSettings().vehicle_days == defaults.link_vehicle_days
    assert LinkSettings().alert_score == defaults.link_alert_score


def test_each_threshold_follows_its_environment_variable():
    linked = LinkSettings.from_env(
        {"LINK_VEHICLE_DAYS": "3", "LINK_PLACE_METRES": "75", "LINK_MAX_ATTEMPTS": "2"}
    )
    assert (linked.vehicle_days, linked.place_metres, linked.max_attempts) == (3, 75, 2)
    assert linked.text_days == LinkSettings().text_days
