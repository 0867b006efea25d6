"""Report photos in storage: pending for a conversation, claimed by its report only, shown, deleted
with it by every purge."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select, update

from servator.records.retention import purge
from servator.storage import Attachment, Report, SqlUnitOfWork, store_draft
from tests.support.images import jpeg_with_gps, plain_jpeg
from tests.support.photo_helpers import received_photo
from tests.support.storage_helpers import full_draft

ME, SOMEONE_ELSE = "a" * 32, "b" * 32


def photo_count(sessions, **where) -> int:
    query = select(func.count()).select_from(Attachment)
    for name, value in where.items():
        query = query.where(getattr(Attachment, name) == value)
    with sessions() as session:
        return session.execute(query).scalar_one()


def test_a_report_claims_only_its_own_conversations_photos(sessions):
    mine = [received_photo(sessions, ME), received_photo(sessions, ME, plain_jpeg())]
    theirs = received_photo(sessions, SOMEONE_ELSE)
    reference, _ = store_draft(
        full_draft(sender_hash=ME, attachments=[*mine, theirs, "AgACAgQAAxkB"]), sessions
    )
    with SqlUnitOfWork(sessions) as uow:
        report = uow.reports.get(reference)
        assert report.attachments == mine, "someone else's photo and unknown ids are not taken"
        photos = uow.attachments.for_report(report.id)
        assert [photo.token for photo in photos] == mine
        assert photos[0].location_removed and not photos[1].location_removed
        assert uow.attachments.pending(SOMEONE_ELSE, theirs) is not None
        assert uow.attachments.pending(ME, mine[0]) is None, "claimed: no longer pending"


def test_an_image_is_served_only_under_its_own_report(sessions):
    token = received_photo(sessions, ME)
    mine, _ = store_draft(full_draft("mine", sender_hash=ME, attachments=[token]), sessions)
    other, _ = store_draft(full_draft("other"), sessions)
    with SqlUnitOfWork(sessions) as uow:
        image = uow.attachments.image(mine, token)
        thumbnail = uow.attachments.image(mine, token, thumbnail=True)
        assert image is not None and image.content_type == "image/jpeg" and image.data[:2] == b"\xff\xd8"
        assert (
            thumbnail is not None and thumbnail.content_type == "image/jpeg" and thumbnail.data != image.data
        )
        assert uow.attachments.image(other, token) is None
        assert uow.attachments.image(mine, "not-a-token") is None


def test_a_stored_content_type_outside_the_fixed_list_is_never_served(sessions):
    token = received_photo(sessions, ME)
    reference, _ = store_draft(full_draft(sender_hash=ME, attachments=[token]), sessions)
    with sessions() as session, session.begin():
        session.execute(update(Attachment).values(content_type="text/html"))
    with SqlUnitOfWork(sessions) as uow:
        assert uow.attachments.image(reference, token) is None


def test_discarding_deletes_only_the_conversations_unclaimed_photos(sessions):
    claimed = received_photo(sessions, ME)
    store_draft(full_draft(sender_hash=ME, attachments=[claimed]), sessions)
    pending = [received_photo(sessions, ME), received_photo(sessions, ME)]
    received_photo(sessions, SOMEONE_ELSE)
    with SqlUnitOfWork(sessions) as uow:
        assert uow.attachments.discard_pending(ME, pending[0]) == 1
        assert uow.attachments.discard_pending(ME) == 1
        uow.commit()
    assert photo_count(sessions, sender_hash=ME) == 1 and photo_count(sessions, sender_hash=SOMEONE_ELSE) == 1


def _age(sessions, days: int) -> None:
    when = datetime.now(timezone.utc) - timedelta(days=days)
    with sessions() as session, session.begin():
        session.execute(update(Report).values(created_at=when))
        session.execute(update(Attachment).values(received_at=when))


def test_every_purge_deletes_the_photos_with_their_reports(sessions, database_url):
    token = received_photo(sessions, ME)
    store_draft(full_draft(sender_hash=ME, attachments=[token]), sessions)
    received_photo(sessions, SOMEONE_ELSE)  # never claimed: its conversation ended without a report
    _age(sessions, 400)
    result = purge(database_url, report_days=365, conversation_days=30, actor="test")
    assert result.reports == 1 and photo_count(sessions) == 0
    with SqlUnitOfWork(sessions) as uow:
        [entry] = [e for e in uow.audit.entries() if e.action == "purge"]
        assert "unclaimed_photos=1" in entry.detail

    again = received_photo(sessions, ME)
    store_draft(full_draft("again", sender_hash=ME, attachments=[again]), sessions)
    _age(sessions, 40)
    with SqlUnitOfWork(sessions) as uow:  # `servator reports purge --older-than 30`
        assert uow.reports.purge_older_than(datetime.now(timezone.utc) - timedelta(days=30)) == 1
        uow.commit()
    assert photo_count(sessions) == 0


def test_deleting_a_report_row_deletes_its_photos(sessions):
    token = received_photo(sessions, ME, jpeg_with_gps())
    reference, _ = store_draft(full_draft(sender_hash=ME, attachments=[token]), sessions)
    with sessions() as session, session.begin():
        session.execute(delete(Report).where(Report.reference == reference))
    assert photo_count(sessions) == 0, "ON DELETE CASCADE"
