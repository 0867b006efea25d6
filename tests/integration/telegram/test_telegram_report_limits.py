"""Report limits on Telegram, served: the real bot in front of the real model and action server. One
Telegram user's fourth report within the hour is refused and not stored, and officers are alerted
once for the three that were, however the linked-report rules see them."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from servator.config.responses import render
from tests.support.stack import TEST_OFFICER_CHAT_ID
from tests.support.telegram_harness import (
    BotProcess,
    new_user,
    officer_messages_about,
    running_bot,
    say,
    settle_earlier_alerts,
    texts,
)
from tools.soak.users import REPORT_STEPS

pytestmark = pytest.mark.rasa
REFERENCE = re.compile(r"SRV-[0-9]{8}-[0-9A-Z]{6}")

# The answers after the description, up to the summary, as the soak's reporters give them.
STEPS = REPORT_STEPS[1:-1]


@pytest.fixture(scope="module")
def live(stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A polling bot in front of the real stack, its message flood limit out of the way."""
    settle_earlier_alerts(stack.database_url)
    with running_bot(
        tmp_path_factory.mktemp("limits-bot"),
        RASA_URL=stack.rasa_url,
        DATABASE_URL=stack.database_url,
        TELEGRAM_FLOOD_MAX_MESSAGES="200",
    ) as bot:
        yield bot


def report(bot: BotProcess, user: int, n: int) -> str:
    assert "Where" in texts(say(bot, user, f"a man was filming our gate for an hour, time {n}"))
    for answer, question in STEPS:
        assert question in texts(say(bot, user, answer.format(tag=n)))
    return texts(say(bot, user, "/affirm"))


def test_a_telegram_users_fourth_report_within_the_hour_is_refused_and_alerts_come_once(live):
    user = new_user()
    answers = [report(live, user, n) for n in range(4)]
    references = [answer.split("reference is ")[1].split(".")[0] for answer in answers[:3]]
    assert answers[3].startswith("If anyone is in danger, call 999")
    assert render("utter_report_limit_reached")["text"] in answers[3] and "SRV-" not in answers[3]
    live.stub.wait_for(lambda: officer_messages_about(live, references[0]), 20, "the first report's alert")
    time.sleep(6)  # the bot looks for alerts every 2 s: the others would have gone by now
    assert [len(officer_messages_about(live, reference)) for reference in references] == [1, 0, 0]
    # A pattern with other people's reports (in the shared test database) is alerted as such; one
    # made of this sender's reports alone is not.
    about_user_alone = [
        c["text"]
        for c in live.stub.calls_to("sendMessage", int(TEST_OFFICER_CHAT_ID))
        if any(reference in c["text"] for reference in references)
        and set(REFERENCE.findall(c["text"])) <= set(references)
    ]
    assert len(about_user_alone) == 1, f"one alert for the flood, not {about_user_alone}"
