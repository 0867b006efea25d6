"""docs/settings.md is what tools/settings_doc.py makes from the settings code: never out of date."""

from __future__ import annotations

from tools import settings_doc


def test_the_settings_page_is_up_to_date():
    assert settings_doc.DOC.read_text(encoding="utf-8") == settings_doc.render(), (
        "docs/settings.md is out of date: run .venv/bin/python -m tools.settings_doc"
    )


def test_each_setting_has_its_meaning_and_default():
    rows = {name: (meaning, default) for _, name, meaning, default in settings_doc.rows()}
    assert rows["DATABASE_URL"][1] == "`sqlite:///var/servator.db`"
    assert rows["MAX_MESSAGE_CHARS"] == (
        "a longer message gets a length message instead of being processed.",
        "`2000`",
    )
    assert rows["TELEGRAM_BOT_TOKEN"][1] == "none" and rows["DASHBOARD_COOKIE_SECURE"][1] == "`false`"
    assert all(meaning for meaning, _ in rows.values()), [name for name, (m, _) in rows.items() if not m]


def test_a_changed_page_is_found_by_the_check(tmp_path, monkeypatch):
    stale = tmp_path / "settings.md"
    stale.write_text("# Settings\n", encoding="utf-8")
    monkeypatch.setattr(settings_doc, "DOC", stale)
    assert settings_doc.main(["--check"]) == 1
    assert settings_doc.main([]) == 0 and settings_doc.main(["--check"]) == 0
