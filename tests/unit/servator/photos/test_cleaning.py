"""Cleaning: upright, re-encoded from the pixels alone, hashed before and after, GPS kept only roughly."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from servator.photos.checks import PhotoRefused
from servator.photos.cleaning import clean_photo
from tests.support import images


def test_a_jpeg_with_gps_and_camera_details_is_cleaned_of_all_of_it():
    original = images.jpeg_with_gps(64, 48)
    before = images.metadata_of(original)
    assert (
        before["gps"]
        and before["exif"]
        and {"comment", "exif", "icc_profile", "xmp"} <= set(before["info_keys"])
    )

    photo = clean_photo(original)

    after = images.metadata_of(photo.cleaned)
    assert after["exif"] == {} and after["gps"] == {} and after["info_keys"] == []
    assert images.CAMERA_MODEL.encode() not in photo.cleaned and images.COMMENT not in photo.cleaned
    assert b"GPSLatitude" not in photo.cleaned and images.APPENDED not in photo.cleaned
    assert photo.original_sha256 == hashlib.sha256(original).hexdigest()
    assert photo.cleaned_sha256 == hashlib.sha256(photo.cleaned).hexdigest() != photo.original_sha256
    assert (photo.content_type, photo.original_type, photo.original_bytes) == (
        "image/jpeg",
        "jpeg",
        len(original),
    )


def test_the_photo_is_turned_upright_as_its_exif_said():
    photo = clean_photo(images.jpeg_with_gps(64, 48))
    assert (photo.width, photo.height) == (48, 64), "orientation 6: a quarter turn"
    with Image.open(io.BytesIO(photo.cleaned)) as image:
        top, bottom = image.convert("RGB").getpixel((24, 4)), image.convert("RGB").getpixel((24, 60))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0], "red half on top, blue below"


def test_the_gps_position_is_kept_only_to_about_100_metres():
    photo = clean_photo(images.jpeg_with_gps())
    assert photo.location_removed
    assert photo.rough_location == (round(images.GPS_LATITUDE, 3), round(images.GPS_LONGITUDE, 3))
    assert photo.rough_location == (51.501, -0.142)


@pytest.mark.parametrize(
    "make,content_type", [(images.png_with_metadata, "image/png"), (images.webp_image, "image/webp")]
)
def test_png_and_webp_keep_their_type_and_lose_their_metadata(make, content_type):
    original = make()
    photo = clean_photo(original)
    after = images.metadata_of(photo.cleaned)
    assert photo.content_type == content_type and after["exif"] == {} and after["gps"] == {}
    assert b"jane.doe" not in photo.cleaned and b"Author" not in photo.cleaned
    assert photo.location_removed and photo.rough_location == (51.501, -0.142)


def test_a_heic_becomes_a_jpeg_without_its_metadata():
    original = images.heic_with_gps()
    assert images.CAMERA_MODEL.encode() in original
    photo = clean_photo(original)
    assert (photo.content_type, photo.original_type, photo.width, photo.height) == (
        "image/jpeg",
        "heic",
        320,
        240,
    )
    after = images.metadata_of(photo.cleaned)
    assert (
        after["format"] == "JPEG" and after["exif"] == {} and after["gps"] == {} and after["info_keys"] == []
    )
    assert (
        images.CAMERA_MODEL.encode() not in photo.cleaned and images.CAMERA_MAKE.encode() not in photo.cleaned
    )
    assert photo.location_removed and photo.rough_location == (51.501, -0.142)


def test_a_photo_without_gps_says_so():
    photo = clean_photo(images.plain_jpeg())
    assert not photo.location_removed and photo.rough_location is None


def test_the_thumbnail_is_a_small_jpeg_without_metadata():
    photo = clean_photo(images.jpeg_with_gps(1200, 900))
    with Image.open(io.BytesIO(photo.thumbnail)) as thumbnail:
        assert thumbnail.format == "JPEG" and max(thumbnail.size) <= 320 and not thumbnail.getexif()


def test_a_palette_png_with_transparency_keeps_its_transparency():
    image = Image.new("P", (8, 8), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    out = io.BytesIO()
    image.save(out, "PNG", transparency=0)
    with Image.open(io.BytesIO(clean_photo(out.getvalue()).cleaned)) as cleaned:
        assert cleaned.mode == "RGBA" and cleaned.getpixel((0, 0))[3] == 0


@pytest.mark.parametrize(
    "make,refusal",
    [
        (images.truncated_jpeg, "damaged"),
        (images.renamed_executable, "not_a_photo"),
        (lambda: images.png_claiming(50_000, 50_000), "too_many_pixels"),
        (images.oversized_jpeg, "too_large"),
    ],
)
def test_refused_files(make, refusal):
    with pytest.raises(PhotoRefused) as refused:
        clean_photo(make())
    assert refused.value.reason == refusal
