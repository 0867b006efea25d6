"""Rasa graph components built as the trained model builds them, on a throwaway model storage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource


@pytest.fixture(scope="module")
def storage(tmp_path_factory: pytest.TempPathFactory) -> LocalModelStorage:
    return LocalModelStorage(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="module")
def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


@pytest.fixture(scope="module")
def build(storage: LocalModelStorage, context: ExecutionContext) -> Callable[[Any], Any]:
    """component class -> the component, made with its default config."""

    def _build(component: Any) -> Any:
        return component.create(
            component.get_default_config(), storage, Resource(component.__name__), context
        )

    return _build
