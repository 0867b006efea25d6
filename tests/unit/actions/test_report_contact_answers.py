"""The report form's contact questions (actions/report_contact_answers.py) on tracker fixtures:
consent read from natural answers, numbers and e-mails kept, and never anonymous unasked."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.report_contact_answers import ContactAnswers
from tests.support.form_trackers import responses, tracker


@pytest.fixture
def form():
    return ContactAnswers()


def test_contact_unreadable_twice_asks_for_consent_again_never_anonymous_unasked(form):
    first = CollectingDispatcher()
    update = form.validate_report_contact("call me maybe", first, tracker(), {})
    assert update["report_contact"] is None and responses(first) == ["utter_invalid_contact"]
    d = CollectingDispatcher()
    final = form.validate_report_contact(
        "call me maybe", d, tracker({"report_details": update["report_details"]}), {}
    )
    assert final["report_contact"] is None and final["report_contact_consent"] is None, final
    assert "report_contact" not in final["report_details"]["retries"], "a fresh try at the number"
    assert responses(d) == ["utter_contact_unreadable"]


@pytest.mark.parametrize(
    "text", ["07700 900123, I'm Sam", "Sam, 07700 900123", "it's Sam Jones on 07700 900 123 after 6pm"]
)
def test_a_name_with_the_number_keeps_the_number(form, text):
    update = form.validate_report_contact(text, CollectingDispatcher(), tracker(), {})
    assert update["report_contact"] == "+447700900123"
    consent = form.validate_report_contact_consent(text, CollectingDispatcher(), tracker(), {})
    assert consent["report_contact_consent"] == "yes" and consent["report_contact"] == "+447700900123"


def test_consent_unclear_twice_is_no_and_says_so(form):
    update = form.validate_report_contact_consent("purple", CollectingDispatcher(), tracker(), {})
    assert update["report_contact_consent"] is None
    d = CollectingDispatcher()
    final = form.validate_report_contact_consent(
        "purple", d, tracker({"report_details": update["report_details"]}), {}
    )
    assert final == {"report_contact_consent": "no"}
    assert responses(d) == ["utter_contact_consent_taken_as_no"]


@pytest.mark.parametrize(
    "text,phone,email",
    [
        ("+33 1 43 12 22 22", "+33143122222", None),
        ("+1 202 555 0123", "+12025550123", None),
        ("020 7946 0123", "+442079460123", None),
        ("jane@example.org", None, "jane@example.org"),
    ],
)
def test_contact_numbers_uk_and_international_and_emails(form, text, phone, email):
    update = form.validate_report_contact(text, CollectingDispatcher(), tracker(text=text), {})
    assert (
        update["report_details"]["contact_phone"] == phone
        and update["report_details"]["contact_email"] == email
    )
    assert update["report_contact"] == (phone or email)


@pytest.mark.parametrize(
    "text,intent,answer",
    [
        ("I'd rather stay anonymous", "deny", "no"),
        ("please don't contact me", "deny", "no"),
        ("ring me", "affirm", "yes"),
        ("/deny", "deny", "no"),
    ],
)
def test_consent_natural_answers(form, text, intent, answer):
    assert form.validate_report_contact_consent(
        text, CollectingDispatcher(), tracker(text=text, intent=intent), {}
    ) == {"report_contact_consent": answer}


def test_a_number_given_to_the_consent_question_is_consent_and_the_contact(form):
    update = form.validate_report_contact_consent(
        "yes, 020 7946 0123", CollectingDispatcher(), tracker(text="yes, 020 7946 0123", intent="affirm"), {}
    )
    assert update["report_contact_consent"] == "yes" and update["report_contact"] == "+442079460123"


@pytest.mark.parametrize(("text", "intent"), [("skip", "skip"), ("skip", "inform"), ("dunno", "inform")])
def test_skip_at_the_contact_question_stays_anonymous(form, text, intent):
    """The form's opening says "skip" works for anything: here it is no contact, said at once."""
    d = CollectingDispatcher()
    update = form.validate_report_contact_consent(text, d, tracker(text=text, intent=intent), {})
    assert update == {"report_contact_consent": "no"}
    assert d.messages == []
