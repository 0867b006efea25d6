"""What a person has already said, as report slots: the form asks only for what is missing.

The opening message (a whole account) fills every field it states; a later answer fills the
other empty fields it also states ("Curzon Street, about 20 minutes ago" answers where AND when).
Each value then goes through the form's own validation (validate_report_form), as a typed answer
would. A field the person gave is not asked again: their vehicle ("a white van", "a cab"), people
described ("a man in a grey hoodie"), a place named or said as the site where it was ("at our
embassy gate"). A bare "someone" describes nobody and a bare "a car" no vehicle, "the ambassador's
car" is not theirs, "by the bollards" names no site, "for an hour" is no time: the form still asks
those.
"""

from __future__ import annotations

from collections.abc import Container

from actions.report_fields import FIELD_SLOTS
from reading.account import Account
from reading.account.languages import direction_in, read_account_in, tells_a_sighting
from reading.railway import mentions_railway

# The fields an account can fill, in the form's order: the answers after the description, before
# the contact question.
ACCOUNT_SLOTS = FIELD_SLOTS[1:-1]
# Words that say nothing by themselves of which place or vehicle: "the embassy", "their car".
SAYS_NOTHING_ALONE = frozenset({"a", "an", "the", "this", "that", "some", "my", "our", "their", "his", "her"})
# A vehicle said only as these words ("a car", "the car") is not yet described.
GENERIC_VEHICLE = SAYS_NOTHING_ALONE | {"car", "vehicle", "motor"}
MIN_WORDS = 3  # a shorter answer ("yes", "Mount Street") states only what was asked
MIN_HAN_CHARACTERS = 8


def _vehicle(account: Account) -> str | None:
    """Their vehicle as said (its plate goes to the report's registration through the message's
    entities), or None when it is not theirs or says nothing: a bare "a car" is asked about."""
    if not account.vehicle_theirs:
        return "on foot" if account.on_foot else None
    vehicle, plate = account.vehicle, account.registration
    if not plate and vehicle and set(vehicle.lower().split()) <= GENERIC_VEHICLE:
        return None  # "a car" says nothing officers can match: the form asks for type, colour, plate
    return vehicle


def _location(account: Account) -> str | None:
    """The place words, or None when they say nothing officers can find: a bare "the embassy" is asked
    about ("Where was this?"), as a bare "a car" is."""
    if not account.location_stated or not account.location:
        return None
    words = account.location.lower().split()
    bare = len(words) <= 2 and words[0] in SAYS_NOTHING_ALONE and not (account.place or account.postcode)
    return None if bare and not account.location_named else account.location


def _values(account: Account) -> dict[str, str | None]:
    return {
        "report_location": _location(account),
        "report_when": account.when if account.when_iso else None,
        "report_ongoing": account.ongoing,
        "report_people": account.people if account.people_described else None,
        "report_vehicle": _vehicle(account),
        "report_direction": account.direction,
        "report_category": account.category,
    }


def stated_slots(
    text: str | None, filled: Container[str] = (), asked: str | None = None, language: str = "en"
) -> dict[str, str]:
    """The report slots `text` states, in the form's order, except `asked` (the question it
    answers) and those already `filled`; read in the conversation's `language`."""
    if not text or not _long_enough(text, language) or text.lstrip().startswith("/"):
        return {}
    account = read_account_in(text, language)
    values = _values(account)
    if asked is not None and not account.ongoing_said:
        # A later answer's time alone ("about an hour ago") does not answer "is anyone in danger now?"
        values["report_ongoing"] = None
    return {
        slot: value
        for slot in ACCOUNT_SLOTS
        if (value := values[slot]) and slot != asked and slot not in filled
    }


def describes_a_sighting(text: str | None, language: str = "en") -> bool:
    """The message tells what was seen (a kind of behaviour and something more about it)."""
    return tells_a_sighting(text, language)


def _long_enough(text: str, language: str) -> bool:
    """MIN_WORDS words; Chinese, written without spaces, MIN_HAN_CHARACTERS characters."""
    if language == "zh":
        return len(text.strip()) >= MIN_HAN_CHARACTERS
    return len(text.split()) >= MIN_WORDS


def happened_on_railway(text: str | None, language: str = "en") -> bool:
    """`text` places what was seen on the railway. Where they went afterwards does not count
    ("drove off towards Knightsbridge station"): the account's direction is left out."""
    if not mentions_railway(text):
        return False
    direction = direction_in(text, language) if text and _long_enough(text, language) else None
    return not direction or mentions_railway((text or "").replace(direction, " "))
