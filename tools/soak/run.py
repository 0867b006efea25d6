"""`make soak`: load and fault suite against real servers on loopback, bounded in time.

Starts the action server and Rasa on the trained model with two fresh PostgreSQL databases
(trackers, reports), runs the five scenarios in tools/soak/scenarios.py, prints one table and exits
non-zero if any check failed. It takes minutes and both cores; `make test` runs the short one (tools/soak/short.py).
SOAK_SECONDS, SOAK_USERS and the other SOAK_* variables shorten or shrink it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from servator.rasa_runtime.training import train_if_needed
from tools.soak import scenarios
from tools.soak.scenarios import Check
from tools.soak.stack import SoakStack, database_url, throwaway_databases


def table(checks: list[Check]) -> str:
    """A plain-text table: scenario, check, PASS/FAIL, figures."""
    rows = [("scenario", "check", "result", "detail")]
    rows += [(c.scenario, c.name, "PASS" if c.ok else "FAIL", c.detail) for c in checks]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3] for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def guarded(scenario: str, run: Callable[[], list[Check]]) -> list[Check]:
    """A scenario that crashes is a failed check, and the others still run."""
    started = time.monotonic()
    print(f"==> soak scenario {scenario}", file=sys.stderr, flush=True)
    try:
        checks = run()
    except Exception as error:  # noqa: BLE001 - reported in the table
        traceback.print_exc()
        checks = [Check(scenario, "scenario ran", False, f"{type(error).__name__}: {error}"[:200])]
    print(f"    took {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    return checks


def main() -> int:
    model = train_if_needed()
    checks: list[Check] = []
    started = time.monotonic()
    with (
        throwaway_databases("trackers", "reports") as names,
        tempfile.TemporaryDirectory(prefix="servator-soak-") as folder,
    ):
        stack = SoakStack(
            model, database_url(names["trackers"]), database_url(names["reports"]), Path(folder)
        )
        try:
            print("==> starting the action server and Rasa", file=sys.stderr, flush=True)
            stack.start()
            checks += guarded("1 load", lambda: scenarios.load(stack))
            checks += guarded("2 actions down", lambda: scenarios.action_server_crash(stack))
            checks += guarded("3 Rasa restart", lambda: scenarios.rasa_crash(stack))
            checks += guarded("4 storage down", lambda: scenarios.storage_outage(stack, names["reports"]))
            checks += guarded("5 flood", lambda: scenarios.malformed_flood(stack))
        except RuntimeError as error:
            checks.append(Check("start", "servers started", False, str(error)))
        finally:
            stack.stop()
    print(
        f"\nServator soak ({os.cpu_count()} cores, {time.monotonic() - started:.0f} s)\n{table(checks)}",
        flush=True,
    )
    return 0 if checks and all(check.ok for check in checks) else 1
