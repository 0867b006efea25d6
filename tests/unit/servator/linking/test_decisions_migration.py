"""Migration 0009 on a database linked before it: the plate keys of stored plates are filled in, so a
misread plate arriving afterwards still finds them."""

from __future__ import annotations

from sqlalchemy import text

from servator.linking import link_report
from servator.storage import engine as storage_engine
from servator.storage import make_session_factory, store_draft
from tests.support.linking_helpers import draft
from tests.support.storage_helpers import migrate


def test_migration_0009_fills_plate_keys_for_reports_linked_before_it(database_url):
    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.connect() as connection:
        migrate(connection, "0006")
        connection.execute(
            text(
                "INSERT INTO reports (reference, submission_key, status, created_at, updated_at, category, "
                "description, location_text, occurred_text, occurred_at, still_happening, contact_consent, "
                "sender_hash, channel, guidance_given, attachments, vehicle_text) VALUES "
                "('SRV-20260302-AAAAAA', 'k', 'new', :at, :at, 'other', 'd', 'l', 'w', :at, false, false, "
                "'h', 'rest', 'hotline', '[]', 'silver Ford Focus KX19 PLM')"
            ),
            {"at": "2026-03-02 10:00:00"},
        )
        connection.execute(
            text(
                "INSERT INTO report_features (report_id, reference, occurred_at, category, urgent, "
                "registration, registration_key, link_attempts, computed_at, linked_at) SELECT id, "
                "reference, :at, 'other', false, 'KX19PLM', 'U:KX19PLM', 0, :at, :at FROM reports"
            ),
            {"at": "2026-03-02 10:00:00"},
        )
        connection.commit()
        migrate(connection, "head")
        keys = sorted(connection.execute(text("SELECT key FROM plate_keys")).scalars())
    engine.dispose()
    assert keys == sorted(
        ["D:KX19LM", "D:KX19PL", "D:KX19PM", "D:KX1PLM", "D:KX9PLM", "D:K19PLM", "D:X19PLM", "R:MLP91XK"]
    )
    sessions = make_session_factory(database_url)
    reference, _ = store_draft(draft(vehicle_text="silver ford focus KX19 PIM"), sessions)
    with sessions() as session:
        [link] = link_report(session, reference)
        session.commit()
    sessions.kw["bind"].dispose()
    assert link.reference == "SRV-20260302-AAAAAA" and link.rule == "vehicle" and link.score == 0.65
