"""A registration read out rather than written ("the reg was l a 2 0 b v k", "registration is sierra
echo one eight x-ray yankee zulu", "plate R K 7 1 B V P full stop"): characters one by one, digits as
words, letters in the phonetic alphabet, after a word that says a plate follows."""

from __future__ import annotations

from reading import regex

_WORD = regex.compile(r"[a-z0-9]+(?:-[a-z]+)?")
_CUES = frozenset({"reg", "registration", "plate", "plates", "rego", "numberplate", "reg."})
# Between the cue and the characters: "the reg number was", "plate is like", "registration: it's".
_FILLERS = frozenset("is was were number no it its s the like i think reads read said says of".split())
_MAX_FILLERS = 4
_DIGITS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_PHONETIC = {
    word: word[0]
    for word in (
        "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike "
        "november oscar papa quebec romeo sierra tango uniform victor whiskey whisky x-ray xray yankee zulu"
    ).split()
}
_PLATE = regex.compile(r"^([a-z]{2})([0-9]{2})([a-z]{3})")
_PLATE_LENGTH = 7


def spoken_plate(text: str) -> str | None:
    """The current-format plate `text` reads out character by character, or None."""
    words = _WORD.findall((text or "").lower())
    for index, word in enumerate(words):
        if word in _CUES:
            plate = _read_from(words, index + 1)
            if plate is not None:
                return plate
    return None


def _read_from(words: list[str], start: int) -> str | None:
    index, fillers = start, 0
    while index < len(words) and words[index] in _FILLERS and fillers < _MAX_FILLERS:
        index, fillers = index + 1, fillers + 1
    characters = ""
    spelt = 0  # characters given one at a time: a plate written whole is the entity rules' to read
    while index < len(words) and len(characters) < _PLATE_LENGTH:
        word = words[index]
        if word in _DIGITS or word in _PHONETIC or len(word) == 1:
            characters += _DIGITS.get(word) or _PHONETIC.get(word) or word
            spelt += 1
        elif len(word) <= 4 and word.isalnum():
            characters += word
        else:
            break
        index += 1
    match = _PLATE.match(characters)
    if match is None or spelt < 3 or not 2 <= int(match.group(2)) <= 99 or match.group(2) == "50":
        return None
    return "".join(match.groups()).upper()
