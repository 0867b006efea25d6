"""The bot's door to report storage: what officers' commands read and change, each look audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.officer_store import OfficerStore
from servator.storage import SqlUnitOfWork, store_draft
from tests.support.storage_helpers import full_draft, sqlite_url

CHAT = "-100777"


@pytest.fixture
def store(tmp_path: Path) -> OfficerStore:
    return OfficerStore(sqlite_url(tmp_path))


def actions(store: OfficerStore, reference: str) -> list[str]:
    with SqlUnitOfWork(store.sessions()) as uow:
        return [entry.action for entry in uow.audit.entries(reference)]


def test_viewing_and_acknowledging_a_report_are_audited(store):
    reference, _ = store_draft(full_draft(), store.sessions())
    assert [r["reference"] for r in store.latest_new(10)] == [reference]
    viewed = store.view("officer:1", reference)
    assert viewed is not None and viewed["description"] == "a man filming the embassy gate"
    assert store.acknowledge("officer:1", reference)
    assert store.latest_new(10) == [], "a reviewed report is no longer new"
    assert store.report(reference)["status"] == "reviewed"  # type: ignore[index]
    assert {"telegram_view", "telegram_ack"} <= set(actions(store, reference))


def test_an_unknown_reference_is_none_and_nothing_is_audited(store):
    unknown = "SRV-20260101-AAAAAA"
    assert store.view("officer:1", unknown) is None
    assert not store.acknowledge("officer:1", unknown)
    assert store.links("officer:1", unknown) is None
    assert actions(store, unknown) == []


def test_an_alert_is_pending_until_sent_and_a_failure_keeps_it(store):
    reference, _ = store_draft(full_draft(), store.sessions(), [CHAT])
    [pending] = store.pending(10)
    assert (pending.reference, pending.chat_id) == (reference, CHAT)
    store.mark_failed(pending.id, "NetworkError")
    [again] = store.pending(10)
    assert again.id == pending.id and again.attempts == 1
    store.mark_sent(pending.id)
    assert store.pending(10) == []


def test_an_urgent_report_nobody_acknowledged_is_alerted_again(store):
    store_draft(full_draft(still_happening=True), store.sessions(), [CHAT])
    [first] = store.pending(10)
    store.mark_sent(first.id)
    assert store.schedule_realerts(after_seconds=0, max_realerts=2) == 1
    [realert] = store.pending(10)
    assert realert.realert == 1
