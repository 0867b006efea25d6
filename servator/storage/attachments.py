"""Queries on report photos (servator.storage.attachment_tables): pending, claimed, shown, deleted.

Nothing here reads an image's bytes unless asked for one image (`image`): lists and exports read
the hashes and facts only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from reading.london import london_iso
from servator.storage.attachment_tables import IMAGE_CONTENT_TYPES, THUMBNAIL_CONTENT_TYPE, Attachment
from servator.storage.models import Report


@dataclass(frozen=True)
class PhotoInfo:
    """One stored photo as officers see it (never its bytes)."""

    token: str
    channel: str
    received_at: datetime
    original_sha256: str
    original_bytes: int
    original_type: str
    cleaned_sha256: str
    content_type: str
    width: int
    height: int
    location_removed: bool
    rough_latitude: float | None
    rough_longitude: float | None

    def export(self) -> dict[str, Any]:
        """What an export lists for the photo: hashes and facts, never the image or the place it carried."""
        return {
            "sha256_original": self.original_sha256,
            "sha256_cleaned": self.cleaned_sha256,
            "received_at": london_iso(self.received_at),
            "channel": self.channel,
            "original_type": self.original_type,
            "original_bytes": self.original_bytes,
            "width": self.width,
            "height": self.height,
            "location_removed": self.location_removed,
        }


@dataclass(frozen=True)
class PhotoImage:
    """One image to serve: its bytes and the fixed content type they are served with."""

    info: PhotoInfo
    data: bytes
    content_type: str


_INFO_COLUMNS = (
    Attachment.token,
    Attachment.channel,
    Attachment.received_at,
    Attachment.original_sha256,
    Attachment.original_bytes,
    Attachment.original_type,
    Attachment.cleaned_sha256,
    Attachment.content_type,
    Attachment.width,
    Attachment.height,
    Attachment.location_removed,
    Attachment.rough_latitude,
    Attachment.rough_longitude,
)


def _info(row: Sequence[Any]) -> PhotoInfo:
    return PhotoInfo(*row[: len(_INFO_COLUMNS)])


class AttachmentRepository:
    """Report photos: `add` a pending one, `pending`, `discard_pending`, `claim` at submission,
    `for_report` / `image` for officers, `summaries` for exports, and the deletions of retention."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, attachment: Attachment) -> None:
        self.session.add(attachment)

    def pending(self, sender_hash: str, token: str) -> PhotoInfo | None:
        """The conversation's photo with this token, if it is still waiting for its report."""
        query = select(*_INFO_COLUMNS).where(
            Attachment.token == token, Attachment.sender_hash == sender_hash, Attachment.report_id.is_(None)
        )
        row = self.session.execute(query).first()
        return _info(row) if row is not None else None

    def discard_pending(self, sender_hash: str, token: str | None = None) -> int:
        """Delete the conversation's photos not claimed by a report (one, or all); returns how many."""
        query = delete(Attachment).where(
            Attachment.sender_hash == sender_hash, Attachment.report_id.is_(None)
        )
        if token is not None:
            query = query.where(Attachment.token == token)
        result = self.session.execute(query, execution_options={"synchronize_session": False})
        return int(result.rowcount or 0)

    def claim(self, report: Report, tokens: Iterable[str], sender_hash: str) -> list[str]:
        """Give the report the conversation's pending photos named by `tokens`; the tokens claimed, in order."""
        wanted = list(dict.fromkeys(tokens))
        if not wanted:
            return []
        self.session.flush()  # the report's id
        self.session.execute(
            update(Attachment)
            .where(
                Attachment.token.in_(wanted),
                Attachment.sender_hash == sender_hash,
                Attachment.report_id.is_(None),
            )
            .values(report_id=report.id),
            execution_options={"synchronize_session": False},
        )
        claimed = set(
            self.session.execute(
                select(Attachment.token).where(
                    Attachment.report_id == report.id, Attachment.token.in_(wanted)
                )
            ).scalars()
        )
        return [token for token in wanted if token in claimed]

    def _of_reports(self, report_ids: Sequence[int]) -> Select:
        return (
            select(Attachment.report_id, *_INFO_COLUMNS)
            .where(Attachment.report_id.in_(report_ids))
            .order_by(Attachment.received_at, Attachment.id)
        )

    def for_report(self, report_id: int) -> list[PhotoInfo]:
        """A report's photos in the order they were received."""
        return [_info(row[1:]) for row in self.session.execute(self._of_reports([report_id]))]

    def summaries(self, report_ids: Sequence[int]) -> dict[int, list[PhotoInfo]]:
        """The photos of many reports in one query (for exports)."""
        found: dict[int, list[PhotoInfo]] = {}
        if report_ids:
            for row in self.session.execute(self._of_reports(list(report_ids))):
                found.setdefault(row[0], []).append(_info(row[1:]))
        return found

    def image(self, reference: str, token: str, thumbnail: bool = False) -> PhotoImage | None:
        """One photo of the report `reference` (the cleaned copy, or its thumbnail), or None."""
        column = Attachment.thumbnail if thumbnail else Attachment.cleaned
        query = (
            select(*_INFO_COLUMNS, column)
            .join(Report, Attachment.report_id == Report.id)
            .where(Report.reference == reference, Attachment.token == token)
        )
        row = self.session.execute(query).first()
        if row is None:
            return None
        info = _info(row)
        content_type = THUMBNAIL_CONTENT_TYPE if thumbnail else info.content_type
        if content_type not in IMAGE_CONTENT_TYPES:  # never a type the database could be made to say
            return None
        return PhotoImage(info, bytes(row[-1]), content_type)

    def delete_for_reports(self, report_ids: Select) -> int:
        """Delete the photos of the reports `report_ids` selects (before the reports themselves)."""
        result = self.session.execute(
            delete(Attachment).where(Attachment.report_id.in_(report_ids)),
            execution_options={"synchronize_session": False},
        )
        return int(result.rowcount or 0)

    def purge_pending_before(self, cutoff: datetime) -> int:
        """Delete photos received before `cutoff` that no report claimed (their conversation is over)."""
        result = self.session.execute(
            delete(Attachment).where(Attachment.report_id.is_(None), Attachment.received_at < cutoff),
            execution_options={"synchronize_session": False},
        )
        return int(result.rowcount or 0)
