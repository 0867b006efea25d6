"""Replaces `rasa.shared.core.events.Event.resolve_by_type` (checked against Rasa 3.6.21).

What: Rasa finds an event's class by its type name by walking every subclass of `Event`, for
every event of every tracker it loads. This looks the name up in a table (the first subclass
with a name wins, as in Rasa), rebuilt when a name is not in it.

Why: the SQL tracker store was 29 % of the Rasa server's CPU, and this walk over a third of the
store's time; on a 54-event conversation the store's retrieve went from 2.3 ms to 1.3 ms
(docs/performance.md, section 2, with the SQLite tracker-store tuning: 13.0 -> 9.7 ms per
message for one client, 114 -> 160 msg/s for 16 users).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SYMBOL = "rasa.shared.core.events.Event.resolve_by_type"

_event_classes: dict[str, type[Any]] = {}


def resolve_event_type(type_name: str, default: type[Any] | None = None) -> type[Any] | None:
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


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.shared.core.events import Event

    originals[SYMBOL] = Event.resolve_by_type
    Event.resolve_by_type = staticmethod(resolve_event_type)
