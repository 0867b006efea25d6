"""Secrets kept in var/ are made once, private, and given way to by their settings."""

from __future__ import annotations

import stat
from pathlib import Path


def test_secrets_kept_in_var_are_private(tmp_path: Path):
    from servator.config.keys import private_secret
    from servator.config.settings import Settings

    var = tmp_path / "var"
    first = private_secret(var, "test.key")
    assert len(first) == 64 and private_secret(var, "test.key") == first
    assert stat.S_IMODE((var / "test.key").stat().st_mode) == 0o600
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
    assert [p.name for p in var.iterdir()] == ["test.key"], "no temporary file left"
    settings = Settings.from_env({"SERVATOR_VAR_DIR": str(var)})
    assert settings.action_server_secret() == (var / "action_server.key").read_text().strip()
    assert (
        Settings.from_env({"SERVATOR_VAR_DIR": str(var), "ACTION_SERVER_TOKEN": "x"}).action_server_secret()
        == "x"
    )
