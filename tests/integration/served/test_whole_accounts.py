"""Served: a whole account in one message fills every field it names, and a later answer that says
more fills those fields too: nothing the person said is asked again.

Over HTTP against the stack `make run` starts. The messages were written for this test, not taken
from the training data or a blind set.
"""

from __future__ import annotations

import pytest

from actions.report_fields import FIELD_SLOTS
from reading.language.data import language_file
from tests.support.served import ServedConversation, asks

pytestmark = pytest.mark.rasa

SUMMARY = "Here is your report"
# Every question the form asks before the contact question.
ACCOUNT_QUESTIONS = FIELD_SLOTS[:-1]


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        (
            "about 10 minutes ago two men in dark jackets were photographing the side gate of the embassy on "
            "Belgrave Square, then they got into a white van and drove off towards Hyde Park Corner",
            (
                "Where: the side gate of the embassy on Belgrave Square",
                "When: about 10 minutes ago",
                "People: two men in dark jackets",
                "Vehicle: a white van",
                "Direction: towards Hyde Park Corner",
                "Type: Filming, photographing or watching",
            ),
        ),
        (
            "Hi. Last night around 11 I saw a lad on a moped circling the Qatari embassy on South Audley St "
            "four times. He was filming the cameras on his phone. He had a black helmet and a green jacket. "
            "He rode off north up Park Lane.",
            (
                "Where: the Qatari embassy on South Audley St",
                "When: Last night around 11",
                "Vehicle: a moped",
                "Direction: north up Park Lane",
                "Type: Filming, photographing or watching",
            ),
        ),
        (
            "about 25 minutes ago a woman in a long beige coat was photographing the bollards outside the US "
            "embassy in Nine Elms, then she got in a silver prius KT68 XRV and drove off towards Vauxhall",
            (
                "People: a woman in a long beige coat",
                "Vehicle: a silver prius (KT68 XRV)",  # the plate that will be stored, shown to check
                "Direction: towards Vauxhall",
            ),
        ),
    ],
)
def test_a_one_message_account_reaches_the_summary_after_at_most_the_contact_question(
    stack, account, expected
):
    conversation = ServedConversation(stack)
    turn = conversation.say(account)
    assert not any(asks(slot, turn.last_text) for slot in ACCOUNT_QUESTIONS), turn.texts
    if not turn.last_text.startswith(SUMMARY):
        assert asks("report_contact_consent", turn.last_text), turn.texts
        turn = conversation.say("no thanks, anonymous")
    summary = turn.last_text
    assert SUMMARY in summary, turn.texts
    for line in expected:
        assert line in summary, (line, summary)


def test_an_answer_that_names_two_fields_fills_both(stack):
    conversation = ServedConversation(stack)
    conversation.say("I'd like to report something suspicious")
    conversation.say("photographing the cctv cameras and writing notes in a little book")
    turn = conversation.say("Curzon Street, about 15 minutes ago")  # at "Where was this?"
    assert conversation.slot("report_location") == "Curzon Street, about 15 minutes ago"
    assert conversation.slot("report_when") == "about 15 minutes ago"
    assert not asks("report_when", turn.last_text), turn.texts
    for _ in range(3):  # to the people question, whatever is asked first
        if asks("report_people", turn.last_text):
            break
        turn = conversation.say("no" if asks("report_ongoing", turn.last_text) else "skip")
    assert asks("report_people", turn.last_text), turn.texts
    turn = conversation.say("a tall man in a grey hoodie, he got into a black audi")
    assert not asks("report_vehicle", turn.last_text), turn.texts
    assert conversation.slot("report_vehicle") == "a black audi"
    assert conversation.slot("report_people") == "a tall man in a grey hoodie, he got into a black audi"


def test_someone_still_there_is_not_asked_which_way_they_went(stack):
    """Written for this test after a trial over `make run`: "he's still there" was asked "Which way
    did they go?", and the answer stored as the direction."""
    conversation = ServedConversation(stack)
    turn = conversation.say(
        "just walked past the embassy on Kensington Palace Gardens, a guy on a scooter has been riding "
        "up and down filming the gates on his phone for ten minutes, he's still there now"
    )
    assert "999" in turn.texts[0], turn.texts
    for _ in range(6):
        assert not asks("report_direction", turn.last_text), turn.texts
        if turn.last_text.startswith(SUMMARY) or asks("report_contact_consent", turn.last_text):
            break
        turn = conversation.say("skip")
    assert asks("report_contact_consent", turn.last_text) or SUMMARY in turn.last_text, turn.texts
    assert conversation.slot("report_ongoing") == "yes"


def test_skip_at_the_danger_question_says_999_and_goes_on(stack):
    """The form's opening says "skip" works for anything not known: the danger question too."""
    conversation = ServedConversation(stack)
    conversation.say("I want to report something")
    conversation.say("a drone hovering over the embassy roof for ages")
    conversation.say("Grosvenor Square")
    turn = conversation.say("half an hour ago")
    assert asks("report_ongoing", turn.last_text), turn.texts
    turn = conversation.say("skip")
    assert "999" in turn.texts[0] and "answer yes or no" not in " ".join(turn.texts), turn.texts
    assert conversation.slot("report_ongoing") == "not sure"
    assert asks("report_people", turn.last_text), turn.texts


# In other languages: an account naming the place (its phrase, with an embassy named in the language), the time and
# the behaviour (reading/account/languages.py); written for this test.
LANGUAGE_ACCOUNTS = [
    (
        "it",
        "Ciao, c'è un uomo che fotografa le telecamere dell'ambasciata americana da mezz'ora",
        "ambasciata americana",
        "da mezz'ora",
    ),
    (
        "es",
        "Hace diez minutos un hombre estaba grabando la puerta de la embajada de Francia, luego se fue hacia Hyde Park",
        "puerta de la embajada de Francia",
        "Hace diez minutos",
    ),
    (
        "pl",
        "Wczoraj wieczorem mężczyzna fotografował kamery ambasady Rosji, potem odjechał",
        "ambasady Rosji",
        "Wczoraj wieczorem",
    ),
    ("zh", "半小时前有个男的在美国大使馆门口一直拍摄像头，后来走了", "美国大使馆门口", "半小时前"),
]


@pytest.mark.parametrize(("language", "account", "where", "when"), LANGUAGE_ACCOUNTS)
def test_an_account_in_another_language_is_not_asked_where_or_when_again(
    stack, language, account, where, when
):
    answers = language_file(language, "form_answers")
    no, skip = answers["no"][0], answers["skip"][0]
    conversation = ServedConversation(stack)
    conversation.say(account)
    assert conversation.slot("language") == language
    assert conversation.slot("report_location") == where
    assert conversation.slot("report_when") == when
    assert conversation.slot("report_category") == "surveillance"
    assert conversation.slot("report_details")["when_iso"], "the moment is read, not only the words"
    asked = conversation.answer_to_summary(no, skip)
    assert conversation.requested_slot() == "report_confirm", asked
    assert not {"report_location", "report_when", "report_category"} & set(asked), asked
