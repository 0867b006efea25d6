"""One turn of the report form as the validation reads it: no answer, the conversation's language,
another language's form answers read as English, and the slots Rasa cleared this turn left out."""

from __future__ import annotations

from actions.form_turn import answers_in_english, language, skipped, without_cleared_candidates
from tests.support.form_trackers import tracker


def slot(name: str, value: object) -> dict[str, object]:
    return {"event": "slot", "name": name, "value": value}


def test_no_answer_is_empty_a_typed_button_a_skip_or_i_don_t_know():
    for text, intent in [("", "inform"), ("/inform", "inform"), ("skip", "inform"), ("whatever", "skip")]:
        assert skipped(text, intent), text
    assert not skipped("a man in a grey coat", "inform")


def test_the_language_is_the_slot_s_when_known_else_english():
    assert language(tracker({"language": "fr"})) == "fr"
    assert language(tracker({"language": "klingon"})) == language(tracker({})) == "en"


def test_another_language_s_yes_is_read_as_yes_and_a_description_stays_as_written():
    events = [slot("report_ongoing", "sí"), slot("report_people", "un hombre alto")]
    slots = {"language": "es", "report_ongoing": "sí", "report_people": "un hombre alto"}
    read = answers_in_english(tracker(slots, events=events))
    assert read.get_slot("report_ongoing") == "yes" and read.get_slot("report_people") == "un hombre alto"
    assert [event["value"] for event in read.events] == ["yes", "un hombre alto"]
    english = tracker({"language": "en", "report_ongoing": "yes"}, events=[slot("report_ongoing", "yes")])
    assert answers_in_english(english) is english


def test_slots_rasa_cleared_this_turn_are_left_out_and_earlier_events_kept():
    events = [
        {"event": "user", "text": "hi"},
        slot("report_location", "Oxford Circus"),
        slot("report_when", None),
    ]
    read = without_cleared_candidates(tracker({"report_location": "Oxford Circus"}, events=events))
    assert read.events == events[:2]
    untouched = tracker(events=events[:2])
    assert without_cleared_candidates(untouched) is untouched
