"""The words of one language for reading an account (`languages/<code>/account.yml`), loaded once.

- `embassy`, `countries`: an embassy named in the language (reading/account/language_places.py);
- `when`, `still`, `gone`, `now`, `happening`, `days`, `parts`: the time and whether it is still
  going on (reading/account/language_times.py);
- `categories`: category -> phrases (phrases.py matching: stems take endings);
- `people`: `nouns` for a person ("hombre", "رجل", "wa7ad", "লোক"), `vague` ones taken only when
  no other person is named ("alguien", "ludzie": someone, the people around), the words `before` one that are
  theirs (articles, numbers: "un", "dos", "একজন"), the words `after` one that start a description
  ("con", "avec", "لابس"), `wearing` words that do only when something worn or held follows ("en
  cagoule", "w czarnej kurtce", not "w metrze"), `attributes` on either side ("encapuchado", "ملثم", "sakallı"),
  `worn` words that end a description said before the noun ("পরা", "giymiş"), and `stop` words
  that end a description ("que", "qui"), `one` word that starts a description of one of them
  after a comma ("dos hombres, uno con..."), `not` a noun that names no person there ("tipo de");
  `attribute_ending`, `stop_ending`: RE2 patterns for a word that describes by its ending
  (Turkish "montlu", "maskeli") or ends a description (a gerund, "sacando");
- `vehicle`: `nouns`, `makes` (besides the English makes, which are written the same) and `colours`;
- `towards`: where someone went ("hacia", "باتجاه"), before the place; `towards_after`: after it
  ("doğru", "এর দিকে"); `to_a_place`: a word that says where they went only when a London place
  follows ("pra Lea Bridge Road");
- `patterns`: field -> RE2 patterns over the normalised text for languages read by pattern
  (Chinese, without spaces); a group named `d` marks a description.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reading import regex
from reading.account.language_place_phrases import PlaceLists, place_lists
from reading.account.language_text import Lexicon, alternation
from reading.account.words import MAKES
from reading.language.data import language_file, strings
from reading.language.phrases import PhraseList
from reading.language.text import normalise


@dataclass(frozen=True)
class Words:
    embassy: Any
    countries: list[tuple[str, Any]]
    when: list[tuple[Any, str, bool]]
    still: PhraseList
    gone: PhraseList
    now: PhraseList
    happening: list[Any]
    categories: dict[str, PhraseList]
    days: dict[str, PhraseList]
    towards: PhraseList
    parts: dict[str, PhraseList]
    people: dict[str, Lexicon]
    vehicle: dict[str, Lexicon]
    towards_before: Lexicon
    towards_after: Lexicon
    to_a_place: Lexicon
    patterns: dict[str, list[Any]]
    person_words: frozenset[str]  # the nouns as listed (normalised), for an exact match
    attribute_ending: Any  # RE2: a word that describes by its ending (Turkish "montlu", "maskeli")
    stop_ending: Any  # RE2: a word that ends a description by its ending (a gerund: "sacando")
    places: PlaceLists  # place phrases (reading/account/language_place_phrases.py)
    times: list[tuple[Any, str, bool]]  # a phrase, the English time it says, said as "since"
    since_words: Lexicon  # "desde", "depuis", "od": a time said after one is still going on
    ago: list[str]  # "hace {n}", "il y a {n}": a length of time said as that long ago


_PEOPLE_LISTS = ("nouns", "vague", "before", "after", "wearing", "attributes", "worn", "stop", "not", "one")


@functools.cache
def language_words(language: str) -> Words | None:
    data = language_file(language, "account")
    if not data:
        return None
    when = []
    for entry in data.get("when") or []:
        if isinstance(entry, str):
            entry = {"pattern": entry}
        when.append((regex.compile(entry["pattern"]), entry.get("read_as", ""), bool(entry.get("since"))))
    people = data.get("people") or {}
    vehicle = data.get("vehicle") or {}
    after = strings(data.get("towards_after"))
    colours = strings(vehicle.get("colours"))
    return Words(
        embassy=alternation(list(data.get("embassy") or []), language),
        countries=[
            (place_id, alternation(list(names), language))
            for place_id, names in (data.get("countries") or {}).items()
        ],
        when=when,
        still=PhraseList(data.get("still") or [], language),
        # it is over ("c'est fini maintenant", "现在没事了"): danger.yml's all-clear phrases too
        gone=PhraseList(
            strings(data.get("gone")) + strings(language_file(language, "danger").get("all_clear")), language
        ),
        now=PhraseList(data.get("now") or [], language),
        happening=[regex.compile(pattern) for pattern in data.get("happening") or []],
        categories={
            key: PhraseList(phrases, language) for key, phrases in (data.get("categories") or {}).items()
        },
        towards=PhraseList(strings(data.get("towards")) + after + strings(data.get("to_a_place")), language),
        days={key: PhraseList(phrases, language) for key, phrases in (data.get("days") or {}).items()},
        parts={key: PhraseList(phrases, language) for key, phrases in (data.get("parts") or {}).items()},
        people={
            key: Lexicon(strings(people.get(key)) + (colours if key == "attributes" else []), language)
            for key in _PEOPLE_LISTS
            if key != "nouns"
        }
        | {"nouns": Lexicon(strings(people.get("nouns")) + strings(people.get("vague")), language)},
        vehicle={
            "nouns": Lexicon(strings(vehicle.get("nouns")), language),
            # the English makes whole ("merc" is not "merci"); the language's own may take endings
            "makes": Lexicon(strings(vehicle.get("makes")), language),
            "english_makes": Lexicon(MAKES, language, stems=False),
            "colours": Lexicon(colours, language),
            "before": Lexicon(strings(people.get("before")), language),
        },
        towards_before=Lexicon([w for w in strings(data.get("towards")) if w not in after], language),
        towards_after=Lexicon(after, language, stems=False),
        to_a_place=Lexicon(
            strings(data.get("to_a_place")), language, stems=False
        ),  # "doğru", not "doğrultuyor"
        patterns={
            key: [regex.compile(pattern) for pattern in strings(patterns)]
            for key, patterns in (data.get("patterns") or {}).items()
        },
        person_words=frozenset(normalise(str(word)) for word in strings(people.get("nouns"))),
        attribute_ending=regex.compile(people["attribute_ending"])
        if people.get("attribute_ending")
        else None,
        stop_ending=regex.compile(people["stop_ending"]) if people.get("stop_ending") else None,
        places=place_lists(data.get("places") or {}, strings(data.get("embassy")), language),
        times=[
            (
                alternation(strings(phrases), language),
                english.removeprefix("since "),
                english.startswith("since "),
            )
            for english, phrases in (data.get("times") or {}).items()
            if strings(phrases)
        ],
        since_words=Lexicon(strings(data.get("since_words")), language, stems=False),
        ago=strings(data.get("ago")),
    )
