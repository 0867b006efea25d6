"""ReportDraft: the storage layer's input record, and its JSON form for the local outbox."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ReportDraft:
    """Everything a person reported, before it has a reference."""

    submission_key: str
    category: str
    description: str
    location_text: str
    location_postcode: str | None = None
    location_landmark: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    occurred_text: str = ""
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
            values["occurred_at"] = datetime.fromisoformat(values["occurred_at"])
        values["attachments"] = list(values.get("attachments") or [])
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ReportDraft:
        return cls.from_dict(json.loads(text))
