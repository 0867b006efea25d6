"""Report actions on tracker fixtures: starting a report, changes, the summary, submission and its outcomes."""

from __future__ import annotations

import asyncio
import threading

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import report_actions
from actions.report_validation import ValidateReportForm
from servator.storage import SubmitResult
from tests.support.form_trackers import change_field, responses, tracker


@pytest.fixture
def form():
    return ValidateReportForm()


@pytest.mark.parametrize(
    "unclear,shown",
    [
        (0, ["utter_report_summary"]),
        (1, ["utter_invalid_confirm", "utter_report_summary"]),
        (2, ["utter_report_not_sent_yet"]),
    ],
)
async def test_the_summary_is_shown_at_most_twice_for_unclear_answers(unclear, shown):
    d = CollectingDispatcher()
    details = {"retries": {"report_confirm": unclear}}
    await report_actions.ActionAskReportConfirm().run(d, tracker({"report_details": details}), {})
    assert responses(d) == shown


async def test_change_the_location_clears_only_that_field():
    d = CollectingDispatcher()
    events = await report_actions.ActionChangeReportField().run(
        d, tracker({"requested_slot": "report_confirm"}, "change the location", "change_field"), {}
    )
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert cleared == {"report_location", "report_confirm"} and d.messages == []


async def test_change_from_a_button_names_the_field():
    entities = [{"entity": "report_field", "value": "report_contact_consent"}]
    events = await report_actions.ActionChangeReportField().run(
        CollectingDispatcher(),
        tracker({"requested_slot": "report_confirm"}, "/change_field", "change_field", entities),
        {},
    )
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert cleared == {"report_contact_consent", "report_contact", "report_confirm"}


async def test_change_without_a_field_lists_the_fields():
    at_summary = await report_actions.ActionChangeReportField().run(
        CollectingDispatcher(),
        tracker({"requested_slot": "report_confirm"}, "/change_field", "change_field"),
        {},
    )
    assert at_summary[-1]["value"]["pick_field"] is True
    d = CollectingDispatcher()
    await report_actions.ActionChangeReportField().run(
        d, tracker({"requested_slot": "report_when"}, "go back", "change_field"), {}
    )
    assert responses(d) == ["utter_ask_which_field"]


async def test_starting_a_report_clears_the_last_one_and_names_btp_for_the_railway():
    d = CollectingDispatcher()
    events = await report_actions.ActionStartReport().run(
        d,
        tracker(
            {"report_location": "old"}, "How do I report something I saw on a train?", "report_suspicious"
        ),
        {},
    )
    assert responses(d) == ["utter_report_start", "utter_railway_also"]
    assert {"event": "slot", "name": "report_railway", "value": True, "timestamp": None} in events
    kept = await report_actions.ActionStartReport().run(
        CollectingDispatcher(), tracker(text="someone filmed our gate", intent="describe_suspicious"), {}
    )
    assert "report_description" not in {e["name"] for e in kept}


async def test_a_report_started_by_an_account_keeps_everything_it_said():
    account = (
        "I want to report a man in a grey hoodie who was filming the gates of the Saudi embassy on Curzon "
        "Street about 20 minutes ago, he drove off in a black BMW towards Park Lane"
    )
    events = await report_actions.ActionStartReport().run(
        CollectingDispatcher(), tracker({"report_location": "old"}, account, "report_suspicious"), {}
    )
    set_to = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert set_to["report_description"] == account  # a report_suspicious opening that tells it all
    assert set_to["report_location"] == "the gates of the Saudi embassy on Curzon Street"
    assert set_to["report_direction"] == "towards Park Lane" and set_to["report_vehicle"] == "a black BMW"
    plain = await report_actions.ActionStartReport().run(
        CollectingDispatcher(),
        tracker({"report_location": "old"}, "I want to report something", "report_suspicious"),
        {},
    )
    plain_set = {e["name"]: e["value"] for e in plain if e["event"] == "slot"}
    assert set(plain_set.pop("report_details")) == {"draft_id"}, "a new report gets only its draft id"
    assert plain_set == {"report_location": None}


async def test_summary_shows_every_answer():
    slots = {
        "report_description": "filming the gate",
        "report_location": "belgrave square",
        "report_when": "now",
        "report_ongoing": "no",
        "report_people": "not given",
        "report_vehicle": "AB12 CDE",
        "report_direction": "north",
        "report_category": "surveillance",
        "report_contact_consent": "no",
    }
    d = CollectingDispatcher()
    await report_actions.ActionAskReportConfirm().run(d, tracker(slots), {})
    message = d.messages[0]
    assert message["response"] == "utter_report_summary"
    assert message["description"] == "filming the gate" and message["contact"] == "anonymous"
    assert message["category"] == "Filming, photographing or watching"


@pytest.mark.parametrize(
    "when_iso,shown",
    [
        # The resolved moment is shown in London time, GMT in winter and BST in summer, never UTC.
        ("2026-11-25T16:00:00+00:00", "about 4pm (Wed 25 Nov 2026, 16:00 GMT)"),
        ("2026-07-01T14:00:00+00:00", "about 4pm (Wed 01 Jul 2026, 15:00 BST)"),
        (None, "about 4pm"),
        ("not a time", "about 4pm"),
    ],
)
async def test_summary_shows_the_time_read_in_london_time(when_iso, shown):
    slots = {"report_when": "about 4pm", "report_details": {"when_iso": when_iso}}
    d = CollectingDispatcher()
    await report_actions.ActionAskReportConfirm().run(d, tracker(slots), {})
    assert d.messages[0]["when"] == shown


@pytest.mark.parametrize(
    "vehicle,registration,shown",
    [
        # The plate read from the account is stored apart from the words: the summary shows it.
        ("a silver prius", "KT68 XRV", "a silver prius (KT68 XRV)"),
        ("silver prius KT68XRV", "KT68 XRV", "silver prius KT68XRV"),
        (None, "KT68 XRV", "KT68 XRV"),
        ("a silver prius", None, "a silver prius"),
    ],
)
async def test_summary_shows_the_registration_that_will_be_stored(vehicle, registration, shown):
    slots = {"report_vehicle": vehicle, "report_details": {"registration": registration}}
    d = CollectingDispatcher()
    await report_actions.ActionAskReportConfirm().run(d, tracker(slots), {})
    assert d.messages[0]["vehicle"] == shown


class _FakeStore:
    def __init__(self, stored: bool, refused: bool = False) -> None:
        self.stored = stored
        self.refused = refused
        self.calls: list[str] = []

    def submit(self, tracker, submission_key, guidance):
        self.calls.append(guidance)
        return SubmitResult(
            stored=self.stored,
            queued=not self.stored and not self.refused,
            reference="SRV-20261124-ABCDEF" if self.stored else None,
            refused=self.refused,
            follow_up_code="7K3M-Q9XD-2WJP-H4TB" if self.stored else None,
        )


@pytest.mark.parametrize(
    "stored,refused,response",
    [
        (True, False, "utter_report_submitted"),
        (False, False, "utter_report_not_saved"),
        (False, True, "utter_report_limit_reached"),
    ],
)
async def test_submission_confirms_only_what_was_stored(monkeypatch, stored, refused, response):
    store = _FakeStore(stored, refused)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    events = await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "no"}), {}
    )
    assert responses(d) == [response]
    if stored:  # the reference and the follow-up code in one reply
        assert d.messages[0]["reference"] == "SRV-20261124-ABCDEF"
        assert d.messages[0]["follow_up_code"] == "7K3M-Q9XD-2WJP-H4TB"
    assert store.calls == ["hotline"]
    restart = next(i for i, e in enumerate(events) if e["event"] == "restart")
    assert all(e["value"] is None for e in events[:restart]), "slots are cleared for the next report"
    kept = [(e["name"], e["value"]) for e in events[restart + 1 :]]
    # Only the reference outlives the restart (the tracker store keeps it alone), and only when stored.
    assert kept == ([("last_reference", "SRV-20261124-ABCDEF")] if stored else []), kept


async def test_submission_with_danger_gives_999_guidance(monkeypatch):
    store = _FakeStore(True)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "yes"}), {}
    )
    assert responses(d) == ["utter_report_submitted_danger"] and store.calls == ["999,hotline"]
    assert d.messages[0]["reference"] == "SRV-20261124-ABCDEF"


class _SlowStore(_FakeStore):
    """Storage that blocks, as a database at its statement timeout does, until another turn has run
    (10 s at most: were the call on the event loop, no other turn could run meanwhile)."""

    def __init__(self, stored: bool) -> None:
        super().__init__(stored)
        self.other_turn_ran = threading.Event()
        self.other_turn_ran_meanwhile = False

    def submit(self, tracker, submission_key, guidance):
        self.other_turn_ran_meanwhile = self.other_turn_ran.wait(timeout=10)
        return super().submit(tracker, submission_key, guidance)


async def test_submission_blocks_no_other_turn_while_storage_is_slow(monkeypatch):
    store = _SlowStore(True)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)

    async def other_turns() -> None:
        while True:
            await asyncio.sleep(0.01)
            store.other_turn_ran.set()

    ticker = asyncio.create_task(other_turns())
    d = CollectingDispatcher()
    await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "no"}), {}
    )
    ticker.cancel()
    assert responses(d) == ["utter_report_submitted"]
    assert store.other_turn_ran_meanwhile, "the event loop was blocked during the storage call"


async def test_submission_of_a_railway_report_records_the_railway_guidance(monkeypatch):
    store = _FakeStore(True)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    slots = {"report_confirm": "confirmed", "report_ongoing": "no", "report_railway": True}
    await report_actions.ActionSubmitReport().run(d, tracker(slots), {})
    assert responses(d) == ["utter_report_submitted"] and store.calls == ["hotline,railway"]


async def test_send_it_to_a_field_reasked_from_the_summary_keeps_its_answer(form):
    cleared, _ = await change_field("the vehicle", {"report_vehicle": "a red van"})
    assert cleared["report_vehicle"] is None
    # The form took "yes send it" as the vehicle's answer; validation keeps the old answer instead.
    reasked = {**cleared, "requested_slot": "report_vehicle", "report_vehicle": "yes send it"}
    events = await form.get_validation_events(CollectingDispatcher(), tracker(reasked, "yes send it"), {})
    assert [(e["name"], e["value"]) for e in events][0] == ("report_vehicle", "a red van")
    # A real answer to the re-asked question is validated as usual.
    answered = {**cleared, "requested_slot": "report_vehicle", "report_vehicle": "a blue van"}
    assert form._kept_on_send(tracker(answered, "a blue van")) is None


class _KeyStore(_FakeStore):
    def __init__(self) -> None:
        super().__init__(True)
        self.keys: list[str] = []

    def submit(self, tracker, submission_key, guidance):
        self.keys.append(submission_key)
        return super().submit(tracker, submission_key, guidance)


async def test_a_retried_submission_keeps_its_key_in_a_new_session(monkeypatch):
    """A submission that failed mid-turn is sent again on the next yes; if a new session started in
    between (its events no longer hold the form's start), the key, and so the stored report, is the same."""
    store = _KeyStore()
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    started = await report_actions.ActionStartReport().run(
        CollectingDispatcher(), tracker(text="i want to report something", intent="report_suspicious"), {}
    )
    [details] = [e["value"] for e in started if e.get("name") == "report_details"]
    slots = {"report_confirm": "confirmed", "report_ongoing": "no", "report_details": details}
    loop_start = [{"event": "active_loop", "name": "report_form", "timestamp": 1000.0}]
    for events in (loop_start, []):  # the form's own session, then a new one without its events
        await report_actions.ActionSubmitReport().run(
            CollectingDispatcher(), tracker(slots, events=events), {}
        )
    another = await report_actions.ActionStartReport().run(
        CollectingDispatcher(), tracker(text="i want to report something", intent="report_suspicious"), {}
    )
    [other] = [e["value"] for e in another if e.get("name") == "report_details"]
    await report_actions.ActionSubmitReport().run(
        CollectingDispatcher(), tracker({**slots, "report_details": other}, events=loop_start), {}
    )
    assert store.keys[0] == store.keys[1] != store.keys[2], "same report, same key; another report, another"
