"""Replaces four methods of `rasa.shared.core.trackers.DialogueStateTracker` (checked against
Rasa 3.6.21): `applied_events`, `update`, `generate_all_prior_trackers` and
`idx_after_latest_restart`.

What: Rasa's events derive from `Event(ABC)`, so every `isinstance(event, SomeEvent)` that is not
an exact type match runs `ABCMeta.__instancecheck__`, a Python call. These four methods ask it of
every event of the session, several times a turn: `applied_events` (with the loop checks it
calls, up to five tests an event), `update` (is it an Event at all, for every event of every
tracker replay), the replay behind the policies' states and the search for the latest restart.
Here the same tests are answered from the event's class: which of the kinds these methods test a
class belongs to is found once with `issubclass` (what `isinstance` does for an object whose
`__class__` is its type) and kept by class. The methods are otherwise Rasa's, line for line; a
tracker class that overrides one of the loop helpers `applied_events` calls gets Rasa's own
`applied_events`.

Why: about 197,000 `ABCMeta.__instancecheck__` calls in 200 turns of the load generator's chats,
with `applied_events` 8.6 % and `update` 8.5 % of the Rasa process's CPU under cProfile
(docs/performance.md, section 14).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

_TRACKER = "rasa.shared.core.trackers.DialogueStateTracker"
SYMBOLS = (
    f"{_TRACKER}.applied_events",
    f"{_TRACKER}.update",
    f"{_TRACKER}.generate_all_prior_trackers",
    f"{_TRACKER}.idx_after_latest_restart",
)
# The loop helpers applied_events calls, answered here for the classes that keep Rasa's.
_LOOP_HELPERS = (
    "_first_loop_execution_or_unhappy_path",
    "_is_within_unhappy_path",
    "_undo_till_previous_loop_execution",
)

# The kinds of event these methods test, as bits.
EVENT = 1
RESET = 2  # Restarted or SessionStarted: applied_events starts again
RESTARTED = 4
ACTION_REVERTED = 8
UTTERANCE_REVERTED = 16
ACTION = 32  # ActionExecuted
LOOP = 64  # ActiveLoop
USER = 128  # UserUttered
REJECTED = 256  # ActionExecutionRejected
PREVIOUS_USER_FEATURIZATION = 512  # DefinePrevUserUtteredFeaturization

_originals: dict[str, Callable[..., Any]] = {}
# Rasa's names these methods use, read by apply() (this module imports no Rasa until then).
_rasa: dict[str, Any] = {}


def _kind_classes() -> tuple[tuple[int, Any], ...]:
    from rasa.shared.core import events

    return (
        (EVENT, events.Event),
        (RESET, (events.Restarted, events.SessionStarted)),
        (RESTARTED, events.Restarted),
        (ACTION_REVERTED, events.ActionReverted),
        (UTTERANCE_REVERTED, events.UserUtteranceReverted),
        (ACTION, events.ActionExecuted),
        (LOOP, events.ActiveLoop),
        (USER, events.UserUttered),
        (REJECTED, events.ActionExecutionRejected),
        (PREVIOUS_USER_FEATURIZATION, events.DefinePrevUserUtteredFeaturization),
    )


class _Kinds(dict[type, int]):
    """An event class -> the bits of the kinds it belongs to, found on first use."""

    def __missing__(self, cls: type) -> int:
        kinds = 0
        for bit, classes in _kind_classes():
            if issubclass(cls, classes):
                kinds |= bit
        self[cls] = kinds
        return kinds


KINDS = _Kinds()


class _KeepsRasasLoopHelpers(dict[type, bool]):
    """A tracker class -> whether it keeps Rasa's loop helpers (so the ones here may stand in)."""

    def __missing__(self, cls: type) -> bool:
        from rasa.shared.core.trackers import DialogueStateTracker

        plain = all(getattr(cls, name) is getattr(DialogueStateTracker, name) for name in _LOOP_HELPERS)
        self[cls] = plain
        return plain


_PLAIN_TRACKERS = _KeepsRasasLoopHelpers()


def _first_loop_execution_or_unhappy_path(loop_action_name: str, applied: list[Any]) -> bool:
    """Rasa's `_first_loop_execution_or_unhappy_path` with `_is_within_unhappy_path` inlined."""
    kinds = KINDS
    next_action = None
    for event in reversed(applied):
        kind = kinds[type(event)]
        if kind & LOOP and event.name is None:
            return True
        if (kind & REJECTED and event.action_name == loop_action_name) or (
            kind & USER and next_action is not None and next_action != loop_action_name
        ):
            return True
        if kind & ACTION:
            if event.action_name == loop_action_name:
                return False
            next_action = event.action_name
    return True


def _undo_till_previous_loop_execution(loop_action_name: str, done_events: list[Any]) -> None:
    kinds = KINDS
    offset = 0
    for event in reversed(done_events[:]):
        kind = kinds[type(event)]
        if kind & ACTION and event.action_name == loop_action_name:
            break
        if kind & (ACTION | USER | PREVIOUS_USER_FEATURIZATION):
            del done_events[-1 - offset]
        else:
            offset += 1


def applied_events(self: Any) -> list[Any]:
    """DialogueStateTracker.applied_events: the events applied, without the reverted ones."""
    if not _PLAIN_TRACKERS[type(self)]:
        return _originals[SYMBOLS[0]](self)  # type: ignore[no-any-return]  # Rasa's method is untyped
    kinds = KINDS
    events = self.events
    loop_names = [event.name for event in events if kinds[type(event)] & LOOP and event.name]
    applied: list[Any] = []
    for event in events:
        kind = kinds[type(event)]
        if kind & RESET:
            applied = []
        elif kind & ACTION_REVERTED:
            self._undo_till_previous(_rasa["ActionExecuted"], applied)
        elif kind & UTTERANCE_REVERTED:
            self._undo_till_previous(_rasa["UserUttered"], applied)
            self._undo_till_previous(_rasa["ActionExecuted"], applied)
        elif (
            kind & ACTION
            and event.action_name in loop_names
            and not _first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            _undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    return applied


def update(self: Any, event: Any, domain: Any = None) -> None:
    """DialogueStateTracker.update: the event logged and applied to the tracker."""
    if not KINDS[type(event)] & EVENT and not isinstance(event, _rasa["Event"]):
        raise ValueError("event to log must be an instance of a subclass of Event.")
    if self.model_id and _rasa["METADATA_MODEL_ID"] not in event.metadata:
        event.metadata = {**event.metadata, _rasa["METADATA_MODEL_ID"]: self.model_id}
    if self.assistant_id and _rasa["ASSISTANT_ID_KEY"] not in event.metadata:
        event.metadata = {**event.metadata, _rasa["ASSISTANT_ID_KEY"]: self.assistant_id}
    self.events.append(event)
    event.apply_to(self)


def generate_all_prior_trackers(self: Any) -> Generator[tuple[Any, bool], None, None]:
    """DialogueStateTracker.generate_all_prior_trackers: the tracker before each action."""
    kinds = KINDS
    tracker = self.init_copy()
    for event in self.applied_events():
        if kinds[type(event)] & ACTION:
            yield tracker, event.hide_rule_turn
        tracker.update(event)
    yield tracker, False


def idx_after_latest_restart(self: Any) -> int:
    """DialogueStateTracker.idx_after_latest_restart: the index after the latest Restarted, or 0."""
    kinds = KINDS
    events = self.events
    for i, event in enumerate(reversed(events)):
        if kinds[type(event)] & RESTARTED:
            return len(events) - i
    return 0


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.shared.constants import ASSISTANT_ID_KEY
    from rasa.shared.core.events import ActionExecuted, Event, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.nlu.constants import METADATA_MODEL_ID

    _rasa.update(
        ActionExecuted=ActionExecuted,
        Event=Event,
        UserUttered=UserUttered,
        ASSISTANT_ID_KEY=ASSISTANT_ID_KEY,
        METADATA_MODEL_ID=METADATA_MODEL_ID,
    )

    replacements = (applied_events, update, generate_all_prior_trackers, idx_after_latest_restart)
    for symbol, replacement in zip(SYMBOLS, replacements, strict=True):
        name = symbol.rsplit(".", 1)[1]
        originals[symbol] = _originals[symbol] = getattr(DialogueStateTracker, name)
        setattr(DialogueStateTracker, name, replacement)
