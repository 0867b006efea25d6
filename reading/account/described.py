"""How the account reader tells where the words about people run on: someone unknown to the speaker
("a lady I've never seen before") and a group described one by one ("two lads, one in a red
hoodie and one all in black")."""

from __future__ import annotations

from spacy.tokens import Doc

from reading.account.words import CLAUSE_TOKENS, SENTENCE_END

# "a man I'd never seen before", "a lady none of us has seen": someone unknown, said of them.
_UNKNOWN_WORDS = frozenset(
    "i we 'd ’d d 've ’ve ve have had has never not none of us them who that anyone nobody ever "
    "id ive weve wed".split()
)
_UNKNOWN_REACH = 7


def not_seen_before_end(doc: Doc, end: int) -> int:
    """Where "I've never seen before" after someone ends (`end` when it does not follow)."""
    for index in range(end, min(len(doc), end + _UNKNOWN_REACH)):
        word = doc[index].lower_
        if word == "seen" and index > end:
            after = index + 1
            if after < len(doc) and doc[after].lower_ in ("before", "round", "around", "here"):
                after += 1
            return after
        if word not in _UNKNOWN_WORDS:
            return end
    return end


# After a group: "one", "one of them", "both", then "and the other", "and one", "another".
_EACH_OPENS = frozenset({"one", "both"})
_EACH_AGAIN = (
    ("and", "one"),
    ("and", "the", "other"),
    ("and", "another"),
    (",", "the", "other"),
    (",", "one"),
)
_ONE_BY_ONE_TOKENS = 3 * CLAUSE_TOKENS  # "two young lads, one in a red Nike hoodie and one all in black"
_INSIDE = frozenset({"inside", "in", "it"})  # "two men inside, one with binoculars"


def each_one_end(doc: Doc, end: int) -> int:
    """Where a group's members described one by one end ("two women inside, one filming out of the
    window"); `end` when no such list follows."""
    if end == 0 or not _a_group(doc[end - 1].lower_):
        return end  # "a man, one of the guards said": one person, not a group
    index = end
    while index < min(len(doc), end + 2) and doc[index].lower_ in _INSIDE:
        index += 1
    if index >= len(doc) or doc[index].text != "," or index + 1 >= len(doc):
        return end
    if doc[index + 1].lower_ not in _EACH_OPENS:
        return end
    limit = min(len(doc), end + _ONE_BY_ONE_TOKENS)
    last = index + 2
    position = index + 2
    while position < limit:
        token = doc[position]
        if token.text in SENTENCE_END:
            break
        if token.text == "," or token.lower_ == "and":
            if not any(_says(doc, position, again) for again in _EACH_AGAIN):
                break
        position += 1
        last = position
    return last


_GROUPS = frozenset("men women people children kids police couple pair group gang".split())


def _a_group(noun: str) -> bool:
    return noun in _GROUPS or (noun.endswith("s") and not noun.endswith("ss"))


def _says(doc: Doc, start: int, phrase: tuple[str, ...]) -> bool:
    return tuple(token.lower_ for token in doc[start : start + len(phrase)]) == phrase
