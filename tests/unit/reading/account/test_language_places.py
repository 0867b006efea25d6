"""Places named in an account in another language (reading/account/language_places.py)."""

from reading.account.language_places import location, place_entities
from reading.account.language_text import words_of
from reading.account.language_words import language_words


def _location(text: str, language: str) -> tuple[str | None, str | None]:
    words = language_words(language)
    assert words is not None
    where = location(words_of(text, language), words, text, place_entities(text, language))
    return (where.words, where.place) if where else (None, None)


def test_a_london_place_is_found_whatever_the_language_around_it():
    entities = place_entities("vi a un hombre en Oxford Street ayer", "es")
    assert [e["value"] for e in entities] == ["Oxford Street"]


def test_turkish_endings_and_chinese_characters_do_not_hide_the_place():
    assert place_entities("Trafalgar Square'de bir adam", "tr")
    assert place_entities("在Green Park地铁站有人拍照", "zh")


def test_an_embassy_named_in_the_language_is_the_location_with_the_street_said_with_it():
    said, name = _location("un uomo davanti all'ambasciata americana in Grosvenor Square", "it")
    assert said is not None and "ambasciata americana" in said and "Grosvenor Square" in said
    assert name is not None


def test_the_place_someone_went_towards_is_not_where_it_happened():
    said, _ = _location("un hombre en Oxford Street se fue hacia Hyde Park", "es")
    assert said == "Oxford Street"


def test_the_place_phrase_is_read_whole_with_the_words_that_place_it():
    said, name = _location("hay un hombre gritando en la salida de la estación de Victoria, ahora", "es")
    assert said == "la salida de la estación de Victoria"
    said, _ = _location("Pomocy! Przy ambasadzie na Portland Place facet z nożem", "pl")
    assert said == "Przy ambasadzie na Portland Place"
    said, _ = _location("Knightsbridge istasyonunun önünde bir adam bağırıyor", "tr")
    assert said == "Knightsbridge istasyonunun önünde"


def test_an_embassy_part_without_a_name_is_read_but_not_named():
    words = language_words("fr")
    assert words is not None
    text = "un homme essaie de forcer le portail de notre ambassade"
    where = location(words_of(text, "fr"), words, text, place_entities(text, "fr"))
    assert where is not None and where.words == "portail de notre ambassade"
    assert not where.named and where.place is None


def test_chinese_zai_before_a_verb_is_the_progressive_not_a_place():
    # 在 + verb: "is doing"; neither the verb phrase nor 现在 ("now") is where it happened.
    assert _location("一个男人在拍监控摄像头", "zh") == (None, None)
    assert _location("现在英镑兑人民币多少", "zh") == (None, None)
    said, _ = _location("有个人在撬我们使馆的后门，现在还在", "zh")
    assert said is not None and said.startswith("使馆") and "撬" not in said


def test_chinese_zai_before_a_place_is_the_place():
    said, _ = _location("我们在Camden的学生宿舍楼下看到一个男的拿着刀", "zh")
    assert said == "在Camden的学生宿舍楼下"
    said, _ = _location("刚才在大使馆附近听到两声巨响", "zh")
    assert said == "大使馆附近"
