"""Which Rasa and Sanic the patches apply to: the series they were checked against, nothing else."""

from __future__ import annotations

from servator.rasa_runtime.patches import versions


def test_only_the_checked_minor_series_is_supported():
    assert versions.rasa_supported("3.6.2") and versions.rasa_supported(versions.CHECKED_RASA)
    assert not versions.rasa_supported("3.7.0") and not versions.rasa_supported("3.5.17")
    assert versions.sanic_supported(versions.CHECKED_SANIC)
    assert not versions.sanic_supported("22.12.0")


def test_the_installed_packages_are_the_ones_checked_and_a_missing_one_is_version_0():
    assert versions.rasa_supported() and versions.sanic_supported()
    assert versions.installed_version("no-such-package-servator") == "0"
    assert not versions.rasa_supported(versions.installed_version("no-such-package-servator"))
