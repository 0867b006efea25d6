"""The runner's children and var/ are private to the owner."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def test_var_made_before_the_umask_is_made_private(tmp_path: Path):
    from servator.runner.processes import make_private

    var = tmp_path / "var"
    (var / "outbox").mkdir(parents=True)
    for path in (var / "servator.db", var / "outbox" / "a.json"):
        path.write_text("x")
        path.chmod(0o644)
    var.chmod(0o755)
    make_private(var)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [var, *var.rglob("*")]}
    assert modes == {"var": 0o700, "outbox": 0o700, "servator.db": 0o600, "a.json": 0o600}


def test_the_servers_the_runner_starts_create_private_files(tmp_path: Path):
    from servator.runner.processes import Supervisor

    supervisor = Supervisor()
    child = supervisor.start(
        ["python3", "-c", f"open({str(tmp_path / 'made.db')!r}, 'w').write('x')"], dict(os.environ)
    )
    assert child.wait(30) == 0
    assert stat.S_IMODE((tmp_path / "made.db").stat().st_mode) == 0o600
