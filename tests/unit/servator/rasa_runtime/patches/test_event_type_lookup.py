"""The patched event look-up resolves event classes by name as Rasa's own does."""

from __future__ import annotations

import pytest

from servator.rasa_runtime.patches.event_type_lookup import resolve_event_type


def test_event_types_resolve_as_in_rasa():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    for cls in all_subclasses(Event):
        assert resolve_event_type(cls.type_name) is Event.resolve_by_type(cls.type_name)
    assert resolve_event_type("topic") is None
    with pytest.raises(ValueError):
        resolve_event_type("no such event")
