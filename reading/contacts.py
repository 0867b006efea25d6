"""Phone numbers and e-mail addresses in a report's contact answer (phonenumbers, email-validator).

Numbers are read with Google's libphonenumber rules (the `phonenumbers` package): UK numbers
as people type them ("020 7946 0123", "+44 20 7946 0123") and international ones ("+33 1 43 12
22 22", "001 202 555 0123"); numbers valid for their country, and UK numbers of a full landline or
mobile length, are kept, in E.164 form. A name given with the number ("07700 900123, I'm Sam")
does not stop the number being read.
E-mail addresses are checked for syntax by `email-validator`, with no DNS look-up.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from reading import regex

DEFAULT_REGION = "GB"
MAX_CHARS = 200  # a contact answer longer than this is not read (libphonenumber's cost grows with it)
_EMAIL_CANDIDATE = regex.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")


@dataclass(frozen=True)
class ContactDetails:
    """What a contact answer holds: a phone number (E.164) and/or an e-mail address."""

    phone: str | None = None
    email: str | None = None

    def __bool__(self) -> bool:
        return bool(self.phone or self.email)

    def display(self) -> str:
        """One line for the summary: "+442079460123, jane@example.org"."""
        return ", ".join(part for part in (self.phone, self.email) if part)


def _uk_shaped(number: phonenumbers.PhoneNumber) -> bool:
    """A UK number of the full length of a landline or mobile (0 and ten digits, 01/02/03/07).

    libphonenumber calls some of them invalid (ranges not yet given out, and Ofcom's drama ranges
    such as 07700 900xxx): a person's own number of that shape is still kept rather than refused.
    """
    national = str(number.national_number)
    return number.country_code == 44 and len(national) == 10 and national[0] in "1237"


def find_phone(text: str | None) -> str | None:
    """The first phone number in `text` valid for its country, or a UK-shaped one, in E.164 form
    ("+442079460123")."""
    if not text or len(text) > MAX_CHARS:
        return None
    leniency = phonenumbers.Leniency.POSSIBLE
    for match in phonenumbers.PhoneNumberMatcher(text, DEFAULT_REGION, leniency=leniency):
        if phonenumbers.is_valid_number(match.number) or _uk_shaped(match.number):
            return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def find_email(text: str | None) -> str | None:
    """The first syntactically valid e-mail address in `text`, normalised (no DNS look-up)."""
    if not text or len(text) > MAX_CHARS:
        return None
    for candidate in _EMAIL_CANDIDATE.findall(text):
        try:
            return validate_email(candidate.rstrip("."), check_deliverability=False).normalized
        except EmailNotValidError:
            continue
    return None


def find_contact(text: str | None) -> ContactDetails:
    """Both kinds of contact found in `text` (either may be missing)."""
    return ContactDetails(phone=find_phone(text), email=find_email(text))
