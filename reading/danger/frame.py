"""How the whole message frames the dangers it names: over and done, or a question about the rules.

A danger word is read sentence by sentence (reading/danger/detector.py); some messages say, once,
something that holds for every sentence:
- the account is of something over: the scene has ended ("nothing happening now", "it's all out
  now", "not urgent"), the person has been dealt with ("long gone", "got arrested"), or the person
  left and it was a while ago ("he got off at Camden" with "about an hour ago");
- the message asks about the rules, a licence or permission for the speaker's own thing ("I carry
  a Stanley knife for work. Is this legal?", "how do I get a shotgun certificate?").
Either holds a danger back only where nothing says danger now: no urgency or presence cue, no
"just", "minutes ago" or cry for help anywhere, and a sentence with no verb in the present
("is", "'s", "has", "still"...), which is how a danger still going on is told. When in doubt the
danger stands: a person gone holds back only what a person carries or does (a weapon, a threat,
an attack, an act, an intrusion), never an injury, a fire, a bomb or a suspect item; a question
about the rules only the speaker's own or a generic weapon, fire or explosive.
The phrases are in reading/danger/vocabulary.yml (SCENE_OVER, DEALT_WITH, LEFT, PAST_TIME, RULES).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from reading.danger import words
from reading.danger.context import Span, negated, starts_as_question, urgent

_FRAME = words.FRAME_WORDS
PRESENT = _FRAME["present"]
PERSON_HELD = frozenset({"weapon", "threat", "attack_in_progress", "suspicious_act_now", "intrusion"})
OBJECT_KINDS = frozenset({"weapon", "explosive", "fire"})
THIRD_PERSON = _FRAME["third_person"]
OWNERS = words.SENTENCE_WORDS["own"]
CRIES = _FRAME["cries"]
HELP_AFTER = _FRAME["help_after"]
OVER_LABELS = ("SCENE_OVER", "DEALT_WITH", "LEFT")
WENT = frozenset({"gone", "left"})
AFTER_GONE = _FRAME["after_gone"]


@dataclass(frozen=True)
class Frame:
    """What the message says once for all its sentences (see the module docstring).

    `over_words`: the tokens of the phrases that say it is over ("he's long gone now"), which
    are not read as telling something in the present.
    """

    scene_over: bool = False
    dealt_with: bool = False
    left_a_while_ago: bool = False
    rules_question: bool = False
    over_words: frozenset[int] = field(default=frozenset())


def _questions(doc: Doc, sentences: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether its sentence is a question."""
    asked = [False] * len(doc)
    for start, end in sentences:
        if starts_as_question(doc, start, end) or any(t.text == "?" for t in doc[start:end]):
            asked[start:end] = [True] * (end - start)
    return asked


def _said(doc: Doc, found: list[Span], asked: list[bool]) -> bool:
    """A cue stated, not negated and not asked about ("is he gone?")."""
    return any(not negated(doc, s, 0) and not asked[s[1]] for s in found)


def _cry_for_help(doc: Doc, over_words: frozenset[int]) -> bool:
    for i, token in enumerate(doc):
        if i in over_words:
            continue
        word = token.lower_
        following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if word in CRIES or (word == "help" and (not following or following in HELP_AFTER)):
            return True
    return False


def _went(doc: Doc, span: Span) -> bool:
    """Whether "he's gone" or "they left" ends the message or a clause, not "he left a bag"."""
    end = span[2]
    return doc[end - 1].lower_ not in WENT or end == len(doc) or doc[end].lower_ in AFTER_GONE


def message_frame(doc: Doc, spans: dict[str, list[Span]], sentences: list[tuple[int, int]]) -> Frame:
    """The frame of the message, or the empty frame when anything says danger now."""
    spans = {**spans, "LEFT": [s for s in spans.get("LEFT", []) if _went(doc, s)]}
    over = [s for label in OVER_LABELS for s in spans.get(label, [])]
    # A "now" right after them is part of what they say ("he's long gone now").
    over_words = frozenset(
        i for _, a, b in over for i in range(a, b + (b < len(doc) and doc[b].lower_ == "now"))
    )
    now = (
        spans.get("RECENT")
        or any(urgent(doc, s, 0) and s[1] not in over_words for s in spans.get("URGENT", []))
        or any(not negated(doc, s, 0) for s in spans.get("PRESENCE", []))
        or _cry_for_help(doc, over_words)
    )
    if now:
        return Frame()
    asked = _questions(doc, sentences)
    past = bool(spans.get("PAST") or spans.get("PAST_TIME"))
    return Frame(
        scene_over=_said(doc, spans.get("SCENE_OVER", []), asked),
        dealt_with=_said(doc, spans.get("DEALT_WITH", []), asked),
        left_a_while_ago=past and _said(doc, spans.get("LEFT", []), asked),
        rules_question=any(asked[s[1]] for s in spans.get("RULES", [])),
        over_words=over_words,
    )


def _present(doc: Doc, start: int, end: int, over_words: frozenset[int]) -> bool:
    """A verb or word in the present in the sentence, outside the words that say it is over."""
    return any(doc[i].lower_ in PRESENT and i not in over_words for i in range(start, end))


def _own_or_generic(doc: Doc, start: int, end: int) -> bool:
    """No third person in the sentence but the speaker's own ("my son", "our guard")."""
    for i in range(start, end):
        if doc[i].lower_ in THIRD_PERSON and not OWNERS.intersection(
            t.lower_ for t in doc[max(start, i - 2) : i]
        ):
            return False
    return True


def held_back(doc: Doc, start: int, end: int, frame: Frame) -> frozenset[str] | None:
    """The danger labels the message's frame holds back in the sentence doc[start:end]; None
    for all of them (and its compound cues): the scene is over and the sentence is not present."""
    if not (frame.scene_over or frame.dealt_with or frame.left_a_while_ago or frame.rules_question):
        return frozenset()
    held: set[str] = set()
    if not _present(doc, start, end, frame.over_words):
        if frame.scene_over:
            return None
        if frame.dealt_with or frame.left_a_while_ago:
            held |= PERSON_HELD
    if frame.rules_question and _own_or_generic(doc, start, end):
        held |= OBJECT_KINDS
    return frozenset(held)
