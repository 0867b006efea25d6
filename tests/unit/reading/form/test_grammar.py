"""The whole-message grammars of the report form (reading/form/grammar.py): no model, no servers."""

from __future__ import annotations

import pytest

from actions.report_fields import CATEGORIES as CATEGORY_LABELS
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
    "text,field",
    [
        ("change the place", "report_location"),
        ("i want to change the description", "report_description"),
        ("the time is wrong", "report_when"),
        ("can i change where it happened", "report_location"),
        ("edit the time", "report_when"),
        ("fix the location please", "report_location"),
        ("change the vehicle", "report_vehicle"),
        ("wrong registration", "report_vehicle"),
        ("no wait the location is wrong", "report_location"),
        ("update my phone number", "report_contact_consent"),
        ("change the description of the man", "report_people"),
        ("go back", ""),
        ("i want to change something", ""),
        ("change an answer", ""),
        ("i made a mistake", ""),
        ("actually the place was chesham place not lowndes square", "report_location"),
        ("sorry the time was 2pm not 3pm", "report_when"),
        ("actually the reg was AB12 CDE", "report_vehicle"),
    ],
)
def test_change_requests_name_the_field(text, field):
    assert g.change_request(text) == field


@pytest.mark.parametrize(
    "text",
    [
        "change of clothes in the toilets",
        "correct time was 3pm",
        "changed his jacket",
        "sorry, the man was filming the gate",
    ],
)
def test_change_words_in_answers_are_not_change_requests(text):
    assert g.change_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "skip",
        "Skip please",
        "i don't know",
        "dunno",
        "idk",
        "no idea",
        "not sure",
        "n/a",
        "no vehicle",
        "didn't see one",
        "no idea where they went",
        "dunno who he was",
        "they were on foot",
        "nope",
        "none",
        # there was no vehicle: kept out of the vehicle answer, which officers read and linking compares
        "no car I saw",
        "didn't see any car",
        "I did not notice a vehicle",
        "no cars",
        "no vehicle as far as I know",
        "none that I saw",
        "no car, he walked off",
        "nope, on foot",
        "no, he was walking",
    ],
)
def test_whole_message_skips(text):
    assert g.is_skip(text)


@pytest.mark.parametrize(
    "text", ["no plates on the black bmw", "a car with no plates", "silver car, no reg seen", "he walked off"]
)
def test_a_vehicle_described_or_a_direction_is_not_a_skip(text):
    assert not g.is_skip(text)


@pytest.mark.parametrize(
    "text,slot,answer",
    [
        ("I'd rather stay anonymous", "report_contact_consent", "no"),
        ("anonymous please", "report_contact_consent", "no"),
        ("no thanks, keep me anonymous", "report_contact_consent", "no"),
        ("please don't contact me", "report_contact_consent", "no"),
        ("don't contact me", "report_contact_consent", "no"),
        ("nah", "report_contact_consent", "no"),
        ("you can contact me", "report_contact_consent", "yes"),
        ("ring me", "report_contact_consent", "yes"),
        ("sure", "report_contact_consent", "yes"),
        ("please do", "report_contact_consent", "yes"),
        ("yes please", "report_contact_consent", "yes"),
        ("ok", "report_contact_consent", "yes"),
        ("yes he's still there", "report_ongoing", "yes"),
        ("they're still outside", "report_ongoing", "yes"),
        ("no they left", "report_ongoing", "no"),
        ("he's gone now", "report_ongoing", "no"),
        ("no, all calm now", "report_ongoing", "no"),
        ("not sure", "report_ongoing", "not sure"),
        ("no idea", "report_ongoing", "not sure"),
        ("would rather you didnt contact me to be honest", "report_contact_consent", "no"),
        ("i'd prefer you didn't call me", "report_contact_consent", "no"),
        ("i would not like to be contacted", "report_contact_consent", "no"),
        ("no need to contact me", "report_contact_consent", "no"),
        ("dont call me, email me instead", "report_contact_consent", None),
        ("call me back", "report_contact_consent", "yes"),
        ("fine, you can reach me by email", "report_contact_consent", "yes"),
        ("please don't message me", "report_contact_consent", "no"),
        ("purple", "report_contact_consent", None),
        ("no idea", "report_contact_consent", None),
        ("will they know it was me?", "report_contact_consent", None),
    ],
)
def test_natural_yes_no_answers(text, slot, answer):
    assert g.yes_no(text, slot) == answer


@pytest.mark.parametrize(
    "text,category",
    [
        ("not sure", "other"),
        ("I don't know", "other"),
        ("erm, none of those really", "other"),
        ("none of those", "other"),
        ("Something else", "other"),
        ("Filming or photographing", "surveillance"),
        ("threats", "expressed_threat"),
        ("3", "testing_security"),
        ("he kept asking the guards when their shifts change", "eliciting_information"),
        ("someone left a suitcase by the door", "unattended_item"),
        ("he was taking pictures of the gate", "surveillance"),
        ("purple", None),
        # An option named inside a longer answer, even when the rest points elsewhere too.
        ("he was measuring things so testing security I guess", "testing_security"),
        ("i think it counts as filming or photographing", "surveillance"),
        ("testing security or filming or photographing", None),
    ],
)
def test_category_answers(text, category):
    assert g.category(text) == category


def test_grammar_and_summary_labels_list_the_same_categories():
    assert tuple(CATEGORY_LABELS) == g.CATEGORIES


@pytest.mark.parametrize(
    "text,question",
    [
        ("what is project servator?", True),
        ("how do i report it online", True),
        ("is this confidential", True),
        ("when the guards changed over, about 6pm", True),
        ("a man was filming the gate", False),
        ("towards oxford street", False),
    ],
)
def test_question_form(text, question):
    assert g.is_question(text) is question


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


def test_typed_text_is_normalised_without_apostrophes_or_punctuation():
    assert g.normalise("  Don’t   KNOW!! ") == "dont know"
    assert g.core("ok sorry, skip please") == "skip"


@pytest.mark.parametrize(
    "text,at_summary,expected",
    [
        ("hang on the reg might have been LV19 OKB", True, ("report_vehicle", "LV19 OKB")),
        ("change the time to about 4pm", False, ("report_when", "about 4pm")),
        ("Actually, the place was Chesham Place.", False, ("report_location", "Chesham Place")),
        ("ok actually the time was about 4", False, ("report_when", "about 4")),
        ("set the location to outside Harrods", False, ("report_location", "outside Harrods")),
        # The value as typed, without the trailing fillers.
        ("Change the place to St. James's Square, thanks", False, ("report_location", "St. James's Square")),
        ("can you update the time to around 2pm please", True, ("report_when", "around 2pm")),
        (
            "actually the place was chesham place not lowndes square",
            False,
            ("report_location", "chesham place"),
        ),
        ("change the phone number to 07700 900123", True, ("report_contact", "07700 900123")),
        ("the car was a blue transit van", True, ("report_vehicle", "a blue transit van")),
        # Without a lead-in, "<field> was …" outside the summary is a description, not a correction.
        ("the car was parked outside", False, None),
        ("the man was wearing a hat", True, None),
        # A change that gives no value is a change request (the field is asked again), not a correction.
        ("the reg was wrong", True, None),
        ("change the time", True, None),
        ('/change_field{"report_field":"report_when"}', True, None),
    ],
)
def test_corrections_that_give_their_new_value(text, at_summary, expected):
    assert g.correction(text, at_summary) == expected


@pytest.mark.parametrize(
    "text,confirms,sends",
    [
        ("Send report", True, True),
        ("send it", True, True),
        ("submit", True, True),
        ("yes send it", True, True),
        ("ok, submit it now please", True, True),
        ("fine, submit", True, True),
        ("sounds good", True, False),
        ("right, change the time", False, False),
        ("yes", True, False),
        ("looks good", True, False),
        ("send the police round", False, False),
        ("no don't send it", False, False),
    ],
)
def test_typed_send_commands_confirm_the_summary(text, confirms, sends):
    assert (g.confirms(text), g.sends(text)) == (confirms, sends)


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


@pytest.mark.parametrize(
    "text",
    [
        "a man in a red coat, they were outside",
        "they went towards the park",
        "i called the police yesterday and they did nothing",
        "they said he was tall",
        "ok",
        "yes",
        "cancel",
    ],
)
def test_answers_and_commands_after_a_999_answer_are_not_safety_news(text):
    assert not g.is_status_update(text)


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


@pytest.mark.parametrize("text", ["add that", "send it", "yes", "he had a backpack"])
def test_no_addition(text):
    assert g.addition(text) is None
