"""Place phrases in an account in another language (reading/account/language_place_phrases.py)."""

from reading.account.language_place_phrases import phrases
from reading.account.language_text import words_of
from reading.account.language_words import language_words


def _said(text: str, language: str, named: list[tuple[int, int]] | None = None) -> list[str]:
    words = language_words(language)
    assert words is not None
    return [text[p.start : p.end] for p in phrases(words_of(text, language), words.places, named or [])]


def test_place_words_with_links_between_are_one_place_with_the_word_that_places_it():
    text = "sale humo de un edificio al lado de la embajada y hay gente"
    assert _said(text, "es") == ["edificio al lado de la embajada"]
    assert _said("y a une baston devant le pub à côté de l'ambassade", "fr") == [
        "devant le pub à côté de l'ambassade"
    ]


def test_a_plain_at_word_is_left_out_and_a_named_place_is_named():
    text = "vidi un uomo nel negozio a Camden Market ieri"
    words = language_words("it")
    assert words is not None
    start = text.index("Camden Market")
    found = phrases(words_of(text, "it"), words.places, [(start, start + len("Camden Market"))])
    assert [text[p.start : p.end] for p in found] == ["negozio a Camden Market"]
    assert found[0].named and found[0].said_at


def test_a_postposition_after_the_place_is_kept():
    assert _said("Whitechapel station er samne ekjon lok", "bn", [(0, 11)]) == [
        "Whitechapel station er samne"
    ]


def test_no_place_word_no_phrase():
    assert _said("un hombre con un cuchillo gritando", "es") == []


def test_a_london_name_written_in_arabic_letters_is_part_of_the_place():
    assert _said("حريق قريب من محطة سلون سكوير والدخان كثير", "ar") == ["قريب من محطة سلون سكوير"]
    assert _said("في واحد معه سكين عند نوتينغ هيل", "ar") == ["عند نوتينغ هيل"]


def test_a_word_that_places_before_a_name_s_last_word_is_not_taken_as_the_name():
    assert _said("شفته قاعد في بارك كبير", "ar") == ["بارك"]
