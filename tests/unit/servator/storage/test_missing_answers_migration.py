"""Migration 0011: answers stored as the placeholder "not given" become NULL, and NULL is allowed."""

from __future__ import annotations

from sqlalchemy import text

from servator.storage import engine as storage_engine
from tests.support.storage_helpers import migrate

COLUMNS = "description, location_text, occurred_text, people_description, vehicle_text, direction"


def test_placeholders_stored_before_it_become_null_and_real_answers_stay(database_url):
    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.connect() as connection:
        migrate(connection, "0006")
        for number, answer in ((1, "not given"), (2, "a man filming the gate")):
            connection.execute(
                text(
                    "INSERT INTO reports (reference, submission_key, status, created_at, updated_at, category, "
                    f"{COLUMNS}, still_happening, contact_consent, sender_hash, channel, guidance_given, "
                    "attachments) VALUES (:ref, :key, 'new', :now, :now, 'other', :answer, :answer, :answer, "
                    ":answer, :answer, :answer, false, false, 'h', 'rest', 'hotline', '[]')"
                ),
                {
                    "ref": f"SRV-20260701-AAAAA{number}",
                    "key": f"k{number}",
                    "now": "2026-07-01 15:00:00",
                    "answer": answer,
                },
            )
        connection.commit()
        migrate(connection, "head")
        rows = connection.execute(text(f"SELECT {COLUMNS} FROM reports ORDER BY reference")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(None,) * 6, ("a man filming the gate",) * 6]
