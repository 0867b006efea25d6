"""No message text in any log record, in every process the runner starts (Rasa's included).

Text reaches logs two ways: code that logs it (Rasa 3.6 logs the text of a turn whose front end
timed out, `rest.message.received.timeout`, at ERROR; a `/`-message it cannot parse at WARNING)
and exception messages that quote it. The guarantee lies in the pipeline, not in memory:

- Rasa's structlog events lose the values of every text-bearing key (`text_free`, the first
  processor of Rasa's pipeline: servator.rasa_runtime.patches.log_anonymizer), however they are rendered;
- `install()` replaces the logging module's record factory, so every record, whoever logs it and
  whichever handler prints it, is cleaned when it is made: in a JSON record the text-bearing keys'
  values are replaced; in a plain record from Rasa (loggers `rasa...`), whatever it quotes
  ('...' or "...") is replaced; an exception's traceback text is cleaned the same way;
- Python warnings are cleaned as they are formatted (`warnings.formatwarning`), quotes and all, so
  Rasa's warnings that quote a message (an unparsable `/intent{...}`) leave it out.

As a further layer, texts this process received recently (`remember`: the REST channel, the web
chat, the bot, the action server's trackers) are replaced wherever they appear.
"""

from __future__ import annotations

import json
import logging
import threading
import traceback
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from reading import regex

REDACTED = "[redacted]"
# Keys of structured records whose values are what people typed (rasa/utils/log_utils.py's
# anonymizable keys, and the ones this project uses).
TEXT_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
        "request_body",
    }
)
# Shorter texts ("yes", "no", "skip") say nothing about anyone, and hiding them would cut
# ordinary words out of every log line.
MIN_REMEMBERED_CHARS = 5
MAX_REMEMBERED = 500

# A quoted span in a plain log line or warning (linear time: RE2).
_QUOTED = regex.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
QUOTING_LOGGERS = ("rasa", "sanic")

_recent: OrderedDict[str, None] = OrderedDict()
_lock = threading.Lock()
_installed = False


def _forms(text: str) -> set[str]:
    """The ways a text shows up in a log line: as typed, JSON-escaped, repr'd; stripped of spaces."""
    forms = {text, text.strip(), json.dumps(text)[1:-1], repr(text)[1:-1], json.dumps(text.strip())[1:-1]}
    return {form for form in forms if len(form) >= MIN_REMEMBERED_CHARS}


def remember(*texts: Any) -> None:
    """Texts this process received from people: kept (in memory only) so logs can leave them out."""
    with _lock:
        for text in texts:
            if not isinstance(text, str) or len(text.strip()) < MIN_REMEMBERED_CHARS:
                continue
            for form in _forms(text):
                _recent[form] = None
                _recent.move_to_end(form)
        while len(_recent) > MAX_REMEMBERED:
            _recent.popitem(last=False)


def forget_all() -> None:
    """Drop every remembered text (tests)."""
    with _lock:
        _recent.clear()


def _without_known_texts(message: str) -> str:
    with _lock:
        known = sorted((form for form in _recent if form in message), key=len, reverse=True)
    for form in known:
        message = message.replace(form, REDACTED)
    return message


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: REDACTED if key in TEXT_KEYS else _scrub(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    return value


def text_free(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: the event with every text-bearing key's value replaced, at any depth
    (servator.rasa_runtime.patches.log_anonymizer puts it first in Rasa's pipeline)."""
    cleaned: dict[str, Any] = _scrub(event_dict)
    return cleaned


def _without_text_fields(message: str) -> str:
    """A JSON object (Rasa's structlog records) with the text-bearing keys' values replaced."""
    stripped = message.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return message
    try:
        data = json.loads(stripped)
    except ValueError:
        return message
    return json.dumps(_scrub(data)) if isinstance(data, dict) else message


def _is_json_object(message: str) -> bool:
    stripped = message.strip()
    return stripped.startswith("{") and stripped.endswith("}")


def without_quotes(message: str) -> str:
    """Every quoted span ('...' or "...") replaced; a JSON object is left to the text-field rule."""
    return message if _is_json_object(message) else _QUOTED.sub(f"'{REDACTED}'", message)


def redact(message: str, quoted: bool = False) -> str:
    """The message with every remembered text and every text field replaced by [redacted]; with
    `quoted`, every quoted span too."""
    cleaned = _without_known_texts(_without_text_fields(message))
    return without_quotes(cleaned) if quoted else cleaned


def _clean(record: logging.LogRecord) -> logging.LogRecord:
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string must not lose the record
        message = str(record.msg)
    quoted = record.name.startswith(QUOTING_LOGGERS)
    record.msg, record.args = redact(message, quoted), None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"), True)
    elif record.exc_text:
        record.exc_text = redact(record.exc_text, True)
    return record


def install() -> None:
    """Clean every log record this process makes from now on (idempotent)."""
    global _installed
    if _installed:
        return
    make_record: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()

    def cleaned_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _clean(make_record(*args, **kwargs))

    logging.setLogRecordFactory(cleaned_record)
    format_warning = warnings.formatwarning

    def cleaned_warning(*args: Any, **kwargs: Any) -> str:
        return redact(format_warning(*args, **kwargs), quoted=True)

    warnings.formatwarning = cleaned_warning
    _installed = True


def remember_tracker(tracker: Any) -> None:
    """The texts in an action-server request: the latest message and every text slot value."""
    if not isinstance(tracker, dict):
        return
    latest = tracker.get("latest_message")
    texts: list[Any] = [latest.get("text")] if isinstance(latest, dict) else []
    slots = tracker.get("slots")
    if isinstance(slots, dict):
        texts.extend(_strings(slots.values()))
    remember(*texts)


def _strings(values: Iterable[Any]) -> list[str]:
    found: list[str] = []
    for value in values:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found.extend(_strings(value.values()))
        elif isinstance(value, list):
            found.extend(_strings(value))
    return found
