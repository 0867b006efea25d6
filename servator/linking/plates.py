"""Vehicle registrations for linking: a UK plate folded for misreadings, any other plate kept as given;
part of a plate when no whole one was given; what two descriptions of a car share or contradict.

A UK plate (reading.entities.normalise_registration) becomes upper case without spaces, and its
matching key folds the letters people misread for digits: O -> 0, I -> 1 ("AB12 CDE" and
"ab12cde" match; so do "OX05 ABC" and "0X05 ABC"). A plate that is not a UK registration is kept
as given (upper case, spaces trimmed) and matches only exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from reading import regex
from reading.plate_text import PartialPlate, any_letter_plate, partial_plate

_FOLD = str.maketrans({"O": "0", "I": "1"})
_CUE = regex.compile(
    r"\b(?:plate|plates|reg|registration|number|numberplate|licen[cs]e)\b[\s:#.-]*", ignore_case=True
)
_FOREIGN = regex.compile(r"[A-Z0-9][A-Z0-9 -]{2,12}[A-Z0-9]", ignore_case=True)
# A current-format plate with letters and digits misread for each other ("AB1O CDE", "AB12 C0E").
_SPACE_OR_DASH = regex.compile(r"[\s-]")
_WORD = regex.compile(r"[a-z0-9]+")
_MISREAD = regex.compile(r"\b([A-Z01]{2}) ?([0-9OI]{2}) ?([A-Z01]{3})\b")
_AS_LETTERS, _AS_DIGITS = str.maketrans("01", "OI"), str.maketrans("OI", "01")
UK, FOREIGN = "U", "X"


@dataclass(frozen=True)
class Plate:
    """display: as officers read it; key: what must be equal for "same vehicle"."""

    display: str
    key: str
    uk: bool


def uk_plate(registration: str) -> Plate:
    """A UK registration as stored by the report form ("AB12 CDE")."""
    display = "".join(registration.upper().split())
    return Plate(display=display, key=f"{UK}:{display.translate(_FOLD)}", uk=True)


def foreign_plate(text: str) -> Plate:
    display = " ".join(text.upper().split())
    return Plate(display=display, key=f"{FOREIGN}:{display}", uk=False)


def _looks_like_plate(candidate: str) -> bool:
    compact = _SPACE_OR_DASH.sub("", candidate)
    letters = sum(c.isalpha() for c in compact)
    digits = sum(c.isdigit() for c in compact)
    return 4 <= len(compact) <= 10 and compact.isalnum() and letters >= 1 and digits >= 2


def plate_from_report(registration: str | None, vehicle_text: str | None) -> Plate | None:
    """The report's plate: the UK registration the form found, else a plate written after "plate"/"reg",
    else the whole vehicle answer when it is nothing but a plate ("CD 123 AB"). None otherwise."""
    from reading.entities import normalise_registration

    if registration:
        return uk_plate(registration)
    text = (vehicle_text or "").strip()
    if not text:
        return None
    found = normalise_registration(text) or _repaired(text) or any_letter_plate(text)
    if found:
        return uk_plate(found)
    if partial_plate(text):  # "reg KX19 something": part of a plate, not a plate
        return None
    cue = _CUE.search(text)
    if cue:
        after = _FOREIGN.match(text, cue.end())
        return foreign_plate(after.group(0)) if after and _looks_like_plate(after.group(0)) else None
    if _looks_like_plate(text) and len(text.split()) <= 3:
        return foreign_plate(text)
    return None


def _repaired(text: str) -> str | None:
    """A UK plate written with O/0 or I/1 in the wrong places, read as the plate it must be."""
    from reading.entities import normalise_registration

    match = _MISREAD.search(text.upper())
    if not match:
        return None
    area, age, letters = match.groups()
    return normalise_registration(
        f"{area.translate(_AS_LETTERS)}{age.translate(_AS_DIGITS)} {letters.translate(_AS_LETTERS)}"
    )


COLOURS = frozenset(
    """silver black white grey gray blue red green yellow orange gold brown purple maroon beige
bronze navy""".split()
)
SAME_WORD = {"gray": "grey", "navy": "blue", "vw": "volkswagen", "merc": "mercedes", "beemer": "bmw"}
NOT_MODELS = frozenset(
    """reg registration plate plates number car van estate hatchback with and the a in on at ends
ending starts starting something was is parked french""".split()
)
MAKES = frozenset(
    """ford bmw mercedes audi vw volkswagen toyota vauxhall nissan honda kia hyundai tesla rover
peugeot renault volvo skoda fiat mini citroen jaguar lexus mazda seat porsche bentley land range dacia suzuki
mitsubishi jeep""".split()
)


def partial_from_report(registration: str | None, vehicle_text: str | None) -> PartialPlate | None:
    """Part of a plate the person gave ("KX19 something", "ends in PLM"), when they gave no whole plate."""
    if registration or plate_from_report(registration, vehicle_text):
        return None
    return partial_plate(vehicle_text or "")


def _model_after(words: list[str], make: str) -> str | None:
    """The word after the make ("focus" in "silver ford focus"), when it is not a colour or a make."""
    position = words.index(make)
    following = words[position + 1] if position + 1 < len(words) else None
    if not following or not following.isalpha() or following in COLOURS | MAKES | NOT_MODELS:
        return None
    return following


def _words(text: str) -> list[str]:
    return [SAME_WORD.get(word, word) for word in _WORD.findall((text or "").lower())]


def shared_description(text_a: str, text_b: str) -> str | None:
    """The colour, make and model both vehicle descriptions name ("silver Ford Focus"), or None."""
    words_a, words_b = _words(text_a), _words(text_b)
    both = set(words_a) & set(words_b)
    colours = sorted(both & COLOURS)
    makes = sorted(both & MAKES)
    shared = [*colours[:1], *(make.title() if len(make) > 3 else make.upper() for make in makes[:1])]
    if makes:
        model = _model_after(words_a, makes[0])
        if model and model == _model_after(words_b, makes[0]):
            shared.append(model.title())
    return " ".join(shared) or None


def contradicting(text_a: str, text_b: str) -> bool:
    """Both descriptions name a colour and share none, or both name a make and share none."""
    words_a, words_b = set(_words(text_a)), set(_words(text_b))
    for kind in (COLOURS, MAKES):
        named_a, named_b = words_a & kind, words_b & kind
        if named_a and named_b and not named_a & named_b:
            return True
    return False
