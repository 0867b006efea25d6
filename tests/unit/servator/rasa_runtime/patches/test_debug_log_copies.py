"""Rasa's processor and forms deep-copy only for debug lines, and only when those are written."""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import logging

import pytest
import structlog

from servator.rasa_runtime.patches.debug_log_copies import SYMBOLS, CopyForDebugLogs


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_the_module_uses_copy_only_to_deep_copy_arguments_of_debug_lines(symbol):
    module = importlib.import_module(symbol.rsplit(".", 1)[0])
    tree = ast.parse(inspect.getsource(module))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    uses = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "copy" and n in parents]
    assert uses, "the module uses copy"
    for name in uses:
        attribute = parents[name]
        if isinstance(attribute, ast.alias) or isinstance(parents.get(attribute), ast.Import):
            continue
        assert isinstance(attribute, ast.Attribute) and attribute.attr == "deepcopy", ast.dump(attribute)
        call, keyword = parents[attribute], parents[parents[attribute]]
        logged = parents[keyword]
        assert isinstance(call, ast.Call) and isinstance(keyword, ast.keyword), ast.dump(keyword)
        assert ast.unparse(logged.func) == "structlogger.debug", ast.unparse(logged)


@pytest.fixture()
def structlog_config():
    saved = structlog.get_config()
    yield
    structlog.configure(**saved)


@pytest.mark.parametrize("level", [logging.INFO, logging.DEBUG])
def test_a_copy_is_made_exactly_when_debug_lines_are_written(level, structlog_config):
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(level)
    shim = CopyForDebugLogs(structlog.get_logger())
    value = {"events": [{"event": "slot", "value": [1, 2]}]}
    made = shim.deepcopy(value)
    assert made == value
    assert (made is value) is (level > logging.DEBUG)
    assert shim.copy is copy.copy
