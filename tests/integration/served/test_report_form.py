"""Served: the report form takes answers as people write them.

The held-out form answer set (tests/data/form_answers.yml): each answer gets a fresh conversation
brought to its question, then the answer is sent and we check what a person would notice: the
answer stored as written and the next question asked (kept), not a cancelled report, an FAQ, or the
same question again. Commands, questions to the assistant and emergencies sent at a step must all
be obeyed. Figures are printed (-s). Then whole conversations: a whole account in one message
reaches the summary, an answer that says more fills the other fields, times and places given in
everyday words, and a two-part cancel.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.served import ServedConversation, Turn, asks, reference_in, stored_report

pytestmark = pytest.mark.rasa

ANSWER_SET = Path(__file__).resolve().parents[2] / "data" / "form_answers.yml"
# How a conversation reaches each question: these answers, in the form's order.
ROUTE: list[tuple[str, str]] = [
    ("report_description", "a man was filming the gate on his phone"),
    ("report_location", "grosvenor square"),
    ("report_when", "about 20 minutes ago"),
    ("report_ongoing", "/deny"),
    ("report_people", "skip"),
    ("report_vehicle", "skip"),
    ("report_direction", "towards the park"),
]
QUESTION_ACTIONS = {"utter_faq", "utter_contact", "utter_bot_challenge", "utter_report_start"}
MIN_KEPT = 0.98
WORKERS = 4


def answer_set() -> dict[str, Any]:
    return yaml.safe_load(ANSWER_SET.read_text(encoding="utf-8"))


def at_question(stack: Any, slot: str) -> ServedConversation:
    """A new conversation whose report form is asking `slot`."""
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    for step, answer in ROUTE:
        if step == slot:
            break
        conversation.say(answer)
    assert conversation.requested_slot() == slot, f"could not reach {slot}: {conversation.turns[-1].texts}"
    return conversation


def kept_as_answer(slot: str, answer: str, turn: Turn, now_asking: Any) -> bool:
    """Stored as written, nothing but the form ran, and the form moved to another question."""
    return turn.slots.get(slot) == answer.strip() and turn.actions == ["report_form"] and now_asking != slot


def send_answer(stack: Any, slot: str, answer: str) -> tuple[str, str, bool, str]:
    conversation = at_question(stack, slot)
    turn = conversation.say(answer)
    now_asking = conversation.requested_slot()
    kept = kept_as_answer(slot, answer, turn, now_asking)
    return (
        slot,
        answer,
        kept,
        f"actions={turn.actions} stored={turn.slots.get(slot)!r} asking={now_asking} {turn.texts}",
    )


def test_free_text_answers_are_kept_as_answers(stack):
    cases = [(slot, answer) for slot, answers in answer_set()["answers"].items() for answer in answers]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda case: send_answer(stack, *case), cases))
    missed = [(slot, answer, why) for slot, answer, kept, why in results if not kept]
    for slot in answer_set()["answers"]:
        total = sum(1 for r in results if r[0] == slot)
        kept = sum(1 for r in results if r[0] == slot and r[2])
        print(f"{slot}: {kept}/{total} kept as answers")
    rate = 1 - len(missed) / len(results)
    print(f"answer set: {len(results) - len(missed)}/{len(results)} kept ({rate:.1%}); missed: {missed}")
    assert all(sum(1 for r in results if r[0] == slot) >= 30 for slot in answer_set()["answers"])
    assert rate >= MIN_KEPT, missed


def obeyed(command: dict[str, Any], turn: Turn, conversation: ServedConversation) -> bool:
    at, expect = command["at"], command["expect"]
    asking = conversation.requested_slot()
    if expect == "cancel":
        # Cancelling deletes the conversation's stored events, so the turn's actions are gone too.
        return turn.forgotten and "cancelled the report" in turn.last_text
    if expect == "change":
        if "action_change_report_field" not in turn.actions:
            return False
        field = command.get("field")
        if field is None:
            return asking == at and any("Which part would you like to change" in t for t in turn.texts)
        return asking == field and asks(field, turn.last_text)
    if expect == "question":
        return (
            bool(turn.actions)
            and turn.actions[0] in QUESTION_ACTIONS
            and turn.actions[-1] == "report_form"
            and at not in turn.slots
            and asking == at
            and asks(at, turn.last_text)
        )
    if expect == "emergency":
        return (
            "999" in turn.first_text
            and turn.actions[:1] == ["utter_emergency"]
            and at not in turn.slots
            and asking == at
            and asks(at, turn.last_text)
        )
    raise ValueError(f"unknown expectation {expect}")


def send_command(stack: Any, command: dict[str, Any]) -> tuple[dict[str, Any], bool, str]:
    conversation = at_question(stack, command["at"])
    turn = conversation.say(command["text"])
    return command, obeyed(command, turn, conversation), f"actions={turn.actions} {turn.texts}"


def test_commands_questions_and_emergencies_are_all_obeyed(stack):
    commands = answer_set()["commands"]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda command: send_command(stack, command), commands))
    failed = [(command["text"], command["at"], why) for command, ok, why in results if not ok]
    by_kind: dict[str, list[bool]] = {}
    for command, ok, _ in results:
        by_kind.setdefault(command["expect"], []).append(ok)
    print("commands obeyed: " + ", ".join(f"{kind} {sum(oks)}/{len(oks)}" for kind, oks in by_kind.items()))
    assert len(commands) >= 40
    assert failed == []


SUMMARY = "Here is your report"


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        (
            "Hi, about 20 minutes ago I saw a man in a grey hoodie filming the gates of the Saudi embassy on "
            "Curzon Street with a long lens camera, he got into a black BMW and drove towards Park Lane",
            {
                "Where: the gates of the Saudi embassy on Curzon Street",
                "People: a man in a grey hoodie",
                "Vehicle: a black BMW",
                "Direction: towards Park Lane",
                "Type: Filming, photographing or watching",
                "Still happening / danger: no",
            },
        ),
        (
            "good evening. yesterday around 6pm a tall woman with a red scarf asked our gate guard at the "
            "embassy in Belgrave Square what time the night shift starts and how many guards there are. "
            "She walked off towards Hyde Park Corner on foot.",
            {
                "Where: the embassy in Belgrave Square",
                "When: yesterday around 6pm",
                "People: a tall woman with a red scarf",
                "Direction: towards Hyde Park Corner",
                "Type: Asking unusual questions",
            },
        ),
    ],
)
def test_a_whole_account_reaches_the_summary_after_at_most_the_contact_question(stack, account, expected):
    conversation = ServedConversation(stack)
    turn = conversation.say(account)
    asked = [
        slot for slot in ("report_location", "report_when", "report_vehicle") if asks(slot, turn.last_text)
    ]
    assert not asked, turn.texts
    for _ in range(3):  # at most: the vehicle (when none was said) and the contact question
        if SUMMARY in turn.last_text:
            break
        assert asks("report_contact_consent", turn.last_text) or asks("report_vehicle", turn.last_text), (
            turn.texts
        )
        turn = conversation.say(
            "no, stay anonymous" if asks("report_contact_consent", turn.last_text) else "none"
        )
    summary = turn.last_text
    assert SUMMARY in summary, turn.texts
    for line in expected:
        assert line in summary, (line, summary)
    assert f"What happened: {account}" in summary  # the description is the person's own words
    confirmation = "\n".join(conversation.say("send it").texts)
    report = stored_report(stack.database_url, reference_in(confirmation) or "")
    assert report is not None and report["description"] == account


def test_an_answer_that_says_more_fills_the_other_fields_too(stack):
    conversation = ServedConversation(stack)
    conversation.say("I want to report something")
    conversation.say("a man was photographing the cctv cameras and writing in a notebook")
    turn = conversation.say(
        "outside the Qatari embassy on South Audley Street about an hour ago, he left in a silver Ford "
        "Focus KX19 PLM heading north"
    )
    assert not asks("report_when", turn.last_text) and not asks("report_vehicle", turn.last_text), turn.texts
    assert not asks("report_direction", turn.last_text), turn.texts
    assert conversation.slot("report_vehicle") == "a silver Ford Focus"
    assert conversation.slot("report_direction") == "north"
    assert (conversation.slot("report_details") or {}).get("registration") == "KX19 PLM"


def test_an_embassy_report_told_in_everyday_words_is_stored_as_said(stack):
    conversation = ServedConversation(stack)
    first = conversation.say(
        "hi, quick one - my flatmate says armed police were hanging round the consulate yesterday, "
        "is that normal?"
    )
    assert "armed and unarmed protection" in first.first_text, first.texts
    description = (
        "I also want to tell you about a bloke who was pacing out the distance between the bollards "
        "outside the Saudi embassy"
    )
    # The place it names is kept: the form asks only for what is missing.
    assert asks("report_when", conversation.say(description).last_text)
    assert conversation.slot("report_location") == "the bollards outside the Saudi embassy"
    assert asks("report_ongoing", conversation.say("about twenty minutes ago").last_text)
    assert asks("report_people", conversation.say("no he left").last_text)
    assert asks("report_vehicle", conversation.say("tall, grey hoodie, had a notebook").last_text)
    assert asks("report_direction", conversation.say("no car I saw").last_text)
    # Pacing out distances says what kind of behaviour it was: the category is not asked.
    turn = conversation.say("he went towards Hyde Park")
    assert asks("report_contact_consent", turn.last_text), turn.texts
    # A polite refusal of contact is a no: no number asked for.
    turn = conversation.say("I'd prefer you didn't have my details")
    assert asks("report_confirm", turn.last_text), turn.texts
    done = conversation.say("yep that's all correct, send it")
    reference = reference_in("\n".join(done.texts))
    assert reference, done.texts
    stored = stored_report(stack.database_url, reference)
    assert stored is not None
    assert stored["description"] == description
    assert stored["category"] == "surveillance"
    assert not stored["contact_consent"] and not stored["contact_phone"] and not stored["contact_email"]
    assert "hyde park" in (stored["direction"] or "").lower()
    # "no car I saw" says there was none: kept as said (not "not given"), with no registration read from it.
    assert stored["vehicle_text"] == "no car I saw" and stored["vehicle_registration"] is None


def test_a_two_part_cancel_at_any_question_cancels_and_keeps_nothing(stack):
    """A cancel said in two parts at "When did you see it?" cancels: it is never stored as the time."""
    conversation = ServedConversation(stack)
    conversation.say("someone has been asking the security guards at our embassy about their shift times")
    assert asks("report_when", conversation.say("Belgrave Square").last_text)
    turn = conversation.say("actually forget it, I don't want to do this")
    assert "cancelled the report" in turn.first_text, turn.texts
    assert turn.forgotten, "the cancelled answers were kept in the conversation store"


def test_yesterday_and_a_bare_hour_is_that_hour_in_the_summary(stack):
    """ "yesterday 4" is yesterday at 16:00, not yesterday's midday."""
    conversation = ServedConversation(stack)
    conversation.say("a man took photos of our gate")
    assert asks("report_when", conversation.say("Cromwell Road by the Natural History Museum").last_text)
    assert asks("report_ongoing", conversation.say("yesterday 4").last_text)
    when = (conversation.slot("report_details") or {}).get("when_iso") or ""
    assert "T16:00:00" in when, conversation.slot("report_details")


def test_a_place_given_as_the_time_is_asked_again_and_a_correction_is_acknowledged(stack):
    """ "Mount Street" is not a time: asked again; "sorry, I meant the place was South Audley Street"
    changes the place and says so."""
    conversation = ServedConversation(stack)
    opening = conversation.say("I need to report a man who was photographing the guards at the Saudi embassy")
    assert asks("report_when", opening.last_text), opening.texts  # the place was in the opening
    turn = conversation.say("Mount Street")
    assert "place rather than a time" in turn.first_text and asks("report_when", turn.last_text), turn.texts
    assert asks("report_ongoing", conversation.say("30 mins ago").last_text)
    turn = conversation.say("sorry, I meant the place was South Audley Street")
    assert turn.first_text == "Thanks, I've changed that. Where: South Audley Street", turn.texts
    assert asks("report_ongoing", turn.last_text), turn.texts
    assert conversation.slot("report_location") == "South Audley Street"
    assert conversation.slot("report_when") == "30 mins ago"
