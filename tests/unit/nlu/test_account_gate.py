"""AccountOpeningGate: an account of what was seen starts a report, whatever the classifier keyed on."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import ActiveLoop
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.account_gate import AccountOpeningGate

ACCOUNT = (
    "Hi, about 20 minutes ago I saw a man in a grey hoodie filming the gates of the Saudi embassy on "
    "Curzon Street, he got into a black BMW and drove towards Park Lane"
)


@pytest.fixture(scope="module")
def gate(tmp_path_factory) -> AccountOpeningGate:
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    return AccountOpeningGate.create(
        AccountOpeningGate.get_default_config(),
        storage,
        Resource("gate"),
        ExecutionContext(GraphSchema({}), "t"),
    )


def parsed(text: str, intent: str, confidence: float) -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}],
        }
    )


def intent_of(gate: AccountOpeningGate, message: Message, tracker: DialogueStateTracker | None = None) -> str:
    return str(gate.process([message], tracker)[0].get("intent")["name"])


@pytest.mark.parametrize("classified", ["greet", "help", "inform", "nlu_fallback", "status_update"])
def test_an_account_read_as_a_greeting_or_an_answer_starts_a_report(gate, classified):
    assert intent_of(gate, parsed(ACCOUNT, classified, 0.9)) == "describe_suspicious"


def test_a_doubtful_ml_emergency_that_is_an_account_becomes_a_report(gate):
    assert intent_of(gate, parsed(ACCOUNT, "emergency", 0.7)) == "describe_suspicious"
    assert intent_of(gate, parsed(ACCOUNT, "emergency", 0.95)) == "emergency"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("why are there so many police outside the Saudi embassy on Curzon Street today?", "faq"),
        ("hello there, how are you doing today my friend", "greet"),
        ("someone filmed me", "inform"),
    ],
)
def test_questions_confident_answers_and_short_messages_are_kept(gate, text, intent):
    assert intent_of(gate, parsed(text, intent, 0.9)) == intent


def test_an_everyday_message_sure_enough_to_answer_never_starts_a_report(tmp_path):
    storage = LocalModelStorage(tmp_path)
    config = {**AccountOpeningGate.get_default_config(), "keep_out_of_scope": 0.45}
    gate = AccountOpeningGate.create(
        config, storage, Resource("gate"), ExecutionContext(GraphSchema({}), "t")
    )
    assert intent_of(gate, parsed(ACCOUNT, "out_of_scope", 0.5)) == "out_of_scope"
    assert intent_of(gate, parsed(ACCOUNT, "out_of_scope", 0.3)) == "describe_suspicious"


def test_inside_a_report_the_form_decides(gate):
    tracker = DialogueStateTracker.from_events("s", [ActiveLoop("report_form")])
    assert intent_of(gate, parsed(ACCOUNT, "inform", 1.0), tracker) == "inform"


def railway_answer(text: str) -> Message:
    message = parsed(text, "contact", 0.9)
    message.set("response_selector", {"contact": {"response": {"intent_response_key": "contact/railway"}}})
    return message


def test_a_sighting_told_on_a_platform_starts_a_report_and_a_question_gets_the_numbers(gate):
    told = railway_answer("a man was filming the cctv cameras on the platform at victoria for ages")
    asked = railway_answer("who do I tell about a man filming the cctv cameras on the platform at victoria?")
    assert intent_of(gate, told) == "describe_suspicious"
    assert intent_of(gate, asked) == "contact"


def test_a_question_asked_inside_the_message_is_not_an_account(gate):
    story = (
        "My nephew has a spy game with a mission at an embassy gate on a busy street. How do you "
        "sneak past the two guards filming everyone? We've tried all evening."
    )
    assert intent_of(gate, parsed(story, "nlu_fallback", 0.4)) == "nlu_fallback"
