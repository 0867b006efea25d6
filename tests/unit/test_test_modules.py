"""A test module never imports another test module: what tests share lives in tests/support/."""

from __future__ import annotations

import ast

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
