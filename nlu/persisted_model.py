"""The graph-component part shared by the components around linear models: built empty, trained
and saved in the component's resource (nlu/linear_model.py: arrays, no pickle), loaded back.

A component keeps one model (`_keep`, `_use`, in MODEL_FILE) or several by name (`_keep_models`,
`_use_models`, each in `<name>-MODEL_FILE`: one per language).
"""

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
# The name of a component's only model.
ONLY = ""


class PersistedLinearModel(GraphComponent):
    """Holds the config (`C`), the storage and its fitted models; subclasses say how they `_use` them."""

    MODEL_FILE: ClassVar[str]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        models: dict[str, LinearIntentModel] | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._use_models(models or {})

    def _use(self, model: LinearIntentModel | None) -> None:
        raise NotImplementedError

    def _use_models(self, models: dict[str, LinearIntentModel]) -> None:
        """Components with several models override this; one model (or None, untrained) otherwise."""
        self._use(models.get(ONLY))

    @classmethod
    def _file_name(cls, name: str) -> str:
        return cls.MODEL_FILE if name == ONLY else f"{name}-{cls.MODEL_FILE}"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """`C`: the SVM's regularisation (1.0 measured best for the intent model on the held-out set)."""
        return {"C": 1.0}

    @property
    def _c(self) -> float:
        """The SVM's regularisation the config sets."""
        return float(self._config.get("C", 1.0))

    @classmethod
    def _inputs_fingerprint(cls) -> str | None:
        """The files outside Rasa's data that the models are fitted on (None: only Rasa's data)."""
        return None

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The code that fits and saves the model, then the files outside Rasa's data it is fitted on
        (`_inputs_fingerprint`): Rasa's training cache keys a component on its class, config and
        data, so without this a model fitted or saved by older code, or on older files, is reused."""
        digest = hashlib.sha256(cls.MODEL_FILE.encode())
        digest.update(Path(linear_model.__file__).read_bytes())
        inputs = cls._inputs_fingerprint()
        return digest.hexdigest()[:16] + (f"-{inputs}" if inputs is not None else "")

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
        return self._keep_models({ONLY: model})

    def _keep_models(self, models: dict[str, LinearIntentModel]) -> Resource:
        """Uses freshly fitted models and saves each in the resource, under its name."""
        self._use_models(models)
        with self._model_storage.write_to(self._resource) as folder:
            for name, model in models.items():
                model.save(folder / self._file_name(name))
        return self._resource

    @classmethod
    def _name_of(cls, path: Path) -> str | None:
        if path.name == cls.MODEL_FILE:
            return ONLY
        suffix = f"-{cls.MODEL_FILE}"
        return path.name[: -len(suffix)] if path.name.endswith(suffix) else None

    @classmethod
    def load(
        cls: type[Component],
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Component:
        """The trained component, its models read back from the resource."""
        with model_storage.read_from(resource) as folder:
            models = {
                name: LinearIntentModel.load(path)
                for path in sorted(folder.iterdir())
                if (name := cls._name_of(path)) is not None
            }
        return cls(config, model_storage, resource, models)
