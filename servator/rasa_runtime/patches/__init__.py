"""Every patch of Rasa or Sanic internals, fenced here: one module per patched behaviour.

Each module's docstring says what it replaces, why (the measured figure), and the version it
was checked against (`versions.py`: Rasa 3.6.21, Sanic 21.12.2). Nothing here patches a Rasa
outside 3.6.x or a Sanic outside 21.12.x: `apply()` then serves Rasa as it comes and logs a
warning.

Patched by `apply()` (in the Rasa server process, `python -m servator.rasa_runtime.server`), each
module here that has an `apply(originals)`:
- `action_response_validation`: RemoteAction._validate_action_result
- `debug_log_copies`: the `copy` module of rasa.core.processor and rasa.core.actions.forms
- `empty_domain_check`: Domain.is_empty
- `endpoint_connections`: EndpointConfig.session
- `event_type_lookup`: Event.resolve_by_type
- `graph_runner`: DaskGraphRunner.run
- `log_anonymizer`: rasa.utils.log_utils._anonymizer (the structlog processor that drops text)
- `rule_matches_kept`: RulePolicy._get_possible_keys
- `rule_states_once`: RulePolicy._predict (wrapped), TrackerFeaturizer._create_states
- `session_rollover`: MessageProcessor._has_session_expired, ActionSessionStart.run
- `slot_copy`: Slot.__copy__ (Rasa has none; copy.copy of a slot took the generic path)
- `tracker_event_kinds`: DialogueStateTracker.applied_events / update / generate_all_prior_trackers /
  idx_after_latest_restart
Patched only while a context manager is open (and restored after):
- `validator_used_responses.counted_as_used()`: Validator._gather_utterance_actions (`servator validate`)
Set per request:
- `connection_close.close_after_response()`: Sanic's Http.keep_alive (`servator.rasa_runtime.rest_channel`)

Not patches, but subclasses that override a private method of Rasa's, so they are listed here
(PRIVATE_OVERRIDES) and checked against the same versions:
- `servator.rasa_runtime.tracker_store.ServatorSQLTrackerStore._additional_events` (SQLTrackerStore's count
  of stored events, skipped when this request loaded the tracker)
- `servator.rasa_runtime.rest_channel.GuardedRestInput._extract_message` / `_extract_sender` /
  `_extract_input_channel` (RestInput's reading of the request body, with the input guard in
  front; the body's `input_channel` ignored)

tests/unit/servator/rasa_runtime/patches/test_patches.py fails when what apply() changes in Rasa is not
what the modules say they patch, or an override is added without being listed here.
"""

from __future__ import annotations

import logging
import pkgutil
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import Any

from servator.rasa_runtime.patches import connection_close, validator_used_responses
from servator.rasa_runtime.patches.versions import CHECKED_RASA, installed_version, rasa_supported

log = logging.getLogger(__name__)


def _applied_modules() -> tuple[ModuleType, ...]:
    """The patch modules apply() installs: every module here with an `apply(originals)`, by name
    (each patches symbols of its own, so the order does not matter)."""
    modules = (import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__))
    return tuple(module for module in modules if callable(getattr(module, "apply", None)))


_APPLIED = _applied_modules()


def _symbols(module: ModuleType) -> tuple[str, ...]:
    """What a patch module patches, by dotted name: its SYMBOLS, or its one SYMBOL."""
    symbols: tuple[str, ...] = getattr(module, "SYMBOLS", None) or (module.SYMBOL,)
    return symbols


# What apply() patches, by dotted name.
APPLIED_PATCHES = tuple(symbol for module in _APPLIED for symbol in _symbols(module))
# Patched only inside validator_used_responses.counted_as_used().
SCOPED_PATCHES = (validator_used_responses.SYMBOL,)
# Set on a request's protocol object by connection_close.close_after_response().
PER_REQUEST_PATCHES = (connection_close.SYMBOL,)
# Our class's private method -> the Rasa class whose private method it overrides.
PRIVATE_OVERRIDES = {
    "servator.rasa_runtime.tracker_store.ServatorSQLTrackerStore._additional_events": "rasa.core.tracker_store.SQLTrackerStore",
    "servator.rasa_runtime.rest_channel.GuardedRestInput._extract_message": "rasa.core.channels.rest.RestInput",
    "servator.rasa_runtime.rest_channel.GuardedRestInput._extract_sender": "rasa.core.channels.rest.RestInput",
    "servator.rasa_runtime.rest_channel.GuardedRestInput._extract_input_channel": "rasa.core.channels.rest.RestInput",
}

# What apply() replaced, by dotted name (the tests compare the two).
ORIGINALS: dict[str, Callable[..., Any]] = {}
_applied = False


def apply(rasa_version: str | None = None) -> bool:
    """Installs the patches on Rasa 3.6.x (idempotent); on any other version patches nothing,
    logs a warning and returns False, so Rasa is served as it comes."""
    global _applied
    if not rasa_supported(rasa_version):
        log.warning(
            "Rasa %s is not the 3.6 series the patches were checked against (%s): serving Rasa unpatched",
            rasa_version or installed_version("rasa"),
            CHECKED_RASA,
        )
        return False
    if not _applied:
        for patch in _APPLIED:
            patch.apply(ORIGINALS)
        _applied = True
    return True
