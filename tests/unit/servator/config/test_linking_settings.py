"""The linking thresholds' settings (LINK_*): their documented defaults, and a bad value named."""

from __future__ import annotations

import pytest

from servator.config.settings import Settings


def test_the_linking_thresholds_have_their_documented_defaults():
    settings = Settings({})
    assert (settings.link_vehicle_days, settings.link_place_days, settings.link_text_days) == (30, 14, 14)
    assert (settings.link_place_metres, settings.link_text_metres) == (250, 2000)


def test_a_threshold_follows_its_variable_and_a_bad_one_names_it():
    assert Settings({"LINK_PLACE_METRES": "80"}).link_place_metres == 80
    with pytest.raises(ValueError, match="LINK_TEXT_DAYS"):
        _ = Settings({"LINK_TEXT_DAYS": "a fortnight"}).link_text_days
