"""Report limits, served: one sender's fourth report within the hour is refused where every report
is stored (so on every channel: the web chat, Telegram and the REST channel all end in the same
action), the person is told nothing was taken, and officers got one alert for the three stored."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from servator.config.responses import render
from servator.config.settings import sender_hash
from tests.support.served import walk_to_summary

pytestmark = pytest.mark.rasa

ANSWERS = {
    "report_location": "outside the embassy on grosvenor square W1K 6AH",
    "report_when": "about 20 minutes ago",
    "report_ongoing": "/deny",
    "report_people": "skip",
    "report_vehicle": "no vehicle",
    "report_direction": "skip",
    "report_contact_consent": "/deny",
}


def report_once(stack, user: str, description: str) -> str:
    def say(message: str) -> str:
        return "\n".join(reply.get("text") or "" for reply in stack.talk(user, message))

    summary, _asked = walk_to_summary(say, say(description), ANSWERS)
    assert "Here is your report" in summary
    return say("/affirm")


def test_a_fourth_report_within_the_hour_is_refused_and_nothing_is_stored(stack):
    user = f"flood-{uuid.uuid4().hex[:12]}"
    answers = [
        report_once(stack, user, f"a man was filming our gate for an hour, time {i}") for i in range(4)
    ]
    assert all("reference is SRV-" in answer for answer in answers[:3]), answers[:3]
    refusal = render("utter_report_limit_reached")["text"]
    assert answers[3].startswith("If anyone is in danger, call 999") and refusal in answers[3]
    assert "SRV-" not in answers[3] and "saved" not in answers[3], "it never says the report was kept"
    engine = sa.create_engine(stack.database_url, future=True)
    with engine.connect() as connection:
        stored = connection.execute(
            sa.text(
                "SELECT r.description, COUNT(n.id) FROM reports r "
                # Its own alerts: a pattern with other tests' reports alerts as a cluster.
                "LEFT JOIN report_notifications n ON n.report_id = r.id AND n.kind = 'report' "
                "WHERE r.sender_hash = :s GROUP BY r.id, r.description ORDER BY r.id"
            ),
            {"s": sender_hash(user)},
        ).all()
    engine.dispose()
    assert [description[-6:] for description, _ in stored] == ["time 0", "time 1", "time 2"]
    assert [alerts for _, alerts in stored] == [1, 0, 0], "one alert for the sender's flood"
