"""Reading back what the served stack did with photos: the stored rows, the dashboard's answers
without following redirects, and what a decoder still finds in an image."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch(url: str, cookie: str | None = None) -> Fetched:
    """GET `url` as it answers (a redirect is not followed), with the session cookie when given."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with opener.open(request, timeout=30) as response:
            return Fetched(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, dict(error.headers), error.read())


def photo_rows(database_url: str, **where: Any) -> list[dict[str, Any]]:
    """report_attachments rows (optionally only those matching `where`), oldest first."""
    clause = " AND ".join(f"{name} = :{name}" for name in where) or "1 = 1"
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            query = sa.text(f"SELECT * FROM report_attachments WHERE {clause} ORDER BY id")
            return [dict(row) for row in connection.execute(query, where).mappings()]
    finally:
        engine.dispose()


def report_id(database_url: str, reference: str) -> int:
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT id FROM reports WHERE reference = :r")
            return int(connection.execute(query, {"r": reference}).scalar_one())
    finally:
        engine.dispose()


def database_bytes(database_url: str) -> bytes:
    """Every byte of an SQLite database's files (the main file, its WAL and SHM)."""
    path = Path(database_url.removeprefix("sqlite:///"))
    return b"".join(part.read_bytes() for part in path.parent.glob(path.name + "*"))
