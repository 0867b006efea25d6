"""Numbers written as words in relative times, as digits, so dateparser reads them.

dateparser reads "hace 10 minutos" but not "hace diez minutos", "dieci minuti fa", "十分钟前" or
"قبل عشر دقائق". `relative_time_digits` writes a number word that comes before a unit of time
(minutes, hours, days, weeks) as digits, and half and quarter hours as minutes, in the languages
dateparser supports. Only a number followed by a unit changes ("un hombre" stays as it is).
"""

from __future__ import annotations

import functools
import unicodedata

from reading import regex

_UNITS = {
    "es": "segundo minuto hora dia semana",
    "fr": "seconde minute heure jour semaine",
    "it": "secondo secondi minuto minuti ora ore giorno giorni settimana settimane",
    "pt": "segundo minuto hora dia semana",
    "ro": "secunda secunde minut minute ora ore zi zile saptamana saptamani",
    "pl": "sekund minut godzin dzien dni tydzien tygodni",
    "tr": "saniye dakika saat gun hafta",
    "ar": "ثانيه ثواني دقيقه دقائق ساعه ساعات يوم ايام اسبوع اسابيع",
    "bn": "সেকেন্ড মিনিট ঘণ্টা ঘন্টা দিন সপ্তাহ",
}
# Words joining tens and units ("veinte y cinco", "vinte e cinco", "douăzeci și cinci").
_AND = frozenset({"y", "e", "et", "si", "i", "و"})
_NUMBERS = {
    "es": "un 1 uno 1 una 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 nueve 9 diez 10 once 11 "
    "doce 12 trece 13 catorce 14 quince 15 dieciseis 16 diecisiete 17 dieciocho 18 diecinueve 19 "
    "veinte 20 veinticinco 25 treinta 30 cuarenta 40 cincuenta 50 sesenta 60",
    "fr": "un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 onze 11 "
    "douze 12 treize 13 quatorze 14 quinze 15 seize 16 vingt 20 trente 30 quarante 40 "
    "cinquante 50 soixante 60",
    "it": "un 1 uno 1 una 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7 otto 8 nove 9 dieci 10 "
    "undici 11 dodici 12 tredici 13 quattordici 14 quindici 15 venti 20 venticinque 25 trenta 30 "
    "quaranta 40 cinquanta 50 sessanta 60",
    "pt": "um 1 uma 1 dois 2 duas 2 tres 3 quatro 4 cinco 5 seis 6 sete 7 oito 8 nove 9 dez 10 "
    "onze 11 doze 12 treze 13 catorze 14 quinze 15 vinte 20 trinta 30 quarenta 40 cinquenta 50 "
    "sessenta 60",
    "ro": "un 1 o 1 unu 1 doua 2 doi 2 trei 3 patru 4 cinci 5 sase 6 sapte 7 opt 8 noua 9 zece 10 "
    "unsprezece 11 doisprezece 12 douasprezece 12 cincisprezece 15 douazeci 20 treizeci 30 "
    "patruzeci 40 cincizeci 50 saizeci 60",
    "pl": "jedna 1 jeden 1 jedną 1 dwie 2 dwa 2 trzy 3 cztery 4 piec 5 szesc 6 siedem 7 osiem 8 "
    "dziewiec 9 dziesiec 10 jedenascie 11 dwanascie 12 pietnascie 15 dwadziescia 20 "
    "trzydziesci 30 czterdziesci 40 piecdziesiat 50 szescdziesiat 60",
    "tr": "bir 1 iki 2 uc 3 dort 4 bes 5 alti 6 yedi 7 sekiz 8 dokuz 9 on 10 onbes 15 yirmi 20 "
    "otuz 30 kirk 40 elli 50 altmis 60",
    "ar": "واحد 1 واحده 1 اثنين 2 اثنتين 2 اثنان 2 ثلاث 3 ثلاثه 3 اربع 4 اربعه 4 خمس 5 خمسه 5 ست 6 "
    "سته 6 سبع 7 سبعه 7 ثماني 8 ثمانيه 8 ثمان 8 تسع 9 تسعه 9 عشر 10 عشره 10 عشرين 20 عشرون 20 "
    "ثلاثين 30 ثلاثون 30 اربعين 40 خمسين 50 ستين 60",
    "bn": "এক 1 দুই 2 দু 2 তিন 3 চার 4 পাঁচ 5 ছয় 6 সাত 7 আট 8 নয় 9 দশ 10 পনেরো 15 পনের 15 বিশ 20 "
    "কুড়ি 20 পঁচিশ 25 ত্রিশ 30 তিরিশ 30 চল্লিশ 40 পঞ্চাশ 50 ষাট 60",
}
# Half and quarter hours, and Arabic duals, as minutes or units with a number.
_PHRASES = {
    "es": {"media hora": "30 minutos", "un cuarto de hora": "15 minutos", "cuarto de hora": "15 minutos"},
    "fr": {"une demi heure": "30 minutes", "une demi-heure": "30 minutes", "un quart d'heure": "15 minutes"},
    "it": {
        "mezz'ora": "30 minuti",
        "mezzora": "30 minuti",
        "mezza ora": "30 minuti",
        "un quarto d'ora": "15 minuti",
    },
    "pt": {"meia hora": "30 minutos", "meia-hora": "30 minutos", "um quarto de hora": "15 minutos"},
    "ro": {
        "o jumatate de ora": "30 de minute",
        "jumatate de ora": "30 de minute",
        "un sfert de ora": "15 minute",
    },
    "pl": {"pol godziny": "30 minut", "kwadrans": "15 minut"},
    "tr": {"yarim saat": "30 dakika", "ceyrek saat": "15 dakika"},
    "ar": {
        "نصف ساعة": "30 دقيقة",
        "نص ساعة": "30 دقيقة",
        "ربع ساعة": "15 دقيقة",
        "ساعتين": "2 ساعة",
        "دقيقتين": "2 دقيقة",
    },
    "bn": {"আধ ঘণ্টা": "30 মিনিট", "আধা ঘণ্টা": "30 মিনিট", "আধঘণ্টা": "30 মিনিট", "ঘণ্টা": "ঘন্টা"},
}
# dateparser reads Arabic units after a number in the singular only ("قبل 10 دقيقة").
_ARABIC_SINGULAR = {"دقائق": "دقيقة", "ساعات": "ساعة", "أيام": "يوم", "أسابيع": "أسبوع", "ثواني": "ثانية"}
_HAN_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_NUMBER = regex.compile(
    r"([一两二三四五六七八九]?十[一二三四五六七八九]?|[一两二三四五六七八九])个?(分钟|小时|钟头|天|星期|周|秒)"
)
_HAN_PHRASES = {"半个小时": "30分钟", "半小时": "30分钟", "一刻钟": "15分钟"}


_LETTER_MAP: dict[str, str | int | None] = {
    "ł": "l",
    "ı": "i",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ة": "ه",
    "ى": "ي",
}
_LETTERS = str.maketrans(_LETTER_MAP)


def _plain(word: str) -> str:
    """Without accents, Arabic marks or alef/teh marbuta forms, lower case (for comparing words)."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c)
    )
    return stripped.translate(_LETTERS)


@functools.cache
def _numbers(language: str) -> dict[str, int]:
    pairs = _NUMBERS.get(language, "").split()
    return {_plain(word): int(value) for word, value in zip(pairs[::2], pairs[1::2])}


@functools.cache
def _units(language: str) -> tuple[str, ...]:
    return tuple(_plain(u) for u in _UNITS.get(language, "").split())


@functools.cache
def _arabic_singular() -> dict[str, str]:
    return {_plain(plural): singular for plural, singular in _ARABIC_SINGULAR.items()}


def _is_unit(word: str, language: str) -> bool:
    plain = _plain(word).strip(".,;:!?")
    return any(plain.startswith(unit) for unit in _units(language))


def _han_number(text: str) -> str:
    if "十" not in text:
        return str(_HAN_DIGITS[text])
    tens, _, units = text.partition("十")
    return str((_HAN_DIGITS.get(tens, 1)) * 10 + _HAN_DIGITS.get(units, 0))


def relative_time_digits(text: str, language: str) -> str:
    """`text` with number words before units of time as digits ("hace diez minutos" -> "hace 10 minutos")."""
    if language == "zh":
        for phrase, minutes in _HAN_PHRASES.items():
            text = text.replace(phrase, minutes)
        return _HAN_NUMBER.sub(lambda m: _han_number(m.group(1)) + m.group(2), text)
    numbers = _numbers(language)
    if not numbers:
        return text
    words = _with_phrases(text.split(), language)
    out: list[str] = []
    i = 0
    while i < len(words):
        value, used = _number_at(words, i, numbers)
        after = words[i + used : i + used + 2]
        unit_follows = bool(after) and (
            _is_unit(after[0], language)
            or (_plain(after[0]) == "de" and len(after) > 1 and _is_unit(after[1], language))
        )
        if value and unit_follows:
            out.append(str(value))
            i += used
            if language == "ar":
                words[i] = _arabic_singular().get(_plain(words[i]), words[i])
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _with_phrases(words: list[str], language: str) -> list[str]:
    """Half and quarter hours (and Arabic duals) as a number of minutes or units."""
    for phrase, replacement in _PHRASES.get(language, {}).items():
        size = len(phrase.split())
        target = [_plain(w) for w in phrase.split()]
        i = 0
        while i + size <= len(words):
            if [_plain(w).strip(".,;:!?") for w in words[i : i + size]] == target:
                words = words[:i] + replacement.split() + words[i + size :]
            i += 1
    return words


def _number_at(words: list[str], i: int, numbers: dict[str, int]) -> tuple[int, int]:
    """(value, words used) of a number written at words[i] ("veinte y cinco", "vingt-cinq"), or (0, 1)."""
    first = _plain(words[i]).strip(".,;:!?")
    if "-" in first and all(part in numbers for part in first.split("-")):
        return sum(numbers[part] for part in first.split("-")), 1
    value = numbers.get(first, 0)
    if value >= 20 and value % 10 == 0 and i + 2 < len(words) and _plain(words[i + 1]) in _AND:
        units = numbers.get(_plain(words[i + 2]), 0)
        if 0 < units < 10:
            return value + units, 3
    if value >= 20 and value % 10 == 0 and i + 1 < len(words):
        units = numbers.get(_plain(words[i + 1]), 0)
        if 0 < units < 10:
            return value + units, 2
    return value, 1
