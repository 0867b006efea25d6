"""Served: the assistant in the person's language, through the stack `make run` starts.

For each of the ten languages: an emergency gets 999 in the first bubble, in that language; a report
starts, runs and is stored with its language and the person's words as written; a Servator
question is answered in it. The language sticks through short answers, "English please" switches
back and says so (mid-report, the question is asked again in English), and Telegram's language
code is a hint only.
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
# Descriptions that say where it was ("à l'entrée de l'ambassade") fill the place, and the form
# does not ask it (test_whole_accounts.py); these leave it to be asked.
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
        "Un homme photographiait les caméras de surveillance",
        "Belgrave Square, devant la porte principale",
        "il y a 20 minutes",
        "Qu'est-ce que Project Servator ?",
    ),
    "it": (
        "C'è un uomo con un coltello davanti all'ambasciata",
        "Voglio segnalare qualcosa di sospetto",
        "Un uomo fotografava le telecamere di sorveglianza",
        "Belgrave Square, davanti alla porta principale",
        "20 minuti fa",
        "Che cos'è Project Servator?",
    ),
    "pt": (
        "Há um homem com uma faca em frente à embaixada",
        "Quero denunciar uma coisa suspeita",
        "Um homem fotografava as câmaras da entrada da embaixada",
        "Belgrave Square, em frente à porta principal",
        "há 20 minutos",
        "O que é o Project Servator?",
    ),
    "ro": (
        "Este un bărbat cu un cuțit în fața ambasadei",
        "Vreau să raportez ceva suspect",
        "Un bărbat fotografia camerele de supraveghere",
        "Belgrave Square, în fața ușii principale",
        "acum 20 de minute",
        "Ce este Project Servator?",
    ),
    "pl": (
        "Mężczyzna z nożem przed ambasadą",
        "Chcę zgłosić coś podejrzanego",
        "Mężczyzna fotografował kamery przy wejściu do ambasady",
        "Belgrave Square, przed głównymi drzwiami",
        "20 minut temu",
        "Co to jest Project Servator?",
    ),
    "tr": (
        "Büyükelçiliğin önünde bıçaklı bir adam var",
        "Şüpheli bir şey bildirmek istiyorum",
        "Bir adam büyükelçiliğin girişindeki kameraların fotoğrafını çekiyordu",
        "Belgrave Square, ana kapının önünde",
        "20 dakika önce",
        "Project Servator nedir?",
    ),
    "ar": (
        "رجل يحمل سكينا أمام السفارة",
        "أريد الإبلاغ عن شيء مريب",
        "رجل كان يصور كاميرات المراقبة",
        "Belgrave Square، أمام الباب الرئيسي",
        "قبل 20 دقيقة",
        "ما هو مشروع سيرفاتور؟",
    ),
    "bn": (
        "দূতাবাসের সামনে একজন লোকের হাতে ছুরি আছে",
        "আমি সন্দেহজনক কিছু রিপোর্ট করতে চাই",
        "একজন লোক দূতাবাসের প্রবেশপথের ক্যামেরার ছবি তুলছিল",
        "Belgrave Square, প্রধান দরজার সামনে",
        "20 মিনিট আগে",
        "Project Servator আসলে কী?",
    ),
    "zh": (
        "大使馆门口有一个男人拿着刀",
        "我想举报可疑情况",
        "有个男人一直拍监控摄像头",
        "Belgrave Square，正门前面",
        "20分钟前",
        "什么是Project Servator？",
    ),
}
LANGUAGES = sorted(MESSAGES)


def said(language: str, response: str) -> str:
    """The start of a response as the language file writes it, filled (what the person reads first)."""
    text = language_file(language, "responses")[response]["text"]
    return fill_placeholders(" ".join(text.split()), response_values())[:30]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_emergency_gets_999_first_in_the_language(stack, language: str) -> None:
    emergency = MESSAGES[language][0]
    turn = ServedConversation(stack).say(emergency)
    assert "999" in turn.first_text
    assert said(language, "utter_emergency") in flat(turn.first_text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_servator_question_is_answered_in_the_language(stack, language: str) -> None:
    turn = ServedConversation(stack).say(MESSAGES[language][5])
    assert said(language, "utter_faq/what_is_servator") in flat(turn.first_text)


@pytest.mark.parametrize("language", LANGUAGES)
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
    assert turn.texts == ["I'll carry on in English."]
    conversation.say("Bonjour, je voudrais des informations sur Project Servator")
    assert conversation.slot("language") == "fr"


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_answers_numbers_and_places_never_switch_the_language(stack, language: str) -> None:
    conversation = ServedConversation(stack)
    conversation.say(MESSAGES[language][5])
    assert conversation.slot("language") == language
    for short in ("ok", "no", "12", "SW1X 8PZ", "Belgrave Square", "Hyde Park Corner"):
        conversation.say(short)
        assert conversation.slot("language") == language, short


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_please_mid_report_asks_the_question_again_in_english(stack, language: str) -> None:
    conversation = ServedConversation(stack)
    conversation.say(MESSAGES[language][1])
    assert conversation.slot("language") == language
    turn = conversation.say("English please")
    assert conversation.slot("language") == "en"
    assert turn.texts[0] == "I'll carry on in English."
    assert conversation.requested_slot() == "report_description"
    assert "What did you see?" in "\n".join(turn.texts[1:])


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
