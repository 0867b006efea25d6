"""A report's photos: only its cleaned copy is served, to a signed-in officer, each look audited."""

from __future__ import annotations

from dashboard.photos import is_token
from tests.support.dashboard_app import audited, factory, stored
from tests.support.images import jpeg_with_gps
from tests.support.photo_helpers import received_photo
from tests.support.storage_helpers import sender_of


def test_a_photo_id_is_1_to_64_url_safe_characters():
    assert is_token("a" * 64) and is_token("Ab_-09")
    assert not is_token("") and not is_token("a" * 65) and not is_token("../etc") and not is_token("a b")


async def test_the_cleaned_photo_is_viewed_and_downloaded_with_each_look_audited(officer):
    token = received_photo(factory(officer), sender_of("p-1"))
    reference = stored(officer, "p-1", attachments=[token])
    view = await officer.get(f"/reports/{reference}/photos/{token}")
    data = await view.read()
    assert view.status == 200 and view.content_type == "image/jpeg" and data.startswith(b"\xff\xd8")
    assert b"Exif" in jpeg_with_gps() and b"Exif" not in data, "the location the camera wrote is gone"
    assert view.headers["Content-Disposition"] == "inline"
    thumbnail = await officer.get(f"/reports/{reference}/photos/{token}/thumbnail")
    assert thumbnail.status == 200 and (await thumbnail.read()).startswith(b"\xff\xd8")
    download = await officer.get(f"/reports/{reference}/photos/{token}?download=1")
    assert download.headers["Content-Disposition"].startswith(f'attachment; filename="{reference}-')
    looks = [audited(officer, action) for action in ("view_photo", "view_photo_thumbnail", "download_photo")]
    assert [len(entries) for entries in looks] == [1, 1, 1]


async def test_another_report_s_photo_or_a_made_up_id_is_not_found(officer):
    token = received_photo(factory(officer), sender_of("p-1"))
    stored(officer, "p-1", attachments=[token])
    other = stored(officer, "p-2")
    assert (await officer.get(f"/reports/{other}/photos/{token}")).status == 404
    assert (await officer.get(f"/reports/{other}/photos/{'x' * 65}")).status == 404
    assert audited(officer, "view_photo") == []


async def test_a_stranger_gets_no_photo(client):
    token = received_photo(factory(client), sender_of("p-1"))
    reference = stored(client, "p-1", attachments=[token])
    response = await client.get(f"/reports/{reference}/photos/{token}", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"].startswith("/login")
