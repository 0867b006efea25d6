"""Whether a danger cue is urgent, negated, hypothetical or in a question (reading/danger/context.py)."""

from __future__ import annotations

import spacy

from reading.danger.context import in_story, negated, starts_as_question, urgent

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
