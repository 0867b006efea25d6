"""Test modules mirror the product modules, and never import one another: what tests share lives in
tests/support/."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.stack import ROOT

TEST_PACKAGES = ("tests.unit", "tests.integration")


def imports_of_test_modules() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"
                for name in names
                if name.startswith(TEST_PACKAGES)
            ]
    return found


def test_no_test_module_imports_another():
    assert imports_of_test_modules() == []


# Every product module outside servator/ has tests/unit/<package>/.../test_<module>.py (a package's own
# __init__.py: test_<package>.py in its folder; __main__.py: test_main.py). servator/ is being
# reorganised into subpackages and joins this list when that is done.
MIRRORED_PACKAGES = ("actions", "bot", "dashboard", "nlu", "rasa_sdk_plugins", "reading", "web")
# Modules with no behaviour of their own, each with why; keep this short.
NO_BEHAVIOUR = {
    "dashboard/__main__.py": "reads the settings and serves; started by tests/support/dashboard.py",
    "web/__main__.py": "reads the settings and serves; started by tests/support/chat_page.py",
    "dashboard/keys.py": "the names the dashboard keeps on its aiohttp application",
    "reading/intents.py": "intent names",
    "reading/when_words.py": "word tables read by reading/when.py",
    "reading/danger/cues.py": "token patterns, fired through the detector (test_detector_*.py)",
    "reading/danger/harmless.py": "token patterns, fired through the detector (test_detector_*.py)",
    "reading/danger/patterns.py": "token patterns, fired through the detector (test_detector_*.py)",
    "reading/danger/harm.py": "token patterns, fired through the detector (test_detector_*.py)",
    "reading/danger/rules.py": "phrase and pattern tables, fired through the detector (test_detector_*.py)",
}


def mirror_of(module: Path) -> Path:
    """Where a product module's own unit tests live."""
    folder = ROOT / "tests" / "unit" / module.parent.relative_to(ROOT)
    if module.name == "__init__.py":
        return folder / f"test_{module.parent.name}.py"
    if module.name == "__main__.py":
        return folder / "test_main.py"
    return folder / f"test_{module.stem}.py"


def only_marks_a_package(module: Path) -> bool:
    """An __init__.py that only documents its package or re-exports names: nothing of its own to test."""
    if module.name != "__init__.py":
        return False
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return not any(
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for node in tree.body
    )


def unmirrored_modules() -> list[str]:
    found = []
    for package in MIRRORED_PACKAGES:
        for module in sorted((ROOT / package).rglob("*.py")):
            name = str(module.relative_to(ROOT))
            if "/static/" in name or only_marks_a_package(module) or name in NO_BEHAVIOUR:
                continue
            if not mirror_of(module).is_file():
                found.append(f"{name} has no {mirror_of(module).relative_to(ROOT)}")
    return found


def test_every_product_module_has_its_own_test_module():
    assert unmirrored_modules() == []


def test_the_modules_without_behaviour_are_still_there_and_still_untested():
    for name in NO_BEHAVIOUR:
        assert (ROOT / name).is_file(), f"{name} is gone: take it off the list"
        assert not mirror_of(ROOT / name).is_file(), f"{name} has tests now: take it off the list"
