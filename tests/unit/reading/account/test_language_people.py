"""Who was seen, their vehicle and where they went, read in the ten other languages as the
person wrote them (reading/account/language_people.py): the form does not ask again for what an
account in any language already gave, and asks for what it did not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.report_account import stated_slots
from reading.account.languages import read_account_in
from reading.language import OTHER_LANGUAGES

ACCOUNTS = yaml.safe_load(Path(__file__).with_name("language_people.yml").read_text(encoding="utf-8"))
CASES = [
    pytest.param(language, account, id=f"{language}-{index}")
    for language, accounts in ACCOUNTS.items()
    for index, account in enumerate(accounts)
]


def test_every_language_has_accounts() -> None:
    assert sorted(ACCOUNTS) == sorted(OTHER_LANGUAGES)


@pytest.mark.parametrize(("language", "account"), CASES)
def test_people_vehicle_and_direction_are_read_as_written(language: str, account: dict) -> None:
    read = read_account_in(account["text"], language)
    assert {
        "people": read.people,
        "described": read.people_described,
        "vehicle": read.vehicle,
        "theirs": read.vehicle_theirs,
        "direction": read.direction,
    } == {key: account[key] for key in ("people", "described", "vehicle", "theirs", "direction")}
    for field in ("people", "vehicle", "direction"):
        if account[field] is not None:
            assert account[field] in account["text"]  # the person's words, never translated


@pytest.mark.parametrize(("language", "account"), CASES)
def test_the_form_is_given_what_the_account_states(language: str, account: dict) -> None:
    slots = stated_slots(account["text"], language=language)
    assert slots.get("report_people") == (account["people"] if account["described"] else None)
    assert slots.get("report_vehicle") == (account["vehicle"] if account["theirs"] else None)
    assert slots.get("report_direction") == account["direction"]


@pytest.mark.parametrize(
    ("language", "text", "registration"),
    [
        ("fr", "une camionnette grise immatriculée LB19 XTR tourne autour du bâtiment", "LB19XTR"),
        ("tr", "plakası KM20 FTR olan beyaz bir minibüs", "KM20FTR"),
        ("zh", "一辆黑色的车，车牌是 LD17 HXA，一直在门口转", "LD17HXA"),
        ("ar", "سيارة بيضاء رقمها YT21 ZPD واقفة قدام البوابة", "YT21ZPD"),
    ],
)
def test_a_registration_is_read_in_any_language(language: str, text: str, registration: str) -> None:
    read = read_account_in(text, language)
    assert (read.registration or "").replace(" ", "") == registration
    assert read.vehicle_theirs


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "un hombre estaba en el metro mirando el móvil"),  # "en el metro" is no description
        ("pl", "jakiś gość w metrze pytał o strażników"),
        ("ro", "un om în stația de autobuz a întrebat de paznici"),
        ("fr", "quelqu'un a posé des questions sur les gardes"),
        ("zh", "有人问保安几点换班"),
        ("bn", "কেউ একজন গার্ডের কথা জিজ্ঞেস করল"),
    ],
)
def test_a_bare_person_is_asked_about(language: str, text: str) -> None:
    read = read_account_in(text, language)
    assert not read.people_described
    assert "report_people" not in stated_slots(text, language=language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "il est parti vers 23h, je ne sais pas où"),  # a time, not a place
        ("bn", "সন্ধ্যা ৬টার দিকে একজন লোক ছবি তুলছিল"),  # "around 6", not "towards"
        ("it", "verso le 8 un uomo ha fotografato il cancello"),
        ("tr", "adam şimdi birine silah doğrultuyor"),  # "aiming", not "towards"
    ],
)
def test_a_time_or_an_aim_is_no_direction(language: str, text: str) -> None:
    assert read_account_in(text, language).direction is None


def test_a_make_said_in_english_is_a_whole_word() -> None:
    # "merc" is a make; "merci" and "mercato" are not vehicles
    assert read_account_in("merci, un homme filmait l'entrée", "fr").vehicle is None
    assert read_account_in("un uomo fotografava vicino al mercato", "it").vehicle is None


def test_arabic_words_take_their_prefixes_not_any_ending() -> None:
    read = read_account_in("شاب بجاكيت أزرق كان يصور من الشبابيك", "ar")
    assert read.people == "شاب بجاكيت أزرق"
    assert read.people_described


def test_someone_vague_gives_way_to_a_person_named() -> None:
    # "واحد" (one, a guy) is a person, though after its prefix "و" it reads "احد" (someone)
    assert read_account_in("شفت واحد طلع مسدس قدام البوابة وبنت عم تصرخ", "ar").people == "واحد"
    assert (
        read_account_in("alguien gritaba y luego un chico con casco corrió", "es").people
        == "un chico con casco"
    )
