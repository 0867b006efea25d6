"""The short soak, served: 20 people for 45 s on real servers and PostgreSQL, while the reports
database goes away for a while and the action server is SIGKILLed and restarted.

No report a person affirmed is lost or doubled: each is stored exactly once, under the reference
the person was given (or, when storage was down and they were told it was not saved yet, from the
outbox). `make soak` is the long version (tools/soak/run.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.support.ports import soak_ports
from tools.soak.short import run_short_soak, stored
from tools.soak.stack import SoakStack, database_url, throwaway_databases

pytestmark = [pytest.mark.rasa, pytest.mark.postgres]

USERS = 20
SECONDS = 45.0


def test_no_affirmed_report_is_lost_through_an_outage_and_a_crash(trained_model: Path) -> None:
    rasa_port, actions_port = soak_ports()
    with (
        throwaway_databases("trackers", "reports") as names,
        tempfile.TemporaryDirectory(prefix="servator-short-soak-") as folder,
    ):
        stack = SoakStack(
            trained_model,
            database_url(names["trackers"]),
            database_url(names["reports"]),
            Path(folder),
            rasa_port=rasa_port,
            actions_port=actions_port,
            outbox_flush_seconds=3,
        )
        try:
            stack.start()
            soak = run_short_soak(stack, names["reports"], USERS, SECONDS)
            problems = soak.problems(stored(stack))
        finally:
            stack.stop()
    print(f"short soak: {soak.figures()}")
    assert soak.affirmed, f"no report was affirmed: {soak.figures()}"
    assert soak.queued, f"the outage queued no report: {soak.figures()}"
    assert not problems, f"{problems[:5]} ({soak.figures()})"
    assert not soak.still_queued, f"{soak.still_queued} reports still waiting in the outbox"
