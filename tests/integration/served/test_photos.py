"""Photos as evidence through the served stack, as `servator run` starts it: the action server, Rasa,
the web chat, the officer dashboard and the Telegram bot against the Bot API stand-in, which serves
real image bytes through getFile and its own file URL (TELEGRAM_API_FILE_URL).

Each case says what the person is told, what is stored, what an officer sees, and that the metadata
is gone: a JPEG sent "as a file" with GPS and camera EXIF, a PNG, a truncated file, a renamed
executable, a PNG whose header claims 50,000 x 50,000 pixels, a 26 MB file (declared, and not
declared), an iPhone's HEIC with GPS, a photo outside a report, the eleventh photo of a report, and the web chat's "Add a
photo" in Chromium, seen by an officer on the dashboard in Chromium too.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from bot.rasa_client import telegram_sender
from reading.references import REFERENCE_PATTERN
from servator.config.settings import sender_hash
from servator.storage import SqlUnitOfWork, make_session_factory
from tests.support import images
from tests.support.axe import violations
from tests.support.bot_api_stub import FILE_PREFIX
from tests.support.browser import PHONE, chromium
from tests.support.dashboard import OFFICER, sign_in
from tests.support.photo_checks import database_bytes, fetch, photo_rows, report_id
from tests.support.photo_stack import Served, served_stack
from tests.support.telegram_harness import OFFICER_CHAT, texts

pytestmark = pytest.mark.rasa

DESCRIPTION = "a man was photographing the embassy gate and the cameras"
WHERE = "Where was this?"
# Bytes only an original carries: none may be stored anywhere.
ORIGINAL_ONLY = (images.CAMERA_MODEL.encode(), images.COMMENT, images.APPENDED, b"jane.doe@example.com")


@pytest.fixture(scope="module")
def served(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with served_stack(trained_model, tmp_path_factory.mktemp("served-photos")) as stack:
        yield stack


_users = iter(range(930_000, 939_999))


def exchange(served: Served, user: int, send: Callable[[], object]) -> str:
    """Do `send` (a message from `user` to the stand-in) and return what the bot said back."""
    before = len(served.stub.calls_to("sendMessage", user))
    send()
    return texts(served.stub.replies(user, before))


def say(served: Served, user: int, text: str) -> str:
    return exchange(served, user, lambda: served.stub.send_text(user, text))


def document(served: Served, user: int, data: bytes, name: str, **options: object) -> str:
    file_id = f"doc-{user}-{hashlib.sha256(data).hexdigest()[:12]}"
    return exchange(served, user, lambda: served.stub.send_document(user, file_id, data, name, **options))


def finish_report(served: Served, user: int) -> str:
    """The rest of a report after its description and some photos; returns its reference."""
    for message, expected in (
        ("outside the embassy on grosvenor square W1K 6AH", "When"),
        ("about 20 minutes ago", "still happening"),
        ("/deny", "describe the people"),
        ("tall man, grey hoodie", "vehicle"),
        ("no vehicle", "Which way"),
        ("towards oxford street", "contact you"),
        ("/deny", "Here is your report"),
    ):
        reply = say(served, user, message)
        assert expected in reply, f"{message!r} -> {reply!r}"
    done = say(served, user, "/affirm")
    assert "reference is SRV-" in done, done
    return done.split("reference is ")[1].split(".")[0]


@pytest.fixture(scope="module")
def telegram_report(served: Served) -> dict[str, object]:
    """One Telegram report: a JPEG with GPS sent as a file, a PNG photo, and every file that is refused."""
    user = next(_users)
    assert "What did you see" in say(served, user, "/report")
    assert WHERE in say(served, user, DESCRIPTION)
    jpeg, png, heic = images.jpeg_with_gps(640, 480), images.png_with_metadata(), images.heic_with_gps()
    replies = {
        "jpeg": document(served, user, jpeg, "IMG_0001.jpg"),
        "png": exchange(served, user, lambda: served.stub.send_photo(user, f"png-{user}", png)),
        "heic": document(served, user, heic, "IMG_0005.HEIC", mime_type="image/heic"),
        "truncated": document(served, user, images.truncated_jpeg(), "IMG_0002.jpg"),
        "executable": document(served, user, images.renamed_executable(), "photo.jpg"),
        "bomb": document(
            served, user, images.png_claiming(50_000, 50_000), "panorama.png", mime_type="image/png"
        ),
        "declared_26mb": document(served, user, images.oversized_jpeg(), "IMG_0003.jpg"),
        "undeclared_26mb": document(
            served, user, images.oversized_jpeg(26 * 1024 * 1024 + 1), "IMG_0004.jpg", declared=None
        ),
    }
    reference = finish_report(served, user)
    return {"user": user, "reference": reference, "jpeg": jpeg, "png": png, "heic": heic, "replies": replies}


def test_each_file_gets_its_answer_and_the_report_goes_on(telegram_report):
    replies = telegram_report["replies"]
    assert "attached your photo" in replies["jpeg"] and "location data" in replies["jpeg"]
    assert "about 100 metres" in replies["jpeg"]
    assert "attached your photo" in replies["png"]
    assert "attached your photo" in replies["heic"] and "location data" in replies["heic"]
    assert "damaged or incomplete" in replies["truncated"]
    assert (
        "isn't a photo I can take" in replies["executable"]
        and "JPEG, PNG, WebP or HEIC" in replies["executable"]
    )
    assert "over 40 megapixels" in replies["bomb"]
    assert "over 10 MB" in replies["declared_26mb"] and "over 10 MB" in replies["undeclared_26mb"]
    for name, reply in replies.items():
        assert WHERE in reply, f"after the {name} the report asks its question again: {reply!r}"
    assert telegram_report["reference"].startswith("SRV-")


def test_only_the_three_cleaned_photos_are_stored_with_the_report(served, telegram_report):
    user = telegram_report["user"]
    rows = photo_rows(served.database_url, sender_hash=sender_hash(telegram_sender(user)))
    assert len(rows) == 3, "the refused files are not kept"
    assert {row["report_id"] for row in rows} == {
        report_id(served.database_url, telegram_report["reference"])
    }
    jpeg, png, heic = rows
    assert jpeg["original_sha256"] == hashlib.sha256(telegram_report["jpeg"]).hexdigest()
    assert png["original_sha256"] == hashlib.sha256(telegram_report["png"]).hexdigest()
    assert heic["original_sha256"] == hashlib.sha256(telegram_report["heic"]).hexdigest()
    for row in rows:
        cleaned = bytes(row["cleaned"])
        assert row["cleaned_sha256"] == hashlib.sha256(cleaned).hexdigest() != row["original_sha256"]
        found = images.metadata_of(cleaned)
        assert found["exif"] == {} and found["gps"] == {} and found["info_keys"] == []
        assert row["channel"] == "telegram" and row["location_removed"]
        assert (row["rough_latitude"], row["rough_longitude"]) == (51.501, -0.142)
    assert (jpeg["content_type"], jpeg["width"], jpeg["height"]) == ("image/jpeg", 480, 640), "turned upright"
    assert png["content_type"] == "image/png"
    assert (heic["content_type"], heic["original_type"], heic["width"], heic["height"]) == (
        "image/jpeg",
        "heic",
        320,
        240,
    ), "a HEIC is kept as a JPEG every browser shows"
    stored = database_bytes(served.database_url)
    assert all(marker not in stored for marker in ORIGINAL_ONLY), "an original's bytes reached the database"


def test_the_file_url_is_the_configured_one_and_a_declared_26_mb_file_is_never_fetched(
    served, telegram_report
):
    downloads = served.stub.downloads
    assert downloads and all(path.startswith(FILE_PREFIX + "/bot") for path in downloads)
    assert not any(
        path.endswith(hashlib.sha256(images.oversized_jpeg()).hexdigest()[:12]) for path in downloads
    )


def test_officers_are_alerted_with_the_number_of_photos_only(served, telegram_report):
    reference = telegram_report["reference"]
    [alert] = served.stub.wait_for(
        lambda: [
            c["text"] for c in served.stub.calls_to("sendMessage", OFFICER_CHAT) if reference in c["text"]
        ],
        30,
        "the officer alert",
    )
    assert "Photos: 3 (on the officer dashboard)" in alert
    assert "51.501" not in alert and "-0.142" not in alert, "a photo's place is for the dashboard only"
    assert not served.stub.calls_to("sendPhoto") and not served.stub.calls_to("sendDocument")


def test_a_stranger_gets_the_sign_in_page_and_no_bytes(served, telegram_report):
    rows = photo_rows(served.database_url, sender_hash=sender_hash(telegram_sender(telegram_report["user"])))
    base = f"{served.dashboard.url}/reports/{telegram_report['reference']}/photos/{rows[0]['token']}"
    for url in (base, base + "/thumbnail", base + "?download=1"):
        answer = fetch(url)
        assert answer.status == 303 and answer.headers["Location"].startswith("/login"), url
        assert b"\xff\xd8" not in answer.body and not answer.headers.get("Content-Type", "").startswith(
            "image/"
        )


def test_a_signed_in_officer_sees_each_photo_with_its_hashes_and_every_view_is_audited(
    served, telegram_report
):
    reference = telegram_report["reference"]
    rows = photo_rows(served.database_url, sender_hash=sender_hash(telegram_sender(telegram_report["user"])))
    client = served.dashboard.signed_in()
    status, page = client.get(f"/reports/{reference}")
    assert status == 200
    for row in rows:
        link = f"/reports/{reference}/photos/{row['token']}"
        assert f'src="{link}/thumbnail"' in page and f'href="{link}?download=1"' in page
        assert row["original_sha256"] in page and row["cleaned_sha256"] in page
    assert page.count('<li class="photo">') == 3, "the refused files are not shown"
    assert page.count("<dt>Came in through</dt><dd>Telegram</dd>") == 3
    assert len(re.findall(r"<dt>Received</dt><dd>\d{1,2} [A-Z][a-z]{2} \d{4}", page)) == 3, "when each came"
    assert page.count("Rounded to about 100 m: 51.501, -0.142") == 3
    assert page.count("carried a GPS position; it was removed from the image") == 3

    cookie = "; ".join(f"{c.name}={c.value}" for c in client.cookies)
    link = f"{served.dashboard.url}/reports/{reference}/photos/{rows[0]['token']}"
    image, thumbnail, download = (
        fetch(link, cookie),
        fetch(link + "/thumbnail", cookie),
        fetch(link + "?download=1", cookie),
    )
    for answer in (image, thumbnail, download):
        assert answer.status == 200
        assert (
            answer.headers["Cache-Control"] == "no-store"
            and answer.headers["X-Content-Type-Options"] == "nosniff"
        )
    assert image.headers["Content-Type"] == "image/jpeg" and image.body == bytes(rows[0]["cleaned"])
    assert hashlib.sha256(image.body).hexdigest() == rows[0]["cleaned_sha256"]
    assert images.metadata_of(image.body)["gps"] == {} and images.CAMERA_MODEL.encode() not in image.body
    assert thumbnail.headers["Content-Type"] == "image/jpeg" and len(thumbnail.body) < len(image.body)
    assert download.headers["Content-Disposition"].startswith("attachment;")

    with SqlUnitOfWork(make_session_factory(served.database_url)) as uow:
        trail = [(e.actor, e.action, e.detail) for e in uow.audit.entries(reference)]
    expected = f"sha256={rows[0]['original_sha256']}"
    for action in ("view_photo", "view_photo_thumbnail", "download_photo"):
        assert (f"officer:{OFFICER}", action, expected) in trail, action
    _, page = client.get(f"/reports/{reference}")
    audit = page.split('id="report-audit"')[1]
    for words in ("Photo viewed", "Photo thumbnail shown", "Photo downloaded", rows[0]["original_sha256"]):
        assert words in audit, words
    assert "download_photo" not in audit and "sha256=" not in audit, "the audit trail in words"


def test_exports_list_photos_by_hash_not_by_content(served, telegram_report):
    client = served.dashboard.signed_in()
    status, body = client.get("/export.json")
    assert status == 200
    [report] = [r for r in json.loads(body) if r["reference"] == telegram_report["reference"]]
    assert [photo["sha256_original"] for photo in report["attachments"]] == [
        hashlib.sha256(telegram_report["jpeg"]).hexdigest(),
        hashlib.sha256(telegram_report["png"]).hexdigest(),
        hashlib.sha256(telegram_report["heic"]).hexdigest(),
    ]
    assert all(
        photo["channel"] == "telegram" and photo["location_removed"] for photo in report["attachments"]
    )
    assert "51.501" not in body and len(body) < 100_000, "no image and no place from a photo in an export"
    hashes = [photo["sha256_original"] for photo in report["attachments"]]
    status, text = client.get("/export.csv")
    assert status == 200
    [line] = [r for r in csv.DictReader(io.StringIO(text)) if r["reference"] == telegram_report["reference"]]
    assert line["attachments"] == ";".join(hashes) and "51.501" not in text
    status, text = client.get("/export.geojson")
    assert status == 200
    [feature] = [f for f in json.loads(text)["features"] if f["id"] == telegram_report["reference"]]
    assert [photo["sha256_original"] for photo in feature["properties"]["attachments"]] == hashes
    assert "51.501" not in text


def test_a_photo_outside_a_report_is_not_kept_and_the_person_is_told_how_to_start_one(served):
    user = next(_users)
    reply = exchange(
        served, user, lambda: served.stub.send_photo(user, f"outside-{user}", images.jpeg_with_gps())
    )
    assert "haven't kept that" in reply and "report something suspicious" in reply
    assert photo_rows(served.database_url, sender_hash=sender_hash(telegram_sender(user))) == []


def test_a_web_chat_photo_outside_a_report_is_not_kept_and_the_person_is_told_how_to_start_one(served):
    session = f"outside{next(_users)}abcdefabcdef"
    response = requests.post(
        served.webchat_url + "/api/photo",
        headers={"Origin": served.webchat_url},
        data={"session": session},
        files={"photo": ("x.jpg", images.jpeg_with_gps())},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    reply = " ".join(reply["text"] for reply in response.json()["replies"])
    assert "haven't kept that" in reply and "report something suspicious" in reply
    assert photo_rows(served.database_url, sender_hash=sender_hash(sender_hash("web:" + session))) == []


def test_a_report_takes_ten_photos_and_cancelling_deletes_them(served):
    session = f"photos{next(_users)}abcdefabcdef"
    origin = {"Origin": served.webchat_url}

    def post(path: str, **kwargs: Any) -> dict[str, Any]:
        response = requests.post(served.webchat_url + path, headers=origin, timeout=60, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()

    def words(answer: dict[str, Any]) -> str:
        return " ".join(reply["text"] for reply in answer["replies"])

    assert WHERE in words(post("/api/message", json={"session": session, "message": DESCRIPTION}))
    sender = sender_hash(sender_hash("web:" + session))
    for n in range(10):
        photo = images.plain_jpeg(colour=(n * 20, 10, 10))
        answer = words(
            post("/api/photo", data={"session": session}, files={"photo": ("x.png", photo, "text/plain")})
        )
        assert "attached your photo" in answer, (n, answer)
    eleventh = words(
        post("/api/photo", data={"session": session}, files={"photo": ("x.jpg", images.plain_jpeg())})
    )
    assert "already has 10 photos" in eleventh and WHERE in eleventh
    assert len(photo_rows(served.database_url, sender_hash=sender)) == 10
    assert "cancelled" in words(post("/api/message", json={"session": session, "message": "cancel"}))
    assert photo_rows(served.database_url, sender_hash=sender) == []


@pytest.mark.browser
def test_the_web_chat_uploads_a_photo_in_chromium_and_an_officer_sees_it_cleaned(served, tmp_path):
    original = images.jpeg_with_gps(800, 600)
    with chromium() as browser:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(served.webchat_url + "/")
        control = page.get_by_label("Add a photo")
        assert page.locator('label[for="photo"]').is_visible() and control.count() == 1
        assert violations(page) == [], "the chat with its photo control"

        def bot_says(text: str) -> str:
            page.wait_for_function(
                "text => [...document.querySelectorAll('#log .message.bot .text')].some(m => m.textContent.includes(text))",
                arg=text,
            )
            said = page.locator("#log .message.bot .text").all_text_contents()
            return [message for message in said if text in message][-1]

        box = page.get_by_label("Your message")
        box.fill(DESCRIPTION)
        box.press("Enter")
        bot_says(WHERE)
        control.set_input_files({"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": original})
        attached = bot_says("location data")
        assert "attached your photo" in " ".join(page.locator("#log .message.bot .text").all_text_contents())
        assert "removed that from the photo" in attached
        assert page.locator("#log .message.user .text").last.text_content() == "(photo sent)"
        assert violations(page) == [], "the chat after a photo"
        assert "IMG_0042" not in page.content(), "the file's name is neither sent nor shown"
        page.screenshot(path=str(tmp_path / "chat-photo.png"))
        for message, expected in (
            ("outside the embassy on grosvenor square W1K 6AH", "When"),
            ("about 20 minutes ago", "still happening"),
            ("no", "describe the people"),
            ("tall man, grey hoodie", "vehicle"),
            ("no vehicle", "Which way"),
            ("towards oxford street", "contact you"),
            ("no", "Here is your report"),
            ("yes", "SRV-"),
        ):
            box.fill(message)
            box.press("Enter")
            reply = bot_says(expected)
        found = REFERENCE_PATTERN.search(reply)
        assert found, reply
        reference = found.group(0)
        context.close()

        [row] = photo_rows(served.database_url, report_id=report_id(served.database_url, reference))
        assert row["channel"] == "web" and row["original_sha256"] == hashlib.sha256(original).hexdigest()
        assert images.metadata_of(bytes(row["cleaned"]))["exif"] == {} and (row["width"], row["height"]) == (
            600,
            800,
        )

        officer = browser.new_context(viewport=PHONE).new_page()
        officer.set_default_timeout(30_000)
        sign_in(officer, served.dashboard.url, served.dashboard.username, served.dashboard.password)
        officer.goto(f"{served.dashboard.url}/reports/{reference}")
        thumbnail = officer.locator("#report-photos img").first
        thumbnail.wait_for()
        officer.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle()
        )
        shown = officer.locator("#report-photos").inner_text()
        assert row["original_sha256"] in shown and row["cleaned_sha256"] in shown and "Web chat" in shown
        assert violations(officer) == [], "the report page with its photos"
        officer.screenshot(path=str(tmp_path / "report-photos.png"), full_page=True)
        officer.emulate_media(media="print")
        assert thumbnail.is_visible() and officer.locator("#report-photos").is_visible(), "photos print"
        assert officer.locator("#report-photos a", has_text="Download").is_visible(), "links print"
        assert not officer.locator("nav").first.is_visible() and not any(
            officer.locator("button").evaluate_all("bs => bs.map(b => b.offsetParent !== null)")
        ), "no navigation or buttons on paper"
