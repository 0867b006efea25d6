"""Replaces `rasa.core.processor.MessageProcessor._has_session_expired` and
`rasa.core.actions.action.ActionSessionStart.run` (checked against Rasa 3.6.21).

What: Rasa starts a new conversation session only after `session_expiration_time` minutes of
silence, so a conversation that keeps going stays one session, and every turn loads, replays,
featurises and (for the action server) serialises all of it. Here a session also ends once it
holds `MAX_SESSION_EVENTS` events: the next message starts a new one, through Rasa's own session
start. That start carries over, when the domain's `carry_over_slots_to_new_session` is true (it
is), one `SlotSet` per slot whose value differs from its initial value (Rasa copies every
`SlotSet` event of the old session, which would fill the new session with them) and the active
loop, so a half-filled report carries on where it was. The loop's `ActiveLoop` event keeps, in
its metadata, the time the loop started (`LOOP_STARTED_KEY`), from which the report's submission
key is derived. Rasa's SQL tracker store loads only the latest session, so the cost of a turn no
longer grows with the length of the conversation.

Why: one conversation of 560 ordinary turns on one worker used 24 ms of Rasa's CPU per turn in
turns 0-60 and 403 ms in turns 500-560 (a session of 4,400-4,900 events, p95 64 ms and 1,850 ms);
with sessions of at most 100 events, 12.2 and 12.0 ms (p95 26.9 and 26.1 ms) in the same kind of
run (docs/performance.md, section 4). Lowered to 40 events (docs/performance.md, section 5): a
shorter session is less to load, replay and featurise per turn; 16 users on two workers gave
220.9 msg/s against 208.7 with 100, in two quiet runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from servator.config.constants import LOOP_STARTED_KEY

SYMBOLS = (
    "rasa.core.processor.MessageProcessor._has_session_expired",
    "rasa.core.actions.action.ActionSessionStart.run",
)
# Events in one session (the tracker as loaded, new message not yet added) before a new one starts.
MAX_SESSION_EVENTS = 40


def session_ended(original: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    """Rasa's expiry test, or the session is full."""

    def has_session_expired(self: Any, tracker: Any) -> bool:
        if len(tracker.events) >= MAX_SESSION_EVENTS and self.domain.session_config.are_sessions_enabled():
            return True
        return original(self, tracker)

    return has_session_expired


def carried_over(tracker: Any) -> list[Any]:
    """One SlotSet per slot not at its initial value, then the active loop, if any."""
    from rasa.shared.core.events import ActiveLoop, SlotSet

    events: list[Any] = [
        SlotSet(slot.name, slot.value) for slot in tracker.slots.values() if slot.value != slot.initial_value
    ]
    loop = tracker.active_loop_name
    if loop:
        events.append(ActiveLoop(loop, metadata={LOOP_STARTED_KEY: loop_started(tracker, loop)}))
    return events


def loop_started(tracker: Any, loop: str) -> float | None:
    """When the active loop started: its latest ActiveLoop event's carried start, or its time."""
    from rasa.shared.core.events import ActiveLoop

    for event in reversed(tracker.events):
        if isinstance(event, ActiveLoop) and event.name == loop:
            return float(event.metadata.get(LOOP_STARTED_KEY, event.timestamp))
    return None


async def start_session(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Any]:
    """ActionSessionStart.run: SessionStarted, what is carried over, then listen."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    events: list[Any] = [SessionStarted()]
    if domain.session_config.carry_over_slots:
        events.extend(carried_over(tracker))
    events.append(ActionExecuted(ACTION_LISTEN_NAME))
    return events


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.core.actions.action import ActionSessionStart
    from rasa.core.processor import MessageProcessor

    expired, run = SYMBOLS
    originals[expired] = MessageProcessor._has_session_expired
    originals[run] = ActionSessionStart.run
    MessageProcessor._has_session_expired = session_ended(MessageProcessor._has_session_expired)
    ActionSessionStart.run = start_session
