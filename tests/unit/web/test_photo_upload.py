"""`POST /api/photo` over HTTP: same origin, size and rate rules as /api/message, the same JSON answer,
the photo kept only cleaned, and Rasa told its id (or why it was refused) with the front end's token.

aiohttp's test client with a stand-in Rasa; the served stack and Chromium are in
tests/integration/served/test_photos.py.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import create_engine, text

from servator.config.settings import Settings, sender_hash
from servator.storage import ensure_schema
from tests.support import images
from tests.support.storage_helpers import sqlite_url
from tests.support.webchat import SESSION, FakeRasa, client_for, own_origin
from web.server import SENDER_PREFIX

REPLY = [{"recipient_id": "x", "text": "Thank you, I've attached your photo to the report."}]
FRONT_END_TOKEN = "test-only-front-end-token"


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[tuple[TestClient, FakeRasa, str]]:
    rasa = FakeRasa(REPLY)
    server = await rasa.start()
    database_url = sqlite_url(tmp_path)
    ensure_schema(database_url)
    settings = Settings({"FRONT_END_TOKEN": FRONT_END_TOKEN, "WEBCHAT_SESSION_MESSAGES_PER_MINUTE": "3"})
    client = await client_for(str(server.make_url("")), database_url=database_url, settings=settings)
    yield client, rasa, database_url
    await client.close()
    await server.close()


def form(
    photo: bytes | None, session: str | None = SESSION, filename: str = "holiday.jpg"
) -> aiohttp.FormData:
    data = aiohttp.FormData()
    if session is not None:
        data.add_field("session", session)
    if photo is not None:
        data.add_field("photo", photo, filename=filename, content_type="image/jpeg")
    else:  # still multipart: a file under another name
        data.add_field("picture", images.plain_jpeg(), filename=filename, content_type="image/jpeg")
    return data


async def upload(client: TestClient, body: Any, origin: str | None = None, **headers: str) -> tuple[int, Any]:
    response = await client.post(
        "/api/photo", data=body, headers={"Origin": origin or own_origin(client), **headers}
    )
    return response.status, await response.json()


def rows(database_url: str) -> list[dict[str, Any]]:
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return [
                dict(row) for row in connection.execute(text("SELECT * FROM report_attachments")).mappings()
            ]
    finally:
        engine.dispose()


async def test_a_photo_is_kept_cleaned_and_rasa_gets_its_id_with_the_front_end_token(served, monkeypatch):
    client, rasa, database_url = served

    def no_disk(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a temporary file was made for the upload")

    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    original = images.jpeg_with_gps()
    status, body = await upload(client, form(original))
    assert status == 200 and body == {"replies": [{"text": REPLY[0]["text"], "buttons": []}]}
    [sent] = rasa.received
    assert sent["sender"] == sender_hash(SENDER_PREFIX + SESSION)
    token = json.loads(sent["message"].removeprefix("/share_photo"))["photo"]
    assert rasa.headers[0]["X-Servator-Front-End"] == FRONT_END_TOKEN
    [row] = rows(database_url)
    assert row["token"] == token and row["channel"] == "web" and row["report_id"] is None
    assert images.metadata_of(bytes(row["cleaned"]))["gps"] == {}
    on_disk = b"".join(path.read_bytes() for path in Path(database_url[len("sqlite:///") :]).parent.iterdir())
    assert images.CAMERA_MODEL.encode() not in on_disk and images.APPENDED not in on_disk, (
        "no original on disk"
    )


@pytest.mark.parametrize(
    "make,reason",
    [
        (images.truncated_jpeg, "damaged"),
        (images.renamed_executable, "not_a_photo"),
        (lambda: images.png_claiming(50_000, 50_000), "too_many_pixels"),
    ],
)
async def test_a_refused_file_is_not_kept_and_rasa_is_told_why(served, make, reason):
    client, rasa, database_url = served
    status, body = await upload(client, form(make(), filename="photo.jpg"))
    assert status == 200 and body["replies"]
    assert rasa.received[0]["message"] == f'/share_photo{{"photo_refused": "{reason}"}}'
    assert rows(database_url) == []


async def test_a_body_declared_over_the_limit_is_refused_at_once_in_the_assistants_words(served):
    client, rasa, database_url = served
    status, body = await upload(client, form(images.oversized_jpeg()))
    assert status == 413 and "over 10 MB" in body["replies"][0]["text"] and body["error"]
    assert rasa.received == [] and rows(database_url) == []


async def test_a_streamed_body_over_the_limit_is_refused_through_rasa(served):
    client, rasa, database_url = served
    boundary = "servatorboundary"

    async def chunks() -> AsyncIterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="session"\r\n\r\n{SESSION}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        yield images.plain_jpeg()
        for _ in range(11):
            yield bytes(1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    response = await client.post(
        "/api/photo",
        data=chunks(),
        headers={"Origin": own_origin(client), "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status == 200 and (await response.json())["replies"]
    assert rasa.received[0]["message"] == '/share_photo{"photo_refused": "too_large"}'
    assert rows(database_url) == []


@pytest.mark.parametrize(
    "body,headers,status",
    [
        (form(images.plain_jpeg()), {"Origin": "https://evil.example"}, 403),
        (form(images.plain_jpeg()), {"Origin": ""}, 403),
        (json.dumps({"session": SESSION, "photo": "x"}), {"Content-Type": "application/json"}, 415),
        (form(images.plain_jpeg(), session=None), {}, 400),
        (form(images.plain_jpeg(), session="short"), {}, 400),
        (form(None), {}, 400),
        (b"--nope\r\nnot multipart", {"Content-Type": "multipart/form-data; boundary=x"}, 400),
    ],
)
async def test_bad_requests_get_a_json_error_and_reach_nothing(served, body, headers, status):
    client, rasa, database_url = served
    origin = headers.pop("Origin", None)
    response = await client.post(
        "/api/photo",
        data=body,
        headers={"Origin": own_origin(client) if origin is None else origin, **headers},
    )
    assert response.status == status and "error" in await response.json()
    assert rasa.received == [] and rows(database_url) == []


async def test_photos_count_against_the_same_rate_limit_as_messages(served):
    client, rasa, _ = served
    for _ in range(3):
        assert (await upload(client, form(images.plain_jpeg())))[0] == 200
    status, body = await upload(client, form(images.plain_jpeg()))
    assert status == 429 and "999" in body["replies"][0]["text"]
    assert len(rasa.received) == 3


async def test_a_photo_just_under_the_limit_is_taken_whole(served):
    client, rasa, database_url = served
    original = images.oversized_jpeg(10 * 1024 * 1024)  # a small JPEG and 10 MB of bytes after it
    status, _ = await upload(client, form(original))
    assert status == 200 and rasa.received[0]["message"].startswith('/share_photo{"photo": "')
    [row] = rows(database_url)
    assert row["original_bytes"] == len(original) and len(bytes(row["cleaned"])) < 10_000, (
        "the tail is dropped"
    )
