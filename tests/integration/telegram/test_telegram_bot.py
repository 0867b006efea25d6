"""The Telegram front end end to end: the real `python -m bot` against a local Bot API stand-in.

Each bot runs as its own process, as `servator run` starts it, with TELEGRAM_API_BASE_URL pointing
at tests/support/bot_api_stub.py. The `rasa` tests talk to the real trained model and action server (the
`stack` fixture); the others give the bot a closed port for Rasa (so: Rasa unreachable).
Officer commands, notifications and webhook mode are in test_telegram_officers.py; the
configuration and button tokens in tests/unit/bot/test_config.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.bot_api_stub import TOKEN
from tests.support.images import plain_jpeg
from tests.support.linking_helpers import new_plate
from tests.support.telegram_harness import (
    OFFICER_USER,
    REFUSAL,
    SLOW_DOWN,
    UNAVAILABLE,
    UNSUPPORTED,
    BotProcess,
    closed_rasa_url,
    keyboard_data,
    new_user,
    officer_messages_about,
    running_bot,
    say,
    settle_earlier_alerts,
    sqlite_db,
    stored,
    texts,
)


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A polling bot whose Rasa is unreachable (a closed port), flood limit 5 per minute."""
    folder = tmp_path_factory.mktemp("offline-bot")
    with running_bot(
        folder,
        RASA_URL=closed_rasa_url(),
        DATABASE_URL=sqlite_db(folder),
        TELEGRAM_FLOOD_MAX_MESSAGES="5",
        TELEGRAM_FLOOD_WINDOW_SECONDS="60",
    ) as bot:
        yield bot


@pytest.fixture(scope="module")
def live(stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A polling bot in front of the real trained model and action server, sharing their database."""
    settle_earlier_alerts(stack.database_url)
    with running_bot(
        tmp_path_factory.mktemp("live-bot"), RASA_URL=stack.rasa_url, DATABASE_URL=stack.database_url
    ) as bot:
        yield bot


# --- Rasa unreachable, unsupported content, flood limit -----------------------------------------


def test_rasa_unreachable_still_gives_999_and_the_hotline(offline):
    replies = say(offline, new_user(), "there is a man filming the embassy")
    assert [r["text"] for r in replies] == [UNAVAILABLE]
    assert "999" in UNAVAILABLE and "0800 789 321" in UNAVAILABLE


@pytest.mark.parametrize("send", ["send_sticker", "send_voice"])
def test_stickers_and_voice_notes_get_the_unsupported_content_text(offline, send):
    user = new_user()
    getattr(offline.stub, send)(user)
    assert [r["text"] for r in offline.stub.replies(user, 0)] == [UNSUPPORTED]


def test_flooding_user_is_told_once_to_slow_down(offline):
    user = new_user()
    for _ in range(8):
        offline.stub.send_sticker(user)
    sent = [r["text"] for r in offline.stub.replies(user, 0, settle=1.5)]
    assert sent == [UNSUPPORTED] * 5 + [SLOW_DOWN]
    other = new_user()
    offline.stub.send_sticker(other)
    assert [r["text"] for r in offline.stub.replies(other, 0)] == [UNSUPPORTED], "the limit is per user"


# --- the real Rasa stack ----------------------------------------------------------------------


@pytest.mark.rasa
def test_faq_question_gets_its_answer(live):
    assert "gov.uk/ACT" in texts(say(live, new_user(), "can i report it online"))


@pytest.mark.rasa
def test_emergency_first_message_says_999(live):
    replies = say(live, new_user(), "theres a man with a knife outside the embassy right now")
    assert "999" in replies[0]["text"]


@pytest.mark.rasa
def test_start_greets_with_an_inline_keyboard_and_a_press_is_answered_and_relayed(live):
    user = new_user()
    replies = say(live, user, "/start")
    assert "Project Servator" in replies[0]["text"]
    assert "/report_suspicious" in keyboard_data(replies)
    before = len(live.stub.calls_to("sendMessage", user))
    query_id = live.stub.press_button(user, "/report_suspicious", message_id=7)
    relayed = texts(live.stub.replies(user, before))
    assert "What did you see" in relayed, relayed
    assert [c["callback_query_id"] for c in live.stub.calls_to("answerCallbackQuery")].count(query_id) == 1
    assert any(c.get("message_id") == 7 for c in live.stub.calls_to("editMessageReplyMarkup", user)), (
        "the pressed keyboard is retired"
    )


@pytest.mark.rasa
def test_location_and_photo_during_a_report_are_acknowledged(live):
    user = new_user()
    assert "What did you see" in texts(say(live, user, "/report"))
    assert "Where" in texts(say(live, user, "someone photographing the embassy's cctv cameras"))
    before = len(live.stub.calls_to("sendMessage", user))
    live.stub.share_location(user, 51.5113, -0.1527)
    assert "added your shared location" in texts(live.stub.replies(user, before))
    before = len(live.stub.calls_to("sendMessage", user))
    live.stub.send_photo(user, f"AgACAgQAAxkBPHOTO{user}", plain_jpeg())
    assert "attached your photo" in texts(live.stub.replies(user, before))
    assert "cancel" in texts(say(live, user, "/cancel")).lower()


@pytest.mark.rasa
def test_typed_photo_and_location_payloads_are_text(live):
    """Only the bot's own shared-photo and shared-location messages carry its token to Rasa."""
    user = new_user()
    say(live, user, "/report")
    assert "Where" in texts(say(live, user, "someone photographing the embassy's cctv cameras"))
    for typed in (
        '/share_photo{"photo":"AgACAgQAAxkBTYPED"}',
        '/share_location{"latitude":51.5,"longitude":-0.1}',
    ):
        replies = texts(say(live, user, typed))
        assert "attached your photo" not in replies and "added your shared location" not in replies, typed
    say(live, user, "/cancel")


@pytest.mark.rasa
def test_forget_deletes_the_conversation(live, stack):
    import sqlalchemy as sa

    from bot.rasa_client import telegram_sender

    user = new_user()
    say(live, user, "what is project servator")
    engine = sa.create_engine(stack.database_url, future=True)
    count = sa.text("SELECT count(*) FROM events WHERE sender_id = :s")
    try:
        with engine.connect() as connection:
            assert connection.execute(count, {"s": telegram_sender(user)}).scalar() > 0
        assert "deleted this conversation" in texts(say(live, user, "/forget"))
        with engine.connect() as connection:
            assert connection.execute(count, {"s": telegram_sender(user)}).scalar() == 0
    finally:
        engine.dispose()


@pytest.mark.rasa
def test_whole_report_gets_a_reference_and_reaches_officers_who_can_read_and_ack_it(live, stack):
    user = new_user()
    description = "a man was filming our gate for an hour"
    assert "Where" in texts(say(live, user, description))
    before = len(live.stub.calls_to("sendMessage", user))
    live.stub.share_location(user, 51.5113, -0.1527)
    assert "When" in texts(live.stub.replies(user, before))
    assert "still happening" in texts(say(live, user, "about 20 minutes ago"))
    before = len(live.stub.calls_to("sendMessage", user))
    live.stub.send_photo(user, "AgACAgQAAxkBWHOLE", plain_jpeg())
    assert "attached your photo" in texts(live.stub.replies(user, before))
    assert "describe the people" in texts(say(live, user, "/deny"))
    assert "vehicle" in texts(say(live, user, "tall man, grey hoodie, kept looking at the cameras"))
    # A plate no other report in the shared database has: linking it to them would add a pattern alert.
    plate = new_plate()
    assert "Which way" in texts(say(live, user, f"silver ford focus {plate}"))
    assert "contact you" in texts(say(live, user, "towards oxford street"))
    assert "Here is your report" in texts(say(live, user, "/deny"))
    done = texts(say(live, user, "/affirm"))
    assert "reference is SRV-" in done, done
    reference = done.split("reference is ")[1].split(".")[0]

    report = stored(stack.database_url, reference)
    assert len(report["attachments"]) == 1 and report["latitude"] == pytest.approx(51.5113)
    assert "AgACAgQAAxkBWHOLE" not in report["attachments"], "the cleaned copy's id, not Telegram's"
    [notice] = live.stub.wait_for(
        lambda: officer_messages_about(live, reference), 45, "the officer notification"
    )
    assert reference in notice and "Category:" in notice
    assert description not in notice and plate not in notice, "details only through /report REF"

    stranger_view = say(live, user, f"/report {reference}")
    assert (
        len(stranger_view) == 1
        and REFUSAL in stranger_view[0]["text"]
        and description not in texts(stranger_view)
    )
    assert reference in texts(say(live, OFFICER_USER, "/reports"))
    assert description in texts(say(live, OFFICER_USER, f"/report {reference}"))
    say(live, OFFICER_USER, f"/ack {reference}")
    assert stored(stack.database_url, reference)["status"] == "reviewed"
    log = live.log()
    assert description not in log and str(user) not in log and plate not in log and TOKEN not in log
