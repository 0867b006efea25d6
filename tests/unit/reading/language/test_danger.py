"""Emergencies in the other languages: 999 first, the past and figures of speech do not fire."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reading.danger import DangerDetector
from reading.language import ENGLISH, OTHER_LANGUAGES
from reading.language.danger import (
    DANGER_KINDS,
    TOGETHER,
    cues_for,
    detect_in_languages,
    english_word_explained,
    message_danger,
)
from reading.language.data import language_file, strings
from reading.language.identify import identify


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hay un hombre con un cuchillo", "es"),
        ("alguien está sangrando en la acera", "es"),
        ("hay una bolsa abandonada en la puerta de la embajada", "es"),
        ("Il y a un homme avec un couteau devant l'ambassade", "fr"),
        ("Un colis suspect devant la porte", "fr"),
        ("رجل يحمل سكينا أمام السفارة", "ar"),
    ],
)
def test_an_emergency_fires_in_its_language(text: str, language: str) -> None:
    verdict = detect_in_languages(text, (identify(text).language,))
    assert verdict is not None and verdict.language == language


@pytest.mark.parametrize(
    "text",
    [
        "ayer vi a un hombre con un cuchillo",
        "esa canción es una bomba",
        "¿Qué es Project Servator?",
        "Bonjour, qu'est-ce que Servator ?",
        "what is project servator",
    ],
)
def test_the_past_figures_of_speech_and_questions_do_not_fire(text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence) is None


_MESSAGES = yaml.safe_load((Path(__file__).parent / "danger_messages.yml").read_text(encoding="utf-8"))


def _cases(kind: str) -> list[tuple[str, str]]:
    return [(code, text) for code, sets in _MESSAGES.items() for text in sets[kind]]


@pytest.mark.parametrize(("language", "text"), _cases("fire"))
def test_each_language_catches_its_emergencies(language: str, text: str) -> None:
    guess = identify(text)
    verdict = message_danger(text, guess.language, guess.confidence)
    assert verdict is not None
    assert verdict.language == language or guess.language != language


@pytest.mark.parametrize(("language", "text"), _cases("calm"))
def test_each_language_keeps_calm_messages_calm(language: str, text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence, conversation=language) is None


@pytest.mark.parametrize(
    ("text", "identified_as", "language"),
    [
        ("aud impuscaturi langa ambasada", "en", "ro"),
        ("vanga bottle diye boro maramari hocche", "en", "bn"),
        ("hay un hombre con un cuchillo", "it", "es"),
        ("jakis gosc z nozem przy wejsciu", "ro", "pl"),
    ],
)
def test_a_message_identified_as_another_language_still_gets_999(
    text: str, identified_as: str, language: str
) -> None:
    verdict = message_danger(text, identified_as, 0.9)
    assert verdict is not None and verdict.language == language


@pytest.mark.parametrize(
    "text",
    [
        "are the officers armed",
        "how much can i borrow for a mortgage",
        "hyaluronic acid or vitamin c first",
        "is exploding kittens good for kids",
        "how long do I use the blowtorch on a creme brulee",
        "my crème brûlée has gone watery, what went wrong",
    ],
)
def test_english_words_are_not_read_as_another_languages_cues(text: str) -> None:
    assert message_danger(text, "en", 0.9) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("guardei a roupa no armário", "pt"),
        ("devo fare le analisi del sangue", "it"),
        ("esa canción es una bomba", "es"),
        ("上周广场上有人打架，现在没事了", "zh"),
        ("saptamana trecuta a fost o bataie in piata, acum e liniste", "ro"),
    ],
)
def test_a_calm_message_surely_in_one_language_is_not_read_as_anothers_emergency(
    text: str, language: str
) -> None:
    assert message_danger(text, language, 0.95) is None


@pytest.fixture(scope="module")
def english_detector() -> DangerDetector:
    return DangerDetector()


def _served(text: str, detector: DangerDetector) -> bool:
    """The emergency answer as DangerGate gives it to a message read alone."""
    guess = identify(text)
    result = detector.detect(text)
    english = result.fired and not english_word_explained(
        text, guess.language, guess.confidence, result.reasons
    )
    return english or message_danger(text, guess.language, guess.confidence) is not None


@pytest.mark.parametrize(
    "text",
    [
        "on a regardé un film avec des explosions, génial",
        "ce film avec les explosions est génial",
        "ei movie te onek bomb blast ache, dekhecho?",
    ],
)
def test_an_english_danger_word_in_a_harmless_foreign_message_gets_no_999(
    text: str, english_detector: DangerDetector
) -> None:
    assert english_detector.detect(text).fired  # the English detector alone would fire
    assert not _served(text, english_detector)


@pytest.mark.parametrize(
    "text",
    [
        "un mec avec un gun devant l'ambassade, venez vite",
        "il y a un homme avec un gun devant l'ambassade",
        "ekta lok er hate gun ache embassy r samne",
        "hay un tipo con una gun en la puerta ahora mismo",
        "there's a man with a gun in the cinema, like in a film",
        "un mec avec un gun devant l'ambassade, les policiers arrivent pas",
        "y a un type avec un gun dans la salle pendant le film, au secours",
        "hay un hombre con una gun en el cine durante la película",
        "ekta lok gun niye cinema hall e dhukeche",
        "il y a une explosion dans la salle pendant le film, maintenant",
    ],
)
def test_an_english_danger_word_in_a_foreign_emergency_still_gets_999(
    text: str, english_detector: DangerDetector
) -> None:
    assert _served(text, english_detector)


@pytest.mark.parametrize("text", ["salut, tortul ala e bomba", "hello, tortul asta e bomba"])
def test_a_figure_of_speech_in_an_unknown_language_is_not_anothers_bomb(text: str) -> None:
    assert detect_in_languages(text) is None


@pytest.mark.parametrize(("language", "text"), _cases("fire"))
def test_every_emergency_fires_when_no_language_is_known(language: str, text: str) -> None:
    assert detect_in_languages(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Il y a un homme avec un couteau sur Roman Road",
        "Roman a un couteau et il menace tout le monde",
        "Roman Road'da bir adam bıçakla saldırıyor",
        "Roman bir adam elinde bıçakla insanlara saldırıyor",
        "oyun parkında bir adam bıçakla çocuklara saldırıyor",
        "adamın dizi çok kanıyor, yerde yatıyor",
    ],
)
def test_a_street_a_name_or_a_knee_does_not_calm_an_emergency(text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence) is not None


@pytest.mark.parametrize(
    "text",
    [
        "dans le roman que je lis, un homme pose une bombe",
        "je lis un roman où il y a un attentat",
        "okuduğum romanda bir adam bomba koyuyor",
        "dizide bir bomba patladı",
    ],
)
def test_a_novel_or_a_series_stays_calm(text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence) is None


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_cue_is_seen_by_the_one_search_that_comes_first(language: str) -> None:
    """A message is read kind by kind only when the pattern of every cue finds one: each cue of
    each kind, and each word of the cues made of several, is found by it, read in the language
    alone and inside a message in another."""
    data = language_file(language, "danger")
    cues = [p for kind in DANGER_KINDS for p in strings(data.get(kind))]
    cues += [
        w for entry in data.get(TOGETHER) or [] for words in entry.get("all") or [] for w in strings(words)
    ]
    for read_in in (None, ENGLISH, *OTHER_LANGUAGES):
        found = cues_for(language, read_in)
        if found is None:
            continue
        assert all(found._any_cue.search(cue) for cue in cues), (language, read_in)
        assert not found.detect("").kinds


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("quanti morti ci sono stati col Blitz su Londra nel 1940? mi serve per la tesina", "it"),
        ("que paso en el gran incendio de Londres de 1666? es para un trabajo del cole", "es"),
        ("伦敦地铁爆炸案是哪一年？2005年吗？", "zh"),
    ],
)
def test_a_past_year_is_history_in_any_language(text: str, language: str) -> None:
    assert cues_for(language).detect(text).fired is False


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hay un incendio en el edificio de 1930 de la esquina, ahora mismo sale humo", "es"),
        ("c'è un uomo con un coltello alla fermata del 1940 bus, adesso", "it"),
    ],
)
def test_a_year_with_a_word_for_now_still_fires(text: str, language: str) -> None:
    assert cues_for(language).detect(text).fired is True


@pytest.mark.parametrize(
    "text",
    [
        "১৯৪০ সালে লন্ডনে বোমা হামলায় অনেক মানুষ মারা গিয়েছিল",
        "في ١٩٤٠ سقطت قنابل كثيرة على لندن",
    ],
)
def test_a_past_year_in_arabic_or_bengali_digits_is_history(text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("la semana pasada me robaron con una navaja, ahora estoy bien", "es"),
        ("Geçen hafta biri bana bıçak çekti, şimdi iyiyim", "tr"),
        ("上周有人拿刀威胁我,我现在没事", "zh"),
    ],
)
def test_a_now_about_the_person_leaves_the_past_in_the_past(text: str, language: str) -> None:
    cues = cues_for(language)
    assert cues is not None and not cues.now(text) and cues.detect(text).fired is False


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("la semana pasada me amenazó con una navaja y ahora está aquí con ella", "es"),
        ("Geçen hafta bana bıçak çekti, şimdi yine kapımın önünde bıçakla bekliyor", "tr"),
        ("上周他拿刀威胁过我,现在他又拿着刀站在我家门口", "zh"),
    ],
)
def test_the_past_and_a_danger_now_still_fires(text: str, language: str) -> None:
    cues = cues_for(language)
    assert cues is not None and cues.detect(text).fired is True
