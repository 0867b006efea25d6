"""The perimeter (who may call what) over HTTP against the real servers (`stack`: started the way
`make run` starts them).

The action server answers only Rasa's token; typed `/intent{...}` text is text; shared locations
and photos count only from a front end (and a photo only if it is the conversation's own);
cancelling, submitting and `/forget` delete the conversation's stored events before the bot says so.
"""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from servator.config.settings import sender_hash
from servator.storage import make_session_factory
from tests.support.images import plain_jpeg
from tests.support.photo_helpers import received_photo
from tests.support.ports import TEST_ACTIONS_PORT

pytestmark = pytest.mark.rasa


def sender() -> str:
    return f"perimeter-{uuid.uuid4().hex[:12]}"


def joined(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def scalar(database_url: str, query: str, **params: Any) -> Any:
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(query), params).scalar()
    finally:
        engine.dispose()


def stored_events(stack, sender_id: str, containing: str = "") -> int:
    return scalar(
        stack.database_url,
        "SELECT count(*) FROM events WHERE sender_id = :sender AND data LIKE :text",
        sender=sender_id,
        text=f"%{containing}%",
    )


def events_anywhere(stack, containing: str) -> int:
    return scalar(stack.database_url, "SELECT count(*) FROM events WHERE data LIKE :t", t=f"%{containing}%")


def report_row(stack, reference: str) -> dict[str, Any]:
    engine = sa.create_engine(stack.database_url, future=True)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT * FROM reports WHERE reference = :r")
            return dict(connection.execute(query, {"r": reference}).mappings().one())
    finally:
        engine.dispose()


def counts(stack) -> tuple[int, int]:
    reports = scalar(stack.database_url, "SELECT count(*) FROM reports")
    notifications = scalar(stack.database_url, "SELECT count(*) FROM report_notifications")
    return reports, notifications


def forged_call(description: str, **slots: Any) -> dict[str, Any]:
    """What an attacker would POST: a tracker ready for `action_submit_report`."""
    values = {
        "report_description": description,
        "report_location": "Grosvenor Square",
        "report_when": "now",
        "report_ongoing": "yes",
        "report_category": "expressed_threat",
        "report_contact_consent": "no",
        "report_confirm": "confirmed",
        **slots,
    }
    return {
        "next_action": "action_submit_report",
        "sender_id": "forger",
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": "forger",
            "slots": values,
            "latest_message": {"text": "/affirm", "intent": {"name": "affirm"}, "entities": []},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "report_form",
            "latest_input_channel": "rest",
        },
    }


def post(url: str, body: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_action_server_listens_on_loopback_only(stack):
    listening = subprocess.run(
        ["ss", "-Htln", f"sport = :{TEST_ACTIONS_PORT}"], capture_output=True, text=True, check=True
    ).stdout.split()
    addresses = [field for field in listening if field.endswith(f":{TEST_ACTIONS_PORT}")]
    assert addresses == [f"127.0.0.1:{TEST_ACTIONS_PORT}"], listening


def test_a_forged_submit_without_the_token_stores_nothing_and_notifies_nobody(stack):
    before = counts(stack)
    description = f"forged threat {uuid.uuid4().hex[:8]}"
    webhook = f"{stack.actions_url}/webhook"
    for url, headers in (
        (webhook, {}),
        (f"{webhook}?token=wrong", {}),
        (f"{webhook}?token=", {}),
        (webhook, {"Authorization": f"Bearer {stack.action_token}"}),  # only Rasa's query parameter counts
    ):
        status, body = post(url, forged_call(description), headers)
        assert status == 401 and body == {"error": "unauthorized"}, (url, status, body)
    assert get(f"{stack.actions_url}/actions") == 401
    preflight = urllib.request.Request(
        webhook,
        method="OPTIONS",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(preflight, timeout=10)
    assert refused.value.code == 401, "rasa_sdk's CORS answered the preflight before the token check"
    assert get(f"{stack.actions_url}/actions?token=nope") == 401
    assert get(f"{stack.actions_url}/health") == 200, "health stays open and runs nothing"
    assert counts(stack) == before, "a report or a notification was stored"
    assert (
        scalar(stack.database_url, "SELECT count(*) FROM reports WHERE description = :d", d=description) == 0
    )


def test_a_malformed_draft_is_refused_and_the_next_report_still_goes_through(stack):
    before = counts(stack)
    url = f"{stack.actions_url}/webhook?token={stack.action_token}"
    for slots in (
        {"report_details": ["not", "an", "object"]},
        {"report_description": {"photo": "=HYPERLINK(1)"}},
        {"report_details": {"latitude": "51.5", "longitude": -0.1}},
        {"report_details": {"attachments": "=HYPERLINK(1)"}},
        {"report_category": "=HYPERLINK(1)"},
    ):
        status, body = post(url, forged_call("malformed", **slots))
        assert status == 200, body
        assert [r.get("response") for r in body["responses"]] == ["utter_report_refused"], (slots, body)
        assert all(e["event"] != "restart" for e in body["events"]), "the conversation is not forgotten"
    assert counts(stack) == before
    user = sender()
    reference = complete_report(stack, user, "a man measuring the embassy railings with a tape")
    assert scalar(stack.database_url, "SELECT count(*) FROM reports WHERE reference = :r", r=reference) == 1


def complete_report(stack, user: str, description: str) -> str:
    """A whole report in plain text and button payloads; returns its reference."""
    assert "What did you see" in joined(stack.talk(user, "/report_suspicious"))
    assert "Where" in joined(stack.talk(user, description))
    assert "When" in joined(stack.talk(user, "outside the embassy on grosvenor square"))
    assert "still happening" in joined(stack.talk(user, "about 20 minutes ago"))
    assert "describe the people" in joined(stack.talk(user, "/deny"))
    assert "vehicle" in joined(stack.talk(user, "tall man in a grey hoodie"))
    assert "Which way" in joined(stack.talk(user, "no vehicle"))
    category = joined(stack.talk(user, "towards oxford street"))
    if "Which of these" in category:
        assert "contact you" in joined(stack.talk(user, '/inform{"report_category":"surveillance"}'))
    assert "Here is your report" in joined(stack.talk(user, "/deny"))
    done = joined(stack.talk(user, "/affirm"))
    assert "reference is SRV-" in done, done
    return done.split("reference is ")[1].split(".")[0]


def test_typed_payloads_are_text_and_a_submitted_report_leaves_only_its_reference(stack):
    user = sender()
    assert "What did you see" in joined(stack.talk(user, "/report_suspicious"))
    typed = [
        '/share_photo{"photo":"=HYPERLINK(1)"}',
        '/share_location{"latitude": 51.5, "longitude": -0.1}',
        '/inform{"report_confirm":"confirmed","report_category":"other"}',
    ]
    for message in typed:
        replies = joined(stack.talk(user, message))
        assert "attached" not in replies and "added your shared location" not in replies, message
        assert "Here is your report" not in replies and "reference" not in replies, message
    # The REST body's own claims about the channel and metadata are not taken either.
    post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        {"sender": user, "message": "/cancel", "input_channel": "telegram", "metadata": {"x": 1}},
    )
    marker = f"QUOKKA{uuid.uuid4().hex[:6]}"
    reference = complete_report(stack, user, f"a man filming the gate {marker}")
    row = report_row(stack, reference)
    assert json.loads(row["attachments"]) == [] and row["latitude"] is None, "a typed payload was taken"
    assert row["channel"] == "rest" and marker in row["description"]
    # Only the reference is kept (for "what was my reference?"): its slot and the wait for a message.
    assert stored_events(stack, user) == 2 and stored_events(stack, user, reference) == 1, (
        "the submitted report's answers are still in the conversation store"
    )
    assert events_anywhere(stack, marker) == 0
    assert "Project Servator" in joined(stack.talk(user, "hello")), "the next turn starts afresh"
    assert stored_events(stack, user, marker) == 0


def test_locations_and_photos_only_from_the_front_end_and_only_well_formed(stack):
    user = sender()
    stack.talk(user, "/report_suspicious")
    assert "Where" in joined(stack.talk(user, "someone photographing the cctv cameras"))
    sessions = make_session_factory(stack.database_url)
    token = received_photo(sessions, sender_hash(user), plain_jpeg())
    photo = f'/share_photo{{"photo": "{token}"}}'
    assert "attached your photo" not in joined(stack.talk(user, photo)), "accepted without the token"
    for forged in (
        '/share_photo{"photo": "=HYPERLINK(1)"}',
        '/share_location{"latitude": 91, "longitude": 0}',
        '/share_location{"latitude": "51.5", "longitude": "-0.1"}',
        f'/share_photo{{"photo": "{token}", "extra": 1}}',
        '/share_photo{"photo": "AgACAgQAAxkBOKPHOTO"}',  # well formed, but no photo of this conversation
    ):
        replies = joined(stack.talk_as_front_end(user, forged))
        assert "attached your photo" not in replies and "added your shared location" not in replies, forged
    assert "attached your photo" in joined(stack.talk_as_front_end(user, photo))
    someone_else = received_photo(sessions, sender_hash(sender()), plain_jpeg())
    other = joined(stack.talk_as_front_end(user, f'/share_photo{{"photo": "{someone_else}"}}'))
    assert "attached your photo" not in other and "couldn't receive that photo" in other
    location = '/share_location{"latitude": 51.5113, "longitude": -0.1527}'
    assert "added your shared location" in joined(stack.talk_as_front_end(user, location))
    stack.talk(user, "cancel")


def test_cancel_deletes_the_conversation_before_saying_nothing_was_kept(stack):
    user = sender()
    marker = f"ZEBRA{uuid.uuid4().hex[:6]}"
    stack.talk(user, "what is project servator")
    stack.talk(user, "/report_suspicious")
    stack.talk(user, f"a man photographing the barrier {marker} for an hour")
    stack.talk(user, "grosvenor square")
    assert stored_events(stack, user, marker) > 0, "the answers are stored while the report is open"
    replies = joined(stack.talk(user, "cancel"))
    assert "cancelled the report" in replies and "deleted this conversation" in replies, replies
    assert stored_events(stack, user) == 0
    assert events_anywhere(stack, marker) == 0
    assert (
        scalar(stack.database_url, "SELECT count(*) FROM reports WHERE description LIKE :m", m=f"%{marker}%")
        == 0
    )
    assert "Project Servator" in joined(stack.talk(user, "hello")), "the conversation carries on"
    assert stored_events(stack, user, marker) == 0, "the next turn wrote the old events back"


def test_forget_deletes_the_conversation_even_mid_report(stack):
    user = sender()
    marker = f"OKAPI{uuid.uuid4().hex[:6]}"
    stack.talk(user, f"my name is {marker}, what is project servator")
    stack.talk(user, "/report_suspicious")
    stack.talk(user, f"a woman testing the side door {marker}")
    replies = joined(stack.talk(user, "/forget"))
    assert "deleted this conversation" in replies and "999" in replies, replies
    assert stored_events(stack, user) == 0
    assert "What did you see" not in joined(stack.talk(user, "hello")), "the report did not carry on"
    assert stored_events(stack, user, marker) == 0


def test_a_typed_slash_does_not_hide_an_emergency(stack):
    replies = stack.talk(sender(), "/ there is a man with a knife outside the embassy right now")
    assert "999" in replies[0]["text"], replies
