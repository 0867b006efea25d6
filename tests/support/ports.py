"""Every fixed port the tests use, from one place, so that two test runs on one machine do not collide.

`SERVATOR_TEST_PORT_BASE=B` moves them all into the block B..B+399: Rasa B+5, the action server
B+55, the scale-out servers B+6, B+7 (Rasa) and B+56, B+57 (actions), `servator run` in the
lifecycle tests from B+200, the officer dashboards B+30 to B+39, the short soak's Rasa B+9 and action server B+59,
the log test's `servator run` from B+220. The older per-port variables still win when set.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


def _base(env: Mapping[str, str]) -> int | None:
    value = env.get("SERVATOR_TEST_PORT_BASE", "").strip()
    return int(value) if value else None


def _port(env: Mapping[str, str], variable: str, offset: int, default: int) -> int:
    if env.get(variable, "").strip():
        return int(env[variable])
    base = _base(env)
    return default if base is None else base + offset


def rasa_port(env: Mapping[str, str] = os.environ) -> int:
    return _port(env, "SERVATOR_TEST_RASA_PORT", 5, 15005)


def actions_port(env: Mapping[str, str] = os.environ) -> int:
    return _port(env, "SERVATOR_TEST_ACTIONS_PORT", 55, 15055)


def scaleout_ports(env: Mapping[str, str] = os.environ) -> list[int]:
    """Two Rasa ports, then two action-server ports."""
    if env.get("SERVATOR_SCALEOUT_PORTS", "").strip():
        return [int(port) for port in env["SERVATOR_SCALEOUT_PORTS"].split(",")]
    base = _base(env)
    if base is None:
        return [18005, 18006, 18055, 18056]
    return [base + 6, base + 7, base + 56, base + 57]


def dashboard_port(env: Mapping[str, str] = os.environ, offset: int = 0) -> int:
    """The officer dashboard the tests start; `offset` (0-9) for a second one in the same run."""
    return _port(env, "SERVATOR_TEST_DASHBOARD_PORT", 30, 17030) + offset


def soak_ports(env: Mapping[str, str] = os.environ) -> tuple[int, int]:
    """The short soak's Rasa and action server."""
    return _port(env, "SERVATOR_TEST_SOAK_RASA_PORT", 9, 15009), _port(
        env, "SERVATOR_TEST_SOAK_ACTIONS_PORT", 59, 15059
    )


def run_port_base(env: Mapping[str, str] = os.environ) -> int:
    """The lifecycle tests' `servator run` uses this +5, +55, +80 (and the same +100 for a second run)."""
    return _port(env, "SERVATOR_TEST_RUN_PORT_BASE", 200, 19000)


TEST_RASA_PORT = rasa_port()
TEST_ACTIONS_PORT = actions_port()
SCALEOUT_PORTS = scaleout_ports()
RUN_PORT_BASE = run_port_base()
