"""Token patterns of the message frame's cues (reading/danger/frame.py reads them).

DEALT_WITH and LEFT: the person has been dealt with, or has left; PAST_TIME: a time that is not
the last few minutes; RECENT: something that just happened. The phrases of the same labels are
in reading/danger/vocabulary.yml.
"""

from __future__ import annotations

from typing import Any

from reading.danger import words

Pattern = list[dict[str, Any]]

_FRAME = words.FRAME_WORDS
NOT_RECENT_AFTER_JUST = _FRAME["not_recent_after_just"]
_SUBJECT = words.word_in(sorted(_FRAME["gone_subjects"]))
_AUX = words.word_in_op(
    [
        "is",
        "'s",
        "s",
        "has",
        "have",
        "'ve",
        "are",
        "'re",
        "was",
        "were",
        "had",
        "all",
        "already",
        "then",
        "just",
    ],
    "*",
)

FRAME_PATTERNS: dict[str, list[Pattern]] = {
    # "he's long gone", "they were arrested", "police took him away".
    "DEALT_WITH": [
        [_SUBJECT, _AUX, words.word_in(["long"]), words.word_in(["gone"])],
        [
            words.word_in(["got", "was", "were", "been", "being", "is", "are", "'s"]),
            words.word_in(["arrested", "nicked", "detained"]),
        ],
        [words.word_in(["arrested", "detained", "nicked"]), words.word_in(["him", "her", "them"])],
    ],
    # "he's gone.", "they left, ", "he got off at Camden", "walked off towards the river"; after
    # "gone" or "left" the message ends or goes on with AFTER_GONE (reading/danger/frame.py checks).
    "LEFT": [
        [_SUBJECT, _AUX, words.word_in(["gone", "left"])],
        [
            words.word_in(["got", "gets"]),
            words.word_in(["off"]),
            words.word_in(["at", "the", "a", "his", "her", "their", "before", "after", "and", ".", ","]),
        ],
        [
            words.word_in(["got", "getting"]),
            words.word_in(["on", "onto"]),
            words.word_in(["a", "the", "another"]),
            words.word_in(["bus", "train", "tube", "coach", "tram"]),
        ],
        [
            words.word_in(["ran", "drove", "rode", "walked", "went", "cycled", "sped", "headed"]),
            words.word_in(["off", "away"]),
        ],
        [words.word_in(["got"]), words.word_in(["away"])],
    ],
    # "a couple of hours ago", "about an hour ago", "3 hrs ago".
    "PAST_TIME": [
        [words.word_in(["hours", "hour", "hrs", "hr"]), words.word_in(["ago", "back", "earlier", "before"])],
        [{"LIKE_NUM": True}, words.word_in(["am", "pm", "a.m.", "p.m."])],
    ],
    # "it happened just now" reads as recent; "just wanted to say" does not.
    "RECENT": [
        [words.word_in(["just", "jus", "juts", "jst"]), {"LOWER": {"NOT_IN": sorted(NOT_RECENT_AFTER_JUST)}}],
        [
            words.word_in(["minutes", "minute", "mins", "min", "seconds", "secs", "moments", "moment"]),
            words.word_in(["ago"]),
        ],
    ],
}
