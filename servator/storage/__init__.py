"""Report storage: SQLAlchemy 1.4 (2.0 style) repositories, a unit of work, Alembic migrations.

Input is a ReportDraft; submit_report() commits it with its officer notifications in one
transaction, or queues it in a durable LocalOutbox when the database is unreachable.
"""

from reading.references import REFERENCE_PATTERN
from servator.storage.attachment_tables import IMAGE_CONTENT_TYPES, Attachment
from servator.storage.attachments import AttachmentRepository, PhotoImage, PhotoInfo
from servator.storage.categories import CATEGORY_LABELS, NOT_GIVEN, answer_shown, category_label
from servator.storage.conversations import ConversationEvents
from servator.storage.draft import MAX_ATTACHMENTS, InvalidDraft, ReportDraft
from servator.storage.engine import (
    SessionFactoryOnFirstUse,
    create_storage_engine,
    ensure_schema,
    make_session_factory,
)
from servator.storage.followup import CodeCheck, FollowUps, QuestionPush, decrypt_chat
from servator.storage.followup_codes import find_code, hash_code, new_code, normalised
from servator.storage.followup_tables import FollowUpQuestion
from servator.storage.link_tables import LinkCluster, LinkDecision, PlateKey, ReportFeatures, ReportLink
from servator.storage.models import (
    STATUSES,
    AuditEntry,
    Notification,
    Report,
    ReportNote,
)
from servator.storage.officer_tables import OfficerAccount, OfficerSession, SignInFailure
from servator.storage.outbox import LocalOutbox
from servator.storage.points import Point, points_for
from servator.storage.report_writer import ReportLimitReached, SenderLimit, new_reference, store_draft
from servator.storage.repository import (
    AuditLog,
    NotificationBacklog,
    NotificationOutbox,
    PendingNotification,
    ReportRepository,
    SqlUnitOfWork,
)
from servator.storage.submit import SubmitResult, submit_report
from servator.storage.triage import (
    Note,
    QueueRow,
    ReportNotes,
    assign,
    queue_page,
    search_condition,
    search_words,
)

__all__ = [
    "NOT_GIVEN",
    "answer_shown",
    "MAX_ATTACHMENTS",
    "CATEGORY_LABELS",
    "REFERENCE_PATTERN",
    "STATUSES",
    "IMAGE_CONTENT_TYPES",
    "Attachment",
    "CodeCheck",
    "FollowUpQuestion",
    "FollowUps",
    "QuestionPush",
    "decrypt_chat",
    "find_code",
    "hash_code",
    "new_code",
    "normalised",
    "AttachmentRepository",
    "AuditEntry",
    "AuditLog",
    "LinkCluster",
    "LinkDecision",
    "PlateKey",
    "ConversationEvents",
    "InvalidDraft",
    "LocalOutbox",
    "Note",
    "Notification",
    "OfficerAccount",
    "OfficerSession",
    "NotificationBacklog",
    "NotificationOutbox",
    "PendingNotification",
    "PhotoImage",
    "PhotoInfo",
    "Point",
    "QueueRow",
    "Report",
    "ReportDraft",
    "ReportFeatures",
    "ReportLink",
    "ReportNote",
    "ReportNotes",
    "ReportRepository",
    "SessionFactoryOnFirstUse",
    "SignInFailure",
    "SqlUnitOfWork",
    "SubmitResult",
    "assign",
    "category_label",
    "create_storage_engine",
    "ensure_schema",
    "make_session_factory",
    "new_reference",
    "points_for",
    "queue_page",
    "search_condition",
    "search_words",
    "store_draft",
    "ReportLimitReached",
    "SenderLimit",
    "submit_report",
]
