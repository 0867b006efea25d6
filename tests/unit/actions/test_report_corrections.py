"""Corrections that give their new value: validated like an answer to the field's own question, a
changed registration replacing the old one inside the vehicle's description."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.report_corrections import apply_correction
from tests.support.form_trackers import change_field, tracker


async def test_a_corrected_registration_replaces_the_old_one_and_the_summary_is_shown_again():
    slots, said = await change_field(
        "hang on the reg might have been LV19 OKB",
        {"report_vehicle": "a silver ford focus LV18 OKA", "report_confirm": None},
    )
    assert slots["report_vehicle"] == "a silver ford focus LV19 OKB"
    assert slots["report_details"]["registration"] == "LV19 OKB"
    # Only the summary is asked again: no field is left empty.
    assert slots["report_confirm"] is None and None not in (slots["report_vehicle"],) and said == []


async def test_a_corrected_time_is_read_again_in_london_time():
    slots, _ = await change_field("change the time to about 4pm", {"report_when": "about 20 minutes ago"})
    assert slots["report_when"] == "about 4pm"
    assert slots["report_details"]["when_iso"].endswith(("+00:00", "+01:00"))


async def test_a_correction_validation_turns_down_asks_the_field_again():
    slots, said = await change_field("the reg was AB1", {"report_vehicle": "a red van"})
    assert slots["report_vehicle"] is None and said == ["utter_invalid_vehicle"]


async def vehicle_after(previous: str, correction: str) -> str:
    events = await apply_correction(
        "report_vehicle", correction, CollectingDispatcher(), tracker({"report_vehicle": previous}), {}
    )
    assert events is not None
    return next(event["value"] for event in events if event["name"] == "report_vehicle")


async def test_a_registration_written_any_way_is_replaced_and_one_not_given_before_is_added():
    assert await vehicle_after("white van, lv18oka", "LV19 OKB") == "white van, LV19 OKB"
    assert (
        await vehicle_after("a white transit van", "LV19 OKB") == "a white transit van, registration LV19 OKB"
    )
