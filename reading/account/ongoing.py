"""Whether it is still going on, from the tenses of a whole account (reading.account.reader).

"Still" ("still there", "right now", "as we speak") wins, for safety. Otherwise the last thing said about it counts: "two men ran off towards
Cromwell Road. The guards are trying to put it out" is going on; "a man is filming the gate… then he
walked off" is over. Told in the present ("there's smoke coming out", "he keeps smackin him", "its
ticking") is going on; a time long gone or another day, with nothing said in the present, is over.
Someone who left an item and walked off is gone, but the item may not be: only words about the item
("its gone now", "took it away") or a day gone by say that is over.
"""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc

from reading import regex
from reading.account import words

# Words ending in -ing that name things, not something being done ("there's a building").
_ING_NOUNS = frozenset(
    "thing something nothing anything everything building morning evening ceiling parking clothing ring "
    "king wing string spring ending sibling bring during".split()
)
_NOT_DROPPED_G = frozenset("within again certain captain britain cousin curtain origin margin".split())
_THERE_REACH = 5  # "there's black smoke coming out": the doing word a few words after "there's"
# An item taken away or gone ("security took it away", "its gone now", "a man came back and took it").
_ITEM_TAKEN = frozenset("took take takes taken picked pick collected collect removed remove moved".split())
_IT = frozenset({"it", "its", "it's", "it’s"})
# In the "still" list, the words that say it goes on as they write, whatever came before.
_NOW_WORDS = frozenset("still now currently moment speak type rn".split())


def ongoing(
    doc: Doc, when_iso: str | None, now: datetime | None, item_left: bool, by_day: bool = True
) -> str | None:
    """ "yes", "no" or None (not said); `by_day`: a time long gone or another day says it is over."""
    said_now = words.found(doc, "still")
    if words.still_doing(doc) or any(
        _NOW_WORDS & {token.lower_ for token in span} and not words.done_before(doc, span.end - 1)
        for span in said_now
    ):
        return "yes"
    up_to_now = _up_to_now_at(doc)  # "has been circling for an hour"
    told_now = [_happening_at(doc)] + [span.start for span in said_now]  # "is filming", "is standing"
    if by_day and up_to_now < 0 and when_iso is not None and words.another_day(when_iso, now):
        told_now = []  # "On Monday at 7:30 a man ... is asking": another day, told in the present
    happening = max([up_to_now, *told_now])
    if item_left:
        if _item_gone_at(doc) > happening:
            return "no"
        if happening >= 0:
            return "yes"
        return "no" if by_day and when_iso is not None and words.days_ago(when_iso, now) else None
    over = max(
        [span.start for span in words.found(doc, "over") if not _to_do(doc, span.start)]
        + [words.left_for_at(doc)]
    )
    if over > happening:
        return "no"
    if happening >= 0:
        return "yes"
    if when_iso is not None and words.long_ago(when_iso, now):
        return "no"
    if by_day and words.found(doc, "past_day"):
        return "no"
    return None


_COUNT = (
    r"(?:an?|\d+|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|half an?|a few|a couple of|"
    r"a good|the best part of an?)"
)
_SHORT_UNIT = r"(?:mins?|minutes?|hours?|hrs?|half hour)"
# A stretch reaching up to now, told in the present perfect ("has been circling for an hour",
# "been stood there for an hour", "there's been a drone over the roof since 7", "since friday"), or
# a stretch of minutes or hours up to now ("for the last 20 mins", "already half an hour"). "had
# been" is over, and the speaker's own ("I've been meaning to") tells nothing of it.
_UP_TO_NOW = regex.compile(
    rf"(?i)\b(been)\b[^.!?;]{{0,90}}?"
    rf"\b(?:for (?:the (?:last|past) |about |around |over |nearly |almost |at least |like |a good )?"
    rf"(?:{_COUNT} )?{_SHORT_UNIT}|since\b|(?:about |around |like |bout |abt )?{_COUNT} ?{_SHORT_UNIT}\b)"
    rf"|\b(?:for|in) the (?:last|past) (?:{_COUNT} ?)?{_SHORT_UNIT}\b|\balready (?:about |around )?{_COUNT} ?"
    rf"{_SHORT_UNIT}\b|\b{_COUNT} ?{_SHORT_UNIT} already\b"
    rf"|\b(is|are|parked|sitting|sat|standing|stood|waiting|there|here)\b[^.!?;]{{0,90}}?\bsince\b"
)
# Before "been" or "parked": over ("had been", "was parked"), or the speaker's own ("I've been
# meaning to", "we have been worried").
_NOT_UP_TO_NOW = frozenset("had was were i we ive weve".split())


def _up_to_now_at(doc: Doc) -> int:
    """Where the account tells of a stretch going on up to now (-1: nowhere)."""
    last = -1
    for match in _UP_TO_NOW.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        if (match.group(1) or match.group(2)) and _said_before(doc, span.start) & _NOT_UP_TO_NOW:
            continue
        if match.group(1) and _on_the_speakers_mind(doc, span.start):
            continue
        if any(token.lower_ in _NOT_DONE - {"to"} for token in span):
            continue  # "it hasn't come back since", "we have not seen him since"
        last = max(last, span.start)
    return last


def _on_the_speakers_mind(doc: Doc, been: int) -> bool:
    """ "it's been bugging me since", "it has been on my mind since": the speaker's thoughts."""
    subject = _said_before(doc, been) & {"it", "its", "this", "that"}
    return bool(subject) and bool({t.lower_ for t in doc[been + 1 : been + 3]} & {"me", "my", "us", "mind"})


def _said_before(doc: Doc, index: int) -> set[str]:
    """The two words before `index` ("I've been": "i", "'ve")."""
    return {token.lower_ for token in doc[max(0, index - 2) : index]}


def doing(word: str) -> bool:
    """A word for something being done: "filming", "smackin", "movin'"."""
    word = word.lower()
    if word in _ING_NOUNS:
        return False
    if word.endswith("ing"):
        return len(word) > 4
    return word.endswith(("in", "in'")) and len(word) >= 6 and word.rstrip("'") not in _NOT_DROPPED_G


def _happening_at(doc: Doc) -> int:
    """Where the account last tells something as happening now (-1: nowhere): "is shooting",
    "keeps shouting", "there's a man with a knife", "there's smoke pouring out", "right now"."""
    last = -1
    people = {span.start for span in words.found(doc, "person")}
    quoted = words.quoted_tokens(doc)  # "shouting that it 'deserves what's coming'": said, not going on
    for index, token in enumerate(doc):
        word = token.lower_
        if index in quoted:
            continue
        if word == "now" and not words.done_before(doc, index):
            last = index
        if index + 1 >= len(doc):
            continue
        after = doc[index + 1] if doc[index + 1].lower_ not in _NOT else doc[min(index + 2, len(doc) - 1)]
        if (word in words.NOW_DOING or _have_been(doc, index)) and doing(after.text):
            last = index
        elif word in ("there", "theres") and (after.lower_ in words.THERE_IS or word == "theres"):
            if people & {index + 2, index + 3} or _doing_soon(doc, index + 1):
                last = index
    return last


_NOT = frozenset({"not", "n't", "nt"})  # "he is not waking up": going on all the same


def _have_been(doc: Doc, index: int) -> bool:
    """ "has been levering", "they've been watching": begun before and going on still; not the
    speaker's own thoughts since ("I've been fretting", "it's been bugging me")."""
    if doc[index].lower_ != "been" or index == 0 or doc[index - 1].lower_ not in words.HAVE_BEEN:
        return False
    speaker = index > 1 and doc[index - 2].lower_ in _SPEAKER
    return not speaker and not (index + 2 < len(doc) and doc[index + 2].lower_ in _SPEAKER)


_SPEAKER = frozenset({"i", "we", "me", "us"})


def _doing_soon(doc: Doc, start: int) -> bool:
    for token in doc[start + 1 : start + 1 + _THERE_REACH]:
        if token.is_punct or token.lower_ in words.CLAUSE_END:
            return False
        if doing(token.text):
            return True
    return False


def _item_gone_at(doc: Doc) -> int:
    """Where the account says the item is gone (-1: nowhere)."""
    last = -1
    for index, token in enumerate(doc[:-1]):
        after = doc[index + 1].lower_
        if token.lower_ in _ITEM_TAKEN and after in _IT | {"away"}:
            last = index
        if token.lower_ in _IT and (
            after == "gone"
            or (after in ("'s", "is", "’s") and index + 2 < len(doc) and doc[index + 2].lower_ == "gone")
        ):
            last = index
    return last


def _to_do(doc: Doc, start: int) -> bool:
    """ "screaming at us to go away", "asked him to leave", "hasnt got on a bus": not done."""
    return start > 0 and doc[start - 1].lower_ in _NOT_DONE


# "to go away", "hasn't got on a bus", "never left": a leaving asked for or denied, not done.
_NOT_DONE = frozenset(
    "to not n't nt never didnt wont hasnt havent hadnt isnt doesnt dont don't doesn't hasn't haven't hadn't".split()
)
