"""Whether a danger cue is urgent, negated, hypothetical or in a question (reading/danger/context.py)."""

from __future__ import annotations

import random

import spacy

from reading.danger.context import (
    ASK_VERBS,
    ASKED_REACH,
    ASKED_WORDS,
    ASKING_BE,
    CLAUSE_BREAKS,
    CLAUSE_END,
    QUESTION_BREAKS,
    QUESTION_LINKS,
    SentenceScan,
    negated,
    starts_as_question,
    urgent,
)

NLP = spacy.blank("en")


def span_of(doc, words: str) -> tuple[int, int, int]:
    size = len(words.split())
    for start in range(len(doc)):
        if doc[start : start + size].text == words:
            return 0, start, start + size
    raise AssertionError(f"{words!r} not in {doc.text!r}")


def test_a_negator_shortly_before_in_the_same_clause_negates():
    doc = NLP("there was no knife")
    assert negated(doc, span_of(doc, "knife"), 0)
    doc = NLP("no idea who he is but he has a knife")
    assert not negated(doc, span_of(doc, "knife"), 0)
    # A span that opens its own clause is not negated by the clause before it.
    doc = NLP("he is not talking to anyone , not moving")
    assert not negated(doc, span_of(doc, ", not moving"), 0)
    assert negated(doc, span_of(doc, "moving"), 0)


def test_now_is_urgent_unless_calmed_or_denied():
    doc = NLP("he has a knife now")
    assert urgent(doc, span_of(doc, "now"), 0)
    doc = NLP("it is not happening now")
    assert not urgent(doc, span_of(doc, "now"), 0)


def test_questions_are_known_by_how_they_open():
    doc = NLP("um should i worry about the police dogs")
    assert starts_as_question(doc, 0, len(doc))
    doc = NLP("there is a man with a gun")
    assert not starts_as_question(doc, 0, len(doc))


def in_story(doc, span, stories, start) -> bool:
    return SentenceScan(doc, start, len(doc), stories).in_story(span)


def test_a_cue_after_a_story_opener_in_the_same_clause_is_the_storys():
    doc = NLP("the movie where there is a bomb on the train and then we left")
    story = [("STORY", *span_of(doc, "movie where")[1:])]
    assert in_story(doc, span_of(doc, "there is"), story, 0)
    assert in_story(doc, span_of(doc, "on the train"), story, 0)
    # A new clause is no longer the story's.
    doc = NLP("we saw a movie about a bomb and there is a man with a gun here")
    story = [("STORY", *span_of(doc, "movie about")[1:])]
    assert not in_story(doc, span_of(doc, "there is"), story, 0)
    assert not in_story(doc, span_of(doc, "there is"), [], 0)


def test_a_clause_asks_after_a_statement_or_opening_is_there():
    doc = NLP("the officers this morning , were they looking for bombs ?")
    assert SentenceScan(doc, 0, len(doc), []).asked_in_clause(span_of(doc, "bombs"))
    doc = NLP("police with guns , is there a bomb threat or something")
    assert SentenceScan(doc, 0, len(doc), []).asked_in_clause(span_of(doc, "bomb"))
    doc = NLP("police with guns , there is a bomb in the bag")
    assert not SentenceScan(doc, 0, len(doc), []).asked_in_clause(span_of(doc, "bomb"))


def test_a_question_someone_asked_is_theirs_until_the_account_moves_on():
    doc = NLP("she asked the guard what time they change over , how many of them are armed")
    assert SentenceScan(doc, 0, len(doc), []).reported_question(span_of(doc, "armed"))
    doc = NLP("she asked the time and then pulled out a gun")
    assert not SentenceScan(doc, 0, len(doc), []).reported_question(span_of(doc, "gun"))


# What SentenceScan finds once per sentence, found the slow way: walking back from the span.
def _walked_in_story(doc, span, stories, start) -> bool:
    ends = {end for _, _, end in stories}
    for i in range(span[1], start - 1, -1):
        if i in ends:
            return True
        if i < span[1] and doc[i].lower_ in CLAUSE_END:
            return False
    return False


def _walked_asked_in_clause(doc, span, start, end) -> bool:
    clause = span[1]
    while clause > start and doc[clause - 1].text not in CLAUSE_BREAKS:
        clause -= 1
    if clause <= start:
        return False
    if doc[end - 1].text == "?":
        return starts_as_question(doc, clause, span[1])
    return doc[clause].lower_ in ASKING_BE and clause + 1 < end and doc[clause + 1].lower_ == "there"


def _walked_reported_question(doc, span, start) -> bool:
    asking = -1
    for i in range(span[1] - 1, start - 1, -1):
        word = doc[i].lower_
        if word in QUESTION_BREAKS:
            return False
        if word in QUESTION_LINKS and doc[i + 1].lower_ not in ASKED_WORDS:
            return False
        if word in ASK_VERBS or (word == "know" and i > start and doc[i - 1].lower_ == "to"):
            asking = i
            break
    if asking < 0:
        return False
    return any(t.lower_ in ASKED_WORDS for t in doc[asking + 1 : min(span[1], asking + 1 + ASKED_REACH)])


_SCAN_WORDS = (
    "he she asked ask to to know know what how if whether and or , , ; : - so So but But then . ? is "
    "is are there there when when When i was um well a knife bomb film where story the"
).split()


def _agrees(doc, start, end) -> None:
    stories = [("STORY", i, i + 2) for i in range(start, end) if doc[i].lower_ in ("film", "story")]
    scan = SentenceScan(doc, start, end, stories)
    for i in range(start, end):
        span = ("X", i, i + 1)
        assert scan.in_story(span) == _walked_in_story(doc, span, stories, start), (doc.text, i)
        assert scan.asked_in_clause(span) == _walked_asked_in_clause(doc, span, start, end), (doc.text, i)
        assert scan.reported_question(span) == _walked_reported_question(doc, span, start), (doc.text, i)


def test_the_scan_finds_what_walking_back_from_each_span_finds():
    for text in ("we left , when i was there ?", "i want to know what time , how many are armed"):
        doc = NLP(text)
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                _agrees(doc, start, end)
    rng = random.Random(23)
    for _ in range(1000):
        words = [rng.choice(_SCAN_WORDS) for _ in range(rng.randint(1, 30))]
        doc = NLP(" ".join(words + ["?"] * rng.randint(0, 1)))
        start = rng.randint(0, len(doc) - 1)
        _agrees(doc, start, rng.choice([len(doc), rng.randint(start + 1, len(doc))]))
