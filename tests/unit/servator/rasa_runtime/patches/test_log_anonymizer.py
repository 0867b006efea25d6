"""Rasa's structlog pipeline hides text fields from its first processor on."""

from __future__ import annotations

import logging

from servator import log_privacy

TEXT = "my name is Alice Example, 07700 900123"


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
