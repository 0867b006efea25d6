"""Served: the assistant in the person's language, through the stack `make run` starts.

For each language with its files in languages/: an emergency gets 999 in the first bubble, in that
language; a report starts, runs and is stored with its language and the person's words as written;
a Servator question is answered in it. The language sticks through short answers, "English please"
switches back, and Telegram's language code is a hint only.
"""

from __future__ import annotations

import pytest

from reading.language.data import language_file
from servator.config.responses import fill_placeholders, response_values
from tests.support.reports import exported
from tests.support.served import ServedConversation, reference_in, stored_report
from tests.support.stack import post_json

pytestmark = pytest.mark.rasa

# Per language: an emergency, a request to report, a description, a place, a time, a Servator question.
MESSAGES = {
    "es": (
        "Hay un hombre con un cuchillo delante de la embajada",
        "Quiero informar de algo sospechoso",
        "Un hombre estaba fotografiando las cámaras de la entrada de la embajada",
        "Belgrave Square, delante de la puerta principal",
        "hace 20 minutos",
        "¿Qué es Project Servator?",
    ),
    "fr": (
        "Il y a un homme avec un couteau devant l'ambassade",
        "Je voudrais signaler quelque chose de suspect",
        "Un homme photographiait les caméras à l'entrée de l'ambassade",
        "Belgrave Square, devant la porte principale",
        "il y a 20 minutes",
        "Qu'est-ce que Project Servator ?",
    ),
}

# Languages whose emergency and Servator question are checked too (their whole report is not yet).
SHORT_CHECKS = {
    "ar": ("رجل يحمل سكينا أمام السفارة", "ما هو مشروع سيرفاتور؟"),
    "pl": ("Mężczyzna z nożem przed ambasadą", "Co to jest Project Servator?"),
    "it": ("C'è un uomo con un coltello davanti all'ambasciata", "Che cos'è Project Servator?"),
    "pt": ("Há um homem com uma faca em frente à embaixada", "O que é o Project Servator?"),
    "ro": ("Este un bărbat cu un cuțit în fața ambasadei", "Ce este Project Servator?"),
    "tr": ("Büyükelçiliğin önünde bıçaklı bir adam var", "Project Servator nedir?"),
    "bn": ("দূতাবাসের সামনে একজন লোকের হাতে ছুরি আছে", "Project Servator আসলে কী?"),
    "zh": ("大使馆门口有一个男人拿着刀", "什么是Project Servator？"),
}
SHORT_CHECKS.update({code: (m[0], m[5]) for code, m in MESSAGES.items()})


def said(language: str, response: str) -> str:
    """The start of a response as the language file writes it, filled (what the person reads first)."""
    text = language_file(language, "responses")[response]["text"]
    return fill_placeholders(" ".join(text.split()), response_values())[:30]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", sorted(SHORT_CHECKS))
def test_an_emergency_gets_999_first_in_the_language(stack, language: str) -> None:
    emergency = SHORT_CHECKS[language][0]
    turn = ServedConversation(stack).say(emergency)
    assert "999" in turn.first_text
    assert said(language, "utter_emergency") in flat(turn.first_text)


@pytest.mark.parametrize("language", sorted(SHORT_CHECKS))
def test_a_servator_question_is_answered_in_the_language(stack, language: str) -> None:
    turn = ServedConversation(stack).say(SHORT_CHECKS[language][1])
    assert said(language, "utter_faq/what_is_servator") in flat(turn.first_text)


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_a_whole_report_in_the_language_is_stored_with_it(stack, language: str) -> None:
    _, start, description, place, when, _ = MESSAGES[language]
    yes, no = (language_file(language, "form_answers")[key][0] for key in ("yes", "no"))
    skip = language_file(language, "form_answers")["skip"][0]
    conversation = ServedConversation(stack)
    started = conversation.say(start)
    assert said(language, "utter_ask_report_description") in flat("\n".join(started.texts))
    for answer in (description, place, when, no, skip, skip, skip):
        turn = conversation.say(answer)
    if conversation.requested_slot() == "report_category":
        turn = conversation.say('/inform{"report_category":"surveillance"}')
    if conversation.requested_slot() == "report_contact_consent":
        turn = conversation.say(no)
    assert conversation.requested_slot() == "report_confirm"
    assert said(language, "utter_report_summary")[:15] in flat("\n".join(turn.texts))
    done = "\n".join(conversation.say(yes).texts)
    reference = reference_in(done)
    assert reference, done
    stored = stored_report(stack.database_url, reference)
    assert stored is not None
    assert stored["description"] == description and stored["location_text"] == place
    assert stored["language"] == language
    assert exported(stack.database_url)[reference]["language"] == language


def test_the_language_sticks_and_english_please_switches_back(stack) -> None:
    conversation = ServedConversation(stack)
    conversation.say("Hola, buenos días")
    assert conversation.slot("language") == "es"
    for short in ("ok", "no", "SW1X 8PZ", "Belgrave Square", "12"):
        conversation.say(short)
        assert conversation.slot("language") == "es", short
    turn = conversation.say("English please")
    assert conversation.slot("language") == "en"
    assert "Project Servator" in turn.first_text and "Puedo" not in turn.first_text
    conversation.say("Bonjour, je voudrais des informations sur Project Servator")
    assert conversation.slot("language") == "fr"


def test_telegram_language_code_is_a_hint_only(stack) -> None:
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    hinted = ServedConversation(stack)
    post_json(url, {"sender": hinted.sender, "message": "ok", "metadata": {"language_hint": "es"}})
    assert hinted.slot("language") == "es"
    overruled = ServedConversation(stack)
    post_json(
        url,
        {
            "sender": overruled.sender,
            "message": "There is a man filming the embassy gate",
            "metadata": {"language_hint": "es"},
        },
    )
    assert overruled.slot("language") == "en"
