"""While a check on a report is under way, every message is `check_report`; otherwise nothing changes."""

from __future__ import annotations

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.followup_gate import FollowUpGate


def gate(tmp_path) -> FollowUpGate:
    return FollowUpGate.create(
        {}, LocalModelStorage(tmp_path), Resource("gate"), ExecutionContext(GraphSchema({}), "t")
    )


def message(intent: str, confidence: float = 0.8) -> Message:
    return Message(data={"text": "a man with a camera", "intent": {"name": intent, "confidence": confidence}})


def tracker(stage: str | None) -> DialogueStateTracker:
    domain = Domain.from_yaml(
        "version: '3.1'\nslots:\n  followup_details:\n    type: any\n    mappings:\n    - type: custom\n"
    )
    found = DialogueStateTracker.from_events("s", [], domain.slots)
    if stage is not None:
        found.update(SlotSet("followup_details", {"stage": stage}))
    return found


def test_a_message_during_a_check_is_part_of_it(tmp_path):
    [out] = gate(tmp_path).process([message("describe_suspicious")], tracker("answer"))
    assert out.get("intent")["name"] == "check_report"


def test_outside_a_check_the_classifier_decides(tmp_path):
    [out] = gate(tmp_path).process([message("describe_suspicious")], tracker(None))
    assert out.get("intent")["name"] == "describe_suspicious"


def test_a_sure_emergency_stays_one(tmp_path):
    [out] = gate(tmp_path).process([message("emergency", 0.97)], tracker("credentials"))
    assert out.get("intent")["name"] == "emergency"


def test_a_pasted_reference_and_code_start_a_check(tmp_path):
    pasted = Message(
        data={
            "text": "SRV-20261114-KP7R2Q 3HXT-9WQD-M2LC-7BNA",
            "intent": {"name": "nlu_fallback", "confidence": 0.3},
        }
    )
    [out] = gate(tmp_path).process([pasted], tracker(None))
    assert out.get("intent")["name"] == "check_report"


def test_a_reference_alone_is_left_to_the_classifier(tmp_path):
    alone = Message(
        data={
            "text": "my reference is SRV-20261114-KP7R2Q",
            "intent": {"name": "ask_reference", "confidence": 0.6},
        }
    )
    [out] = gate(tmp_path).process([alone], tracker(None))
    assert out.get("intent")["name"] == "ask_reference"
