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


LAYERS = "The packages in layers"
SERVATOR_LAYERS = "servator in layers"
READING = "reading (text understanding) never imports Rasa"
FRONT_ENDS = "The front ends never import Rasa"
ACTIONS = "The actions (run by rasa-sdk) never import"


def test_the_tree_keeps_every_import_rule():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert all(
        verdict(result.stdout, contract) == "KEPT"
        for contract in (LAYERS, SERVATOR_LAYERS, READING, FRONT_ENDS, ACTIONS)
    ), result.stdout


def test_the_rules_allow_no_exceptions():
    assert "ignore_imports" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("reading/danger/detector.py", "import servator.config.settings", LAYERS),
        ("reading/when.py", "import rasa.shared.nlu", READING),
        ("nlu/components.py", "import servator.config.settings", LAYERS),
        ("nlu/components.py", "import actions.report_store", LAYERS),
        ("actions/report_actions.py", "import bot.officers", LAYERS),
        ("actions/report_actions.py", "import nlu.components", ACTIONS),
        # Through a chain: the runner starts Rasa, so it imports servator's Rasa runtime.
        ("actions/report_actions.py", "import servator.runner.stack", ACTIONS),
        ("bot/handlers.py", "import web.server", LAYERS),
        ("dashboard/app.py", "import web.server", LAYERS),
        ("web/server.py", "import rasa.core.channels", FRONT_ENDS),
        ("bot/handlers.py", "import servator.rasa_runtime.nlg", FRONT_ENDS),
        ("dashboard/queue.py", "import rasa_sdk", FRONT_ENDS),
        ("dashboard/queue.py", "import servator.runner.stack", FRONT_ENDS),
        ("servator/cli/__init__.py", "import dashboard.app", LAYERS),
        ("servator/runner/stack.py", "import tools.loadgen", LAYERS),
        ("servator/config/settings.py", "import actions.report_store", LAYERS),
        ("servator/config/responses.py", "import servator.storage", SERVATOR_LAYERS),
        ("servator/storage/engine.py", "import servator.linking", SERVATOR_LAYERS),
        ("servator/linking/geo.py", "import servator.rasa_runtime.training", SERVATOR_LAYERS),
        ("servator/http/health.py", "import servator.photos.limits", SERVATOR_LAYERS),
        ("servator/rasa_runtime/nlg.py", "import servator.runner.workers", SERVATOR_LAYERS),
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
