"""Words of a text in another language, with their spans as written (reading/account/language_text.py)."""

from reading.account.language_text import Lexicon, alternation, words_of


def test_words_are_normalised_and_map_back_to_the_text_as_written():
    read = words_of("Un HOMBRE, con gorra roja", "es")
    assert read.tokens() == ["un", "hombre", "con", "gorra", "roja"]
    assert read.words_as_written(1, 1) == "HOMBRE"
    assert read.words_as_written(3, 4) == "gorra roja"
    assert read.breaks_between(1, 2)  # the comma
    assert not read.breaks_between(3, 4)


def test_chinese_is_read_character_by_character():
    read = words_of("一个男人在拍照", "zh")
    assert not read.spaced and read.tokens() == []
    assert read.written(2, 4) == (2, 4)


def test_a_lexicon_matches_whole_phrases_and_longer_words_by_their_stem():
    lexicon = Lexicon(["hombre", "chaqueta negra", "mujer"], "es")
    tokens = words_of("dos hombres con chaqueta negra", "es").tokens()
    assert lexicon.at(tokens, 1) == 1  # "hombres": the stem takes an ending
    assert lexicon.at(tokens, 3) == 2
    assert lexicon.at(tokens, 2) == 0


def test_arabic_words_take_their_prefixes_and_endings():
    lexicon = Lexicon(["رجل"], "ar")
    assert lexicon.at(["والرجل"], 0) == 1
    assert not Lexicon([], "ar")


def test_an_alternation_finds_a_phrase_only_at_word_starts():
    pattern = alternation(["ambasciata"], "it")
    assert pattern.search("davanti all ambasciata americana")
    assert not pattern.search("xambasciata")
