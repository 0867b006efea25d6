"""A whole account in one of the other languages, read into the same `Account` as an English one:
where (reading/account/language_places.py), when (language_times.py), whether it is still going
on, the kind of behaviour, who was seen, their vehicle and where they went (language_people.py).
The words are in `languages/<code>/account.yml` (reading/account/language_words.py):
- `still`, `gone`, `now` (and `happening`, RE2 patterns of a verb in the present continuous,
  "está empujando"): still there / left, over / happening now ("there is a man"), in that order
  (still there wins, for safety; "now" said of it being over does not);
- `categories`: category -> phrases (phrases.py matching: stems take endings).
An emergency the language's danger cues see, told with no time and nothing of it being over, is
going on.
A registration is the same in every language: the English readers find it.
Every field is read only when the text states it; the rest stays None, so the form asks for it.
"""

from __future__ import annotations

from datetime import datetime

from reading.account.direction import direction as english_direction
from reading.account.language_people import people
from reading.account.language_places import location, place_entities
from reading.account.language_text import words_of
from reading.account.language_times import read_time
from reading.account.language_vehicle import direction, vehicle
from reading.account.language_words import Words, language_words
from reading.account.reader import MAX_CHARS, Account, read_account
from reading.account.vehicle import plate
from reading.account.words import long_ago
from reading.entities import pipeline
from reading.form.values import infer_category
from reading.language import ENGLISH, OTHER_LANGUAGES
from reading.language.danger import cues_for

_CATEGORY_ORDER = ("unattended_item", "testing_security", "eliciting_information", "surveillance")


def tells_a_sighting(text: str | None, language: str | None) -> bool:
    """`read_account_in(text, language).describes_a_sighting()`, with an English message's kind of
    behaviour read first: most messages name none, and reading the rest of an account (places,
    times, people, vehicles) costs several times as much, for nothing then."""
    if language in OTHER_LANGUAGES and language and language_words(language) is not None:
        return read_account_in(text, language).describes_a_sighting()
    text = (text or "")[:MAX_CHARS]
    return infer_category(text) is not None and read_account(text).describes_a_sighting()


def direction_in(text: str | None, language: str | None) -> str | None:
    """`read_account_in(text, language).direction`, without reading the rest of the account."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip():
        return None
    words = language_words(language) if language in OTHER_LANGUAGES and language else None
    if words is None or language is None:
        said = english_direction(pipeline().make_doc(text))
        return said.text if said is not None else None
    return direction(words_of(text, language), words, place_entities(text, language))


def read_account_in(text: str | None, language: str | None, now: datetime | None = None) -> Account:
    """The report fields `text` states, read in `language` (English, or no known language: read_account)."""
    words = language_words(language) if language in OTHER_LANGUAGES and language else None
    if language in (None, ENGLISH) or words is None or language is None:
        return read_account(text, now)
    text = (text or "")[:MAX_CHARS]
    if not text.strip():
        return Account()
    read = words_of(text, language)
    places = place_entities(text, language)
    where = location(read, words, text, places)
    when, when_iso, since = read_time(read, words, language, now)
    ongoing, said = _ongoing(read.joined, words, when_iso, since, now)
    if ongoing is None and _emergency(text, language):
        ongoing, said = "yes", True
    category = _category(read.joined, words)
    if category == "unattended_item" and ongoing == "no":
        ongoing, said = None, False  # whoever left it is gone; the item may not be
    who = people(read, words, places)
    registration = plate(text)
    their_vehicle = vehicle(read, words, registration, places)
    return Account(
        when=when,
        when_iso=when_iso,
        ongoing=ongoing,
        ongoing_said=said,
        people=who.words if who else None,
        people_described=bool(who and who.described),
        vehicle=their_vehicle.words if their_vehicle else None,
        vehicle_theirs=bool(their_vehicle and their_vehicle.described),
        registration=registration,
        direction=direction(read, words, places),
        category=category,
    ).placed(where)


def when_in(text: str, language: str, now: datetime | None = None) -> str | None:
    """The moment (ISO) of a time phrase in `text` ("ieri sera verso le 8", "da mezz'ora") that
    `read_when` alone does not read; None for English or when none is found."""
    words = language_words(language) if language in OTHER_LANGUAGES else None
    if words is None or not text.strip():
        return None
    return read_time(words_of(text[:MAX_CHARS], language), words, language, now)[1]


def _ongoing(
    joined: str, words: Words, when_iso: str | None, since: bool, now: datetime | None
) -> tuple[str | None, bool]:
    """Yes when still there (that wins), no when they left, yes when told as happening now; else
    by the time."""
    if words.still.search(joined) or since:
        return "yes", True
    if words.gone.search(joined):
        return "no", True
    if words.now.search(joined) or any(pattern.search(joined) for pattern in words.happening):
        return "yes", True
    if when_iso is not None and long_ago(when_iso, now):
        return "no", False
    return None, False


def _emergency(text: str, language: str) -> bool:
    """The language's emergency cues fire and nothing says it is over, elsewhere or in the past
    (reading/language/danger.py): an emergency told with no time is going on ("un homme poignarde
    des gens", "白色面包车冲上人行道")."""
    cues = cues_for(language)
    return bool(cues and cues.detect(text).fired)


def _category(joined: str, words: Words) -> str | None:
    for key in _CATEGORY_ORDER:
        phrases = words.categories.get(key)
        if phrases and phrases.search(joined):
            return key
    return None
