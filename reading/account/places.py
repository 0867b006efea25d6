"""Where it happened, in the person's words: "the Saudi embassy on Curzon Street", "Belgrave Sq",
"the side door of the high commission", "the bus stop on Whitehall".

Places come from the gazetteer (reading/places), postcodes, street and station names the gazetteer
does not know ("Upper Grosvenor Street", "victoria coach station") and place nouns ("the embassy",
"our post room", "the car park"), with a name when one is said ("the Kenyan High Commission",
"embassy of Peru"). Mentions with only a linking word between are one place ("the roof of the
building next to the embassy"). The place said with a name wins, then one said with "at",
"outside", "near"…; never where they went ("towards Park Lane"), nor a car named after a place
("a red Vauxhall Corsa").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from reading import regex
from reading.account.place_context import AT, rank, routes
from reading.account.place_context import areas as areas_named
from reading.account.place_words import (
    ADDRESS,
    BUILDING,
    DESCRIBED_BEFORE,
    NAME_AFTER,
    NAME_IN,
    NOT_A_NAME,
    OWN_STREET,
    PLACE_MODIFIERS,
    SITE,
    STATION,
    STREET,
    TIME_NAMES,
    TRANSPORT,
    VEHICLE_PART,
    bus_numbers,
)
from reading.places import london

# Words between two mentions of one place ("the gate of the embassy", "the car park behind the ministry").
_LINKS = frozenset(
    "of to at on in near outside by off opposite behind beside next across from front round around , "
    "the a an our their just right directly above below under underneath beneath 's ’s".split()
)
# "the flats opposite me on X", "the building next door to ours on X": the speaker, said in passing.
_SPEAKER = frozenset("me us ours mine door".split())
MAX_LINK_WORDS = 3
_WAYS_IN = ("entrance", "entrances", "door", "doors", "gate", "gates", "exit", "approach", "steps")
_DETERMINERS = frozenset("the a an our their this that my your".split())
# Words after a place that say where at it: up to the end of the clause, a few words long.
_REFINEMENT = regex.compile(
    r"(?i)^,? (?:just |right |directly )?(opposite|under|underneath|beneath|by|beside|behind|next to|in front of|"
    r"outside|outside of|near|round the back of|at the back of|"
    r"across (?:the (?:road|street) )?from|just off|on the [a-z'’]+(?: [a-z'’]+)? (?:side|end|corner))((?: [A-Za-z0-9&'’-]+)*?)"
    r"(?: (?:and|but|with|where|when|who|then|so|he|she|they|it|is|was|were|are|has|had|for|during|since|until|"
    r"while|today|yesterday|this|last|about|around|at \d)\b|[,.;:!?()]|$)"
)
_REFINEMENT_WORDS = 5
_NAMED_BUILDING = regex.compile(r"(?:^|\s)(?:[A-Z][a-z]+|of [A-Z][a-z]+)")


@dataclass(frozen=True)
class Where:
    words: str
    place: str | None
    postcode: str | None
    named: bool  # a place with a name (not only "the staff entrance", "our gate")
    stated: bool  # named, or said as the site where it was ("at our embassy gate"), not just mentioned


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    named: bool  # a place with a name (gazetteer, street, station, postcode), not just "the embassy"
    sure: bool = False  # named by the gazetteer or a street, station or route: not a guessed name


def location(
    doc: Doc,
    text: str,
    entities: list[dict[str, Any]],
    not_places: Sequence[Span],
    said_when: Span | None = None,
) -> Where | None:
    """The place words (see the module docstring); None when the text names no place. The time said
    (`said_when`) ends a place it runs on from ("the gate 10 minutes ago")."""
    excluded = [range(span.start_char, span.end_char) for span in not_places]
    # "A CAR DROVE ONTO THE PAVEMENT ON WESTMINSTER BRIDGE": read as if typed in lower case
    read = text.lower() if _shouted(text) else text
    mentions = [
        mention
        for mention in _mentions(read, entities)
        if mention.end > mention.start and not any(mention.start in span for span in excluded)
    ]
    # "the end of" with no place after it ("the end of my road") is no place.
    groups = [group for group in _groups(read, mentions) if not read[group[0] : group[1]].endswith(" of")]
    if not groups:
        return None
    groups = routes(read, groups)
    sure = [mention.start for mention in mentions if mention.sure]
    names = [mention.start for mention in mentions if mention.named]
    areas = {  # "Brixton" in "Brixton Road" is the street's name, not the district
        (a, b)
        for a, b in areas_named(read, entities)
        if not any(m.start <= a and b <= m.end and b - a < m.end - m.start for m in mentions)
    }
    start, end, named = max(groups, key=lambda group: rank(read, group, sure, names, areas))
    place = next(
        (e["value"] for e in entities if e["entity"] == "place" and e["start"] < end and e["end"] > start),
        None,
    )
    postcode = next((e["value"] for e in entities if e["entity"] == "postcode"), None)
    end = _refined(read, end)
    if said_when is not None and start < said_when.start_char < end <= said_when.end_char:
        end = said_when.start_char
    said = text[start:end]
    stated = named or bool(AT.search(text[max(0, start - 14) : start]) and SITE.search(said))
    return Where(said.strip(" ,."), place, postcode, named, stated)


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _refined(text: str, end: int) -> int:
    """The place with the words that pin it down after it ("the bus stops on X opposite Whole Foods",
    "the concourse under the departures board", "Buckingham Palace on the Constitution Hill side")."""
    match = _REFINEMENT.match(text[end:])
    if match is None or not match.group(2).strip():
        return end
    kept = match.group(2).split(" ")[1 : _REFINEMENT_WORDS + 1]
    return end + match.start(2) + sum(len(word) + 1 for word in kept)


def _groups(text: str, mentions: list[_Mention]) -> list[tuple[int, int, bool]]:
    """Mentions with only linking words between them, joined: (start, end, any of them named)."""
    groups: list[tuple[int, int, bool]] = []
    for mention in mentions:
        if groups and mention.start < groups[-1][1]:
            start, end, named = groups[-1]
            groups[-1] = (start, max(end, mention.end), named or mention.named)
        elif groups and _joined(
            text[groups[-1][1] : mention.start],
            text[mention.start : mention.end],
            text[groups[-1][0] : groups[-1][1]],
        ):
            start, _, named = groups[-1]
            groups[-1] = (start, mention.end, named or mention.named)
        else:
            groups.append((mention.start, mention.end, mention.named))
    return groups


def _mentions(text: str, entities: list[dict[str, Any]]) -> list[_Mention]:
    found = [
        _Mention(e["start"], e["end"], True, True) for e in entities if e["entity"] in ("place", "postcode")
    ]
    found += [_Mention(m.start(1), m.end(1), False) for m in OWN_STREET.finditer(text)]
    found += [_Mention(start, end, True, True) for start, end in bus_numbers(text)]
    found += [_Mention(start, end, True, True) for start, end, _ in london.found(text)]
    for pattern, named in ((STREET, True), (STATION, True), (TRANSPORT, True), (BUILDING, False)):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) is not None else 2
            start, end = _trimmed(text, match.start(group), match.end(group), named)
            said = text[start:end]
            if VEHICLE_PART.search(said):
                continue
            if not named:
                start = _described_from(text, start)
                said = text[start:end]
                found += _named_in(text, end)
            found.append(
                _Mention(
                    start, end, named or _has_a_name(said, start == 0 or text[start - 2] in ".!?"), named
                )
            )
    for pattern in (NAME_AFTER, ADDRESS):
        for match in pattern.finditer(text):
            first = match.start(1)
            if not _time_or_sentence_start(text, first, match.group(1)):
                found.append(_Mention(first, match.end(1), True))
    unique: dict[tuple[int, int], _Mention] = {}
    for mention in found:  # a span found as a name and as a building is a name
        if not unique.get((mention.start, mention.end), _Mention(0, 0, False)).named:
            unique[(mention.start, mention.end)] = mention
    return sorted(unique.values(), key=lambda m: (m.start, -m.end))


def _described_from(text: str, start: int) -> int:
    """Where a place noun's description begins: "our visa waiting room", "a costume hire shop"."""
    match = DESCRIBED_BEFORE.search(text[max(0, start - 40) : start])
    if match is None or _DETERMINER_FIRST.match(text[start:]):
        return start
    described = match.group(1).split()
    if any(word.lower() in NOT_A_NAME or word.lower().endswith(("ing", "ed", "ly")) for word in described):
        return start  # "photographing the embassy", "at the other gate": no description
    return start - len(match.group(0))


_DETERMINER_FIRST = regex.compile(r"(?i)^(?:the|our|an|a|their|this|that|my|your) ")


def _named_in(text: str, end: int) -> list[_Mention]:
    """The name of where a place without one is ("a shop in Camden"), unless it is a time."""
    match = NAME_IN.match(text[end:])
    if match is None or _time_or_sentence_start(text, end + match.start(1), match.group(1)):
        return []
    return [_Mention(end + match.start(1), end + match.end(1), True)]


def _time_or_sentence_start(text: str, start: int, said: str) -> bool:
    """ "at Christmas", "on 5 March", "Head of Security. …": names that are no place."""
    words = said.lower().replace("’", "'").replace("'s", "").split(" ")
    if any(word in TIME_NAMES for word in words[:2]):
        return True
    return not said[:1].isdigit() and (
        start == 0 or text[max(0, start - 2) : start].strip() in (".", "!", "?")
    )


def _has_a_name(said: str, sentence_start: bool) -> bool:
    """A building said with its name: "the Kenyan High Commission", "embassy of Peru"."""
    words = said.split()
    if sentence_start:
        words = words[1:]
    return bool(_NAMED_BUILDING.search(" " + " ".join(words))) and not said.isupper()


def _joined(between: str, following: str = "", before: str = "") -> bool:
    """Two place mentions are one place when only linking words lie between ("embassy on Curzon St")."""
    words = between.lower().replace(",", " , ").split()
    way_in = before.lower().endswith(_WAYS_IN) and words[:1] == ["to"]  # "the entrance to the Bank"
    if "to" in words and not way_in and not any(word in ("next", "close") for word in words):
        return False  # "from the embassy to Park Lane" is a route, not one place
    after_comma = words[words.index(",") + 1 :] + following.lower().split()[:1] if "," in words else []
    if any(word in _DETERMINERS for word in after_comma):
        return False  # "Lambeth Bridge, our windows rattled": a new clause
    # a house number between ("the Norwegian embassy, 25 Belgrave Square") is part of the address
    return not words or (
        len([word for word in words if word not in _SPEAKER]) <= MAX_LINK_WORDS
        and all(word in _LINKS or word in _SPEAKER or word.replace("-", "").isdigit() for word in words)
    )


def _trimmed(text: str, start: int, end: int, named: bool) -> tuple[int, int]:
    """A match without the ordinary words before its name ("down the mount street"); a "street"
    named only by ordinary words ("the street") is no name at all."""
    words = text[start:end].split(" ")
    if not named:  # "the into embassy" cannot be: only "the side door", "our staff entrance"
        for index, word in enumerate(words[: min(2, len(words) - 1)]):
            if word.lower() == "of":  # "embassy of Chile": the name after the noun
                break
            if word.lower() in NOT_A_NAME - _DETERMINERS - PLACE_MODIFIERS:
                start += sum(len(w) + 1 for w in words[: index + 1])
                words = words[index + 1 :]
                break
        return start, end
    while len(words) > 2 and words[-1].lower() in _DETERMINERS:  # "between Angel and Euston a man…"
        end -= len(words[-1]) + 1
        words = words[:-1]
    while len(words) > 2 and words[0].lower() in NOT_A_NAME:
        start += len(words[0]) + 1
        words = words[1:]
    if len(words) == 2 and words[0].lower() in NOT_A_NAME:
        return start, start
    return start, end
