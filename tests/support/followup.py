"""Follow-up as the served tests use it: a report sent over REST, an officer's question asked on the
dashboard over HTTP, a check on a report from one address (as the web chat forwards it), and the
follow-up rows a report has in the database."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from reading.references import FOLLOW_UP_CODE_PATTERN
from servator.http.headers import signed_address
from tests.support.dashboard import HttpClient
from tests.support.served import ServedConversation, asks, reference_in
from tests.support.stack import Stack, post_json

CHECK_TABLES = ("followup_codes", "followup_questions", "followup_chats")


def code_in(text: str) -> str | None:
    found = FOLLOW_UP_CODE_PATTERN.search(text)
    return found.group(0) if found else None


def report_over_rest(stack: Stack, what: str) -> tuple[str, str, str]:
    """A whole report by someone who chose to stay anonymous: (reference, follow-up code, the reply)."""
    conversation = ServedConversation(stack)
    for answer in (
        "/report_suspicious",
        what,
        "outside the embassy on grosvenor square",
        "about 20 minutes ago",
        "/deny",
        "skip",
        "no vehicle",
        "towards oxford street",
    ):
        turn = conversation.say(answer)
    if asks("report_category", turn.last_text):
        conversation.say('/inform{"report_category":"surveillance"}')
    assert asks("report_confirm", conversation.say("/deny").last_text), "stays anonymous"
    done = "\n".join(conversation.say("/affirm").texts)
    reference, code = reference_in(done), code_in(done)
    assert reference and code, done
    return reference, code, done


def talk_from(stack: Stack, address: str, sender: str, message: str) -> str:
    """One message as the web chat relays it for a person at `address` (its hash, signed)."""
    replies = post_json(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        {"sender": sender, "message": message},
        headers=signed_address(stack.front_end_token, f"test-address-{address}"),
    )
    return "\n".join(reply.get("text", "") for reply in replies)


def ask(officer: HttpClient, reference: str, question: str) -> str:
    """The officer asks on the report's page (its form, with its CSRF token); the page after it."""
    status, page = officer.get(f"/reports/{reference}")
    assert status == 200, page
    status, after = officer.post_form(f"/reports/{reference}/questions", {"question": question}, page)
    assert status == 200, after
    return after


def report_id(database_url: str, reference: str) -> int | None:
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            found = connection.execute(
                sa.text("SELECT id FROM reports WHERE reference = :r"), {"r": reference}
            )
            return found.scalar()
    finally:
        engine.dispose()


def followup_rows(database_url: str, report: int) -> dict[str, list[dict[str, Any]]]:
    """Each follow-up table's rows for the report with this id (the id outlives a purged report)."""
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return {
                table: [
                    dict(row)
                    for row in connection.execute(
                        sa.text(f"SELECT * FROM {table} WHERE report_id = :i ORDER BY 1"), {"i": report}
                    ).mappings()
                ]
                for table in CHECK_TABLES
            }
    finally:
        engine.dispose()
