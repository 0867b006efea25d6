"""`servator run` under load keeps message text out of every log: 1,000 distinct messages, some
from clients that give up before the answer (Rasa then logs `rest.message.received.timeout` with
the text), some through the web chat, and none of them is found in anything any process printed.
More texts than servator.log_privacy remembers, so only the logging pipeline itself can hold this."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from pathlib import Path

import aiohttp
import pytest

from servator.log_privacy import MAX_REMEMBERED
from tests.support.ports import RUN_PORT_BASE
from tests.support.stack import ROOT

pytestmark = pytest.mark.rasa

MESSAGES = 1000
USERS = 32
PORT_BASE = RUN_PORT_BASE + 20  # beside the lifecycle tests' two runs (+0 and +100)


def start(folder: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "RASA_PORT": str(PORT_BASE + 5),
        "ACTIONS_PORT": str(PORT_BASE + 55),
        "WEBCHAT_PORT": str(PORT_BASE + 80),
        "DASHBOARD_PORT": str(PORT_BASE + 90),
        "SERVATOR_VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'run.db'}",
        "TELEGRAM_BOT_TOKEN": "",
        "SANIC_WORKERS": "1",
        "REDIS_URL": "",
        "WEBCHAT_SESSION_MESSAGES_PER_MINUTE": "1000",
        "WEBCHAT_IP_MESSAGES_PER_MINUTE": "100000",
    }
    with log.open("wb") as output:
        return subprocess.Popen(
            [str(ROOT / ".venv/bin/servator"), "run"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_until_serving(process: subprocess.Popen[bytes], log: Path, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if "Press Ctrl-C" in log.read_text(errors="replace"):
            return
        time.sleep(1)
    raise AssertionError("servator run did not start:\n" + log.read_text(errors="replace")[-3000:])


def text(marker: str) -> str:
    return f"a man in a grey coat {marker} is filming the gate of number {marker[:4]}"


async def send_all(markers: list[str]) -> dict[str, int]:
    rasa = f"http://127.0.0.1:{PORT_BASE + 5}/webhooks/rest/webhook"
    chat = f"http://127.0.0.1:{PORT_BASE + 80}"
    outcomes: dict[str, int] = {"answered": 0, "gave up": 0, "web chat": 0}
    queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
    for index, marker in enumerate(markers):
        queue.put_nowait((index, marker))

    async def user(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            index, marker = queue.get_nowait()
            try:
                if index % 20 == 0:  # through the web chat, as a browser posts it
                    async with session.post(
                        f"{chat}/api/message",
                        json={"session": f"s-{marker}", "message": text(marker)},
                        headers={"Origin": chat},
                    ) as response:
                        await response.read()
                    outcomes["web chat"] += 1
                    continue
                gives_up = index % 4 == 1  # a front end that stops waiting: Rasa logs the turn
                timeout = aiohttp.ClientTimeout(total=0.05 if gives_up else 60)
                async with session.post(
                    rasa, json={"sender": f"log-{marker}", "message": text(marker)}, timeout=timeout
                ) as response:
                    await response.read()
                outcomes["answered"] += 1
            except asyncio.TimeoutError:
                outcomes["gave up"] += 1

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(user(session) for _ in range(USERS)))
    return outcomes


def test_a_thousand_messages_under_load_leave_no_text_in_any_log(trained_model, tmp_path):
    assert MESSAGES > MAX_REMEMBERED, "more texts than any process remembers"
    log = tmp_path / "servator-run.log"
    process = start(tmp_path / "var", log)
    try:
        wait_until_serving(process, log)
        markers = [uuid.uuid4().hex[:14] for _ in range(MESSAGES)]
        started = time.monotonic()
        outcomes = asyncio.run(send_all(markers))
        took = time.monotonic() - started
        time.sleep(25)  # Rasa logs a turn whose client gave up once the turn ends
    finally:
        process.terminate()
        process.wait(60)
    printed = log.read_text(errors="replace")
    files = [path for path in (tmp_path / "var").rglob("*.log")]
    everything = printed + "".join(path.read_text(errors="replace") for path in files)
    found = [marker for marker in markers if marker in everything]
    print(f"logs: {MESSAGES} messages in {took:.0f} s, {outcomes}, {len(everything)} characters of logs")
    assert outcomes["gave up"] > 100 and outcomes["answered"] > 500, outcomes
    assert "rest.message.received.timeout" in everything, "the path that used to leak was taken"
    assert found == [], f"{len(found)} of {MESSAGES} messages found in the logs, e.g. {found[:3]}"
