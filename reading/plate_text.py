"""Registrations as people write them when they are not sure: a current-format plate with a letter no
plate carries ("KX19 PIM": I and Q are never issued, so one of them is a misread character), and part
of a plate ("KX19 something", "ends in PLM", "starts with LB", "last three letters PLM").

Both are read as said: upper case, spaces dropped. Nothing here guesses which characters were meant;
linking compares them with the plates of other reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from reading import regex

# Two letters, a valid age identifier, three letters: any letter, so a misread I or Q still reads.
_ANY_LETTER_PLATE = regex.compile(r"\b([A-Z]{2})([0-9]{2}) ?([A-Z]{3})\b", ignore_case=True)
_START = regex.compile(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|first (?:two|three|four|few) (?:letters|characters|bits))"
    r"\s+(?:with\s+|was\s+|were\s+|is\s+|are\s+)?([A-Z0-9]{2,4}(?: [A-Z0-9]{1,3})?)\b",
    ignore_case=True,
)
_END = regex.compile(
    r"\b(?:end(?:s|ed|ing)?|last (?:two|three|four|few) (?:letters|characters|bits))"
    r"\s+(?:in\s+|with\s+|was\s+|were\s+|is\s+|are\s+)?([A-Z0-9]{2,4})\b",
    ignore_case=True,
)
# "KX19 something", "KX19 ...", "KX19 and then I missed the rest"
_FRONT_THEN_UNSURE = regex.compile(
    r"\b([A-Z]{2}[0-9]{2})\s*(?:something|sth|\.\.\.|…|\?+|x{2,3}|and then|then (?:something|i)|"
    r"and something|and (?:i )?(?:missed|didn)|but i)",
    ignore_case=True,
)
# "something PLM", "... PLM", "?? PLM" at the end of a plate
_UNSURE_THEN_BACK = regex.compile(r"(?:\bsomething|\.\.\.|…|\?\?+|\bx{2,4})\s+([A-Z]{3})\b", ignore_case=True)
START, END = "start", "end"


@dataclass(frozen=True)
class PartialPlate:
    """Part of a registration: `characters` the plate starts (`where` START) or ends (END) with."""

    where: str
    characters: str

    def said(self) -> str:
        """As officers read it: "KX19 …" or "… PLM"."""
        return f"{self.characters} …" if self.where == START else f"… {self.characters}"


def _valid_age(number: str) -> bool:
    value = int(number)
    return 2 <= value <= 49 or 51 <= value <= 99


def any_letter_plate(text: str) -> str | None:
    """A current-format plate in `text` that may hold a character no plate carries ("KX19PIM"), or None."""
    for match in _ANY_LETTER_PLATE.finditer(text or ""):
        area, age, letters = match.groups()
        if _valid_age(age):
            return f"{area}{age}{letters}".upper()
    return None


def _plate_like(characters: str, written: str) -> bool:
    """Plate characters, not a word: a digit in it, or written in capitals ("LB", not "the")."""
    return any(c.isdigit() for c in characters) or written.isupper()


def partial_plate(text: str) -> PartialPlate | None:
    """The part of a plate the person gave, or None ("ends in PLM" -> END "PLM")."""
    text = text or ""
    for pattern, where in (
        (_START, START),
        (_FRONT_THEN_UNSURE, START),
        (_END, END),
        (_UNSURE_THEN_BACK, END),
    ):
        match = pattern.search(text)
        if match:
            written = match.group(1)
            characters = "".join(written.upper().split())
            if 2 <= len(characters) <= 6 and _plate_like(characters, written):
                return PartialPlate(where, characters)
    return None
