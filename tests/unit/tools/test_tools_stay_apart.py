"""The product never imports the tooling or the tests, nor reads files under tests/; tools are not installed."""

from __future__ import annotations

import ast
import re

from tests.support.stack import ROOT

PRODUCT_PACKAGES = ("servator", "nlu", "reading", "actions", "bot", "web", "dashboard", "rasa_sdk_plugins")


def test_product_code_imports_neither_tools_nor_tests_and_reads_nothing_under_tests():
    found: list[str] = []
    for package in PRODUCT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source)):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                found += [
                    f"{path.relative_to(ROOT)}: {name}"
                    for name in names
                    if name.split(".")[0] in ("tools", "tests")
                ]
            if re.search(r"""["']tests["']|["']tests/""", source):
                found.append(f"{path.relative_to(ROOT)}: reads tests/")
    assert found == []


def test_tools_and_tests_are_not_packaged():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    include = re.search(r"include = \[(.*?)\]", pyproject)
    assert include is not None
    packaged = re.findall(r'"([a-z_]+)\*?"', include.group(1))
    assert set(packaged) == set(PRODUCT_PACKAGES)
