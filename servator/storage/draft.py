"""ReportDraft: the storage layer's input record, and its JSON form for the local outbox.

A draft checks its own fields when it is made (from the actions, or read back from the outbox):
a field of the wrong type or size raises InvalidDraft, which names the field and the type but
never the value. So a forged or buggy tracker can never fail an insert, and never sits in the
outbox blocking the reports queued behind it.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from typing import Any

from reading import regex

# Column sizes (models.Report); other text is capped so one report cannot fill the database.
TEXT_LIMITS = {
    "submission_key": 128,
    "category": 64,
    "location_postcode": 16,
    "vehicle_registration": 16,
    "sender_hash": 64,
    "channel": 32,
    "guidance_given": 64,
}
MAX_TEXT_CHARS = 10_000
REQUIRED_TEXT = ("submission_key", "category")
# Answers a person may not give: None, never a placeholder (the display says "not given").
OPTIONAL_TEXT = (
    "description",
    "location_text",
    "occurred_text",
    "location_postcode",
    "location_landmark",
    "people_description",
    "vehicle_registration",
    "vehicle_text",
    "direction",
    "contact_phone",
    "contact_email",
)
ALWAYS_TEXT = ("sender_hash", "channel", "guidance_given")
FLAGS = ("still_happening", "contact_consent")
COORDINATE_LIMITS = {"latitude": 90.0, "longitude": 180.0}
MAX_ATTACHMENTS = 10
LANGUAGE_CODE = regex.compile("[a-z]{2}")
MAX_ATTACHMENT_CHARS = 256


class InvalidDraft(ValueError):
    """A draft that must not be stored: the message names fields and types, never values."""


def _text_problem(name: str, value: Any, required: bool) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        return f"{name}: expected text, got {type(value).__name__}"
    if required and name == "submission_key" and not value:
        return f"{name}: empty"
    if len(value) > TEXT_LIMITS.get(name, MAX_TEXT_CHARS):
        return f"{name}: longer than {TEXT_LIMITS.get(name, MAX_TEXT_CHARS)} characters"
    if "\x00" in value:  # PostgreSQL refuses NUL in text
        return f"{name}: contains a NUL character"
    return None


def _coordinate_problem(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{name}: expected a number, got {type(value).__name__}"
    limit = COORDINATE_LIMITS[name]
    if not math.isfinite(value) or not -limit <= value <= limit:
        return f"{name}: outside -{limit:g}..{limit:g}"
    return None


def _attachments_problem(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"attachments: expected a list, got {type(value).__name__}"
    if len(value) > MAX_ATTACHMENTS:
        return f"attachments: more than {MAX_ATTACHMENTS}"
    if not all(isinstance(item, str) and 0 < len(item) <= MAX_ATTACHMENT_CHARS for item in value):
        return f"attachments: expected references of 1 to {MAX_ATTACHMENT_CHARS} characters"
    return None


def draft_problems(draft: ReportDraft) -> list[str]:
    """What is wrong with a draft's fields (types and sizes), without their values."""
    problems = [_text_problem(name, getattr(draft, name), True) for name in REQUIRED_TEXT + ALWAYS_TEXT]
    problems += [_text_problem(name, getattr(draft, name), False) for name in OPTIONAL_TEXT]
    problems += [_coordinate_problem(name, getattr(draft, name)) for name in COORDINATE_LIMITS]
    problems += [
        f"{name}: expected true or false, got {type(getattr(draft, name)).__name__}"
        for name in FLAGS
        if not isinstance(getattr(draft, name), bool)
    ]
    if draft.occurred_at is not None and not isinstance(draft.occurred_at, datetime):
        problems.append(f"occurred_at: expected a date and time, got {type(draft.occurred_at).__name__}")
    problems.append(_attachments_problem(draft.attachments))
    if not (isinstance(draft.language, str) and LANGUAGE_CODE.fullmatch(draft.language)):
        problems.append("language: expected an ISO 639-1 code")
    return [problem for problem in problems if problem]


@dataclass(frozen=True)
class ReportDraft:
    """Everything a person reported, before it has a reference."""

    submission_key: str
    category: str
    description: str | None
    location_text: str | None
    location_postcode: str | None = None
    location_landmark: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    occurred_text: str | None = None
    occurred_at: datetime | None = None
    still_happening: bool = False
    people_description: str | None = None
    vehicle_registration: str | None = None
    vehicle_text: str | None = None
    direction: str | None = None
    contact_consent: bool = False
    contact_phone: str | None = None
    contact_email: str | None = None
    sender_hash: str = ""
    channel: str = "rest"
    guidance_given: str = "hotline"
    attachments: list[str] = field(default_factory=list)
    # The language the person wrote in (ISO 639-1); the free text is stored as written.
    language: str = "en"

    def __post_init__(self) -> None:
        problems = draft_problems(self)
        if problems:
            raise InvalidDraft("; ".join(problems))

    def consented(self) -> ReportDraft:
        """The draft as it may be stored: contact details only with consent."""
        if self.contact_consent:
            return self
        return replace(self, contact_phone=None, contact_email=None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["occurred_at"] = self.occurred_at.isoformat() if self.occurred_at else None
        data["attachments"] = list(self.attachments)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportDraft:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        if values.get("occurred_at"):
            try:
                values["occurred_at"] = datetime.fromisoformat(values["occurred_at"])
            except (TypeError, ValueError):
                raise InvalidDraft("occurred_at: not an ISO-8601 date and time") from None
        if values.get("attachments") is None:
            values["attachments"] = []
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ReportDraft:
        return cls.from_dict(json.loads(text))
