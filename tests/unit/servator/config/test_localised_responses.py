"""Every language's responses: the ones the main flows use exist, with the contacts' numbers and addresses."""

from __future__ import annotations

import pytest

from reading.language import OTHER_LANGUAGES
from reading.language.data import language_file
from servator.config.localised_responses import localise, translation
from servator.config.responses import PLACEHOLDER, domain_responses, fill_placeholders, response_values

LANGUAGES_WITH_RESPONSES = [code for code in OTHER_LANGUAGES if language_file(code, "responses")]
# The responses of the main answers, the emergency and the report.
FLOW_RESPONSES = (
    "utter_greet",
    "utter_help",
    "utter_thank",
    "utter_goodbye",
    "utter_emergency",
    "utter_default",
    "utter_faq/what_is_servator",
    "utter_faq/should_i_worry",
    "utter_faq/what_to_look_for",
    "utter_contact/which_number",
    "utter_report_start",
    "utter_ask_report_description",
    "utter_ask_report_location",
    "utter_ask_report_when",
    "utter_ask_report_ongoing",
    "utter_ask_report_people",
    "utter_ask_report_vehicle",
    "utter_ask_report_direction",
    "utter_ask_report_category",
    "utter_ask_report_contact_consent",
    "utter_ask_report_contact",
    "utter_report_summary",
    "utter_report_submitted",
    "utter_report_cancelled",
)


def _contacts_said(text: str) -> list[str]:
    """Every contact value (numbers and web addresses) the filled text says, sorted."""
    filled = fill_placeholders(text, response_values())
    contacts = [str(v) for v in response_values().values() if any(c.isdigit() or c == "." for c in str(v))]
    return sorted(c for c in contacts if c in filled)


def test_some_languages_have_responses() -> None:
    assert {"es", "fr"} <= set(LANGUAGES_WITH_RESPONSES)


@pytest.mark.parametrize("language", LANGUAGES_WITH_RESPONSES)
@pytest.mark.parametrize("name", FLOW_RESPONSES)
def test_each_flow_response_is_said_with_the_same_values_and_contacts(language: str, name: str) -> None:
    english = domain_responses()[name][0]
    said = localise(domain_responses(), language)[name][0]
    assert sorted(PLACEHOLDER.findall(said["text"])) == sorted(PLACEHOLDER.findall(english["text"]))
    assert _contacts_said(said["text"]) == _contacts_said(english["text"])
    assert len(said.get("buttons") or []) == len(english.get("buttons") or [])


@pytest.mark.parametrize("language", LANGUAGES_WITH_RESPONSES)
@pytest.mark.parametrize("name", FLOW_RESPONSES)
def test_each_flow_response_is_translated(language: str, name: str) -> None:
    intro = language_file(language, "responses")["_answer_in_english"]
    assert translation(language, name) is not None, f"{language} has no {name}"
    assert not localise(domain_responses(), language)[name][0]["text"].startswith(intro)


@pytest.mark.parametrize("language", LANGUAGES_WITH_RESPONSES)
def test_every_domain_response_has_a_current_translation(language: str) -> None:
    """No response falls back to "I can answer this in English:" (a translation missing, or
    lacking a value the English one gives, as the follow-up code once was)."""
    intro = language_file(language, "responses")["_answer_in_english"]
    localised = localise(domain_responses(), language)
    untranslated = [
        name
        for name, variations in localised.items()
        if any(str(v.get("text") or "").startswith(intro) for v in variations)
    ]
    assert untranslated == [], f"{language} lacks {untranslated}"


@pytest.mark.parametrize("language", LANGUAGES_WITH_RESPONSES)
@pytest.mark.parametrize("name", sorted(domain_responses()))
def test_every_translation_says_the_same_values_and_contacts(language: str, name: str) -> None:
    english = domain_responses()[name]
    said = localise(domain_responses(), language)[name]
    for english_variation, said_variation in zip(english, said):
        text = str(said_variation.get("text") or "")
        assert sorted(PLACEHOLDER.findall(text)) == sorted(
            PLACEHOLDER.findall(str(english_variation.get("text") or ""))
        )
        assert _contacts_said(text) == _contacts_said(str(english_variation.get("text") or ""))


@pytest.mark.parametrize("language", LANGUAGES_WITH_RESPONSES)
def test_untranslated_responses_are_introduced_in_the_language(language: str) -> None:
    intro = language_file(language, "responses")["_answer_in_english"]
    localised = localise({"utter_untranslated": [{"text": "Only in English."}]}, language)
    assert localised["utter_untranslated"][0]["text"] == f"{intro}\nOnly in English."


def test_a_translation_keeps_the_english_button_payloads() -> None:
    localised = localise(domain_responses(), "es")
    english = domain_responses()["utter_ask_report_category"][0]["buttons"]
    spanish = localised["utter_ask_report_category"][0]["buttons"]
    assert [b["payload"] for b in spanish] == [b["payload"] for b in english]
    assert spanish[0]["title"] != english[0]["title"]


def test_render_in_says_a_response_in_the_language_with_its_values_and_english_otherwise():
    from servator.config.localised_responses import render_in

    spanish = render_in("es", "utter_followup_chat_stopped", reference="SRV-20261206-YA6WTR")
    assert spanish["text"].startswith("De acuerdo, el seguimiento del aviso SRV-20261206-YA6WTR")
    for unknown in ("xx", None, "en"):
        english = render_in(unknown, "utter_followup_chat_stopped", reference="SRV-20261206-YA6WTR")
        assert english["text"].startswith("OK, follow-up for report SRV-20261206-YA6WTR has ended")
