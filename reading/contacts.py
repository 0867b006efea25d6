"""Phone numbers and e-mail addresses in a report's contact answer (phonenumbers, email-validator).

Numbers are read with Google's libphonenumber rules (the `phonenumbers` package): UK numbers
as people type them ("020 7946 0123", "+44 20 7946 0123") and international ones ("+33 1 43 12
22 22", "001 202 555 0123"); only numbers valid for their country are kept, in E.164 form.
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


def find_phone(text: str | None) -> str | None:
    """The first valid phone number in `text`, in E.164 form ("+442079460123")."""
    if not text or len(text) > MAX_CHARS:
        return None
    for match in phonenumbers.PhoneNumberMatcher(text, DEFAULT_REGION, leniency=phonenumbers.Leniency.VALID):
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
