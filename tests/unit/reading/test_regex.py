"""Every pattern run on a person's text is an RE2 pattern (linear time), compiled by reading.regex."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest
import re2

from reading import regex

ROOT = Path(__file__).resolve().parents[3]
PRODUCT = ("actions", "bot", "dashboard", "nlu", "reading", "servator", "web")
# Python's `re` is allowed only where the text is the project's own: the training data and domain
# (validate, responses), the settings and environment (http/headers.py, bot.config).
TRUSTED_TEXT_ONLY = {
    "servator/rasa_runtime/validate.py",
    "servator/config/responses.py",
    "servator/http/headers.py",
    "bot/config.py",
}


def _imports_re(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(alias.name in ("re", "regex") for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module in ("re", "regex"):
            return True
    return False


def test_no_product_module_reads_text_with_backtracking_patterns() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for package in PRODUCT
        for path in sorted((ROOT / package).rglob("*.py"))
        if str(path.relative_to(ROOT)) not in TRUSTED_TEXT_ONLY and _imports_re(path)
    ]
    assert offenders == [], f"compile these modules' patterns with reading.regex (RE2): {offenders}"


def test_the_trusted_list_names_real_modules() -> None:
    assert all((ROOT / name).is_file() and _imports_re(ROOT / name) for name in TRUSTED_TEXT_ONLY)


def test_every_module_level_pattern_in_reading_is_linear() -> None:
    import reading

    checked = 0
    for module_info in pkgutil.walk_packages(reading.__path__, "reading."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else [value]
            for item in values:
                if not isinstance(item, type) and hasattr(item, "pattern") and hasattr(item, "search"):
                    assert regex.is_linear(item), f"{module_info.name}.{name} is not an RE2 pattern"
                    checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "backtracking",
    [r"(?<![a-z])x", r"x(?!y)", r"([a-z])\1", r"(?=a)a"],
)
def test_constructs_that_need_backtracking_are_refused(backtracking: str) -> None:
    with pytest.raises(re2.error):
        regex.compile(backtracking)


def test_compile_options() -> None:
    assert regex.compile("abc", ignore_case=True).search("xABCx")
    assert not regex.compile("abc").search("ABC")
    assert regex.compile(regex.escape("a.b+")).fullmatch("a.b+")
    assert not regex.compile(regex.escape("a.b")).fullmatch("axb")
    assert regex.is_linear(regex.compile("x")) and not regex.is_linear(object())
