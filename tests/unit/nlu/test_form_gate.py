"""FormAnswerGate with the danger gate after it, on Rasa Message objects and trackers (no trained
model needed): inside the report form the message is the answer unless it is a command, a question
or an emergency. The same behaviour is checked served in tests/integration/served/test_stories.py."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.components import DangerGate
from nlu.form_gate import FormAnswerGate


@pytest.fixture(scope="module")
def gates(build):
    return build(FormAnswerGate), build(DangerGate)


def in_form(requested_slot: str | None) -> DialogueStateTracker:
    events: list[Event] = [ActionExecuted("action_listen"), ActiveLoop("report_form")]
    events.append(SlotSet("requested_slot", requested_slot))
    return DialogueStateTracker.from_events(
        "someone", events, slots=[TextSlot("requested_slot", mappings=[])]
    )


def classified(text: str, intent: str, confidence: float) -> Message:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "inform", "confidence": 1 - confidence}]
    return Message(
        data={"text": text, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking}
    )


def parse(gates, message: Message, tracker: DialogueStateTracker | None) -> str:
    form_gate, danger_gate = gates
    danger_gate.process(form_gate.process([message], tracker), tracker)
    return message.get("intent")["name"]


def test_a_description_full_of_command_words_is_the_answer(gates):
    message = classified("Filming CCTV; '; DROP TABLE reports; --", "cancel", 0.93)
    assert parse(gates, message, in_form("report_description")) == "inform"
    assert message.get("intent_ranking")[0] == {"name": "inform", "confidence": 1.0}
    assert message.get("form_answer") == {
        "requested_slot": "report_description",
        "classified": "cancel",
        "decided": "inform",
    }


def test_commands_and_questions_keep_or_get_their_intent(gates):
    assert parse(gates, classified("stop the report", "inform", 0.6), in_form("report_when")) == "cancel"
    assert parse(gates, classified("what is servator?", "faq", 0.97), in_form("report_people")) == "faq"
    assert (
        parse(
            gates, classified("I'd rather stay anonymous", "contact", 0.99), in_form("report_contact_consent")
        )
        == "deny"
    )


def test_an_emergency_inside_the_form_stays_an_emergency(gates):
    message = classified("wait, he just pulled out a knife and is running at people", "inform", 0.8)
    assert parse(gates, message, in_form("report_description")) == "emergency"


def test_a_bag_in_the_report_makes_now_its_beeping_an_emergency(gates):
    events: list[Event] = [
        ActionExecuted("action_listen"),
        ActiveLoop("report_form"),
        SlotSet("report_description", "someone left a holdall under the bench and walked off"),
        SlotSet("requested_slot", "report_confirm"),
    ]
    slots = [TextSlot("requested_slot", mappings=[]), TextSlot("report_description", mappings=[])]
    tracker = DialogueStateTracker.from_events("someone", events, slots=slots)
    message = classified("ok now its making a beeping noise", "inform", 0.5)
    assert parse(gates, message, tracker) == "emergency"
    assert parse(
        gates, classified("ok now its making a beeping noise", "inform", 0.5), in_form("report_confirm")
    ) != ("emergency")


def _after(bot_said: str, requested_slot: str) -> DialogueStateTracker:
    """In the form, the bot's last turn said `bot_said` (by name, as Rasa records it), then asked again."""
    events: list[Event] = [
        ActionExecuted("action_listen"),
        ActiveLoop("report_form"),
        UserUttered("he's got a knife", intent={"name": "emergency", "confidence": 1.0}),
        BotUttered("call 999", metadata={"utter_action": bot_said}),
        SlotSet("requested_slot", requested_slot),
        BotUttered("the question again", metadata={"utter_action": f"utter_ask_{requested_slot}"}),
        ActionExecuted("action_listen"),
    ]
    return DialogueStateTracker.from_events(
        "someone", events, slots=[TextSlot("requested_slot", mappings=[])]
    )


@pytest.mark.parametrize(
    "said", ["utter_emergency", "utter_report_danger_first", "utter_status_noted_in_report"]
)
def test_safety_news_right_after_a_999_answer_is_not_the_answer(gates, said):
    for text in ("we're locked inside now", "ok I've called them, they're on the way"):
        assert parse(gates, classified(text, "inform", 0.6), _after(said, "report_people")) == "status_update"


def test_safety_news_without_a_999_answer_just_before_is_the_answer(gates):
    tracker = _after("utter_report_start", "report_people")
    assert parse(gates, classified("we're locked inside now", "inform", 0.6), tracker) == "inform"
    # A real answer after a 999 answer is still the answer.
    answered = classified("tall man in a black coat", "inform", 0.6)
    assert parse(gates, answered, _after("utter_emergency", "report_people")) == "inform"


def test_an_ml_only_emergency_in_a_free_text_answer_is_the_answer(gates):
    message = classified("he was shouting at the guards last week", "emergency", 0.95)
    assert parse(gates, message, in_form("report_description")) == "inform"


def test_outside_the_form_or_without_a_tracker_nothing_changes(gates):
    no_form = DialogueStateTracker.from_events("someone", [ActionExecuted("action_listen")])
    assert parse(gates, classified("drop it", "cancel", 0.9), no_form) == "cancel"
    assert parse(gates, classified("drop it", "cancel", 0.9), None) == "cancel"


def test_a_button_payload_keeps_its_intent(gates):
    message = classified('/inform{"report_category":"other"}', "inform", 1.0)
    assert parse(gates, message, in_form("report_category")) == "inform"
    assert message.get("form_answer") is None
