"""Responses filled with the contacts, inside Rasa and out: the safety message names 999 and the hotline."""

from __future__ import annotations

from html import escape

from servator.config.contacts import load_table
from servator.config.responses import fill_placeholders, render, response_values, service_unavailable_reply


def test_placeholders_are_filled_escaped_and_unknown_ones_left_as_written():
    filled = fill_placeholders(
        "Call {phone} about {what} or {nothing}", {"phone": 999, "what": "<b>"}, escape
    )
    assert filled == "Call 999 about &lt;b&gt; or {nothing}"


def test_the_values_of_the_moment_win_over_a_contact_of_the_same_name():
    assert response_values()["emergency_phone"] == load_table()["emergency"]["phone"]
    assert response_values(emergency_phone="112")["emergency_phone"] == "112"


def test_the_reply_when_the_assistant_cannot_answer_gives_999_and_the_hotline():
    reply = service_unavailable_reply()
    assert "999" in reply["text"] and load_table()["hotline"]["phone"] in reply["text"]
    assert "{" not in reply["text"]
    assert reply == render("utter_service_unavailable")
