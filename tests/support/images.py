"""Test images made with Pillow: a JPEG carrying GPS and camera EXIF (and XMP, an ICC profile, a
comment, bytes appended after the image), a PNG with text and EXIF chunks, and the files a photo
must be refused for: truncated, a renamed executable, a PNG header claiming 50,000 x 50,000, 26 MB.
HEIC comes from a file beside this one (Pillow and pi-heif only decode it): `heic_with_gps`."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image, ImageCms

# Buckingham Palace's forecourt, as a camera writes it: degrees, minutes, seconds.
GPS_LATITUDE = 51.501364
GPS_LONGITUDE = -0.141890
CAMERA_MAKE = "TestCam Industries"
CAMERA_MODEL = "Snapper 9000 serial 123456"
COMMENT = b"taken by jane.doe@example.com"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.08N"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
APPENDED = b"PK\x03\x04 a zip appended after the image: secret-notes.txt"
# Made once: a profile records the time it was made, and a test compares hashes of two copies.
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
# jpeg_with_gps(320, 240) without its appended zip, encoded by libheif's heif-enc (Debian's
# libheif-examples: `heif-enc -q 50 -o photo_with_gps.heic photo.jpg`), which keeps its EXIF.
HEIC_WITH_GPS = Path(__file__).with_name("photo_with_gps.heic")
ELF_HEADER = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00"


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def camera_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = _dms(GPS_LATITUDE)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = _dms(GPS_LONGITUDE)
    return exif


def _picture(width: int, height: int) -> Image.Image:
    """Left half red, right half blue: after turning upright, which side is which shows the rotation."""
    image = Image.new("RGB", (width, height), (200, 20, 20))
    image.paste((20, 20, 200), (width // 2, 0, width, height))
    return image


def jpeg_with_gps(width: int = 64, height: int = 48) -> bytes:
    """A JPEG as a phone sends it "as a file": EXIF with GPS, camera make and model and orientation 6
    (turn 90 degrees), XMP, an sRGB ICC profile, a comment, and a zip appended after the image."""
    out = io.BytesIO()
    _picture(width, height).save(
        out, "JPEG", exif=camera_exif(), icc_profile=SRGB_PROFILE, comment=COMMENT, xmp=XMP, quality=95
    )
    return out.getvalue() + APPENDED


def png_with_metadata(width: int = 40, height: int = 30) -> bytes:
    """A PNG with a text chunk naming its author and an EXIF chunk with GPS."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "jane.doe@example.com")
    out = io.BytesIO()
    _picture(width, height).save(out, "PNG", pnginfo=info, exif=camera_exif(orientation=1))
    return out.getvalue()


def plain_jpeg(width: int = 32, height: int = 24, colour: tuple[int, int, int] = (10, 120, 10)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG")
    return out.getvalue()


def webp_image(width: int = 30, height: int = 20) -> bytes:
    out = io.BytesIO()
    _picture(width, height).save(out, "WEBP", exif=camera_exif(orientation=1))
    return out.getvalue()


def heic_with_gps() -> bytes:
    """A 320 x 240 HEIC as an iPhone sends it "as a file": EXIF with GPS and the camera's make and model."""
    return HEIC_WITH_GPS.read_bytes()


def truncated_jpeg() -> bytes:
    """A real JPEG cut off half way: its header reads, its pixels do not."""
    out = io.BytesIO()
    Image.effect_noise((256, 256), 60).convert("RGB").save(out, "JPEG", quality=95)
    data = out.getvalue()
    return data[: len(data) // 2]


def renamed_executable() -> bytes:
    """An ELF program's first bytes, whatever name or content type it is sent with."""
    return ELF_HEADER + bytes(512)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims width x height pixels (a decompression bomb's header)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + bytes(3 * 16))
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def oversized_jpeg(size: int = 26 * 1024 * 1024) -> bytes:
    """A valid JPEG padded to `size` bytes (26 MB by default)."""
    data = plain_jpeg()
    return data + bytes(size - len(data))


def metadata_of(data: bytes) -> dict[str, object]:
    """What a decoder can read of an image's metadata: EXIF tags, GPS, info keys, size."""
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return {
            "format": image.format,
            "size": image.size,
            "exif": dict(exif),
            "gps": dict(exif.get_ifd(ExifTags.IFD.GPSInfo)),
            "info_keys": sorted(
                key
                for key in image.info
                if key not in ("jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi")
            ),
        }
