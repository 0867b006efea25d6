"""The account reader's word lists (vocabulary.yml) as phrase matchers, and the token helpers it shares."""

from __future__ import annotations

from collections.abc import Iterable, Set
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from reading import regex
from reading.entities import pipeline
from reading.london import LONDON, london_now
from reading.yaml_data import read_yaml

_VOCABULARY = read_yaml(Path(__file__).with_name("vocabulary.yml"))
CLAUSE_TOKENS = 10  # a described person, a vehicle or a way is a few words long
CLAUSE_END = frozenset(", . ; ! ? : ( ) and but then so while when after afterwards later".split())
COUNTS = frozenset(_VOCABULARY["people"]["counts"])
BESIDE_THE_SPEAKER = tuple(tuple(str(p).split()) for p in _VOCABULARY["people"]["beside_the_speaker"])
WHERE_THEY_WERE = frozenset(_VOCABULARY["people"]["where_they_were"])
NOT_THEIRS_BEFORE = frozenset(_VOCABULARY["vehicles"]["not_theirs_before"])
MAKES = tuple(str(make) for make in _VOCABULARY["vehicles"]["makes"])  # written the same in every language
OWN = frozenset({"our", "my", "your", "his", "her", "their"})  # "our guard" is the speaker's side
DOING = frozenset(
    "was were is are had has been got took walked ran drove went left looked kept ask asked say said come came go "
    "take stop stopped walk make made look keep sit sat stand stood try tried pull pulled push pushed climb "
    "climbed turn turned start started bought buy count write wrote put threw throw rode ride seemed".split()
)
# Between two parts of one description: "a beard, glasses and a black cap".
LIST_LINKS = frozenset(
    ", and & a an with in wearing plus maybe about around aged approx one both other the has have had".split()
)
DESCRIPTION_TOKENS = 16  # "all black with a balaclava type thing rolled up on his head and white trainers"
# Words that say where something is ("parked on the corner", "outside the embassy"): a description ends there.
PLACED_BY = frozenset(
    "at on outside near in by opposite behind beside along across parked outside next".split()
)
COMPASS = frozenset(_VOCABULARY["direction"]["compass"])
DESTINATIONS = frozenset(_VOCABULARY["direction"]["destinations"])
SENTENCE_END = frozenset({".", "!", "?", ";"})
STRONG_WAY_REACH = 12  # "left around 5.40, in a silver Audi, towards Kensington High Street"
MOTION_FILLERS = frozenset(_VOCABULARY["direction"]["fillers"])
_NOT_MOVING = frozenset("a an the to on in into for it bus train taxi cab tube".split())
# The single words of moving and leaving ("rode", "off", "walking"): how they went, not where to.
MOVING_WORDS = frozenset(
    word
    for key in ("motion", "leaving", "fillers")
    for phrase in _VOCABULARY["direction"][key]
    for word in str(phrase).lower().split()
    if word not in _NOT_MOVING
)
TO_A_PLACE = frozenset({"to", "into", "onto"})  # where to, when a named place or a destination follows
# "vehicle entrance", "car park": a vehicle word that names something else.
NOT_A_VEHICLE_AFTER: dict[str, tuple[str, ...]] = {
    after: tuple(nouns) for after, nouns in _VOCABULARY["vehicles"]["not_after"].items()
}
# Before an -ing word: it is going on as they write ("is shooting", "are hiding", "keeps shouting").
# Typed without the apostrophe, "hes", "theyre" and "im" come apart as "he s", "they re", "i m".
NOW_DOING = frozenset("is are 's 're am keeps keep its s re m".split())
# "has been levering", "they've been watching": begun and going on still (not "had been").
HAVE_BEEN = frozenset("has have 's 've s ve hes shes theyve".split())
THERE_IS = frozenset({"'s", "’s", "s", "is", "are"})  # after "there": "there's a man with a knife"
PUBLIC_TRANSPORT = frozenset({"bus", "coach", "train", "tube"})  # taken, not theirs
LONG_AGO = timedelta(minutes=45)  # older than this and nobody said "still": it is over
DAYS_AGO = timedelta(hours=12)  # an item left this long ago is no longer a sighting going on
# "still" and what they are still doing or where: "still goin on", "still up there", "still at it".
_STILL_WHAT = frozenset("up down at in on inside outside out around about there here near by".split())
_PAST_BEFORE_STILL = frozenset("was were had".split())
# Gone in the past tense, then a way: "went towards St James's Park", "bombed it towards the Strand".
_GONE = frozenset(_VOCABULARY["ongoing"]["gone_verbs"])


# Speech quoted in the account ('deserves what's coming'): its words tell neither when nor what goes on.
QUOTED = regex.compile(r"(?:^|[^\w])(['\"“‘][^'\"”’]{3,120}['\"”’])(?:[^\w]|$)")


def quoted_tokens(doc: Doc) -> set[int]:
    """The tokens of speech quoted in `doc`."""
    inside: set[int] = set()
    for match in QUOTED.finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _entries(path: str) -> list[str]:
    """One list of vocabulary.yml, named "section.key" ("people.nouns")."""
    section, _, key = path.partition(".")
    return list(_VOCABULARY[section][key])


# The phrase lists the reader matches, by label (vocabulary.yml's `matchers`).
_LISTS = {
    label: [e for path in paths for e in _entries(path)] for label, paths in _VOCABULARY["matchers"].items()
}


@lru_cache(maxsize=1)
def _matchers() -> dict[str, PhraseMatcher]:
    nlp = pipeline()
    matchers = {}
    for label, entries in _LISTS.items():
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add(label, [nlp.make_doc(str(entry)) for entry in entries])
        matchers[label] = matcher
    return matchers


def found(doc: Doc, label: str) -> list[Span]:
    """The spans of `doc` in the `label` list, longest first where they overlap, in text order."""
    spans = [Span(doc, start, end, label=label) for _, start, end in _matchers()[label](doc)]
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def starts_of(doc: Doc, label: str) -> set[int]:
    return {span.start for span in found(doc, label)}


def clause_end(doc: Doc, start: int, limit: int = CLAUSE_TOKENS, stop_at: Iterable[int] = ()) -> int:
    """The token index where the clause that starts at `start` ends (exclusive)."""
    stops = set(stop_at)
    for index in range(start, min(len(doc), start + limit)):
        if in_a_word(doc, index):
            continue  # "hi-vis", "middle-aged": one word
        if doc[index].lower_ in CLAUSE_END or doc[index].is_punct or index in stops:
            return index
    return min(len(doc), start + limit)


def in_a_word(doc: Doc, index: int) -> bool:
    """ "hi-vis", "blacked-out": a dash or slash inside one word."""
    token = doc[index]
    return (
        token.text in ("-", "/")
        and 0 < index < len(doc) - 1
        and not doc[index - 1].whitespace_
        and not token.whitespace_
    )


def described_until(doc: Doc, start: int, attributes: set[int]) -> int:
    """Where a description of someone ends: the clause's end, or the next thing they did ("filming");
    a list of details goes on past commas and "and" ("a beard, glasses and a black cap")."""
    end = clause_end(doc, start, DESCRIPTION_TOKENS)
    for index in range(start + 1, end):
        word = doc[index].lower_
        if (
            index not in attributes
            and (word.endswith("ing") or word in DOING)
            and not _describes(doc, index, attributes)
        ):
            return index
    if end < len(doc) and doc[end].lower_ in LIST_LINKS:
        following = end
        while following < len(doc) and doc[following].lower_ in LIST_LINKS:
            following += 1
        if following < min(len(doc), end + 4) and following in attributes:
            return described_until(doc, following, attributes)
    return end


def _describes(doc: Doc, index: int, attributes: set[int]) -> bool:
    """ "a cycling helmet", "in what looked like a police uniform": a word that looks like something
    done but describes what they wore."""
    if doc[index - 1].lower_ == "what":
        return True
    return index + 1 < len(doc) and index + 1 in attributes and doc[index].lower_.endswith("ing")


def later_detail(doc: Doc, attributes: set[int], not_people: Set[int] = frozenset()) -> str | None:
    """A description given in a later clause ("he was wearing a red cap", "one had a beard") or a
    run of details alone ("Mid 50s, grey beard, long brown coat."): the one that says more."""
    candidates: list[tuple[int, str]] = []
    for span in found(doc, "detail"):
        end = described_until(doc, span.end, attributes)
        count = sum(index in attributes for index in range(span.end, end))
        if count >= 1:
            candidates.append((count, doc[span.start : end].text))
            break
    run = _details_run(doc, attributes, not_people)
    if run is not None:
        candidates.append(run)
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


def _details_run(doc: Doc, attributes: set[int], not_people: Set[int]) -> tuple[int, str] | None:
    """Clauses that only describe someone, one after another ("30s, Scottish accent, grey suit no
    tie"): each holds a detail and nothing done; two or more details in all. Not a vehicle's."""
    best: tuple[int, str] | None = None
    run: list[Span] = []
    start = 0
    for index in range(len(doc) + 1):
        if index < len(doc) and not (doc[index].text in SENTENCE_END or doc[index].text == ","):
            continue
        clause = doc[start:index]
        start = index + 1
        if _only_describes(clause, attributes, not_people):
            run.append(clause)
            continue
        best = _better(best, run, attributes)
        run = []
    return _better(best, run, attributes)


def _only_describes(clause: Span, attributes: set[int], not_people: Set[int]) -> bool:
    if not 1 <= len(clause) <= 6 or not any(token.i in attributes for token in clause):
        return False
    return not any(
        token.i in not_people
        or (token.i not in attributes and (token.lower_.endswith("ing") or token.lower_ in DOING))
        for token in clause
        if token.lower_ not in ("wearing",)
    )


def _better(best: tuple[int, str] | None, run: list[Span], attributes: set[int]) -> tuple[int, str] | None:
    count = sum(token.i in attributes for clause in run for token in clause)
    if count < 2 or (best is not None and best[0] >= count):
        return best
    return count, run[0].doc[run[0].start : run[-1].end].text


def still_doing(doc: Doc) -> bool:
    """ "still" and what is still happening ("still goin on", "still up there"), not "was still"."""
    for token in doc[:-1]:
        if token.lower_ != "still" or (token.i > 0 and doc[token.i - 1].lower_ in _PAST_BEFORE_STILL):
            continue
        after = doc[token.i + 1].lower_
        if after in _STILL_WHAT or after.endswith(("ing", "in", "in'")) and len(after) > 3:
            return True
    return False


def left_for(doc: Doc) -> bool:
    """They went somewhere, in the past tense, with where to after it ("went towards the park")."""
    return left_for_at(doc) >= 0


def left_for_at(doc: Doc) -> int:
    """Where they last went somewhere ("went towards the park"), or -1."""
    ways = starts_of(doc, "way") | starts_of(doc, "strong_way")
    last = -1
    for token in doc:
        if token.lower_ in _GONE:
            index = token.i + 1
            while index < len(doc) and doc[index].lower_ in MOTION_FILLERS | {"it"}:
                index += 1
            if index in ways:
                last = token.i
    return last


# The last word of a street's name, said in lower case too ("south audley st").
STREET_WORDS = frozenset(
    "street st road rd lane avenue ave square sq gardens gdns place terrace crescent mews row hill".split()
)

_DONE = frozenset("gone over done taken driven thrown stolen broken left".split())
_CALM_AFTER = frozenset("fine ok okay safe gone over calm quiet normal".split())


def done_before(doc: Doc, index: int) -> bool:
    """ "cleaned off now", "it's gone now", "taken down now", "now is all fine": "now" with something
    done or calm beside it is no sign it goes on."""
    return any(
        doc[i].lower_.endswith("ed") or doc[i].lower_ in _DONE for i in range(max(0, index - 2), index)
    ) or any(doc[i].lower_ in _CALM_AFTER for i in range(index + 1, min(len(doc), index + 4)))


def days_ago(when_iso: str, now: datetime | None) -> bool:
    moment = datetime.fromisoformat(when_iso)
    return (now or london_now()).astimezone(LONDON) - moment > DAYS_AGO


def another_day(when_iso: str, now: datetime | None) -> bool:
    """The time said is on an earlier calendar day than today (London)."""
    moment = datetime.fromisoformat(when_iso).astimezone(LONDON)
    return moment.date() < (now or london_now()).astimezone(LONDON).date()


def long_ago(when_iso: str, now: datetime | None) -> bool:
    moment = datetime.fromisoformat(when_iso)
    return (now or london_now()).astimezone(LONDON) - moment > LONG_AGO
