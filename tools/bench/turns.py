"""Served turns in one process, as a Rasa worker of `servator run` takes them: their cost, and
their replies and stored events (docs/performance.md, sections 12-13).

One process loads the trained model with the endpoints `servator run` writes (a fresh SQLite
tracker store, the action server started on loopback with its token, the contacts NLG), every
patch of `servator.rasa_runtime.patches` applied and Rasa's logging as `rasa run` sets it; each
turn goes through `Agent.handle_message` as the REST channel hands it over. Three warm-up rounds
of the three chats come first.

    python tools/bench/turns.py MODEL cpu ROUNDS          # CPU ms a turn, by chat (JSON)
    python tools/bench/turns.py MODEL profile ROUNDS OUT  # cProfile (CPU clock) of the rounds
    python tools/bench/turns.py MODEL replay OUT.jsonl    # replies and stored events, a line each
    python -m tools.bench.turn_sets BEFORE.jsonl AFTER.jsonl   # which conversations differ
    valgrind --tool=callgrind --instr-atstart=no python tools/bench/turns.py MODEL callgrind ROUNDS
    (or MODEL callgrind-replay COUNT: the first COUNT conversations of the replay after the chats)

`callgrind` switches instruction counting on for the rounds only (`callgrind_control`), so the
count does not move with the machine's load, and dumps the count after each chat of each round;
`python tools/bench/turns.py - callgrind-sum callgrind.out.PID.*` adds the dumps up by chat
(instructions a turn, JSON). `TURNS_CODE=/other/checkout` runs that checkout's
product code (and action server) with this harness: the old code side by side with the new.
`TURNS_PORT` is the action server's port (default 30211).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import types
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: this checkout's tools
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.bench.turn_sets import (  # noqa: E402  (after this checkout's path is set)
    CHATS,
    replay_conversations,
    replay_texts,
    stored_events,
    without_volatile,
)

if os.environ.get("TURNS_CODE"):  # the product code measured: another checkout's
    sys.path.insert(0, os.environ["TURNS_CODE"])

CODE = Path(os.environ.get("TURNS_CODE") or Path(__file__).resolve().parents[2])
WARM_UP_ROUNDS = 3
DUMP_PREFIX = "turns-"  # a dump's trigger: this, then the chat's name


def without_scipy_boost() -> None:
    """scipy.stats' boost ufuncs fail to initialise under valgrind (80-bit long doubles); no turn
    uses them, so under callgrind they are replaced by a module of no-ops."""
    fake = types.ModuleType("scipy.stats._boost")
    vars(fake)["__getattr__"] = lambda name: lambda *args, **kwargs: None  # PEP 562: any name, a no-op
    sys.modules["scipy.stats._boost"] = fake


async def load(model: str, actions_port: int) -> tuple[Any, subprocess.Popen[bytes], Path]:
    """The agent, the action server process and the SQLite file of the tracker store."""
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from servator import log_privacy
    from servator.config.settings import Settings
    from servator.rasa_runtime import patches
    from servator.rasa_runtime.endpoints import write_endpoints
    from servator.runner.stack import action_server_command, action_server_environment
    from servator.storage import ensure_schema

    log_privacy.install()
    patches.apply()
    configure_logging_and_warnings(None, None, warn_only_once=True, filter_repeated_logs=True)
    configure_structlog(None)
    folder = Path(tempfile.mkdtemp(prefix="turns-"))
    database = folder / "servator.db"
    database_url = f"sqlite:///{database}"
    ensure_schema(database_url)
    env = {**os.environ, "DATABASE_URL": database_url}
    settings = Settings.from_env(env)
    endpoints = write_endpoints(
        database_url, actions_port, folder / "endpoints.yml", None, "turns", True, settings
    )
    action_env = {**action_server_environment(env, settings), "PYTHONPATH": str(CODE)}
    server = subprocess.Popen(
        action_server_command(actions_port),
        env=action_env,
        cwd=CODE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    agent = await load_agent(model_path=model, endpoints=AvailableEndpoints.read_endpoints(str(endpoints)))
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{actions_port}/health", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    return agent, server, database


async def chat(agent: Any, sender: str, texts: Iterable[str]) -> list[list[dict[str, Any]]]:
    """Each text as one turn of `sender`'s conversation; the replies of each turn."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    replies = []
    for text in texts:
        out = CollectingOutputChannel()
        metadata = {"address_hash": "turns"}
        await agent.handle_message(UserMessage(text, out, sender, input_channel="rest", metadata=metadata))
        replies.append(out.messages)
    return replies


async def rounds(agent: Any, count: int, prefix: str) -> dict[str, float]:
    """`count` rounds of the three chats; the CPU seconds spent on each chat."""
    spent = dict.fromkeys(CHATS, 0.0)
    for round_ in range(count):
        for name, texts in CHATS.items():
            started = time.process_time()
            await chat(agent, f"{prefix}-{round_}-{name}", texts)
            spent[name] += time.process_time() - started
    return spent


async def replay(agent: Any, database: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as lines:
        for number, texts in enumerate(replay_conversations(replay_texts(CODE))):
            sender = f"replay-{number}"
            replies = await chat(agent, sender, texts)
            record = {
                "n": number,
                "replies": without_volatile(replies),
                "events": stored_events(database, sender),
            }
            lines.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")


def _callgrind(*options: str) -> None:
    subprocess.run(["callgrind_control", *options, str(os.getpid())], check=False)


def callgrind_sums(paths: Iterable[str]) -> dict[str, int]:
    """Instructions a turn by chat, from the dumps `callgrind` mode writes (one per chat a round)."""
    totals = dict.fromkeys(CHATS, 0)
    turns = dict.fromkeys(CHATS, 0)
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        trigger = re.search(rf"^desc: Trigger: .*{DUMP_PREFIX}(\w+)$", text, re.MULTILINE)
        summary = re.search(r"^totals: (\d+)", text, re.MULTILINE)
        if trigger and summary and trigger[1] in CHATS:
            totals[trigger[1]] += int(summary[1])
            turns[trigger[1]] += len(CHATS[trigger[1]])
    per_turn = {name: round(totals[name] / turns[name]) for name in CHATS if turns[name]}
    per_turn["all"] = round(sum(totals.values()) / max(1, sum(turns.values())))
    return per_turn


async def main(argv: list[str]) -> None:
    model, mode, argument = argv[0], argv[1], argv[2]
    if mode == "callgrind-sum":
        print(json.dumps(callgrind_sums(argv[2:])))
        return
    if mode.startswith("callgrind"):
        without_scipy_boost()
    agent, server, database = await load(model, int(os.environ.get("TURNS_PORT", "30211")))
    try:
        await rounds(agent, WARM_UP_ROUNDS, "warm")
        if mode == "replay":
            await replay(agent, database, Path(argument))
        elif mode == "cpu":
            spent = await rounds(agent, int(argument), "cpu")
            per_turn = {
                name: round(1000 * spent[name] / (int(argument) * len(CHATS[name])), 3) for name in CHATS
            }
            print(json.dumps(per_turn))
        elif mode == "profile":
            import cProfile

            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            await rounds(agent, int(argument), "profile")
            profiler.disable()
            profiler.dump_stats(argv[3])
        elif mode == "callgrind":
            for round_ in range(int(argument)):
                for name, texts in CHATS.items():
                    _callgrind("-i", "on")
                    await chat(agent, f"callgrind-{round_}-{name}", texts)
                    _callgrind("-i", "off")
                    _callgrind(f"--dump={DUMP_PREFIX}{name}")
        elif mode == "callgrind-replay":  # the first ARGUMENT conversations of the replay after the chats
            conversations = replay_conversations(replay_texts(CODE))[len(CHATS) : len(CHATS) + int(argument)]
            subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=False)
            for number, texts in enumerate(conversations):
                await chat(agent, f"callgrind-replay-{number}", texts)
            subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=False)
        else:
            raise SystemExit(f"unknown mode {mode}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
