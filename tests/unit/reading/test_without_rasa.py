"""reading/ is plain text understanding: every module imports with Rasa and rasa-sdk absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# A finder that refuses rasa and rasa_sdk, then every module of reading/ imported and used once.
PROGRAM = """
import importlib, pkgutil, sys

class NoRasa:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("rasa", "rasa_sdk"):
            raise ImportError("Rasa is absent")
        return None

sys.meta_path.insert(0, NoRasa())
import reading
names = [info.name for info in pkgutil.walk_packages(reading.__path__, "reading.")]
for name in names:
    importlib.import_module(name)
from reading.danger import DangerDetector
from reading.form.grammar import form_intent
assert DangerDetector().detect("he has a knife").fired
assert form_intent("skip", "report_people", "inform", 0.9) == "skip"
assert not any(name.split(".")[0] in ("rasa", "rasa_sdk") for name in sys.modules)
print(len(names))
"""


def test_every_reading_module_imports_without_rasa() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) >= 15
