"""`python -m servator.cli` is the `servator` command."""

from __future__ import annotations

import subprocess
import sys

from tests.support.stack import ROOT


def test_python_m_servator_cli_answers_as_servator():
    done = subprocess.run(
        [sys.executable, "-m", "servator.cli", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: servator") and "officers" in done.stdout
