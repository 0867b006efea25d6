"""`python -m bot` without a token says why it did not start and exits 2 (servator run reads it)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.stack import ROOT


def test_without_a_token_the_bot_says_why_and_exits_2():
    env = {name: value for name, value in os.environ.items() if name != "TELEGRAM_BOT_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "Telegram bot not started: TELEGRAM_BOT_TOKEN is not set" in done.stderr
