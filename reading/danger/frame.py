"""How the whole message frames the dangers it names: over and done, or a question about the rules.

A danger word is read sentence by sentence (reading/danger/detector.py); some messages say, once,
something that holds for every sentence:
- the account is of something over: the scene has ended ("nothing happening now", "it's all out
  now", "not urgent"), the person has been dealt with ("long gone", "got arrested"), or the person
  left and it was a while ago ("he got off at Camden" with "about an hour ago");
- the message asks about the rules, a licence or permission for the speaker's own thing ("I carry
  a Stanley knife for work. Is this legal?", "how do I get a shotgun certificate?"), or asks for
  advice: what to look out for, when to report, how to hand something in;
- a threat for later ("gonna shank the feds next time he sees em") told of a person who has gone
  ("he's gone now"): what they carry or threaten is held back in the sentence that says "later";
- an account of an earlier time ("last night", "this morning") tells what someone said ("was
  ranting that the embassy deserves to get blown up", "talking about how it would be burning"):
  a danger after the speech verb, in a sentence told in the past, is what was said, not a danger
  now ("he said he's got a gun and he's still outside" is told in the present and stands);
- the item told of is gone ("Now I pass again and it is gone"): the "now" of that sentence tells
  when it was found gone, not danger now;
- the message is about the police and names nobody else: their guns, tasers or batons are their
  kit ("couldn't tell if the officers had guns under their jackets"), unless used on someone or
  anything says danger here and now (urgency, presence, a cry for help).
Either holds a danger back only where nothing says danger now: no urgency or presence cue, no
"just", "minutes ago" or cry for help anywhere, and a sentence with no verb in the present
("is", "'s", "has", "still"...), which is how a danger still going on is told. When in doubt the
danger stands: a person gone holds back only what a person carries or does (a weapon, a threat,
an attack, an act, an intrusion) and, when it was yesterday, last night or longer ago (PAST), in a
sentence told in the past the cues of what they carried (a bag, a sound, a drone:
reading/danger/compound.py), never an injury, a fire, a bomb or a suspect item said outright; a question about the rules or for advice only the speaker's own or a
generic weapon, fire or explosive.
The phrases are in reading/danger/vocabulary.yml (SCENE_OVER, DEALT_WITH, LEFT, PAST_TIME, LATER,
RULES, ADVICE), and the word sets in its `frame` section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from reading.danger import rules, words
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
ITEM_AFTER_GONE = AFTER_GONE - {"off"}  # "it's gone off" is a blast, not an item gone
SPEECH_VERBS = _FRAME["speech_verbs"]
BOMB_NOUNS = _FRAME["bomb_nouns"]
BOMB_PLACED = _FRAME["bomb_placed"]
CARRIED_CUES = _FRAME["carried_cues"]
POLICE_WORDS = _FRAME["police_words"]
KIT = _FRAME["kit"]
WEAPON_USE = _FRAME["weapon_use"]
PRONOUNS = _FRAME["pronouns"]
PLURAL_PRONOUNS = _FRAME["plural_pronouns"]
KNOWN_PEOPLE = frozenset(words.CONTEXTS["known_people"])


@dataclass(frozen=True)
class Frame:
    """What the message says once for all its sentences (see the module docstring).

    `over_words`: the tokens of the phrases that say it is over ("he's long gone now"), which
    are not read as telling something in the present. `later_words`: where a person now gone is
    told to threaten something for later ("next time"). `said_words`: the tokens after a speech
    verb in a sentence told in the past, in an account of an earlier time.
    """

    scene_over: bool = False
    dealt_with: bool = False
    left_a_while_ago: bool = False
    rules_question: bool = False
    advice_question: bool = False
    police_kit: bool = False
    long_ago: bool = False
    over_words: frozenset[int] = field(default=frozenset())
    later_words: frozenset[int] = field(default=frozenset())
    said_words: frozenset[int] = field(default=frozenset())


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


def _went(doc: Doc, span: Span, after: frozenset[str] = AFTER_GONE) -> bool:
    """Whether "he's gone" or "they left" ends the message or a clause, not "he left a bag"."""
    end = span[2]
    return doc[end - 1].lower_ not in WENT or end == len(doc) or doc[end].lower_ in after


def _said_words(doc: Doc, sentences: list[tuple[int, int]]) -> frozenset[int]:
    """The tokens after a speech verb ("was ranting that ...") in sentences told in the past;
    none where the message tells a weapon used outside them ("He was waving it at kids")."""
    said: set[int] = set()
    for start, end in sentences:
        if _present(doc, start, end, frozenset()):
            continue
        verb = next((i for i in range(start, end) if doc[i].lower_ in SPEECH_VERBS), end)
        said.update(range(verb + 1, end))
    used = any(t.lower_ in WEAPON_USE and t.i not in said for t in doc)
    return frozenset() if used else frozenset(said)


def message_frame(doc: Doc, spans: dict[str, list[Span]], sentences: list[tuple[int, int]]) -> Frame:
    """The frame of the message, or the empty frame when anything says danger now."""
    spans = {
        **spans,
        "LEFT": [s for s in spans.get("LEFT", []) if _went(doc, s)],
        "SCENE_OVER": [s for s in spans.get("SCENE_OVER", []) if _went(doc, s, ITEM_AFTER_GONE)],
    }
    over = [s for label in OVER_LABELS for s in spans.get(label, [])]
    # The sentences that say it is over: their "now" is when it was found so ("Now it is gone").
    over_sentences = [
        (a, b) for a, b in sentences if any(a <= s[1] < b and not negated(doc, s, 0) for s in over)
    ]
    # A "now" right after them is part of what they say ("he's long gone now").
    over_words = frozenset(
        i for _, a, b in over for i in range(a, b + (b < len(doc) and doc[b].lower_ == "now"))
    )
    here_now = (
        any(
            urgent(doc, s, 0)
            and s[1] not in over_words
            and not any(a <= s[1] < b for a, b in over_sentences)
            and not _feeling_now(doc, s, sentences, spans)
            for s in spans.get("URGENT", [])
        )
        or any(not negated(doc, s, 0) for s in spans.get("PRESENCE", []))
        or _cry_for_help(doc, over_words)
    )
    police_kit = not here_now and _about_the_police(doc, spans.get("weapon", []))
    if here_now or spans.get("RECENT"):
        return Frame(police_kit=police_kit)
    asked = _questions(doc, sentences)
    past = bool(spans.get("PAST") or spans.get("PAST_TIME"))
    gone = _said(doc, spans.get("LEFT", []) + spans.get("DEALT_WITH", []), asked)
    return Frame(
        scene_over=_said(doc, spans.get("SCENE_OVER", []), asked),
        dealt_with=_said(doc, spans.get("DEALT_WITH", []), asked),
        left_a_while_ago=past and _said(doc, spans.get("LEFT", []), asked),
        rules_question=any(asked[s[1]] for s in spans.get("RULES", [])),
        advice_question=any(asked[s[1]] for s in spans.get("ADVICE", [])),
        police_kit=police_kit,
        long_ago=bool(spans.get("PAST")),
        over_words=over_words,
        later_words=frozenset(s[1] for s in spans.get("LATER", [])) if gone else frozenset(),
        said_words=_said_words(doc, sentences) if past else frozenset(),
    )


def _feeling_now(
    doc: Doc, span: Span, sentences: list[tuple[int, int]], spans: dict[str, list[Span]]
) -> bool:
    """The "now" of a sentence about the speaker's own people that names no danger ("My kids are a
    bit scared now"): how they feel, not danger now."""
    start, end = next(((a, b) for a, b in sentences if a <= span[1] < b), (0, len(doc)))
    dangers = (s for label in rules.FIRING for s in spans.get(label, []))
    return speakers_people(doc, start, end) and not any(start <= s[1] < end for s in dangers)


def _about_the_police(doc: Doc, weapons: list[Span]) -> bool:
    """The message names the police before any weapon, and no other third person ("they" are the
    officers): "the officers at the gate, were those guns?", not "they have guns, get the police"."""
    first = min((s[1] for s in weapons), default=len(doc))
    named = {t.lower_ for t in doc}
    return any(t.lower_ in POLICE_WORDS for t in doc[:first]) and named.isdisjoint(
        THIRD_PERSON - PLURAL_PRONOUNS
    )


def _police_kit(doc: Doc, start: int, end: int, weapons: list[Span]) -> bool:
    """Every weapon named in the sentence is kit (a gun, not a shooting) and none is used."""
    return (
        bool(weapons)
        and all(doc[a:b].text.lower() in KIT for _, a, b in weapons)
        and all(t.lower_ not in WEAPON_USE for t in doc[start:end])
    )


def _present(doc: Doc, start: int, end: int, over_words: frozenset[int]) -> bool:
    """A verb or word in the present in the sentence, outside the words that say it is over."""
    return any(doc[i].lower_ in PRESENT and i not in over_words for i in range(start, end))


def speakers_people(doc: Doc, start: int, end: int) -> bool:
    """The sentence names the speaker's own people ("my cousin", "our nan") and uses or threatens
    no weapon: its "he", "she" or "they" are those people."""
    words = [t.lower_ for t in doc[start:end]]
    return WEAPON_USE.isdisjoint(words) and any(
        word in OWNERS and following in KNOWN_PEOPLE for word, following in zip(words, words[1:])
    )


def _names_a_bomb(doc: Doc, found: list[Span]) -> bool:
    """A bomb said to be had or put somewhere ("told me he had a bomb in his bag", "said he'd left
    a bomb on the train"), not talk about bombs or a threat to blow something up: such a bomb may
    still be where they said, so what was said about it is never held back."""
    return any(
        any(t.lower_ in BOMB_NOUNS for t in doc[a:b])
        and any(t.lower_ in BOMB_PLACED for t in doc[max(0, a - 3) : a])
        for _, a, b in found
    )


def _own_or_generic(doc: Doc, start: int, end: int) -> bool:
    """No third person in the sentence but the speaker's own ("my son", "our guard"); "he" or
    "they" are the speaker's own people where the sentence names them and no weapon is used or
    threatened ("my cousin ... his knife", not "my brother says he will stab me")."""
    own_people = speakers_people(doc, start, end)
    for i in range(start, end):
        word = doc[i].lower_
        if (
            word in THIRD_PERSON
            and not (own_people and word in PRONOUNS)
            and not OWNERS.intersection(t.lower_ for t in doc[max(start, i - 2) : i])
        ):
            return False
    return True


def held_back(
    doc: Doc, start: int, end: int, frame: Frame, spans: dict[str, list[Span]] | None = None
) -> frozenset[str] | None:
    """The danger labels (and compound cue labels) the message's frame holds back in the sentence
    doc[start:end]; None for all of them and its compound cues: the scene is over and the sentence
    is not present. `spans`: the sentence's spans by label (the police's kit, what was said)."""
    spans = spans or {}
    held: set[str] = set()
    if frame.police_kit and _police_kit(doc, start, end, spans.get("weapon", [])):
        held.add("weapon")
    held |= {
        label
        for label in PERSON_HELD | OBJECT_KINDS
        if spans.get(label)
        and all(s[1] in frame.said_words for s in spans[label])
        and not (label == "explosive" and _names_a_bomb(doc, spans[label]))
    }
    if any(start <= i < end for i in frame.later_words):
        held |= PERSON_HELD
    if not (
        frame.scene_over
        or frame.dealt_with
        or frame.left_a_while_ago
        or frame.rules_question
        or frame.advice_question
    ):
        return frozenset(held)
    present = _present(doc, start, end, frame.over_words)
    if not present:
        if frame.scene_over:
            return None
        if frame.dealt_with or frame.left_a_while_ago:
            held |= PERSON_HELD
        if (frame.dealt_with or frame.left_a_while_ago) and frame.long_ago:
            held |= CARRIED_CUES
    # Advice is asked about what the sentence asks or tells as past, not a danger told as now.
    asked = not present or any(t.text == "?" for t in doc[start:end]) or starts_as_question(doc, start, end)
    if (frame.rules_question or (frame.advice_question and asked)) and _own_or_generic(doc, start, end):
        held |= OBJECT_KINDS
    return frozenset(held)
