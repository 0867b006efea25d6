"""Stretches of time in an account ("for the past hour", "three mornings running", "since
Monday") and which time says when when several are said (reading/account/times.py)."""

from __future__ import annotations

from reading import regex

COUNT = (
    r"(?:(?:twenty|thirty|forty|fifty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|few|couple of|a couple of|a few|several|half an?|(?:a )?quarter of an?)"
)
WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
DURATION = regex.compile(
    rf"(?i)\b((?:for|in|over|within) (?:about |around |roughly |like |the )?(?:last |past ){COUNT} ?(?:mins?|minutes?|"
    rf"hours?|hrs?|days|weeks|mornings|evenings|nights|afternoons)|for (?:about |around |roughly |like |over |at least |more than |nearly |almost |a good |well over )?{COUNT} ?(?:mins?|"
    rf"minutes|hours?|hrs?|days?|weeks?|months?)|been (?:up |down |out |in |over )?(?:(?:there|here|outside|parked|sat|stood)"
    rf"(?: there| here| outside)? )?(?:for )?(?:about |around |roughly |like |bout |abt )?{COUNT} ?(?:mins?|minutes|hours?)|(?:this|last|over the last|over the past|in the last|in the past|within the last|within the past|"
    rf"for the last|for the past|during the last|during the past) "
    rf"(?:week|weekend|month|hour|half hour|fortnight|few (?:days|weeks|nights|mornings|evenings))|"
    rf"(?:over|during|across) the weekend|for (?:days|weeks|months|ages|hours)(?: now| on end)?|"
    rf"{COUNT} ?(?:mins?|minutes|hours?) already|already {COUNT} ?(?:mins?|minutes?|hours?|hrs?|days|weeks)|"
    rf"(?:since|from) (?:about |around )?{COUNT} ?(?:mins?|minutes?|hours?|hrs?|days?|weeks?)|"
    rf"before {COUNT} ?(?:mins?|minutes?|hours?|hrs?)|(?:most|every) (?:morning|afternoon|evening|night|day|lunchtime|lunch)s?(?: this week)?|every few days|(?:on and off )?all "
    r"(?:day|night|week|weekend|morning|afternoon|evening|arvo)|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    rf"yesterday|last \w+)|"
    rf"{COUNT} (?:days|mornings|afternoons|evenings|nights|times|weeks) (?:in a row|running|straight)|"
    rf"{COUNT} times (?:this|last) (?:week|month|weekend)|every \w+ since \w+|"
    rf"(?:on )?(?:{WEEKDAY}) and again (?:on )?(?:{WEEKDAY})(?: this week| last week)?|"
    # last: "since 15 minute" above is how long, "since 9" here is from when
    rf"since (?:before |about |around |like |approx )?(?:\d{{1,2}}(?:[:.]\d{{2}})?(?: ?[ap]m)?|one|two|three|four|five|"
    rf"six|seven|eight|nine|ten|eleven|twelve)(?: o'?clock)?)\b"
)
# Said without "for" or "in": "Last 3 nights a woman sat opposite", "3 times in 10 mins".
DURATION_BARE = regex.compile(
    rf"(?i)(?:^|[.,;!?(]\s*)((?:the )?(?:last|past) {COUNT} (?:days|mornings|afternoons|evenings|nights|weeks))\b"
    rf"|\b(?:times?|twice) (?:\w+ ){{0,3}}(in (?:the (?:last|past) )?(?:{COUNT} ?(?:mins?|minutes|hours?|hrs?)|"
    rf"half an hour|an hour))\b"
)
# A stretch of days in which it happened again and again ("for the last four mornings", "three
# times this week", "since Monday", "over the past fortnight"): when, as told, when said first.
STRETCH = regex.compile(
    rf"(?i)^(?:(?:(?:for|over|within|in|during) )?(?:the )?(?:last|past) {COUNT} ?(?:days|mornings|afternoons|evenings|"
    rf"nights|weeks)|(?:over|in|within|for|during) the (?:last|past) (?:week|fortnight|month)|"
    rf"{COUNT} (?:days|mornings|afternoons|evenings|nights|times|weeks) (?:in a row|running|straight)|"
    rf"{COUNT} times (?:this|last) |since (?:{WEEKDAY}|last \w+)|"
    rf"for (?:{COUNT} )?(?:days|weeks|months)|(?:over|during|across) the weekend|every \w+ this week|(?:on )?(?:{WEEKDAY}) and again)"
)
_DAY = regex.compile(
    rf"(?i)\b(?:today|tonight|yesterday|{WEEKDAY}|morning|afternoon|evening|night|nite|arvo|lunchtime|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d+(?:st|nd|rd|th))\b|\d+/\d+"
)
# A day before today, said without a clock time: "last night", "on Wednesday", "yesterday evening".
_PAST_DAY = regex.compile(
    rf"(?i)\b(?:yesterday|last|{WEEKDAY}|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|\d+(?:st|nd|rd|th))\b"
)
_AGAIN = regex.compile(r"(?i)\bagain\b")
_AGAIN_REACH = 12  # "and again this morning", "again, today"
_A_CLOCK_TIME = regex.compile(
    r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b"
)
_TODAY = regex.compile(r"(?i)\b(?:today|tonight|this (?:morning|morn|afternoon|arvo|evening)|again)\b")
# Said as happening again and again: a time as good as a day ("every day this week" before "today").
RECURRING = regex.compile(rf"(?i)^(?:every|most) |^{COUNT} times (?:this|last|a|in a) ")


def its_day(
    text: str,
    best: tuple[int, int, int, str | None],
    ranked: list[tuple[int, int, int, str | None]],
) -> tuple[int, int, int, str | None] | None:
    """A clock time said apart from its day ("Last night in the pub ... at 11", "On Wednesday, while
    we waited, at about 11am"): the day is when; the clock alone would read as today."""
    said = text[best[1] : best[2]]
    if best[0] < 3 or _DAY.search(said) or STRETCH.match(said) or RECURRING.match(said):
        return None  # a stretch or a time said again and again is when, as told
    days = [
        item
        for item in ranked
        if item[0] == 2 and item[3] is not None and _PAST_DAY.search(text[item[1] : item[2]])
    ]
    return days[0] if days else None


def spelled_out(text: str, groups: list[tuple[int, int]], index: int, max_times: int) -> bool:
    """The stretch is followed right away by the days in it ("Three days in a row, Monday and
    Tuesday at 4pm"), or later by its day today told as one more time ("... and again this
    morning", "today at 7am"): those say when. Today said of it otherwise, with no clock time
    ("it's still there today", "today she took a photo"), is one day of the stretch: the stretch
    says when."""
    if index + 1 >= len(groups):
        return False
    if any(
        _TODAY.search(text[slice(*group)])
        and (
            _AGAIN.search(text[max(0, group[0] - _AGAIN_REACH) : group[1]])
            or _A_CLOCK_TIME.search(text[slice(*group)])
        )
        for group in groups[index + 1 : max_times]
    ):
        return True  # "three days running, again this morning": the time it is happening today
    return not text[groups[index][1] : groups[index + 1][0]].strip(" ,;:-")
