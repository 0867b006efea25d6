"""Speed-ups applied inside the Rasa server process (`python -m servator.rasa_server`).

Each one keeps Rasa's behaviour and removes work the profile showed repeated on every turn
(docs/performance.md):

- Rasa validates every action-server response with `jsonschema.validate`, which re-checks the
  schema itself against the JSON-Schema meta-schema on every call: 43 % of the Rasa server's CPU
  in a form turn. The same validation with a validator built once.
- Rasa finds an event's class by its type name by walking every subclass of Event, for every
  event of every tracker it loads: over a third of the SQL tracker store's time. The same
  look-up through a table, rebuilt when a name is not in it.
- Every NLU parse and every action prediction runs the model's graph through dask's scheduler,
  whose bookkeeping cost more than some of the components it runs. The same nodes, called
  in the same dependency order, by a plain loop over a plan computed once per set of targets.
"""
from __future__ import annotations

import functools
from typing import Any, Callable, Dict, List, Optional, Set, Tuple, Type

_APPLIED = False
# What apply() replaced, by name (tests compare the two).
_ORIGINALS: Dict[str, Callable[..., Any]] = {}


@functools.lru_cache(maxsize=None)
def _action_response_validator() -> Any:
    """Rasa's action-response schema, checked once, as a ready validator."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """What RemoteAction._validate_action_result does, with the validator built once."""
    from jsonschema import exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


_event_classes: Dict[str, Any] = {}


def resolve_event_type(type_name: str, default: Optional[Type[Any]] = None) -> Optional[Type[Any]]:
    """Event.resolve_by_type with a name -> class table (the first subclass with a name wins, as in Rasa)."""
    if type_name not in _event_classes:
        from rasa.shared.core.events import Event
        from rasa.shared.utils.common import all_subclasses

        for cls in all_subclasses(Event):
            _event_classes.setdefault(cls.type_name, cls)
    if type_name in _event_classes:
        return _event_classes[type_name]
    if type_name == "topic":
        return None  # as Rasa: old TopicSet events
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def _plan(runner: Any, targets: Tuple[str, ...]) -> List[Tuple[str, Tuple[str, ...]]]:
    """(node, the nodes it needs) for every node the targets depend on, dependencies first."""
    plans = runner.__dict__.setdefault("_servator_plans", {})
    if targets not in plans:
        nodes = runner._graph_schema.minimal_graph_schema(list(targets)).nodes
        order: List[Tuple[str, Tuple[str, ...]]] = []
        placed: Set[str] = set()

        def place(name: str) -> None:
            if name in placed or name not in nodes:
                return
            placed.add(name)
            needs = tuple(nodes[name].needs.values())
            for need in needs:
                place(need)
            order.append((name, needs))

        for target in targets:
            place(target)
        plans[targets] = order
    return plans[targets]


def run_graph_in_order(self: Any, inputs: Optional[Dict[str, Any]] = None,
                       targets: Optional[List[str]] = None) -> Dict[str, Any]:
    """DaskGraphRunner.run without dask: each node gets the (name, output) pairs it needs (a name
    that is neither a node nor an input is passed as it is, as dask does)."""
    from rasa.engine.exceptions import GraphRunError

    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    plan = _plan(self, run_targets)
    values: Dict[str, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in self._graph_schema.nodes:
            raise GraphRunError(f"Input value '{value}' clashes with a node name.")
        values[name] = (name, value)
    try:
        for name, needs in plan:
            values[name] = self._instantiated_nodes[name](*(values.get(need, need) for need in needs))
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e
    return dict(values[target] for target in run_targets)


def apply() -> None:
    """Installs the speed-ups (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    from rasa.core.actions.action import RemoteAction
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import Event

    _ORIGINALS.update({"RemoteAction._validate_action_result": RemoteAction._validate_action_result,
                       "Event.resolve_by_type": Event.resolve_by_type, "DaskGraphRunner.run": DaskGraphRunner.run})
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_event_type)
    DaskGraphRunner.run = run_graph_in_order
    _APPLIED = True
