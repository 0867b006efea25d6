"""Served: anonymous follow-up (docs/followup.md) through the stack `make run` starts, the
officer dashboard over HTTP and the real Telegram bot against the Bot API stand-in.

The code comes with every reference; an officer asks on the report page; the person answers on
Telegram (pushed to them) or by checking on their report over REST (as the web chat relays it); the
officer sees the answer, the queue marks it, exports carry it. Wrong references and codes, the lockout,
"stop", the purge and a reporter who never comes back are each a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from servator.config.constants import ROOT
from tests.support.dashboard import Dashboard, HttpClient, running_dashboard
from tests.support.followup import ask, code_in, followup_rows, report_id, report_over_rest, talk_from
from tests.support.ports import dashboard_port
from tests.support.telegram_harness import BotProcess, new_user, running_bot, say, texts

pytestmark = pytest.mark.rasa

ASKS_FOR_BOTH = "Please send its reference"
NOT_FOUND = "I couldn't find a report with that reference and code"
REFUSED = "too many tries"
PASSED_ON = "your answer has been passed on to officers"


@pytest.fixture(scope="module")
def dashboard(stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    folder = tmp_path_factory.mktemp("followup-dashboard")
    with running_dashboard(stack.database_url, dashboard_port(offset=8), folder=folder) as served:
        yield served


@pytest.fixture(scope="module")
def officer(dashboard: Dashboard) -> HttpClient:
    return dashboard.signed_in()


@pytest.fixture(scope="module")
def live(stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    folder = tmp_path_factory.mktemp("followup-bot")
    with running_bot(
        folder, RASA_URL=stack.rasa_url, DATABASE_URL=stack.database_url, SERVATOR_VAR_DIR=str(folder)
    ) as bot:
        yield bot


def sender() -> str:
    return f"followup-{uuid.uuid4().hex[:12]}"


def queue_row(officer: HttpClient, reference: str) -> str:
    status, page = officer.get(f"/?q={reference}")
    assert status == 200
    start = page.index(f'data-reference="{reference}"')
    return page[start : page.index("</tr>", start)]


def test_the_reference_comes_with_a_code_kept_only_as_its_hash(stack):
    reference, code, reply = report_over_rest(stack, "a man was photographing the embassy's cameras")
    assert f"Your follow-up code is {code}." in reply
    assert "This code is for follow-up: officers may leave you a question" in reply
    rows = followup_rows(stack.database_url, report_id(stack.database_url, reference))
    [stored] = rows["followup_codes"]
    assert stored["code_hash"].startswith("$argon2id$") and code not in stored["code_hash"]
    engine = sa.create_engine(stack.database_url, future=True)
    with engine.connect() as connection:
        report = connection.execute(sa.text("SELECT * FROM reports WHERE reference = :r"), {"r": reference})
        assert code not in json.dumps([str(v) for v in report.one()]), "the code is in no report field"
    engine.dispose()


def test_an_officer_asks_and_the_person_answers_by_checking_on_their_report(stack, officer):
    reference, code, _ = report_over_rest(stack, "a woman was pacing out the distance to the gate")
    status, _ = officer.request(f"/reports/{reference}/questions", {"question": "No token?"})
    assert status == 403, "the form is CSRF-protected"
    page = ask(officer, reference, "Was she carrying anything?")
    assert "No token?" not in page
    assert "Was she carrying anything?" in page and "Waiting for an answer" in page
    assert "New answer" not in queue_row(officer, reference)

    person, address = sender(), "answers"
    assert ASKS_FOR_BOTH in talk_from(stack, address, person, "Hi, I'd like to check on my report")
    shown = talk_from(stack, address, person, f"it's {reference} and the code is {code.lower()}")
    assert "Was she carrying anything?" in shown and reference in shown
    assert PASSED_ON in talk_from(stack, address, person, "Yes, a long black tripod bag")

    row = queue_row(officer, reference)
    assert "New answer" in row, "the queue marks the report until an officer has seen the answer"
    _, page = officer.get(f"/reports/{reference}")
    assert "Yes, a long black tripod bag" in page and "Waiting for an answer" not in page
    assert "Question for the person who reported" in page and "Answer from the person who reported" in page
    assert "pc.test (dashboard)" in page, "the audit trail says who asked"
    assert "Sender" not in page and "sender_hash" not in page
    assert "New answer" not in queue_row(officer, reference)

    status, exported = officer.get(f"/export.json?q={reference}")
    [item] = json.loads(exported)
    assert status == 200 and item["followup"][0]["answer"] == "Yes, a long black tripod bag"
    assert item["followup"][0]["question"] == "Was she carrying anything?"
    assert "sender_hash" not in item and "submission_key" not in item


async def test_the_web_chat_checks_on_a_report_and_passes_the_answer_on(stack, officer):
    from tests.support.webchat import chat, client_for

    reference, code, _ = report_over_rest(stack, "a man asked the guard when the shift changes")
    ask(officer, reference, "What did he look like?")
    client = await client_for(stack.rasa_url)
    try:
        asked = await chat(client, "hello, I want to check on my report please", session=uuid.uuid4().hex)
        session = uuid.uuid4().hex
        await chat(client, "I'd like to check on my report", session=session)
        shown = await chat(client, f"{reference} {code}", session=session)
        answered = await chat(client, "grey beard, blue cap", session=session)
    finally:
        await client.close()
    assert ASKS_FOR_BOTH in asked["replies"][0]["text"]
    assert "What did he look like?" in "\n".join(r["text"] for r in shown["replies"])
    assert PASSED_ON in "\n".join(r["text"] for r in answered["replies"])
    _, page = officer.get(f"/reports/{reference}")
    assert "grey beard, blue cap" in page


def test_a_reference_and_code_in_two_messages_and_several_questions_answered_in_turn(stack, officer):
    reference, code, _ = report_over_rest(stack, "two men were timing the guard change")
    ask(officer, reference, "How tall were they?")
    ask(officer, reference, "Did they speak to anyone?")
    person, address = sender(), "two-questions"
    talk_from(stack, address, person, "any update on my report?")
    assert "follow-up code" in talk_from(stack, address, person, reference)
    first = talk_from(stack, address, person, code)
    assert "How tall were they?" in first and "1 of 2" in first
    second = talk_from(stack, address, person, "both about six foot")
    assert PASSED_ON in second and "Did they speak to anyone?" in second
    assert PASSED_ON in talk_from(stack, address, person, "no, nobody")
    answers = [
        q["answer"]
        for q in followup_rows(stack.database_url, report_id(stack.database_url, reference))[
            "followup_questions"
        ]
    ]
    assert answers == ["both about six foot", "no, nobody"]


def test_a_wrong_reference_and_a_wrong_code_get_the_same_reply_and_five_wrong_codes_lock_the_reference(
    stack, officer
):
    reference, code, _ = report_over_rest(stack, "someone was flying a drone over the embassy roof")
    ask(officer, reference, "What colour was the drone?")
    wrong_code = "7K3M-Q9XD-2WJP-H4TB" if code != "7K3M-Q9XD-2WJP-H4TB" else "8K3M-Q9XD-2WJP-H4TB"
    replies = []
    for attempt, (ref, given) in enumerate([("SRV-20200101-ABCDEF", code)] + [(reference, wrong_code)] * 5):
        person = sender()
        talk_from(stack, f"lockout-{attempt}", person, "I'd like to check on my report")
        replies.append(talk_from(stack, f"lockout-{attempt}", person, f"{ref} {given}"))
    assert len(set(replies)) == 1 and NOT_FOUND in replies[0], "a wrong reference reads as a wrong code"
    person = sender()
    talk_from(stack, "lockout-right", person, "I'd like to check on my report")
    locked = talk_from(stack, "lockout-right", person, f"{reference} {code}")
    assert REFUSED in locked and "What colour" not in locked, "locked even with the right code"


def test_lookups_from_one_address_are_limited(stack):
    reference, code, _ = report_over_rest(stack, "a man was sketching the embassy entrance")
    for attempt in range(10):
        person = sender()
        talk_from(stack, "one-address", person, "check on my report")
        talk_from(stack, "one-address", person, f"SRV-20200101-ABCDE{'FGHJKMNPQR'[attempt]} {code}")
    person = sender()
    talk_from(stack, "one-address", person, "check on my report")
    assert REFUSED in talk_from(stack, "one-address", person, f"{reference} {code}")
    other = sender()
    talk_from(stack, "another-address", other, "check on my report")
    assert "no questions waiting" in talk_from(stack, "another-address", other, f"{reference} {code}")


def test_a_question_to_a_reporter_who_never_comes_back_stays_waiting(stack, officer):
    reference, _, _ = report_over_rest(stack, "a van was parked on the pavement by the gate all day")
    ask(officer, reference, "Did you see the driver?")
    time.sleep(3)
    _, page = officer.get(f"/reports/{reference}")
    assert "Did you see the driver?" in page and "Waiting for an answer" in page
    assert "sent to their Telegram chat" not in page, "a report from REST has no chat to push to"
    assert "New answer" not in queue_row(officer, reference)
    [question] = followup_rows(stack.database_url, report_id(stack.database_url, reference))[
        "followup_questions"
    ]
    assert question["answer"] is None and question["pushed_at"] is None


def telegram_report(live: BotProcess, user: int) -> tuple[str, str]:
    assert "Where" in texts(say(live, user, "a man was filming the embassy gate for an hour"))
    assert "When" in texts(say(live, user, "outside the embassy on grosvenor square"))
    assert "still happening" in texts(say(live, user, "about 20 minutes ago"))
    assert "describe the people" in texts(say(live, user, "/deny"))
    assert "vehicle" in texts(say(live, user, "skip"))
    assert "Which way" in texts(say(live, user, "no vehicle"))
    reply = texts(say(live, user, "towards oxford street"))
    if "Which of these" in reply:
        reply = texts(say(live, user, '/inform{"report_category":"surveillance"}'))
    assert "Here is your report" in texts(say(live, user, "/deny"))
    done = texts(say(live, user, "/affirm"))
    reference = done.split("reference is ")[1].split(".")[0]
    code = code_in(done)
    assert code and "This code is for follow-up" in done
    return reference, code


def pushed_to(live: BotProcess, user: int, question: str, before: int) -> dict:
    def found():
        return [c for c in live.stub.calls_to("sendMessage", user)[before:] if question in c["text"]]

    [message] = live.stub.wait_for(found, 10, "the question in the reporter's chat within 10 s")
    return message


def test_telegram_questions_are_pushed_answered_by_reply_and_stop_ends_follow_up(stack, live, officer):
    user = new_user()
    reference, _ = telegram_report(live, user)
    report = report_id(stack.database_url, reference)
    [chat] = followup_rows(stack.database_url, report)["followup_chats"]
    assert str(user) not in chat["chat_token"] and str(user) not in chat["chat_hash"], "kept encrypted"

    before = len(live.stub.calls_to("sendMessage", user))
    live.stub.fail("sendMessage", 1, when=lambda params: str(params.get("chat_id")) == str(user))
    ask(officer, reference, "Which way was the camera pointing?")
    pushed = pushed_to(live, user, "Which way was the camera pointing?", before)
    assert reference in pushed["text"], "sent again after Telegram refused it once, still within 10 s"
    assert len(live.stub.calls_to("sendMessage", user, failed=True)) == 1
    [question] = followup_rows(stack.database_url, report)["followup_questions"]
    before = len(live.stub.calls_to("sendMessage", user))
    original = {
        "message_id": question["pushed_message_id"],
        "date": int(time.time()),
        "chat": {"id": user, "type": "private"},
    }
    live.stub.inject(live.stub.message_update(user, text="At the guard box", reply_to_message=original))
    assert PASSED_ON in texts(live.stub.replies(user, before))
    [answered] = followup_rows(stack.database_url, report)["followup_questions"]
    assert answered["answer"] == "At the guard box" and answered["answer_channel"] == "telegram"
    _, page = officer.get(f"/reports/{reference}")
    assert "At the guard box" in page and str(user) not in page

    before = len(live.stub.calls_to("sendMessage", user))
    ask(officer, reference, "Was anyone with him?")
    pushed_to(live, user, "Was anyone with him?", before)
    assert "has ended" in texts(say(live, user, "stop"))
    assert followup_rows(stack.database_url, report)["followup_chats"] == [], "the chat id is deleted"

    before = len(live.stub.calls_to("sendMessage", user))
    ask(officer, reference, "One more thing: what time did he leave?")
    time.sleep(4)
    assert not any(
        "what time did he leave" in c["text"] for c in live.stub.calls_to("sendMessage", user)[before:]
    )
    assert str(user) not in live.log(), "the chat id is never logged"


def test_purging_a_report_deletes_its_code_questions_answers_and_chat(stack, live, officer):
    user = new_user()
    reference, code = telegram_report(live, user)
    report = report_id(stack.database_url, reference)
    before = len(live.stub.calls_to("sendMessage", user))
    ask(officer, reference, "Did he see you?")
    pushed_to(live, user, "Did he see you?", before)
    answered = texts(say(live, user, "he has a knife and he's still outside the gate right now"))
    assert answered.index("999") < answered.index(PASSED_ON), "danger in an answer: 999 first"
    engine = sa.create_engine(stack.database_url, future=True)
    with engine.begin() as connection:  # the report is now past its retention
        connection.execute(
            sa.text("UPDATE reports SET created_at = '2001-01-01 00:00:00' WHERE id = :i"), {"i": report}
        )
    engine.dispose()
    env = {**os.environ, "DATABASE_URL": stack.database_url, "SERVATOR_OFFICER": "retention"}
    purged = subprocess.run(
        [str(Path(sys.executable).with_name("servator")), "purge", "--older-than", "365"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert purged.returncode == 0, purged.stderr
    assert followup_rows(stack.database_url, report) == {
        "followup_codes": [],
        "followup_questions": [],
        "followup_chats": [],
    }
    person = sender()
    talk_from(stack, "after-purge", person, "I'd like to check on my report")
    assert NOT_FOUND in talk_from(stack, "after-purge", person, f"{reference} {code}")
