"""The vendored browser libraries are the files VERSIONS.md names, byte for byte, each with its licence."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tools.vendor_static import PACKAGES

VENDOR = Path(__file__).resolve().parents[3] / "dashboard" / "static" / "vendor"
ROW = re.compile(
    r"^\| (?P<package>[\w.-]+) \| (?P<version>[\d.]+) \| (?P<file>\S+) \| (?P<sha>[0-9a-f]{64}) \|$"
)


def _rows() -> list[dict[str, str]]:
    lines = (VENDOR / "VERSIONS.md").read_text().splitlines()
    return [match.groupdict() for line in lines if (match := ROW.match(line))]


def test_every_listed_file_has_its_recorded_sha256() -> None:
    rows = _rows()
    assert len(rows) == sum(len(files) for _, files in PACKAGES.values())
    for row in rows:
        digest = hashlib.sha256((VENDOR / row["file"]).read_bytes()).hexdigest()
        assert digest == row["sha"], row["file"]
        assert row["file"].startswith(row["package"] + "/")
        assert PACKAGES[row["package"]][0] == row["version"]


def test_nothing_unlisted_is_vendored() -> None:
    listed = {row["file"] for row in _rows()} | {"VERSIONS.md"}
    present = {path.relative_to(VENDOR).as_posix() for path in VENDOR.rglob("*") if path.is_file()}
    assert present == listed


def test_each_package_carries_its_licence() -> None:
    for package in PACKAGES:
        licence = (VENDOR / package / "LICENSE").read_text()
        assert re.search(
            r"MIT License|BSD 2-Clause|Mozilla Public License|Permission is hereby granted", licence
        )
