"""No message text in any log record or warning, whoever logs it (servator.log_privacy)."""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Iterator

import pytest

from servator import log_privacy

TEXT = 'my name is Alice Example, 07700 900123, "quoted" and café'


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    log_privacy.forget_all()
    yield
    log_privacy.forget_all()


@pytest.fixture(scope="module", autouse=True)
def installed() -> None:
    log_privacy.install()


def test_a_remembered_text_is_replaced_as_typed_json_escaped_and_repr_d(caplog):
    log_privacy.remember(TEXT)
    logger = logging.getLogger("rasa.core.processor")
    with caplog.at_level(logging.DEBUG):
        logger.debug("Received user message '%s' with intent 'greet'", TEXT)
        logger.info("parsed %s", json.dumps({"data": TEXT}))
        logger.warning("slots %r", {"report_description": TEXT})
    for record in caplog.records:
        message = record.getMessage()
        assert "Alice" not in message and "07700" not in message, message
        assert log_privacy.REDACTED in message


def test_rasa_s_structured_records_lose_their_text_fields(caplog):
    """What rasa/core/channels/rest.py logs when a front end times out, as structlog renders it."""
    event = {"text": "never seen before by this process", "event": "rest.message.received.timeout"}
    with caplog.at_level(logging.ERROR):
        logging.getLogger("rasa.core.channels.rest").error(json.dumps(event))
    logged = json.loads(caplog.records[0].getMessage())
    assert logged == {"text": log_privacy.REDACTED, "event": "rest.message.received.timeout"}


def test_exception_tracebacks_are_cleaned(caplog):
    log_privacy.remember(TEXT)
    with caplog.at_level(logging.ERROR):
        try:
            raise ValueError(f"invalid isoformat string: {TEXT!r}")
        except ValueError:
            logging.getLogger("rasa_sdk.endpoint").exception("Exception occurred during execution")
    handler_text = logging.Formatter().format(caplog.records[0])
    assert "Alice" not in handler_text and "ValueError" in handler_text


def test_warnings_are_cleaned():
    log_privacy.remember(TEXT)
    shown = warnings.formatwarning(f"Failed to parse arguments in line '{TEXT}'", UserWarning, "x.py", 1)
    assert "Alice" not in shown and "Failed to parse" in shown


def test_short_answers_are_not_hidden_from_ordinary_words(caplog):
    log_privacy.remember("yes", "no")
    with caplog.at_level(logging.INFO):
        logging.getLogger("web").info("relay ok in 12 ms, 2 replies; notification sent")
    assert caplog.records[0].getMessage() == "relay ok in 12 ms, 2 replies; notification sent"


def test_an_action_server_request_s_texts_are_remembered(caplog):
    tracker = {
        "latest_message": {"text": "the latest message text"},
        "slots": {
            "report_people": "a tall man in a red coat",
            "report_details": {"place": "Grosvenor Square"},
        },
    }
    log_privacy.remember_tracker(tracker)
    with caplog.at_level(logging.ERROR):
        logging.getLogger("x").error(
            "failed on %s / %s / %s",
            "the latest message text",
            "a tall man in a red coat",
            "Grosvenor Square",
        )
    assert caplog.records[0].getMessage() == "failed on [redacted] / [redacted] / [redacted]"


def test_rasas_structlog_pipeline_drops_text_fields_without_remembering_anything():
    import structlog
    from rasa.utils import log_utils

    from servator.rasa_runtime import patches as rasa_patches

    rasa_patches.apply()
    log_utils.configure_structlog(logging.INFO)
    first = structlog.get_config()["processors"][0]
    assert first is log_privacy.text_free, "the first processor of Rasa's pipeline"
    event = first(
        None, "error", {"event": "rest.message.received.timeout", "text": TEXT, "x": [{"user_message": TEXT}]}
    )
    assert event == {
        "event": "rest.message.received.timeout",
        "text": log_privacy.REDACTED,
        "x": [{"user_message": log_privacy.REDACTED}],
    }


def test_a_plain_rasa_line_or_warning_loses_what_it_quotes_without_remembering_anything(caplog):
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("rasa.core.processor").debug("Received user message '%s' with intent", TEXT[:20])
    assert "Alice" not in caplog.records[-1].getMessage()
    shown = warnings.formatwarning(
        f'Failed to parse arguments in line \'/restart{{"who": "{TEXT[:20]}"}}\'', UserWarning, "io.py", 1
    )
    assert "Alice" not in shown and "Failed to parse arguments" in shown
