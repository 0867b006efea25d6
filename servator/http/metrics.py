"""Prometheus metrics of every process of the stack, and the one scrape that adds them up.

Each process counts what it does into the metrics below: Rasa (messages, turn latency,
emergency replies), the action server (reports stored or queued, action and storage
latency), the web chat and the Telegram bot (their own messages and latency, officer alerts).
`servator run` gives them one private folder, PROMETHEUS_MULTIPROC_DIR (default
`var/metrics-<rasa port>/`, emptied at start), where prometheus_client's multiprocess mode
keeps each process's numbers; `scrape()` (the web chat's `/metrics`) adds them up and appends
the state read at scrape time (database, outbox, notification backlog: `servator.http.health`).
A process run alone, without the folder, keeps its metrics to itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from servator.config.settings import Settings

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # read through servator.config.settings (metrics_dir)

if Settings.from_env().metrics_dir:  # prometheus_client writes there from the first metric on
    Path(Settings.from_env().metrics_dir).mkdir(mode=0o700, parents=True, exist_ok=True)

from prometheus_client import (  # noqa: E402 - after the folder exists
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily  # noqa: E402
from prometheus_client.registry import Collector  # noqa: E402

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

MESSAGES = Counter("servator_messages", "Messages Rasa's REST channel handled, from every front end")
TURN_SECONDS = Histogram(
    "servator_turn_seconds", "Rasa: from a message in to its replies out", buckets=LATENCY_BUCKETS
)
EMERGENCIES = Counter("servator_emergencies", "Emergency replies (call 999) Rasa gave")
REPORTS = Counter(
    "servator_reports",
    "Reports submitted: stored, queued in the outbox, refused (sender past the hourly limit), or flushed from the outbox later",
    ["outcome"],
)
ACTION_SECONDS = Histogram("servator_action_seconds", "Custom actions", ["action"], buckets=LATENCY_BUCKETS)
STORAGE_SECONDS = Histogram(
    "servator_storage_seconds", "Report storage calls made by actions", ["operation"], buckets=LATENCY_BUCKETS
)
WEBCHAT_MESSAGES = Counter("servator_webchat_messages", "Web chat messages relayed to Rasa", ["outcome"])
WEBCHAT_SECONDS = Histogram(
    "servator_webchat_relay_seconds",
    "Web chat: one message relayed to Rasa and back",
    buckets=LATENCY_BUCKETS,
)
TELEGRAM_UPDATES = Counter("servator_telegram_updates", "Telegram updates handled")
TELEGRAM_SECONDS = Histogram(
    "servator_telegram_update_seconds", "Telegram: one update handled, replies sent", buckets=LATENCY_BUCKETS
)
NOTIFICATIONS = Counter(
    "servator_officer_alerts",
    "Officer alerts over Telegram: first alerts, re-alerts and linked-reports (cluster) alerts",
    ["kind", "outcome"],
)


class StateCollector(Collector):
    """Gauges read at scrape time from one readiness snapshot (servator.http.health.storage_state)."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    def collect(self) -> Iterator[GaugeMetricFamily]:
        database = self.state.get("database", {})
        if database.get("reachable") is not None:
            yield GaugeMetricFamily(
                "servator_database_up", "1 when the report database answers", value=int(database["reachable"])
            )
        outbox = self.state.get("outbox", {})
        yield GaugeMetricFamily(
            "servator_outbox_reports", "Reports waiting in the outbox", value=outbox["size"]
        )
        yield GaugeMetricFamily(
            "servator_outbox_oldest_age_seconds",
            "Age of the oldest report waiting in the outbox (0 when empty)",
            value=outbox["oldest_age_seconds"] or 0.0,
        )
        yield GaugeMetricFamily(
            "servator_outbox_set_aside_files",
            "Outbox files moved aside after failing",
            value=outbox["set_aside"],
        )
        notifications = self.state.get("notifications", {})
        if notifications.get("backlog") is not None:
            yield GaugeMetricFamily(
                "servator_notification_backlog",
                "Officer alerts not yet delivered",
                value=notifications["backlog"],
            )
            yield GaugeMetricFamily(
                "servator_notification_oldest_age_seconds",
                "Age of the oldest undelivered officer alert (0 when none)",
                value=notifications["oldest_age_seconds"] or 0.0,
            )


def scrape(state: dict[str, Any] | None = None) -> tuple[bytes, str]:
    """(body, content type): every process's metrics (or this one's alone), then the state gauges."""
    directory = Settings.from_env().metrics_dir
    if directory:
        registry = CollectorRegistry()
        # no-untyped-call: prometheus_client leaves MultiProcessCollector.__init__ unannotated
        multiprocess.MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
        body = generate_latest(registry)
    else:
        body = generate_latest(REGISTRY)
    if state is not None:
        gauges = CollectorRegistry()
        gauges.register(StateCollector(state))
        body += generate_latest(gauges)
    return body, CONTENT_TYPE_LATEST
