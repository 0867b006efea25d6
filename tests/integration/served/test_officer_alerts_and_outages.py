"""The stack served as `servator run` serves it (action server, Rasa, web chat; the Telegram bot
against the Bot API stand-in), on PostgreSQL: officer alerts in order and minimised, officer
commands in a group refused, the action server's database taken away and brought back (its outbox
fills, then empties on its own), and what /healthz and /metrics on the web chat say meanwhile.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.rasa_client import telegram_sender
from servator.runner.processes import wait_for
from servator.runner.stack import rasa_ready, start_front_ends, start_stack
from servator.storage import SqlUnitOfWork, make_session_factory
from tests.support.reports import PEOPLE, VEHICLE, file_report, reference_in, talk
from tests.support.stack import TEST_OFFICER_CHAT_ID
from tests.support.storage_helpers import postgres_database
from tests.support.tcp_proxy import TcpProxy, free_port
from tests.support.telegram_harness import (
    OFFICER_CHAT,
    OFFICER_USER,
    PRIVATE_ONLY,
    audit_rows,
    officer_messages_about,
    running_bot,
    say,
    texts,
)

pytestmark = [pytest.mark.rasa, pytest.mark.postgres]


@dataclass
class Served:
    rasa_url: str
    webchat_url: str
    database_url: str
    database: TcpProxy  # the action server's road to PostgreSQL
    folder: Path
    env: dict[str, str]

    def talk(self, sender: str, message: str) -> str:
        return talk(self.rasa_url, sender, message)


@pytest.fixture(scope="module")
def served(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("served")
    rasa_port, actions_port, webchat_port, dashboard_port = free_port(), free_port(), free_port(), free_port()
    with postgres_database() as database_url, TcpProxy(5432) as database:
        through_proxy = str(make_url(database_url).set(port=database.port))
        env = {
            "SERVATOR_VAR_DIR": str(folder),
            "SERVATOR_OUTBOX_DIR": str(folder / "outbox"),
            "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
            "OFFICER_CHAT_IDS": TEST_OFFICER_CHAT_ID,
            "OUTBOX_FLUSH_INTERVAL_SECONDS": "1",
            "WEBCHAT_PORT": str(webchat_port),
            "DASHBOARD_PORT": str(dashboard_port),
        }
        supervisor = start_stack(
            trained_model,
            database_url,
            rasa_port,
            actions_port,
            env_overrides=env,
            action_server_env={"DATABASE_URL": through_proxy},
        )
        try:
            assert rasa_ready(rasa_port, supervisor, 300), "Rasa did not start"
            start_front_ends(supervisor, rasa_port, database_url)
            webchat_url = f"http://127.0.0.1:{webchat_port}"
            assert wait_for(f"{webchat_url}/healthz", 60, supervisor.children), "the web chat is not ready"
            yield Served(f"http://127.0.0.1:{rasa_port}", webchat_url, database_url, database, folder, env)
        finally:
            supervisor.stop()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def health(served: Served) -> dict[str, Any]:
    return json.loads(get(f"{served.webchat_url}/healthz")[1])


def metric(served: Served, name: str) -> float:
    status, exposition = get(f"{served.webchat_url}/metrics")
    assert status == 200
    for line in exposition.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    return 0.0


def stored(served: Served) -> dict[str, dict[str, Any]]:
    with SqlUnitOfWork(make_session_factory(served.database_url)) as uow:
        return {report.reference: report.to_dict() for report in uow.reports.list()}


def test_officers_get_urgent_first_minimised_alerts_and_details_only_in_private(served, tmp_path):
    calm = reference_in(
        file_report(served.rasa_url, f"calm-{uuid.uuid4().hex}", "a man filming the gate", False)
    )
    urgent = reference_in(
        file_report(
            served.rasa_url, f"urgent-{uuid.uuid4().hex}", "two men photographing the side door cameras", True
        )
    )
    # The bot comes up after both were stored (it restarted, or Telegram was down): urgent goes first.
    with running_bot(
        tmp_path,
        RASA_URL=served.rasa_url,
        DATABASE_URL=served.database_url,
        PROMETHEUS_MULTIPROC_DIR=served.env["PROMETHEUS_MULTIPROC_DIR"],
    ) as bot:
        bot.stub.wait_for(
            lambda: officer_messages_about(bot, calm) and officer_messages_about(bot, urgent),
            30,
            "both reports' own alerts",
        )
        alerts = [call["text"] for call in bot.stub.calls_to("sendMessage", OFFICER_CHAT)]
        # Reports of the same place and behaviour are also linked (servator/linking): an alert about
        # their cluster names both references; the order is the order of the reports' own alerts.
        report_alerts = [alert for alert in alerts if not alert.startswith("Linked reports")]
        order = [ref for alert in report_alerts for ref in (urgent, calm) if ref in alert]
        assert order == [urgent, calm]
        for alert in alerts:
            assert "Grosvenor Square" in alert or "W1K" in alert
            for private in (
                "filming the gate",
                "side door cameras",
                PEOPLE,
                VEHICLE,
                "AB12",
                "oxford street",
                "20 minutes",
            ):
                assert private not in alert, private
        in_group = say(bot, OFFICER_USER, f"/report {urgent}", chat=OFFICER_CHAT)
        assert [reply["text"] for reply in in_group] == [PRIVATE_ONLY]
        in_private = texts(say(bot, OFFICER_USER, f"/report {urgent}"))
        assert "two men photographing the side door cameras" in in_private and PEOPLE in in_private
        officer = f"telegram:{telegram_sender(OFFICER_USER)}"
        assert [(row["action"], row["reference"]) for row in audit_rows(bot) if row["actor"] == officer] == [
            ("telegram_refused", None),
            ("telegram_view", urgent),
        ]
    assert metric(served, 'servator_officer_alerts_total{kind="alert",outcome="sent"}') >= 2
    assert metric(served, "servator_telegram_updates_total") >= 2


def test_a_database_outage_fills_the_outbox_and_its_return_empties_it_without_a_new_report(served):
    before_queued = metric(served, 'servator_reports_total{outcome="queued"}')
    before_flushed = metric(served, 'servator_reports_total{outcome="flushed"}')
    served.database.down()
    try:
        reply = file_report(
            served.rasa_url, f"outage-{uuid.uuid4().hex}", "someone filming the bollards and the gate", False
        )
        assert "couldn't save your report" in reply and "0800 789 321" in reply and "999" in reply
        during = health(served)
        assert during["status"] == "degraded" and during["outbox"]["size"] == 1
        assert during["outbox"]["oldest_age_seconds"] is not None
        assert metric(served, 'servator_reports_total{outcome="queued"}') == before_queued + 1
        assert metric(served, "servator_outbox_reports") == 1
        assert not any(
            r["description"] == "someone filming the bollards and the gate" for r in stored(served).values()
        )
    finally:
        served.database.up()
    # Nobody files another report: the action server's timer flushes the outbox on its own.
    assert wait_for_condition(lambda: health(served)["outbox"]["size"] == 0, 30), "the outbox was not flushed"
    [flushed] = [
        r for r in stored(served).values() if r["description"] == "someone filming the bollards and the gate"
    ]
    assert flushed["still_happening"] is False and flushed["location_postcode"] == "W1K 6AH"
    after = health(served)
    assert after["status"] == "ok" and after["database"] == {"reachable": True}
    assert after["notifications"]["backlog"] >= 1, "its officer alert waits for the bot"
    assert metric(served, 'servator_reports_total{outcome="flushed"}') == before_flushed + 1


def test_a_message_over_rest_and_a_stored_report_show_in_the_scraped_metrics(served):
    messages = metric(served, "servator_messages_total")
    stored_reports = metric(served, 'servator_reports_total{outcome="stored"}')
    emergencies = metric(served, "servator_emergencies_total")
    turns = metric(served, "servator_turn_seconds_count")
    assert "999" in served.talk(
        f"metrics-{uuid.uuid4().hex}", "theres a man with a knife outside the embassy now"
    )
    assert metric(served, "servator_messages_total") == messages + 1
    assert metric(served, "servator_emergencies_total") == emergencies + 1
    assert metric(served, "servator_turn_seconds_count") == turns + 1
    reference = reference_in(
        file_report(served.rasa_url, f"m-{uuid.uuid4().hex}", "a man filming the guards at the gate", False)
    )
    assert reference in stored(served)
    assert metric(served, 'servator_reports_total{outcome="stored"}') == stored_reports + 1
    assert metric(served, "servator_messages_total") == messages + 1 + 9
    assert (
        'servator_action_seconds_count{action="action_submit_report"}'
        in get(f"{served.webchat_url}/metrics")[1]
    )


def wait_for_condition(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False
