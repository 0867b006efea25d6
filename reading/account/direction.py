"""Where they went, in the person's words: "towards Park Lane", "north up Park Lane", "at high st ken"
(got off there), "on the 11 bus" (the bus they took)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from reading.account import words
from reading.account.place_words import STREET
from reading.places import london


def direction(doc: Doc) -> Span | None:
    """Where they went: after a leaving verb, the way that follows ("drove off towards Park Lane",
    "took a taxi to Victoria"); after any moving verb, a way that can only mean where to, a few
    words on ("left around 5.40 towards The Mall", "headed north"). Moving about the place
    ("walked round the embassy", "drove onto the pavement", "went up to the guard") is not a
    direction. The last one said is where they went."""
    ways = {span.start: span for span in words.found(doc, "way")}
    strong = {span.start: span for span in words.found(doc, "strong_way") if not _in_a_name(doc, span)}
    on_foot = words.starts_of(doc, "on_foot")
    chosen: Span | None = None
    verbs = words.found(doc, "leaving") + words.found(doc, "motion") + words.found(doc, "alighting")
    for verb in sorted(verbs, key=lambda v: v.start):
        way = _way_after(doc, verb, ways if _leaving(doc, verb) else {}, strong)
        if way is None:
            continue
        end = words.clause_end(doc, way.end, stop_at=on_foot | _time_starts(doc, way.end))
        if end > way.end or way.text.lower() in words.COMPASS:
            start = way.start
            while start + 1 < end and doc[start].lower_ in words.MOTION_FILLERS:
                start += 1  # "off towards Park Lane": where to is "towards Park Lane"
            span = doc[start:end]
            if chosen is not None and _one_way(doc, chosen.end, span.start):
                chosen = doc[chosen.start : span.end]  # "up Grosvenor Crescent and into Belgrave Square"
            elif chosen is None or span.start >= chosen.end:
                chosen = span
    return chosen


# A time said after the way ("drove off north about 12", "headed to Victoria at 3pm"): not part of it.
_ABOUT = frozenset({"about", "around", "approx", "approximately", "roughly", "circa", "abt", "arnd"})
_CLOCK_ENDS = frozenset({"am", "pm", "ish", "o'clock", "oclock"})


def _time_starts(doc: Doc, start: int) -> set[int]:
    """Where a time begins after `start`: "about"/"around" and a number, or "at" and a clock time
    ("at 3pm", "at 5.40", "at 12" ending the clause), not "at 10 Downing Street"."""
    found = set()
    for index in range(start, min(len(doc) - 1, start + words.CLAUSE_TOKENS)):
        word, number = doc[index].lower_, doc[index + 1]
        if not number.text[:1].isdigit():
            continue
        after = doc[index + 2].lower_ if index + 2 < len(doc) else ""
        clock = (
            any(c in number.text for c in ":.")
            or number.lower_.endswith(("am", "pm"))
            or after in _CLOCK_ENDS
            or not after
            or doc[index + 2].is_punct
        )
        if word in _ABOUT or (word == "at" and clock):
            found.add(index)
    return found


def _leaving(doc: Doc, verb: Span) -> bool:
    """A leaving verb, or any moving verb with "off" or "away" after it ("flown off", "zoomed away")."""
    return verb.label_ == "leaving" or (verb.end < len(doc) and doc[verb.end].lower_ in _OFF)


_OFF = frozenset({"off", "away"})
# Ways that are where to only when a place follows: "left by the Waterloo Road exit", not "left by 5pm".
_WEAK_WAYS = frozenset({"by", "via"})


def _way_after(doc: Doc, verb: Span, ways: dict[int, Span], strong: dict[int, Span]) -> Span | None:
    """The way right after `verb` (fillers between), or a strong way later in its sentence; "to" or
    "into" a named place or a destination is a strong way ("go fast to Sloane Square", "take bus 74
    to South Kensington", "walked into Green Park station")."""
    if verb.label_ == "alighting":  # "got off at Dalston Junction", "dropped them at High St Ken"
        return doc[verb.end - 1 : verb.end]
    index = verb.end
    while index < min(len(doc), verb.end + 4) and doc[index].lower_ in words.MOTION_FILLERS:
        index += 1
    way = ways.get(index) or strong.get(index)
    weak = verb.text.lower() == "went" or (way is not None and way.text.lower() in _WEAK_WAYS)
    if way is not None and (not weak or _destination_follows(doc, way.end)):
        return way
    if verb.label_ == "leaving" and verb[-1].lower_ in ("on", "onto") and _transport_follows(doc, verb.end):
        return doc[verb.end - 1 : verb.end]  # "got on the 11 bus": the bus they took
    for index in range(verb.end, min(len(doc), verb.end + words.STRONG_WAY_REACH)):
        if doc[index].text in words.SENTENCE_END:
            return None
        if index in strong:
            return strong[index]
        if doc[index].lower_ in words.TO_A_PLACE and _destination_follows(doc, index + 1):
            # "take bus 74 to X", not "get a bomb into X": nothing they carry or take in between
            if not any(token.lower_ in _THINGS_START for token in doc[verb.end : index]):
                return doc[index : index + 1]
    return None


_THINGS_START = frozenset({"a", "an", "the", "his", "her", "their", "it", "them", "some"})


def _in_a_name(doc: Doc, way: Span) -> bool:
    """ "Clapham North tube", "West Ham", "south audley st": a compass word in a place's name is no way."""
    if way.text.lower() not in words.COMPASS or way.end >= len(doc):
        return False
    if way.end + 1 < len(doc) and doc[way.end + 1].lower_.strip(".") in words.STREET_WORDS:
        return True  # "past the embassy on south audley st": the street's name, said in lower case
    if not way.text[:1].isupper():
        return False
    after = doc[way.end]
    return after.text[:1].isupper() or after.lower_ in words.DESTINATIONS


def _transport_follows(doc: Doc, index: int) -> bool:
    """A bus, train or tube comes next ("the 11 bus", "a northbound train")."""
    return any(token.lower_ in words.PUBLIC_TRANSPORT for token in doc[index : index + 4])


def _destination_follows(doc: Doc, index: int) -> bool:
    """A place comes next ("into the tube", "down Sloane St"), not a person or a thing."""
    while index < len(doc) and doc[index].lower_ in {"the", "a", "an"}:
        index += 1
    if index >= len(doc):
        return False
    named = doc[index].text[:1].isupper() and not (doc[index].text.isupper() and doc.text.isupper())
    return named or doc[index].lower_ in words.DESTINATIONS or _street_follows(doc, index)


def _street_follows(doc: Doc, index: int) -> bool:
    """A street or London place named in lower case comes next ("up grosvenor crescent", "into soho")."""
    following = doc[index : index + 4].text
    return STREET.match(following) is not None or any(start == 0 for start, _, _ in london.found(following))


def _one_way(doc: Doc, end: int, start: int) -> bool:
    """Two ways said as one ("up X and into Y", "along X, then down Y"): only a link between."""
    between = [token.lower_ for token in doc[end:start]]
    return 0 < len(between) <= 2 and all(word in _WAY_LINKS for word in between)


_WAY_LINKS = frozenset({"and", "then", ",", "before"})
