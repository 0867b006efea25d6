"""Linked reports in Telegram: ONE minimised alert when three reports form a pattern, and /links for
officers in a private chat only (audited), against the Bot API stand-in."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from bot.rasa_client import telegram_sender
from servator.linking import LinkSettings, link_report
from servator.storage import make_session_factory, store_draft
from tests.support.linking_helpers import days
from tests.support.stack import TEST_OFFICER_CHAT_ID
from tests.support.storage_helpers import full_draft
from tests.support.telegram_harness import (
    OFFICER_CHAT,
    OFFICER_USER,
    REFUSAL,
    BotProcess,
    audit_rows,
    closed_rasa_url,
    new_user,
    running_bot,
    say,
    sqlite_db,
    texts,
)

PLACES = ("outside the Russian embassy", "the US embassy in Nine Elms", "Israeli embassy")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BotProcess, list[str]]]:
    """A bot with its own database holding three reports of one car, linked as the action server links."""
    folder = tmp_path_factory.mktemp("links-bot")
    url = sqlite_db(folder)
    sessions = make_session_factory(url)
    settings = LinkSettings(officer_chat_ids=(TEST_OFFICER_CHAT_ID,))
    references = []
    for day, place in enumerate(PLACES):
        reference, _ = store_draft(
            full_draft(
                f"links-{uuid.uuid4().hex}",
                location_text=place,
                location_landmark=None,
                latitude=None,
                longitude=None,
                location_postcode=None,
                occurred_at=days(day * 2),
            ),
            sessions,
            [TEST_OFFICER_CHAT_ID],
        )
        with sessions() as session:
            link_report(session, reference, settings)
            session.commit()
        references.append(reference)
    with running_bot(folder, RASA_URL=closed_rasa_url(), DATABASE_URL=url) as bot:
        yield bot, references


def alerts(bot: BotProcess) -> list[str]:
    return [
        c["text"]
        for c in bot.stub.calls_to("sendMessage", OFFICER_CHAT)
        if c["text"].startswith("Linked reports")
    ]


def test_three_linked_reports_reach_officers_as_one_minimised_alert(linked):
    bot, references = linked
    [alert] = bot.stub.wait_for(lambda: alerts(bot), 30, "the cluster alert")
    bot.stub.wait_for(
        lambda: len([c for c in bot.stub.calls_to("sendMessage", OFFICER_CHAT)]) >= 4, 30, "all sent"
    )
    assert alert.startswith("Linked reports: 3 reports form a pattern (LNK-")
    assert all(reference in alert for reference in references)
    assert "Why: same vehicle: 3 reports in 5 days, 3 places" in alert
    assert "Where: Embassy of Russia; Embassy of the United States; Embassy of Israel" in alert
    assert "Categories: surveillance (3)" in alert and "Still happening: 3 of 3" in alert
    assert f"Details: /links {references[-1]} in a private chat with this bot" in alert
    for detail in ("AB12", "ford", "filming", "grey coat", "07700900123", "Oxford Street"):
        assert detail.lower() not in alert.lower(), detail
    assert len(alerts(bot)) == 1, "one alert for the pattern, not one per report"


def test_officers_get_the_links_with_reasons_in_a_private_chat_and_it_is_audited(linked):
    bot, (first, second, third) = linked
    reply = texts(say(bot, OFFICER_USER, f"/links {second.lower()}"))
    assert reply.startswith(f"Reports linked to {second}:")
    assert f"{first} | vehicle | 0.75 | Same vehicle AB12CDE in both reports, 2 days apart." in reply
    assert f"{third} | vehicle | 0.75 |" in reply
    assert (
        "Cluster LNK-" in reply
        and f"same vehicle AB12CDE: {first}, {second}, {third} (3 reports in 5 days" in reply
    )
    officer = f"telegram:{telegram_sender(OFFICER_USER)}"
    assert {
        "actor": officer,
        "action": "telegram_links",
        "reference": second,
        "detail": "count=2",
    } in audit_rows(bot)
    assert "No report" in texts(say(bot, OFFICER_USER, "/links SRV-20990101-ZZZZZZ"))
    assert "Usage: /links" in texts(say(bot, OFFICER_USER, "/links"))


def test_links_in_a_group_chat_or_from_a_stranger_shows_nothing(linked):
    bot, (first, *_rest) = linked
    group = texts(say(bot, OFFICER_USER, f"/links {first}", chat=OFFICER_CHAT))
    assert "only in a private chat" in group and "vehicle" not in group and "SRV-" not in group
    stranger = new_user()
    refused = texts(say(bot, stranger, f"/links {first}"))
    assert REFUSAL in refused and "vehicle" not in refused
    actions = [(row["action"], row["detail"]) for row in audit_rows(bot)]
    assert ("telegram_refused", "command=/links chat=group") in actions
    assert ("telegram_refused", "command=/links") in actions
