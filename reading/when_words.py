"""The words and patterns that name a time in a report answer (reading/when.py reads them)."""

from __future__ import annotations

from reading import regex

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "few": 3,
    "couple": 2,
    "couple of": 2,
    "a few": 3,
    "a couple of": 2,
    "several": 3,
}
UNITS = {
    "sec": "seconds",
    "second": "seconds",
    "min": "minutes",
    "minute": "minutes",
    "hr": "hours",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "fortnight": "weeks",
}
PART_OF_DAY_HOUR = {"morning": 9, "afternoon": 15, "evening": 19, "night": 22, "tonight": 22, "lunchtime": 13}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_WORDS = "|".join(WEEKDAYS)
# A unit of time as people write it, up to weeks ("5 mins", "2 hours", "a week"); patterns add longer ones.
UNIT_WORDS = r"secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?"

ISO = regex.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{1,2}):(\d{2}))?\b")
NOW = regex.compile(
    r"^(?:(?:right|just)\s+)?now\b|\b(?:just now|right now|happening now|at the moment|as we speak|"
    r"currently|still (?:there|here|happening|going on)|at this (?:very )?moment|(?:a|few) moments? ago|"
    r"moments ago)\b"
)
AGO = regex.compile(
    r"\b(?:(half) an? hour|(\d+|a couple of|a few|couple of|few|several|an?|[a-z-]+)\s*"
    r"(" + "|".join(UNITS) + r")s?)\s*(?:ago|back)\b"
)
# A clock time not inside a longer number or word (what comes before is checked by when._clock()).
CUE_CHARS = 40
# A number right before a unit of time is how long ("for about 5 mins", "lasted 20 minutes"), not a clock time.
UNIT_AFTER = regex.compile(r"^\s*-?\s*(?:" + UNIT_WORDS + r"|months?|years?)\b")
UNIT_AFTER_CHARS = 12
# Longer text goes to dateparser only as the words around a calendar date.
DATEPARSER_CHARS = 120
CLOCK = regex.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?($|[^\w:])")
TODAY = regex.compile(r"\b(?:today|this (?:morning|afternoon|evening|lunchtime)|tonight|earlier)\b")
WORD = regex.compile(r"[a-z]+")
CLOCK_CUE = regex.compile(
    r"\b(?:at|about|around|approx(?:imately)?|roughly|by|after|before|just after|just before|"
    r"circa|~)\s*$"
)

# A bare hour right after a day word, ending the answer: "yesterday 4", "monday 10".
DAY_WORD_BEFORE = regex.compile(
    r"\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s*$"
)
HOUR_ENDING = regex.compile(r"^\s*(?:o'? ?clock)?\s*[.!]*$")
# "10ish" is "about 10", "half 2ish" "about half 2"; "20ish minutes ago" is "20 minutes ago".
ISH = regex.compile(r"\b(half )?(\d{1,2})\s*-?ish\b(\s*(?:" + UNIT_WORDS + r")\b)?")

FUTURE = regex.compile(
    r"\b(?:tomorrow|tmrw|tmr|day after tomorrow|next (?:week|month|year|weekend|" + WEEKDAY_WORDS + r"|time)|"
    r"later (?:today|on|tonight)|in (?:a|an|\d+|a few|a couple of|few|couple of|several|two|three|ten|twenty|"
    r"thirty) (?:" + UNIT_WORDS + r"|months?))\b"
)
DATE_HINT = regex.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fortnight|week|month|year")
APPROXIMATELY = regex.compile(
    r"\b(?:around|about|approx(?:imately)?|roughly|circa|ish|maybe|like|i think|sometime)\b"
)
# A calendar date ("3rd of March", "12/07", "20 July"): dateparser reads it before our day-word rules.
CALENDAR_DATE = regex.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}-\d{1,2}-\d{2,4}\b|"
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec)\b|\b\d{1,2} may\b|\bmay \d{1,2}\b"
)
# "half past two", "ten to four", "20 past 6": minutes in digits only before "past" ("5 to 10" is
# a count of something).
SPOKEN_CLOCK = regex.compile(
    r"\b(half|quarter|five|ten|twenty|twenty[- ]five|5|10|20|25)"
    r"(?: mins?| minutes)? (past|to) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\b|\bhalf (\d{1,2})\b"
)
HAS_CLOCK = regex.compile(
    r"\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|\bnoon\b|\bmidday\b|\bmidnight\b"
)
# Words that name a place, not a time: "Mount Street", "by the embassy", "SW1X 8PQ".
PLACE_WORDS = regex.compile(
    r"\b(?:street|st|road|rd|square|sq|lane|ln|avenue|ave|gardens|gdns|place|pl|crescent|terrace|row|mews|"
    r"embassy|consulate|high commission|station|park|gate|gates|bridge|hill|palace|parliament|whitehall)\b|"
    r"\b[a-z]{1,2}\d[a-z\d]?(?: ?\d[a-z]{2})?\b"
)
