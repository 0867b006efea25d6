"""Contact answers read by phonenumbers and email-validator (reading/contacts.py)."""

from __future__ import annotations

import pytest

from reading.contacts import ContactDetails, find_contact, find_email, find_phone


@pytest.mark.parametrize(
    "text,phone",
    [
        ("020 7946 0123", "+442079460123"),
        ("+44 20 7946 0123", "+442079460123"),
        ("0044 20 7946 0123", "+442079460123"),
        ("+33 1 43 12 22 22", "+33143122222"),
        ("0033 1 43 12 22 22", "+33143122222"),
        ("+1 202 555 0123", "+12025550123"),
        ("call me on 020 7946 0123 after 6", "+442079460123"),
    ],
)
def test_uk_and_international_numbers_in_e164(text, phone):
    assert find_phone(text) == phone


@pytest.mark.parametrize("text", ["123", "07700", "999", "1234567890123", "call me maybe", "", "+33 1 43 12"])
def test_not_phone_numbers(text):
    assert find_phone(text) is None


@pytest.mark.parametrize(
    "text,email",
    [
        ("jane@example.com", "jane@example.com"),
        ("Jane.Doe@Example.ORG", "Jane.Doe@example.org"),
        ("email me at sam.jones@mail.gov.uk.", "sam.jones@mail.gov.uk"),
    ],
)
def test_email_addresses_checked_without_dns(text, email):
    assert find_email(text) == email


@pytest.mark.parametrize("text", ["jane@", "a@b", "x@localhost", "@example.com", "not an email"])
def test_not_email_addresses(text):
    assert find_email(text) is None


def test_both_kinds_in_one_answer():
    found = find_contact("020 7946 0123 or jane@example.com")
    assert found == ContactDetails(phone="+442079460123", email="jane@example.com")
    assert found.display() == "+442079460123, jane@example.com"
    assert not find_contact("nothing here")


def test_over_long_answers_are_not_read():
    assert find_contact("020 7946 0123 " + "x" * 500) == ContactDetails()
