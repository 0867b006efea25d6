"""Reading a whole account ("about 20 minutes ago I saw a man in a grey hoodie filming the gates of the
Saudi embassy on Curzon Street, he got into a black BMW and drove towards Park Lane") into the
report's fields, so the form asks only for what is missing.

Every field is the person's own words (a span of the text), except `ongoing` (yes/no),
`registration` (normalised) and `category`. A field is left out unless the text states it.
Token rules over spaCy's blank English tokenizer and the project's entity rules: linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from spacy.tokens import Doc

from reading.account import words
from reading.account.described import each_one_end, not_seen_before_end
from reading.account.direction import direction as _direction
from reading.account.ongoing import ongoing as read_ongoing
from reading.account.places import location
from reading.account.times import time_words
from reading.account.vehicle import said_vehicle, theirs, unspaced_plate
from reading.danger import danger_fired
from reading.entities import extract_entities, pipeline
from reading.form.values import infer_category

MAX_CHARS = 3000  # the front ends refuse messages over 2,000 characters


class PlaceSaid(Protocol):
    """Where a text places what it tells, in English (reading/account/places.py) or another language."""

    @property
    def words(self) -> str: ...
    @property
    def place(self) -> str | None: ...  # the gazetteer's name
    @property
    def named(self) -> bool: ...
    @property
    def stated(self) -> bool: ...


@dataclass(frozen=True)
class Account:
    """The report fields a message states (None: not stated)."""

    location: str | None = None
    location_named: bool = False
    location_stated: bool = False  # named, or said as where it was ("at our gate"), not only mentioned
    place: str | None = None
    postcode: str | None = None
    when: str | None = None
    when_iso: str | None = None
    ongoing: str | None = None
    ongoing_said: bool = False  # in words ("still there", "he left"), not only a time long gone
    people: str | None = None
    people_described: bool = False
    vehicle: str | None = None
    vehicle_theirs: bool = False  # described, or brought in as theirs ("a car"), not "the ambassador's car"
    registration: str | None = None
    on_foot: bool = False
    direction: str | None = None
    category: str | None = None

    def describes_a_sighting(self) -> bool:
        """A kind of behaviour and at least one other thing about it: an account of what was seen."""
        return self.category is not None and any(
            (self.location, self.when, self.people, self.vehicle, self.direction)
        )

    def placed(self, where: PlaceSaid | None) -> Account:
        """This account with its location fields read from `where` (None: left unstated)."""
        if where is None:
            return self
        return replace(
            self,
            location=where.words,
            location_named=where.named,
            location_stated=where.stated,
            place=where.place,
        )


def read_account(text: str | None, now: datetime | None = None) -> Account:
    """The report fields `text` states; times are read as of `now` (London, default the current time)."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip():
        return Account()
    doc = pipeline().make_doc(text)
    entities = extract_entities(text)
    vehicle = said_vehicle(doc)
    direction = _direction(doc)
    time = time_words(doc, entities, now)
    said_when = time.span if time is not None else None
    not_places = [span for span in (vehicle, direction) if span is not None]
    where = location(doc, text, entities, not_places, said_when)
    vehicle_words = {
        token.i for label in ("make", "vehicle") for span in words.found(doc, label) for token in span
    }
    people, described = _people(doc, vehicle_words, said_when.start if said_when is not None else len(doc))
    category = infer_category(text)
    registration = next(
        (e["value"] for e in entities if e["entity"] == "vehicle_registration"), None
    ) or unspaced_plate(text)
    item_left = category == "unattended_item"
    when_iso = time.iso if time is not None else None
    ongoing = read_ongoing(doc, when_iso, now, item_left)
    undated = read_ongoing(doc, None, now, item_left, by_day=False)
    if ongoing == "no" and undated == "yes" and danger_fired(text):
        ongoing = "yes"  # a danger told in the present: a day said earlier ("every Thursday") ends nothing
    emergency = ongoing is None and danger_fired(text)  # told as a danger, with nothing of it being over
    return Account(
        postcode=where.postcode if where else None,
        when=time.words if time is not None else None,
        when_iso=when_iso,
        ongoing="yes" if emergency else ongoing,
        ongoing_said=emergency or (ongoing is not None and ongoing == undated),
        people=people,
        people_described=described,
        vehicle=vehicle.text if vehicle is not None else registration,
        vehicle_theirs=registration is not None or theirs(doc, vehicle),
        registration=registration,
        on_foot=vehicle is None and bool(words.found(doc, "on_foot")),
        direction=direction.text if direction is not None else None,
        category=category,
    ).placed(where)


def _people(doc: Doc, not_people: set[int], said_when: int) -> tuple[str | None, bool]:
    """The words for the people ("a man in a grey hoodie", "two men", "the guy sitting next to me"),
    and whether they describe anyone (a bare "a man" does not). The speaker's own people ("our
    guard") are not the people; described ones come before bare ones, and bare "people" (the
    crowd around) only when nobody else is named."""
    attributes = {token.i for span in words.found(doc, "attribute") for token in span}
    attire = {span.start for span in words.found(doc, "attire")}
    mentions: list[tuple[bool, int, str]] = []
    covered: set[int] = set()
    for noun in words.found(doc, "person"):
        if noun.start in covered or (noun.start > 0 and doc[noun.start - 1].lower_ in words.OWN):
            continue
        if _the_speaker(doc, noun.start):
            continue
        start = noun.start
        while start > 0 and (
            start - 1 in attributes or doc[start - 1].lower_ in words.COUNTS or doc[start - 1].like_num
        ):
            if doc[start - 1].like_num and start - 1 not in attributes and doc[start].lower_ in words.COUNTS:
                break  # "at 12 a man", "plat 14 one guy": the number is not theirs
            start -= 1
        if start > 0 and doc[start - 1].lower_ in words.OWN:
            continue
        end = _described_end(doc, noun.end, attributes, attire)
        if start < said_when < end:  # "filming people about 10 minutes ago": the time is not theirs
            end = said_when
        span = doc[start:end]
        covered.update(range(start, end))
        mentions.append((any(token.i in attributes for token in span), span.start, span.text))
    crowd = [m for m in mentions if m[2].lower() in _CROWD]
    others = [m for m in mentions if m not in crowd] or crowd
    kept = sorted(sorted(others, key=lambda m: (not m[0], m[1]))[:2], key=lambda m: m[1])
    said = [text for _, _, text in kept]
    described = any(has_detail for has_detail, _, _ in kept)
    detail = words.later_detail(doc, attributes, not_people)
    if detail and not any(detail in already for already in said):  # said with the person already
        said.append(detail)
        described = True
    return (", ".join(dict.fromkeys(said)) or None), described


_CROWD = frozenset({"people", "the people", "persons"})


def _described_end(doc: Doc, end: int, attributes: set[int], attire: set[int]) -> int:
    """Where the words about one person end: what they wore or carried ("in a grey hoodie", "has a
    knife"), a list of details ("a woman, maybe 40, grey coat"), or what they were doing right
    after the noun ("sitting next to me", "saying he was from the Met"), unless that is the
    behaviour reported ("a man filming the gates": the people are "a man")."""
    if end >= len(doc):
        return end
    unknown = not_seen_before_end(doc, end)  # "a lady I've never seen before (in a red coat)"
    if unknown > end:
        return _described_end(doc, unknown, attributes, attire)
    each = each_one_end(doc, end)  # "two lads, one in a red hoodie and one all in black"
    if each > end:
        return each
    beside = next((len(p) for p in words.BESIDE_THE_SPEAKER if _says(doc, end, p)), 0)
    if beside:  # "the man next to me"
        return end + beside
    if doc[end].lower_ in words.WHERE_THEY_WERE and end + 1 in attire:  # "a gentleman inside in a flat cap"
        end += 1
    if doc[end].lower_ in _SUBJECTS and end + 1 < len(doc) and doc[end + 1].lower_ in _HAS:
        return words.described_until(doc, end + 2, attributes)  # "one man he has a gun"
    if end in attire:
        described = words.described_until(doc, end + 1, attributes)
        return described if described > end + 1 else end
    if doc[end].lower_ in words.LIST_LINKS or _age_or_ride(doc, end):
        return words.described_until(doc, end, attributes)
    doing = doc[end].lower_.endswith("ing") and len(doc[end]) > 4 and end not in attributes
    if doing and not infer_category(doc[end : end + 2].text):  # "a man filming…": the behaviour, not him
        until = words.clause_end(doc, end + 1, _DOING_WORDS)
        return next(
            (
                i
                for i in range(end + 1, until)
                if doc[i].lower_ in words.DOING and doc[i - 1].lower_ not in _SUBJECTS
            ),
            until,
        )
    return end


def _says(doc: Doc, start: int, phrase: tuple[str, ...]) -> bool:
    return tuple(token.lower_ for token in doc[start : start + len(phrase)]) == phrase


def _the_speaker(doc: Doc, start: int) -> bool:
    """ "I am tourist", "I'm a cyclist": the person writing, not the people they saw."""
    before = [token.lower_ for token in doc[max(0, start - 3) : start]]
    while before and before[-1] in ("a", "an", "the", "just"):
        before.pop()
    return before[-2:] in (["i", "am"], ["i", "'m"], ["i", "’m"], ["i", "m"]) or before[-1:] == ["im"]


_HAS = frozenset({"has", "had", "have", "got", "wearing", "wears"})


def _age_or_ride(doc: Doc, end: int) -> bool:
    """ "a tall man of about 25 in a red top", "a guy on a motorbike with a pistol": the age or what
    they rode, then more about them."""
    following = [token.lower_ for token in doc[end : end + 4]]
    if following[0] == "of":
        return any(token.like_num for token in doc[end + 1 : end + 3])
    return following[0] == "on" and bool(words.found(doc[end + 1 : end + 4].as_doc(), "vehicle"))


_DOING_WORDS = 6  # "sitting next to me on the bench"
_SUBJECTS = frozenset("he she they it i we you".split())  # "saying he was from the Met": what they said


def describe(account: Account) -> dict[str, Any]:
    """The fields as a plain dict (for logs of counts and the evaluation), without empty ones."""
    return {name: value for name, value in account.__dict__.items() if value not in (None, False)}
