"""`servator run` and `servator train`: train if the inputs changed, start the stack, supervise it
(with the daily purge) until Ctrl-C, SIGTERM or a child's exit, and stop everything."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from servator import log_privacy
from servator.config.constants import PRIVATE_UMASK
from servator.config.settings import Settings
from servator.rasa_runtime.training import train_if_needed
from servator.records.retention import DailyPurge
from servator.runner.processes import Supervisor, die_with_parent, make_private
from servator.runner.stack import ACTIONS_PORT, RASA_PORT, rasa_ready, start_front_ends, start_stack
from servator.runner.workers import default_workers, describe_workers


def serve(model: Path, rasa_port: int = RASA_PORT, actions_port: int = ACTIONS_PORT) -> int:
    """Run until Ctrl-C / SIGTERM or until a child exits; always stop all children."""
    settings = Settings.from_env()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    supervisor = Supervisor()
    retention = DailyPurge(settings)
    try:
        workers = default_workers()
        print(f"Starting the action server and Rasa ({describe_workers(workers)})...", flush=True)
        supervisor = start_stack(model, settings.database_url, rasa_port, actions_port, workers)
        if not rasa_ready(rasa_port, supervisor):
            print("Rasa did not start; see the messages above.", file=sys.stderr)
            return 1
        front_ends = start_front_ends(supervisor, rasa_port, settings.database_url)
        rest = (
            f"REST: curl -s -XPOST http://127.0.0.1:{rasa_port}/webhooks/rest/webhook "
            f'-H \'Content-Type: application/json\' -d \'{{"sender":"me","message":"hello"}}\''
        )
        lines = [rest, *reversed(front_ends), "Press Ctrl-C to stop."]
        print("\nServator Assistant is running.\n" + "".join(f"  {line}\n" for line in lines), flush=True)
        while all(child.poll() is None for child in supervisor.children):
            retention.tick()
            time.sleep(1)
        print("A service stopped unexpectedly; stopping the rest.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    finally:
        supervisor.stop()


def run(args: argparse.Namespace) -> int:
    """Train if the inputs changed, then serve (RASA_PORT / ACTIONS_PORT move the servers)."""
    die_with_parent()
    os.umask(PRIVATE_UMASK)
    log_privacy.install()
    settings = Settings.from_env()
    make_private(settings.var_dir)
    return serve(train_if_needed(), settings.rasa_port, settings.actions_port)


def train(args: argparse.Namespace) -> int:
    train_if_needed(config=args.config, force=args.force)
    return 0
