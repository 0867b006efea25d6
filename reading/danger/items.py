"""An item told across sentences: said here now, or left alone, in one sentence and spoken of in a
later one ("There's a bag under the bench. The lad ran off without it."; "An unattended holdall ...
nobody has come back for it. The bag is still there now."). Used by reading/danger/detector.py."""

from __future__ import annotations

from spacy.tokens import Doc

from reading.danger import words
from reading.danger.context import Span, hypothetical, negated

OWN = words.SENTENCE_WORDS["own"]


def not_the_speakers(doc: Doc, start: int, containers: list[Span]) -> list[Span]:
    """The items not said as the speaker's own ("my bag", "our boxes": OWN in the two words before)."""
    return [c for c in containers if OWN.isdisjoint(t.lower_ for t in doc[max(start, c[1] - 2) : c[1]])]


def item_here_now(doc: Doc, start: int, spans: dict[str, list[Span]]) -> bool:
    """Whether a sentence says that an item, not the speaker's own, is here now."""
    return _item_said(doc, start, spans, ("PRESENCE", "HERE_NOW"))


def item_left_alone(doc: Doc, start: int, spans: dict[str, list[Span]]) -> bool:
    """Whether a sentence says that an item, not the speaker's own, was left alone."""
    return _item_said(doc, start, spans, ("OWNERLESS", "SUSPECT_ADJ"))


def _item_said(doc: Doc, start: int, spans: dict[str, list[Span]], cues: tuple[str, ...]) -> bool:
    """An item not the speaker's own in the sentence, not told as past, with one of the `cues`
    neither negated nor supposed."""
    return (
        bool(not_the_speakers(doc, start, spans.get("CONTAINER", [])))
        and not spans.get("PAST")
        and any(
            not negated(doc, s, start) and not hypothetical(doc, s, start, spans)
            for label in cues
            for s in spans.get(label, [])
        )
    )
