"""A whole account in one of the ten other languages is read into the report's fields: the place
(an embassy named in the language, a London place), the time, whether it is still going on, and
the kind of behaviour (reading/account/languages.py)."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from reading.account import read_account
from reading.account.languages import direction_in, read_account_in, tells_a_sighting, when_in
from reading.language import OTHER_LANGUAGES
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 15, 0, tzinfo=LONDON)  # a Sunday afternoon
ACCOUNTS = yaml.safe_load(Path(__file__).with_name("language_accounts.yml").read_text(encoding="utf-8"))
FIELDS = ("location", "place", "when", "ongoing", "category")
CASES = [
    pytest.param(language, account, id=f"{language}-{index}")
    for language, accounts in ACCOUNTS.items()
    for index, account in enumerate(accounts)
]


def test_every_language_has_accounts() -> None:
    assert sorted(ACCOUNTS) == sorted(OTHER_LANGUAGES)
    assert all(len(accounts) >= 3 for accounts in ACCOUNTS.values())


@pytest.mark.parametrize(("language", "account"), CASES)
def test_an_account_fills_the_fields_it_states(language: str, account: dict) -> None:
    read = read_account_in(account["text"], language, NOW)
    assert {field: getattr(read, field) for field in FIELDS} == {field: account[field] for field in FIELDS}
    if "when_iso" in account:
        assert read.when_iso == account["when_iso"]
    if read.location is not None:
        assert read.location in account["text"]  # the words as written
        assert read.location_stated


def test_a_place_they_went_to_is_not_where_it_was() -> None:
    read = read_account_in("un hombre filmaba la puerta y luego se fue hacia Hyde Park", "es", NOW)
    assert read.location == "puerta"
    assert read.place is None and not read.location_stated  # a bare door: the form asks where
    assert read.ongoing == "no"
    assert read_account_in("un hombre se fue hacia Hyde Park", "es", NOW).location is None


def test_now_said_of_it_being_over_is_not_still_going_on() -> None:
    assert (
        read_account_in("il est parti, maintenant c'est calme devant l'ambassade", "fr", NOW).ongoing == "no"
    )
    assert read_account_in("他还在大使馆门口拍照", "zh", NOW).ongoing == "yes"


def test_an_embassy_without_a_country_is_no_place_named() -> None:
    read = read_account_in("Un uomo fotografava le telecamere all'ingresso dell'ambasciata", "it", NOW)
    assert read.location == "ingresso dell'ambasciata"
    assert read.place is None and not read.location_named
    assert read.category == "surveillance"
    bare = read_account_in("Un uomo fotografava davanti all'ambasciata", "it", NOW)
    assert bare.location == "davanti all'ambasciata" and not bare.location_stated  # still asked


def test_english_and_unknown_languages_are_read_by_the_english_reader() -> None:
    text = "about 10 minutes ago a man was filming the gates of the Saudi embassy on Curzon Street"
    assert read_account_in(text, "en", NOW) == read_account(text, NOW)
    assert read_account_in(text, None, NOW) == read_account(text, NOW)
    assert read_account_in(text, "xx", NOW) == read_account(text, NOW)


def _cpu_seconds(text: str, language: str) -> float:
    """The CPU time (not wall-clock: the machine's load does not count) of the quickest of three reads."""
    times = []
    for _ in range(3):
        started = time.process_time()
        read_account_in(text, language, NOW)
        times.append(time.process_time() - started)
    return min(times)


def test_a_long_hostile_text_is_read_in_linear_time() -> None:
    # Many place nouns, then many prepositions. 4x the text measured 3.3x the CPU time; quadratic
    # work would be 16x. The bound on the whole text is generous (measured 0.04 s).
    short, long = ("ambasciata " * 37) + ("da " * 125), ("ambasciata " * 150) + ("da " * 500)
    assert not read_account_in(long, "it", NOW).location_named
    short_seconds, long_seconds = _cpu_seconds(short, "it"), _cpu_seconds(long, "it")
    assert long_seconds < 8 * short_seconds + 0.01, f"{short_seconds:.3f} s, then {long_seconds:.3f} s for 4x"
    assert long_seconds < 1.0, f"{long_seconds:.2f} CPU seconds for {len(long):,} characters"


def test_an_answer_to_when_is_read_as_the_account_reads_it() -> None:
    assert when_in("da mezz'ora", "it", NOW) == "2026-12-06T14:30:00+00:00"
    assert when_in("ieri sera verso le 8", "it", NOW) == "2026-12-05T20:00:00+00:00"
    assert when_in("dün akşam 8 gibi", "tr", NOW) == "2026-12-05T20:00:00+00:00"
    assert when_in("yesterday at 8pm", "en", NOW) is None  # English: read_when alone


def test_told_in_the_present_it_is_going_on_and_an_all_clear_is_over() -> None:
    assert read_account_in("un hombre está empujando la puerta de la embajada", "es", NOW).ongoing == "yes"
    assert read_account_in("un hombre estaba empujando la puerta de la embajada", "es", NOW).ongoing is None
    assert read_account_in("bir adam kapıyı zorla açmaya çalışıyor", "tr", NOW).ongoing == "yes"
    assert read_account_in("quelqu'un a cassé la vitre, c'est fini maintenant", "fr", NOW).ongoing == "no"


def test_now_and_since_said_in_words_have_their_moment() -> None:
    read = read_account_in("hay un hombre con un cuchillo en la puerta ahora mismo", "es", NOW)
    assert read.when == "ahora mismo" and read.when_iso == "2026-12-06T15:00:00+00:00"
    read = read_account_in("une voiture grise est garée devant l'ambassade depuis deux jours", "fr", NOW)
    assert read.when == "depuis deux jours" and (read.when_iso or "").startswith("2026-12-04")
    assert read.ongoing == "yes"
    read = read_account_in("bir araba sabahtan beri elçiliğin önünde bekliyor", "tr", NOW)
    assert read.when == "sabahtan beri" and read.ongoing == "yes"


def test_an_emergency_told_with_no_time_is_going_on() -> None:
    assert read_account_in("un homme poignarde des gens devant la gare", "fr", NOW).ongoing == "yes"
    assert read_account_in("hier un homme a poignardé quelqu'un devant la gare", "fr", NOW).ongoing != "yes"


@pytest.mark.parametrize(
    "text", ["大概十分钟前有个男人在拍大门", "差不多半小时前有人在拍照", "大约两个小时以前"]
)
def test_a_chinese_time_said_as_about_so_long_ago_is_read(text: str) -> None:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=LONDON)
    account = read_account_in(text, "zh", now)
    assert account.when is not None and account.when.endswith("前")
    assert account.when_iso is not None and account.when_iso < now.isoformat()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Hi, about 20 minutes ago I saw a man filming the gates of the embassy on Kensington Palace Gardens",
            "en",
        ),
        ("a man in a grey hoodie was taking photos of the cctv cameras at Victoria station", "en"),
        ("hello can you tell me what project servator is and why the officers are at the station", "en"),
        ("I left my phone on the train this morning and I would like to get it back please", None),
        ("", "en"),
        ("   ", None),
        ("x" * 5000 + " a man filming the embassy gate at 10pm", "en"),
        ("Un hombre estaba grabando la entrada de la embajada en Belgrave Square hace una hora", "es"),
        ("Bonjour, je voudrais savoir ce qu'est Project Servator", "fr"),
    ],
)
def test_whether_a_message_tells_a_sighting_is_the_whole_accounts_answer(text, language):
    """Reading the kind of behaviour first changes no answer."""
    assert tells_a_sighting(text, language) == read_account_in(text, language).describes_a_sighting()


def test_every_written_account_tells_a_sighting_as_its_whole_reading_does():
    for language, accounts in ACCOUNTS.items():
        for account in accounts:
            text = account["text"]
            assert tells_a_sighting(text, language) == read_account_in(text, language).describes_a_sighting()
            assert tells_a_sighting(text, "en") == read_account(text).describes_a_sighting()


def _blind_rows() -> list[tuple[str, str]]:
    blind = Path(__file__).parents[3] / "data" / "blind"
    rows = []
    for path in sorted(blind.glob("en-*.yml")) + sorted(blind.glob("languages-*/*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            rows.append((str(item["text"]), str(item.get("language", "en"))))
    return rows


def test_the_direction_alone_is_the_accounts_direction() -> None:
    rows = _blind_rows()[::3]  # every third text of every set: a sample of every language
    assert len(rows) > 1000
    found = 0
    for text, language in rows:
        expected = read_account_in(text, language).direction
        assert direction_in(text, language) == expected, text
        found += expected is not None
    assert found > 100  # the sets state many directions: the comparison is not of Nones
