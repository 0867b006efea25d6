"""The front ends' settings: the dashboard's documented defaults."""

from __future__ import annotations

from servator.config.settings import Settings


def test_the_dashboard_settings_have_their_documented_defaults():
    settings = Settings({})
    assert (settings.dashboard_port, settings.dashboard_idle_minutes) == (8090, 30)
    assert (
        settings.dashboard_lockout_attempts,
        settings.dashboard_lockout_address_attempts,
        settings.dashboard_lockout_minutes,
    ) == (5, 20, 15)
    assert settings.dashboard_cookie_secure is False
    assert Settings({"DASHBOARD_COOKIE_SECURE": "true"}).dashboard_cookie_secure is True
    assert settings.dashboard_tile_url == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
