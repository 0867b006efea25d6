"""How the words around a danger or cue change its reading: negated ("there was no weapon"),
hypothetical ("what should I do if I see a knife"), urgent ("right now", but not "gone now"),
told inside a story ("the film where there's a bomb"), inside a question someone is told to have
asked ("asked how many guards are armed") and whether the sentence opens as a question. Used by reading/danger/detector.py.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reading.danger import rules, words

Span = tuple[str, int, int]  # (label, start token, end token)

_WORDS = words.SENTENCE_WORDS
CLAUSE_END = _WORDS["sentence_end"] | _WORDS["clause_end"]
QUESTION_START = _WORDS["question_start"]
FILLER = _WORDS["filler"]
CLAUSE_BREAKS = frozenset({",", ";", ":", "-", "so", "but"})
ASKING_BE = frozenset({"is", "are", "was", "were"})  # "is there ..." opening a clause asks
DOUBT = _WORDS["doubt"]
CALM = _WORDS["calm"]
WORRY = _WORDS["worry"]
TELLING = _WORDS["telling"]
# The one-word negators of the rules' NEG phrases ("no one" is matched as a phrase instead).
NEGATORS = frozenset(word for word in rules.PHRASES["NEG"] if " " not in word)
NEG_ONLY_ADJACENT = _WORDS["neg_only_adjacent"]
NO_FOLLOWERS = _WORDS["no_followers"]
NEG_WINDOW = 4
# "when" with a subject and a verb in the past: a time told, not asked ("when I was", "when we got off").
TOLD_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "me", "us"})
TOLD_WHEN = frozenset({"was", "were", "got", "came", "went", "walked", "left", "arrived", "heard", "saw"})
ASK_VERBS = _WORDS["ask_verbs"]
ASKED_WORDS = _WORDS["asked_words"]
ASKED_REACH = 4  # "asked [the receptionist] what": at most this many words from the verb to the question
# Where a reported question goes on: a list of questions ("what time ..., how many ... and whether ...").
QUESTION_LINKS = frozenset({",", "and", "or"})
QUESTION_BREAKS = _WORDS["sentence_end"] | {"then", "but", "so", "before", "after", "suddenly", ":", "-"}


def urgent(doc: Doc, span: Span, doc_start: int) -> bool:
    """An urgency cue, unless negated or calmed ("not happening now", "he's gone now")."""
    _, start, end = span
    if negated(doc, span, doc_start):
        return False
    if doc[start:end].text.lower() in {"now", "currently", "at the moment"}:
        before = {t.lower_ for t in doc[max(doc_start, start - 3) : start]}
        after = {t.lower_ for t in doc[end : end + 3]}
        just_before = doc[start - 1].lower_ if start > doc_start else ""
        return (
            just_before not in CALM
            and after.isdisjoint(CALM)
            and before.isdisjoint({"not", "n't", "no"} | WORRY)
        )
    return True


def time_of_telling(doc: Doc, span: Span, doc_start: int) -> bool:
    """A "now" that dates the telling, not the danger ("three days ago ... where do I report it now")."""
    _, start, end = span
    if doc[start:end].text.lower() != "now":
        return False
    return not TELLING.isdisjoint(t.lower_ for t in doc[max(doc_start, start - 3) : start])


def negated(doc: Doc, span: Span, sentence_start: int) -> bool:
    """A negator shortly before the span, in the same clause ("there was no weapon")."""
    _, start, _ = span
    if doc[start].lower_ in CLAUSE_END:
        return False  # the span opens a clause of its own (", not moving")
    for i in range(start - 1, max(sentence_start, start - NEG_WINDOW) - 1, -1):
        word = doc[i].lower_
        if word in CLAUSE_END:
            return False
        if word in NEGATORS:
            following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            if following in DOUBT:
                continue
            if word in NEG_ONLY_ADJACENT and i != start - 1 and following not in NO_FOLLOWERS:
                continue
            return True
    return False


def hypothetical(doc: Doc, span: Span, sentence_start: int, spans: dict[str, list[Span]]) -> bool:
    """An "if"/"in case"/"what if" earlier in the same clause ("what should I do if I see a knife")."""
    _, start, _ = span
    for _, h_start, _ in spans.get("HYPO", []):
        if not sentence_start <= h_start < start or _asked_whether(doc, h_start, sentence_start):
            continue
        before = doc[h_start - 1].lower_ if h_start > 0 else ""
        between = {t.lower_ for t in doc[h_start:start]}
        if before not in DOUBT and between.isdisjoint(CLAUSE_END - {"and"}):
            return True
    return False


def _asked_whether(doc: Doc, h_start: int, sentence_start: int) -> bool:
    """An "if" that follows an asking verb ("asked us if we were scared") means whether: a question
    someone asked (reported_question), not a supposition over the rest of the sentence."""
    if doc[h_start].lower_ != "if":
        return False
    reach = doc[max(sentence_start, h_start - ASKED_REACH) : h_start]
    return any(token.lower_ in ASK_VERBS for token in reach)


def starts_as_question(doc: Doc, start: int, end: int) -> bool:
    """Does the sentence open like a question (who/what/how/should/can/are/do …)? Not a time
    told in the past: "when I was walking out of the station a man stabbed someone"."""
    first = _first_word(doc, start, end)
    return first < end and _asks(doc, first, end)


def _first_word(doc: Doc, start: int, end: int) -> int:
    """The first token of doc[start:end] that is not punctuation, space or a filler; `end` if none."""
    for i in range(start, end):
        token = doc[i]
        if not (token.is_punct or token.is_space or token.lower_ in FILLER):
            return i
    return end


def _asks(doc: Doc, i: int, end: int) -> bool:
    """Whether a sentence opening with doc[i] (and what follows it before `end`) asks."""
    word = doc[i].lower_
    subject, verb = (doc[j].lower_ if j < end else "" for j in (i + 1, i + 2))
    return word in QUESTION_START and not (word == "when" and verb in TOLD_WHEN and subject in TOLD_SUBJECTS)


class SentenceScan:
    """What is found by walking back from a span of one sentence doc[start:end] (where its clause
    opens, the asking verb before it, a story it is told in), found once for every token: walking
    back from each of many spans costs the square of the sentence's length, and text from anyone
    is hostile. `stories`: the sentence's STORY spans."""

    def __init__(self, doc: Doc, start: int, end: int, stories: list[Span]) -> None:
        self._doc, self._start, self._end = doc, start, end
        story_ends = {story_end for _, _, story_end in stories}
        # By token from start: where its clause opens, the asking verb of a question it may be
        # in (-1: none), and whether it is told in a story.
        self._clause: list[int] = []
        self._asker: list[int] = []
        self._in_story: list[bool] = []
        clause, asker, story = start, -1, False
        for i in range(start, end):
            word = doc[i].lower_
            self._clause.append(clause)
            self._asker.append(asker)
            self._in_story.append(i in story_ends or story)
            if doc[i].text in CLAUSE_BREAKS:
                clause = i + 1
            following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            if word in QUESTION_BREAKS or (word in QUESTION_LINKS and following not in ASKED_WORDS):
                asker = -1
            elif word in ASK_VERBS or (word == "know" and i > start and doc[i - 1].lower_ == "to"):
                asker = i
            story = i in story_ends or (word not in CLAUSE_END and story)
        self._first_words: dict[int, int] = {}

    def in_story(self, span: Span) -> bool:
        """Told inside a story's content: after "the film where" in the same clause ("the film where
        there's a bomb on the bus"), not "we watched a film and there's a man with a knife here"."""
        return self._start <= span[1] < self._end and self._in_story[span[1] - self._start]

    def asked_in_clause(self, span: Span) -> bool:
        """Is the span inside a clause that asks, after a statement, in a sentence ending with "?"
        ("the officers with dogs this morning, were they looking for bombs?"), or in a clause that
        opens "is there", which asks with or without the "?" ("police with guns, is there a bomb
        threat or something")."""
        doc, start, end = self._doc, self._start, self._end
        if not start < span[1] < end:
            return False
        clause = self._clause[span[1] - start]
        if clause <= start:
            return False
        if doc[end - 1].text == "?":
            if clause not in self._first_words:
                self._first_words[clause] = _first_word(doc, clause, end)
            first = self._first_words[clause]
            return first < span[1] and _asks(doc, first, span[1])
        return doc[clause].lower_ in ASKING_BE and clause + 1 < end and doc[clause + 1].lower_ == "there"

    def reported_question(self, span: Span) -> bool:
        """Is the span inside a question someone is told to have asked ("she asked the receptionist
        what time the guards change over, how many of them are armed"), not "she asked the time and
        then pulled out a gun": the question opens within a few words of the asking verb and every
        comma or "and" after it opens another question."""
        if not self._start <= span[1] < self._end:
            return False
        asking = self._asker[span[1] - self._start]
        if asking < 0:
            return False
        reach = self._doc[asking + 1 : min(span[1], asking + 1 + ASKED_REACH)]
        return any(t.lower_ in ASKED_WORDS for t in reach)
