"""The Rasa and Sanic versions the patches were checked against, and the check itself."""

from __future__ import annotations

import functools

CHECKED_RASA = "3.6.21"
CHECKED_SANIC = "21.12.2"


def _same_series(version: str, checked: str) -> bool:
    """3.6.x matches 3.6.21: patches touch internals that change between minor versions."""
    return version.split(".")[:2] == checked.split(".")[:2]


def rasa_supported(version: str | None = None) -> bool:
    if version is None:
        version = installed_version("rasa")
    return _same_series(version, CHECKED_RASA)


def sanic_supported(version: str | None = None) -> bool:
    if version is None:
        version = installed_version("sanic")
    return _same_series(version, CHECKED_SANIC)


@functools.cache
def installed_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "0"
