"""Every patch of Rasa or Sanic is listed in servator.rasa_runtime.patches, and none applies to another Rasa."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import logging
import pkgutil
import subprocess
import sys

import pytest

from servator.rasa_runtime import patches as rasa_patches
from servator.rasa_runtime.patches import versions
from tests.support.stack import ROOT

PRODUCT_PACKAGES = ("servator", "nlu", "actions", "bot", "web")
THIRD_PARTY = ("rasa", "rasa_sdk", "sanic")

# Run in a fresh interpreter: every attribute of every class and module of Rasa, rasa_sdk and Sanic
# that is loaded, before and after apply(); prints the dotted names of what changed or was added.
_SNAPSHOT_APPLY_DIFF = """
import json, sys
import rasa.core.actions.action, rasa.core.actions.forms, rasa.core.featurizers.tracker_featurizers, rasa.core.policies.rule_policy, rasa.core.processor, rasa.engine.runner.dask, rasa.shared.core.events, rasa.utils.log_utils, rasa.validator, sanic

def snapshot():
    seen = {}
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in ("rasa", "rasa_sdk", "sanic"):
            continue
        for attr, value in list(vars(module).items()):
            seen[f"{name}.{attr}"] = id(value)
            if isinstance(value, type) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    seen[f"{name}.{value.__qualname__}.{member}"] = id(inner)
    return seen

from servator.rasa_runtime import patches as rasa_patches
before = snapshot()
assert rasa_patches.apply() is True
after = snapshot()
print(json.dumps(sorted(key for key in {*before, *after} if after.get(key) != before.get(key))))
"""


def test_apply_patches_exactly_the_listed_symbols_and_keeps_the_originals():
    done = subprocess.run(
        [sys.executable, "-c", _SNAPSHOT_APPLY_DIFF], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    changed = json.loads(done.stdout.strip().splitlines()[-1])
    assert sorted(changed) == sorted(rasa_patches.APPLIED_PATCHES)


def test_every_patch_module_says_what_it_replaces_why_and_the_version():
    modules = [
        importlib.import_module(f"servator.rasa_runtime.patches.{info.name}")
        for info in pkgutil.iter_modules(rasa_patches.__path__)
        if info.name != "versions"
    ]
    listed = set(
        rasa_patches.APPLIED_PATCHES + rasa_patches.SCOPED_PATCHES + rasa_patches.PER_REQUEST_PATCHES
    )
    symbols = {module: getattr(module, "SYMBOLS", None) or (module.SYMBOL,) for module in modules}
    assert {s for names in symbols.values() for s in names} == listed, (
        "one module per patched behaviour, each listed"
    )
    for module, names in symbols.items():
        doc = " ".join((module.__doc__ or "").split())
        assert all(name.rsplit(".", 2)[-2] in doc for name in names)
        assert "checked against Rasa 3.6.21" in doc
        assert "Why:" in doc and "What:" in doc


def test_another_rasa_version_is_served_unpatched_with_a_warning(caplog: pytest.LogCaptureFixture):
    from rasa.core.actions.action import ActionSessionStart, RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.slots import Slot
    from rasa.utils.endpoints import EndpointConfig

    def patchable() -> tuple[object, ...]:
        return (
            Domain.is_empty,
            getattr(Slot, "__copy__", None),
            RemoteAction._validate_action_result,
            Event.resolve_by_type,
            DaskGraphRunner.run,
            MessageProcessor._has_session_expired,
            ActionSessionStart.run,
            EndpointConfig.session,
        )

    current = patchable()
    with caplog.at_level(logging.WARNING, logger="servator.rasa_runtime.patches"):
        assert rasa_patches.apply("3.7.0") is False
    assert patchable() == current
    assert "3.7.0" in caplog.text and "unpatched" in caplog.text
    assert [versions.rasa_supported(v) for v in ("3.6.0", "3.6.21", "3.5.17", "3.7.0", "4.0")] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert versions.rasa_supported(), "the installed Rasa is the one the patches were checked against"


def _third_party_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> module, for every import from Rasa, rasa_sdk or Sanic."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in THIRD_PARTY:
            names.update({alias.asname or alias.name: node.module or "" for alias in node.names})
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in THIRD_PARTY:
                    names[alias.asname or alias.name.split(".")[0]] = alias.name
    return names


def _root_name(node: ast.AST) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def test_no_code_outside_rasa_patches_assigns_to_rasa_or_sanic():
    fence = ROOT / "servator" / "rasa_runtime" / "patches"
    found: list[str] = []
    for package in PRODUCT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if fence in path.parents:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = _third_party_names(tree)
            for node in ast.walk(tree):
                targets: list[ast.AST] = []
                if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                elif (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", "") in ("setattr", "delattr")
                    and node.args
                ):
                    targets = [ast.Attribute(value=node.args[0], attr="?")]
                for target in targets:
                    if isinstance(target, ast.Attribute) and _root_name(target) in imported:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == [], "patches of Rasa or Sanic belong in servator/rasa_runtime/patches/"


def _product_modules() -> list[str]:
    names = []
    for package in ("servator", "nlu", "actions"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" not in info.name:
                names.append(info.name)
    return names


def test_every_override_of_a_private_rasa_method_is_listed():
    found: dict[str, str] = {}
    for name in _product_modules():
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != name:
                continue
            for member in vars(cls):
                if not member.startswith("_") or member.startswith("__") or member == "_abc_impl":
                    continue
                for base in cls.__mro__[1:]:
                    if base.__module__.split(".")[0] in THIRD_PARTY and member in vars(base):
                        found[f"{name}.{cls.__qualname__}.{member}"] = (
                            f"{base.__module__}.{base.__qualname__}"
                        )
                        break
    assert found == rasa_patches.PRIVATE_OVERRIDES
