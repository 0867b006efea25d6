"""One settings object reads every environment variable, and docs/ lists them all (docs/settings.md,
generated from the settings code, and the tools' own in docs/evaluation.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from servator.config.settings import Settings
from tests.support.stack import ROOT

PRODUCT_PACKAGES = ("actions", "bot", "nlu", "rasa_sdk_plugins", "servator", "web")
SETTINGS_FILE = ROOT / "servator" / "config" / "settings.py"
# The settings' areas, each reading its variables through servator.config.environment.
SETTINGS_AREAS = sorted((ROOT / "servator" / "config").glob("*_settings.py"))
# Code that hands the whole environment on (or sets defaults in it) without reading a variable.
PASSES_THE_ENVIRONMENT_ON = {
    ("servator/rasa_runtime/training.py", "rasa_env"),
    ("servator/rasa_runtime/training.py", "use_rasa_process_env"),
}
ENVIRONMENT_NAMES = {"env", "environ", "environment"}
READERS = {"_text", "_number", "_whole_number", "_list"}


def python_files(*packages: str) -> list[Path]:
    return sorted(path for package in packages for path in (ROOT / package).rglob("*.py"))


def enclosing_functions(tree: ast.AST) -> dict[ast.AST, str]:
    owner: dict[ast.AST, str] = {}
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                owner.setdefault(node, function.name)
    return owner


def environment_reads(path: Path) -> list[str]:
    """Where a file touches os.environ / getenv, or reads env.get("NAME") / env["NAME"]."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    owner = enclosing_functions(tree)
    relative = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
    found = []
    for node in ast.walk(tree):
        touches_os = (isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")) or (
            isinstance(node, ast.Name) and node.id == "getenv"
        )
        by_name = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ENVIRONMENT_NAMES
            and node.func.attr in ("get", "setdefault", "pop")
        ) or (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id in ENVIRONMENT_NAMES
            and isinstance(node.ctx, ast.Load)  # reading, not setting a child process's variable
        )
        if (touches_os or by_name) and (relative, owner.get(node)) not in PASSES_THE_ENVIRONMENT_ON:
            found.append(f"{relative}:{node.lineno}")
    return found


def names_read_by_settings() -> set[str]:
    return {
        node.args[0].value
        for area in SETTINGS_AREAS
        for node in ast.walk(ast.parse(area.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in READERS
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def names_read_by_tools() -> set[str]:
    names: set[str] = set()
    for path in python_files("tools"):
        names.update(re.findall(r"""os\.environ(?:\.get\(|\[)\s*["']([A-Z0-9_]+)["']""", path.read_text()))
    return names


def table_names(doc: str, header: str) -> set[str]:
    """The `NAMES` in the first column of every table in docs/`doc` whose header row starts with `header`."""
    lines = (ROOT / "docs" / doc).read_text(encoding="utf-8").splitlines()
    names: set[str] = set()
    for start in (i for i, line in enumerate(lines) if line.startswith(header)):
        for line in lines[start + 2 :]:
            if not line.startswith("|"):
                break
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names


def test_only_the_settings_object_reads_the_environment():
    files = [path for path in python_files(*PRODUCT_PACKAGES) if path != SETTINGS_FILE]
    assert [place for path in files for place in environment_reads(path)] == []


def test_the_check_sees_an_environment_read(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text('import os\n\n\ndef port(env):\n    return env.get("SNEAKY_PORT") or os.getenv("X")\n')
    assert environment_reads(sneaky) == ["sneaky.py:5", "sneaky.py:5"]


def test_the_settings_page_lists_exactly_the_variables_the_settings_read():
    assert names_read_by_settings() == table_names("settings.md", "| setting |")


def test_the_evaluation_page_lists_every_variable_the_tools_read():
    tool_settings = table_names("evaluation.md", "| tool setting |")
    assert names_read_by_tools() - tool_settings - table_names("settings.md", "| setting |") == set()
    assert tool_settings <= names_read_by_tools()


def test_settings_have_their_documented_defaults():
    settings = Settings({})
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert (settings.rasa_port, settings.actions_port, settings.webchat_port) == (5005, 5055, 8080)
    assert settings.database_url == f"sqlite:///{ROOT / 'var' / 'servator.db'}"
    assert settings.outbox_dir == str(ROOT / "var" / "outbox")
    assert (settings.max_message_chars, settings.report_retention_days) == (2000, 365)
    assert (
        settings.officer_chat_ids == ()
        and settings.sanic_workers == 1
        and settings.rasa_log_level == "WARNING"
    )


def test_settings_read_what_is_set():
    settings = Settings(
        {
            "SERVATOR_VAR_DIR": "/srv/x",
            "OFFICER_CHAT_IDS": " -100, 5 ,,",
            "RASA_URL": "http://h:1/",
            "LOG_LEVEL": "INFO",
        }
    )
    assert settings.database_url == "sqlite:////srv/x/servator.db"
    assert settings.outbox_dir == "/srv/x/outbox"
    assert settings.officer_chat_ids == ("-100", "5")
    assert settings.rasa_url == "http://h:1"
    assert settings.rasa_log_level == "INFO"


def test_a_bad_number_names_its_variable():
    with pytest.raises(ValueError, match="MAX_MESSAGE_CHARS"):
        _ = Settings({"MAX_MESSAGE_CHARS": "lots"}).max_message_chars


def test_the_dashboard_settings_have_their_documented_defaults():
    settings = Settings({})
    assert (settings.dashboard_port, settings.dashboard_idle_minutes) == (8090, 30)
    assert (
        settings.dashboard_lockout_attempts,
        settings.dashboard_lockout_address_attempts,
        settings.dashboard_lockout_minutes,
    ) == (5, 20, 15)
    assert settings.dashboard_cookie_secure is False
    assert Settings({"DASHBOARD_COOKIE_SECURE": "true"}).dashboard_cookie_secure is True
    assert settings.dashboard_tile_url == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
