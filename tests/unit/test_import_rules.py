"""The import rules of pyproject.toml ([tool.importlinter]) hold, and an import that breaks one fails.

Each broken case copies the packages' Python files to a temporary folder, adds one forbidden
import to one module, and runs `lint-imports` there with the project's own configuration.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.stack import ROOT

PACKAGES = (
    "actions",
    "bot",
    "dashboard",
    "nlu",
    "reading",
    "rasa_sdk_plugins",
    "servator",
    "tools",
    "tests",
    "web",
)
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def verdict(output: str, contract: str) -> str | None:
    """KEPT or BROKEN for the contract whose name starts with `contract` (names may wrap)."""
    summary = " ".join(output.split("Contracts", 1)[-1].split())
    found = re.search(re.escape(contract) + r".*?\b(KEPT|BROKEN)\b", summary)
    return found.group(1) if found else None


def copy_of_the_packages(folder: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            folder / package,
            ignore=lambda _dir, names: [n for n in names if not n.endswith(".py") and "." in n],
        )
    return folder


def test_the_tree_keeps_every_import_rule():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert verdict(result.stdout, "reading (text understanding) imports nothing of ours") == "KEPT"


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        (
            "reading/danger/detector.py",
            "import servator.settings",
            "reading (text understanding) imports nothing",
        ),
        ("reading/when.py", "import rasa.shared.nlu", "reading (text understanding) imports nothing"),
        ("nlu/components.py", "import servator.settings", "nlu (the Rasa components) imports only reading"),
        ("actions/report_actions.py", "import servator.runner", "actions import only servator.storage"),
        ("actions/report_actions.py", "import bot.officers", "actions import only servator.storage"),
        ("web/server.py", "import rasa.core.channels", "bot and web reach the assistant only over the REST"),
        ("bot/handlers.py", "import servator.storage", "bot and web reach the assistant only over the REST"),
        ("bot/handlers.py", "import web.server", "The three front ends are independent"),
        ("dashboard/app.py", "import web.server", "The three front ends are independent"),
        ("dashboard/queue.py", "import rasa.core.channels", "The officer dashboard reads the database"),
        ("dashboard/queue.py", "import servator.runner", "The officer dashboard reads the database"),
        ("servator/cli.py", "import dashboard.app", "servator never imports the actions or the front ends"),
        ("servator/runner.py", "import tools.loadgen", "The product never imports the tooling"),
        ("servator/settings.py", "import actions.report_store", "servator never imports the actions"),
    ],
)
def test_a_forbidden_import_breaks_its_rule(tmp_path, module, forbidden_import, contract):
    folder = copy_of_the_packages(tmp_path)
    target = folder / module
    target.write_text(
        target.read_text(encoding="utf-8") + f"\n{forbidden_import}  # noqa\n", encoding="utf-8"
    )
    result = lint_imports(folder)
    assert result.returncode != 0
    assert verdict(result.stdout, contract) == "BROKEN", result.stdout
