"""The graph-component part shared by the components around one LinearIntentModel: built empty,
trained and saved in the component's resource (nlu/linear_model.py: arrays, no pickle), loaded back."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from nlu import linear_model
from nlu.linear_model import LinearIntentModel

Component = TypeVar("Component", bound="PersistedLinearModel")


class PersistedLinearModel(GraphComponent):
    """Holds the config, the storage and one fitted model; subclasses say how they `_use` it."""

    MODEL_FILE: ClassVar[str]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: LinearIntentModel | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._use(model)

    def _use(self, model: LinearIntentModel | None) -> None:
        raise NotImplementedError

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The code that fits and saves the model: Rasa's training cache keys a component on its
        class, config and data, so without this a model fitted or saved by older code is reused."""
        digest = hashlib.sha256(cls.MODEL_FILE.encode())
        digest.update(Path(linear_model.__file__).read_bytes())
        return digest.hexdigest()[:16]

    @classmethod
    def create(
        cls: type[Component],
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Component:
        """An untrained component."""
        return cls(config, model_storage, resource)

    def _keep(self, model: LinearIntentModel) -> Resource:
        """Uses a freshly fitted model and saves it in the resource."""
        self._use(model)
        with self._model_storage.write_to(self._resource) as folder:
            model.save(folder / self.MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls: type[Component],
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Component:
        """The trained component, its model read back from the resource."""
        with model_storage.read_from(resource) as folder:
            model = LinearIntentModel.load(folder / cls.MODEL_FILE)
        return cls(config, model_storage, resource, model)
