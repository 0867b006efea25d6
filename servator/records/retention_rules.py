"""The retention rule of every table and every file store (tests/unit/servator/records/test_retention_rules.py
fails when the schema or the files the product writes gain one without a rule here).

`Purged`: `servator purge` (and `servator run`, at start and daily) deletes rows or files older than
the setting's period. `WithParent`: deleted with the row it belongs to (ON DELETE CASCADE, and purge
deletes them explicitly too). `Kept`: holds nothing about a member of the public, or is managed by
hand; the reason says which.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Purged:
    period: str  # the setting (or fixed period) that decides the age


@dataclass(frozen=True)
class WithParent:
    parent: str  # the table whose rows own these


@dataclass(frozen=True)
class Kept:
    reason: str


Rule = Purged | WithParent | Kept

TABLE_RULES: dict[str, Rule] = {
    "reports": Purged("REPORT_RETENTION_DAYS"),
    "report_notifications": WithParent("reports"),
    "report_notes": WithParent("reports"),
    "report_attachments": WithParent("reports"),  # photos no report took: CONVERSATION_RETENTION_DAYS
    "report_features": WithParent("reports"),
    "report_links": WithParent("reports"),
    "report_audit": Purged("REPORT_RETENTION_DAYS"),  # and every entry about a purged report, notes included
    "plate_keys": WithParent("reports"),
    "link_decisions": WithParent("reports"),  # a pair an officer judged goes with either report
    "link_clusters": Kept("scores and dates only; emptied clusters are deleted after every purge"),
    "events": Purged("CONVERSATION_RETENTION_DAYS"),  # Rasa's tracker store; a sent report's at once
    "officer_accounts": Kept("officers' own accounts: `servator officers disable` / remove"),
    "officer_sessions": Purged("DASHBOARD_IDLE_MINUTES, DASHBOARD_SESSION_HOURS"),
    "officer_sign_in_failures": Purged("twice DASHBOARD_LOCKOUT_MINUTES"),
    "followup_codes": WithParent("reports"),
    "followup_questions": WithParent("reports"),
    "followup_chats": WithParent("reports"),
    "followup_failures": Purged("one hour, the follow-up lockout window"),  # and with their report
}

# Every file or folder the product writes under SERVATOR_VAR_DIR, as a glob relative to it.
FILE_RULES: dict[str, Rule] = {
    "servator.db*": Kept("the database (its WAL and shared-memory files too): each table's own rule"),
    "*.key": Kept("random keys, no personal data"),
    "endpoints*.yml": Kept("Rasa's endpoints, rewritten at every start: no personal data"),
    "metrics-*": Kept("Prometheus counters, no personal data; emptied at every start"),
    "outbox": Kept("the folder"),
    "outbox/*.json": Kept("reports waiting for storage: stored by the next flush, then deleted"),
    "outbox/set_aside": Kept("the folder"),
    "outbox/set_aside/*.json": Purged("REPORT_RETENTION_DAYS"),
}
