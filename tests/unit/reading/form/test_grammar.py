"""The whole-message grammars of the report form (reading/form/grammar.py): no model, no servers."""

from __future__ import annotations

import pytest

from reading.form import grammar as g

ISSUE_DESCRIPTIONS = [
    "Filming CCTV; '; DROP TABLE reports; --",
    "A man stopped, took photos of the gate, then left",
    "no idea who he was, he was recording the guards on his phone",
    "a man kept looking at the armed police and timing them with a stopwatch",
    "quit staring at me he said, then he filmed the armed officers",
]


@pytest.mark.parametrize(
    "text",
    [
        "cancel",
        "Cancel.",
        "stop the report",
        "stop",
        "forget it",
        "never mind",
        "quit",
        "abort",
        "scrap that",
        "actually cancel this",
        "no, cancel it",
        "I want to stop now",
        "i don't want to report it anymore",
        "cancel, I made a mistake",
        "i've changed my mind",
        "can we stop",
        "stop asking me questions",
        "actually scrap the whole thing, the police are here",
        "never mind, it was nothing",
        "drop it",
        # two cancel phrases in one message (said to the served form at "When did you see it?")
        "actually forget it, I don't want to do this",
        "forget about it, not worth it",
        "never mind, stop",
        "scrap that report",
    ],
)
def test_whole_message_cancels(text):
    assert g.is_cancel(text)


@pytest.mark.parametrize(
    "text",
    ISSUE_DESCRIPTIONS
    + [
        "he told me to stop filming",
        "the van stopped by the gate",
        "drop off point by the barrier",
        "he said quit looking at me",
        "they cancelled the delivery and then photographed the doors",
        "stop and search was happening near the gate",
        "a man stopped",
        "he said stop it and forget it then filmed the gate",
        "stop the car",
    ],
)
def test_command_words_inside_an_answer_are_not_commands(text):
    assert not g.is_cancel(text)
    assert g.change_request(text) is None
    assert not g.is_skip(text)


@pytest.mark.parametrize(
    "text,slot,classified,confidence,decided",
    [
        # Free text is the answer, whatever the classifier thought.
        *[(text, "report_description", "cancel", 0.9, "inform") for text in ISSUE_DESCRIPTIONS],
        ("a man kept looking at the armed police", "report_description", "faq", 0.95, "inform"),
        ("towards the help point by the bus stop", "report_direction", "help", 0.9, "inform"),
        ("skip", "report_people", "skip", 0.99, "skip"),
        # Commands and questions to the assistant are obeyed.
        ("cancel", "report_location", "cancel", 0.99, "cancel"),
        ("stop the report", "report_when", "inform", 0.5, "cancel"),
        ("change the place", "report_when", "inform", 0.5, "change_field"),
        ("help", "report_description", "help", 0.99, "help"),
        ("i'd like to report it", "report_location", "report_suspicious", 0.9, "help"),
        ("i'd like to report it properly", "report_location", "report_suspicious", 0.9, "help"),
        ("I have something to report", "report_when", "report_suspicious", 0.9, "help"),
        (
            "i reported it to the guard and he ignored me",
            "report_description",
            "report_suspicious",
            0.6,
            "inform",
        ),
        ("what is project servator?", "report_location", "faq", 0.95, None),
        ("are you a bot?", "report_people", "bot_challenge", 0.99, None),
        # A question form the classifier is unsure of is an answer.
        ("when the guards changed over, about 6pm", "report_when", "faq", 0.4, "inform"),
        # Yes/no questions take natural answers; real questions are still answered.
        ("I'd rather stay anonymous", "report_contact_consent", "contact", 0.99, "deny"),
        ("you can contact me", "report_contact_consent", "report_suspicious", 0.8, "affirm"),
        ("will they know it was me?", "report_contact_consent", "contact", 0.99, None),
        ("not sure", "report_ongoing", "skip", 0.9, "inform"),
        # The summary: send, change, or unclear.
        ("looks good, send it", "report_confirm", "affirm", 0.9, "affirm"),
        ("no", "report_confirm", "deny", 0.99, "change_field"),
        ("the time", "report_confirm", "inform", 0.6, "change_field"),
        ("hmm actually the time was more like half 2", "report_confirm", "inform", 0.5, "change_field"),
        ("yes, thanks a lot", "report_confirm", "thank", 0.9, "affirm"),
        ("hmm", "report_confirm", "nlu_fallback", 0.4, "inform"),
        # The contact question.
        ("+33 1 43 12 22 22", "report_contact", "inform", 0.7, "inform"),
        ("no the number is 020 7946 0123", "report_contact", "deny", 0.7, "inform"),
        (
            "actually the place was chesham place not lowndes square",
            "report_contact",
            "inform",
            0.5,
            "change_field",
        ),
        ("actually don't contact me", "report_contact", "cancel", 0.6, "skip"),
        # Outside a form step, or a button's payload: the classifier's intent stands.
        ("cancel", None, "cancel", 0.99, None),
        ('/inform{"report_category":"other"}', "report_category", "inform", 1.0, None),
    ],
)
def test_form_intent(text, slot, classified, confidence, decided):
    assert g.form_intent(text, slot, classified, confidence) == decided


@pytest.mark.parametrize(
    "text,slot",
    [
        ("hang on the reg might have been LV19 OKB", "report_confirm"),
        ("change the time to about 4pm", "report_confirm"),
        # At another question too: it is not that question's answer.
        ("change the time to about 4pm", "report_vehicle"),
        ("sorry the place was Chesham Place", "report_direction"),
    ],
)
def test_a_correction_with_its_value_is_a_change_not_an_answer(text, slot):
    assert g.form_intent(text, slot, "inform", 0.5) == "change_field"


@pytest.mark.parametrize(
    "text",
    [
        "we're locked inside now",
        "ok I've called them, they're on the way",
        "police are here now",
        "I have called 999 and we are safe",
        "i'm ok, the police are here",
        "we've locked ourselves inside",
        "done, they said to wait",
        "they said officers are on the way",
        "the operator told us to stay inside",
        "we're all safe in the basement",
    ],
)
def test_safety_news_after_a_999_answer(text):
    assert g.is_status_update(text)
    assert g.form_intent(text, "report_people", "inform", 0.5, after_999=True) == "status_update"
    # Without the 999 answer just before, it is the answer to the question.
    assert g.form_intent(text, "report_people", "inform", 0.5) == "inform"


def test_after_a_999_answer_the_classifier_reading_safety_news_counts_too():
    assert (
        g.form_intent("police have been called", "report_people", "status_update", 0.95, True)
        == "status_update"
    )
    assert g.form_intent("police have been called", "report_people", "status_update", 0.95) == "inform"
    assert g.form_intent("a short man", "report_people", "status_update", 0.4, True) == "inform"


@pytest.mark.parametrize(
    "text,added",
    [
        ("wait, before I send, can I add that he had a backpack?", "he had a backpack"),
        ("can I add he was wearing gloves", "he was wearing gloves"),
        ("I forgot to say he had a limp", "he had a limp"),
        ("one more thing: there was a second man in the car", "there was a second man in the car"),
    ],
)
def test_something_to_add_at_the_summary_is_kept_as_typed(text, added):
    assert g.addition(text) == added
    assert g.form_intent(text, "report_confirm", "inform", 0.9) == "change_field"
