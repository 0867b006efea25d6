"""What a file must be before it is decoded: the type from its bytes, the size, the pixel count."""

from __future__ import annotations

import pytest
from PIL import Image

from servator.photos import checks
from servator.photos.checks import PhotoRefused, check_size, identify, open_checked
from servator.photos.limits import MAX_PHOTO_BYTES, MAX_PIXELS
from tests.support import images


def reason(call, *args) -> str:
    with pytest.raises(PhotoRefused) as refused:
        call(*args)
    return refused.value.reason


def test_pillows_decompression_bomb_guard_stays_on():
    assert Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS > MAX_PIXELS


@pytest.mark.parametrize(
    "make,expected",
    [
        (images.jpeg_with_gps, "JPEG"),
        (images.png_with_metadata, "PNG"),
        (images.webp_image, "WEBP"),
        (images.heic_with_gps, "HEIF"),
    ],
)
def test_the_type_is_read_from_the_bytes(make, expected):
    assert identify(make()) == expected


@pytest.mark.parametrize(
    "data",
    [
        images.renamed_executable(),
        b"GIF89a" + bytes(64),
        b"%PDF-1.7\n" + bytes(64),
        b"\x00\x00\x00\x1cftypavif" + bytes(64),  # AVIF: not taken
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"",
    ],
)
def test_anything_else_is_not_a_photo_whatever_it_is_called(data):
    assert reason(identify, data) == "not_a_photo"


def test_the_size_is_checked_before_anything_is_read():
    check_size(MAX_PHOTO_BYTES)
    check_size(None)
    assert reason(check_size, MAX_PHOTO_BYTES + 1) == "too_large"


@pytest.mark.parametrize("width,height", [(50_000, 50_000), (9_000, 5_000), (40_001, 1_000)])
def test_a_header_claiming_too_many_pixels_is_refused_without_decoding(width, height, monkeypatch):
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(self) or None)
    assert reason(open_checked, images.png_claiming(width, height), "PNG") == "too_many_pixels"
    assert decoded == [], "not a pixel was decoded"


def test_a_heic_is_opened_by_its_decoder_and_a_broken_one_is_damaged():
    heic = images.heic_with_gps()
    assert open_checked(heic, "HEIF").size == (320, 240)
    assert reason(open_checked, heic[: len(heic) // 2], "HEIF") == "damaged"
    assert reason(open_checked, b"\x00\x00\x00\x18ftypheic" + bytes(64), "HEIF") == "damaged"


def test_a_truncated_file_is_damaged():
    data = images.truncated_jpeg()
    assert identify(data) == "JPEG", "its header still says JPEG"
    assert reason(open_checked, data, "JPEG") == "damaged"


def test_a_file_whose_bytes_are_not_the_format_is_damaged():
    assert reason(open_checked, b"\xff\xd8\xff" + bytes(100), "JPEG") == "damaged"


def test_a_refusal_must_be_one_the_assistant_can_explain():
    with pytest.raises(ValueError):
        checks.PhotoRefused("because")
