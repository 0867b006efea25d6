"""DangerDetector: the deterministic rule that makes the first reply "call 999".

Rules, not ML, because the safety contract must hold whatever the classifier learnt: a
danger word (weapon, explosive, attack, injury, fire, vehicle driven at people, intrusion)
fires, unless it is negated ("no one is hurt"), only asked about ("are PDP officers armed?",
"what if I see a weapon") or explicitly in the past ("yesterday"). Asking does fire when
an urgency or presence cue is there ("there's a man with a knife outside right now, what do
I do?"). A suspect item needs presence/urgency or an anomaly (wires, ticking, smoke), or
nobody with it ("nobody owns it", "on its own") and a cue it is there now ("still", "on this
train"), unless it is the speaker's own ("my bag"); a suspicious act needs urgency ("right
now", "still there"). Each sentence is judged alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from reading.danger import compound, rules, words
from reading.danger.anchors import anchor_words, trigger_words
from reading.danger.context import (
    SentenceScan,
    Span,
    hypothetical,
    negated,
    starts_as_question,
    time_of_telling,
    urgent,
)
from reading.danger.frame import PRONOUNS, held_back, message_frame, speakers_people
from reading.danger.items import item_here_now, item_left_alone, not_the_speakers
from reading.danger.text import Cleaner, ascii_words, sentences, split_sentences, windows

_WORDS = words.SENTENCE_WORDS
PERSON_ANOMALIES = _WORDS["person_anomalies"]
THIRD_PERSON = words.FRAME_WORDS["third_person"]
SHORT_MESSAGE = 300  # below this, an urgency cue anywhere applies to the whole message
COMPOUND_SENTENCES = 3  # in a longer message, a compound danger's cues must be this close
LONG_MESSAGE = 2000  # above this, only sentences with a trigger word are tokenised
MAX_SCAN_CHARS = 250_000  # a bound on the work for absurdly long input (tens of ms)
MAX_PIECES = 400
# Labels that tell how a danger is told (seen online, in fiction, in the news), not a danger.
READING_LABELS = frozenset({"ONLINE", "FICTION", "REPORTED", "PLAYED"})
# An heirloom weapon (HEIRLOOM) is harmless unless the sentence turns it on someone.
_TURNED_ON_PEOPLE = frozenset(words.CONTEXTS["weapon_turned_on_people"])


@dataclass(frozen=True)
class DangerResult:
    """Whether the 999 reply must come first, and which rules said so (labels, never text).

    `explained`: the harmless readings the rules found for a danger word or cue they saw (a
    figure of speech or a trade's tool, fiction or the news, online, a joke), so that a model
    does not overrule them; `said_now`: an urgency cue anywhere in the message ("right now", "as
    I type this"), not negated or calmed. Neither is part of the verdict's equality.
    """

    fired: bool
    reasons: tuple[str, ...] = ()
    explained: tuple[str, ...] = field(default=(), compare=False)
    said_now: bool = field(default=False, compare=False)


class DangerDetector:
    """Builds the spaCy rule pipeline once; detect() is then cheap (sub-millisecond per message)."""

    def __init__(self) -> None:
        self._nlp = spacy.blank("en")
        self._phrases = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        for label, phrases in rules.PHRASES.items():
            self._phrases.add(label, [self._nlp.make_doc(p) for p in phrases])
        # One Matcher per label and anchor-word set, run only when the message holds one of its
        # anchor words: token patterns with IN-sets are the slow part, and a message needs few.
        self._matchers: list[tuple[frozenset[str], Matcher]] = []
        for label, patterns in rules.PATTERNS.items():
            grouped: dict[frozenset[str], list[list[dict[str, Any]]]] = defaultdict(list)
            for pattern in patterns:
                grouped[anchor_words([pattern])].append(pattern)
            for anchors, group in grouped.items():
                matcher = Matcher(self._nlp.vocab)
                matcher.add(label, group)
                self._matchers.append((anchors, matcher))
        self._triggers = trigger_words()
        self._clean = Cleaner()
        self._containers = frozenset(word for word in rules.CONTAINERS if " " not in word)
        # Words an anomaly or a nobody-with-it cue needs: with an item already in play, these alone are reason to look.
        self._context_words = frozenset(
            word
            for phrase in rules.PHRASES["ANOMALY"] + rules.PHRASES["OWNERLESS"]
            for word in ascii_words(phrase)
        )

    def mentions_item(self, text: str | None) -> bool:
        """Whether `text` speaks of a bag, package or other container (context for detect())."""
        return not self._containers.isdisjoint(ascii_words((text or "").lower()))

    def detect(self, text: str, item_in_play: bool = False) -> DangerResult:
        """Judge one message; reasons are sorted rule labels.

        `item_in_play`: the conversation is already about a bag or package (the report being
        given, or the message before): then an anomaly said with urgency ("now it's beeping")
        is a suspect item now, though this message does not name the item again.
        """
        text = self._clean((text or "")[:MAX_SCAN_CHARS])
        if len(text) > LONG_MESSAGE:
            text = "\n".join(self._candidate_pieces(text))
        elif self._triggers.isdisjoint(words := ascii_words(text.lower())) and not (
            item_in_play and not self._context_words.isdisjoint(words)
        ):
            return DangerResult(False)  # no word any danger rule could start from
        if not text.strip():
            return DangerResult(False)
        doc = self._nlp.make_doc(text)
        spans = self._spans(doc)
        short = len(text) <= SHORT_MESSAGE
        message_urgent = short and any(urgent(doc, s, doc_start=0) for s in spans.get("URGENT", []))
        reasons: set[str] = set()
        explained: set[str] = set()
        sentence_cues: list[set[str]] = []
        bounds = list(sentences(doc))
        frame = message_frame(doc, spans, bounds)
        item_here = False  # an earlier sentence put someone's item here now ("There's a bag by the gate.")
        item_alone = (
            False  # an earlier sentence left an item alone ("An unattended holdall ... nobody came back")
        )
        for start, end in bounds:
            inside = {label: [s for s in found if start <= s[1] < end] for label, found in spans.items()}
            fired, cues = self._judge(
                doc, start, end, inside, message_urgent, item_in_play, explained, item_here, item_alone
            )
            item_here = item_here or item_here_now(doc, start, inside)
            item_alone = item_alone or item_left_alone(doc, start, inside)
            held = held_back(doc, start, end, frame, inside)
            fired, cues = (set(), set()) if held is None else (fired - held, cues - held)
            reasons |= fired
            sentence_cues.append(cues)
        # The cues of a compound danger may be told in neighbouring sentences ("A man came into
        # reception. He has something under his coat. He won't leave."), anywhere in a short message.
        span = len(sentence_cues) if short else COMPOUND_SENTENCES
        for i in range(len(sentence_cues)):
            reasons |= compound.compound_dangers(set().union(*sentence_cues[i : i + span]))
        return DangerResult(
            bool(reasons),
            tuple(sorted(reasons)),
            () if reasons else tuple(sorted(explained)),
            said_now=any(urgent(doc, s, 0) for s in spans.get("URGENT", [])),
        )

    def _candidate_pieces(self, text: str) -> Iterator[str]:
        """Only the sentences (or windows of a run-on text) that contain a trigger word."""
        kept = 0
        for sentence in split_sentences(text):
            for piece in windows(sentence):
                if kept < MAX_PIECES and not self._triggers.isdisjoint(ascii_words(piece.lower())):
                    kept += 1
                    yield piece

    def _spans(self, doc: Doc) -> dict[str, list[Span]]:
        spans: dict[str, list[Span]] = defaultdict(list)
        strings = self._nlp.vocab.strings
        words = {t.lower_ for t in doc}
        found = list(self._phrases(doc))
        for anchors, matcher in self._matchers:
            if not anchors or not anchors.isdisjoint(words):
                found += matcher(doc)
        for match_id, start, end in found:
            label = strings[match_id]
            spans[label].append((label, start, end))
        return spans

    def _judge(
        self,
        doc: Doc,
        start: int,
        end: int,
        spans: dict[str, list[Span]],
        message_urgent: bool,
        item_in_play: bool = False,
        explained: set[str] | None = None,
        item_here: bool = False,
        item_alone: bool = False,
    ) -> tuple[set[str], set[str]]:
        """The danger labels one sentence fires, after negation, question and past checks, and
        the compound cues that are live in it (reading/danger/compound.py). The harmless readings
        that explain a danger away are added to `explained`. `item_here`: an earlier sentence of
        the message said someone's item is here now, so "he ran off without it" is about it."""
        explained = set() if explained is None else explained
        urgent_spans = [s for s in spans.get("URGENT", []) if urgent(doc, s, start)]
        urgent_here = bool(urgent_spans)
        if spans.get("PAST") and all(time_of_telling(doc, s, start) for s in urgent_spans):
            return set(), set()  # long past, and any "now" is when it is told ("report it now")
        now_urgent = urgent_here or message_urgent
        harmless = spans.get("NONTHREAT", [])
        if _TURNED_ON_PEOPLE.isdisjoint(t.lower_ for t in doc[start:end]):
            harmless = harmless + spans.get("HEIRLOOM", [])
        stories = spans.get("STORY", [])
        scan = SentenceScan(doc, start, end, stories)
        present = any(
            not hypothetical(doc, s, start, spans) and not negated(doc, s, start) and not scan.in_story(s)
            for s in spans.get("PRESENCE", [])
        )
        physical = [s for s in spans.get("PHYSICAL", []) if not scan.in_story(s)]
        asking = starts_as_question(doc, start, end)

        def live(span: Span) -> bool:
            if any(h[1] < span[2] and span[1] < h[2] for h in harmless):
                if span[0] not in READING_LABELS:
                    explained.add("harmless")
                return False
            if negated(doc, span, start):
                return False
            if (
                asking
                or scan.asked_in_clause(span)
                or hypothetical(doc, span, start, spans)
                or scan.reported_question(span)
            ) and not (now_urgent or present):
                return False
            return True

        fired = {s[0] for label in rules.FIRING for s in spans.get(label, []) if live(s)}
        items = [s for s in spans.get("SUSPECT_ADJ", []) + spans.get("LEFT_ITEM", []) if live(s)]
        containers = [s for s in spans.get("CONTAINER", []) + spans.get("THROWN", []) if live(s)]
        has_vehicle = any(t.lower_ in rules.VEHICLES for t in doc[start:end])
        anomaly = any(live(s) for s in spans.get("ANOMALY", []))
        if has_vehicle and any(live(s) for s in spans.get("VEHICLE_MOTION", [])):
            fired.add("vehicle_attack")
        if (items and (now_urgent or present)) or (anomaly and (containers or items or has_vehicle)):
            fired.add(rules.SUSPECT_ITEM)
        if item_in_play and any(
            live(s) and doc[s[1] : s[2]].text.lower() not in PERSON_ANOMALIES
            for s in spans.get("ANOMALY", [])
        ):
            fired.add(rules.SUSPECT_ITEM)
        if self._ownerless_now(
            doc, start, spans, containers, now_urgent or present or item_here, item_in_play or item_here, live
        ):
            fired.add(rules.SUSPECT_ITEM)
        if item_alone and now_urgent and not_the_speakers(doc, start, containers):
            fired.add(rules.SUSPECT_ITEM)  # "... nobody has come back for it. The bag is still there now."
        if now_urgent and any(live(s) for s in spans.get("ACT", []) + spans.get("CLIMB", [])):
            fired.add(rules.SUSPICIOUS_ACT)
        cues = {label for label in compound.CUES if any(live(s) for s in spans.get(label, []))}
        # Seen online, with no place here named, or said as a joke: a report or a figure of speech.
        # Likewise watched, read or heard about (fiction, the news, another country), with nothing here and now.
        online = any(live(s) for s in spans.get("ONLINE", [])) and not (urgent_here or physical)
        # Nobody but the speaker's own people, outside the story: a weaker sign of play may count.
        own_people = speakers_people(doc, start, end)
        nobody_here = not any(
            doc[i].lower_ in THIRD_PERSON
            and not (own_people and doc[i].lower_ in PRONOUNS)
            and not scan.in_story(("", i, i + 1))
            for i in range(start, end)
        )
        told_of = any(live(s) for s in spans.get("FICTION", []) + spans.get("REPORTED", []) + stories) or (
            nobody_here and any(live(s) for s in spans.get("PLAYED", []))
        )
        online = online or (told_of and not (urgent_here or present or physical))
        joking = bool(spans.get("JOKE")) and not (now_urgent or present)
        if online or joking:
            if fired or cues or items:
                explained.add("joke" if joking else "told_of" if told_of else "online")
            return set(), set()
        return fired, cues

    def _ownerless_now(
        self,
        doc: Doc,
        start: int,
        spans: dict[str, list[Span]],
        containers: list[Span],
        now: bool,
        item_in_play: bool,
        live: Callable[[Span], bool],
    ) -> bool:
        """An item nobody is with ("nobody owns it", "on its own"), said to be there now.

        The item is named in the sentence (not the speaker's own: "my bag") or is the one the
        conversation is about; "now" is an urgency or presence cue, or a weaker one ("still",
        "on this train") that is enough only together with nobody being with the item.
        """
        ownerless = [s for s in spans.get("OWNERLESS", []) if live(s)]
        if not ownerless:
            return False
        if not (not_the_speakers(doc, start, containers) or (item_in_play and not containers)):
            return False

        def own_negator_ends(cue: Span) -> int:
            # "nobody near it for ages": the nobody is the ownerless phrase's own, not the cue's.
            return max([start] + [o[2] for o in ownerless if o[2] <= cue[1]])

        return now or any(
            not negated(doc, s, own_negator_ends(s)) and not hypothetical(doc, s, start, spans)
            for s in spans.get("HERE_NOW", [])
        )
