"""The chat page: static/index.html with its {placeholders} filled from the contacts file and the domain.

Besides the banner's numbers, the page carries what chat_format.js needs to shape replies without a
second copy of any fact: every number and web address a reply may name (a hidden list of links,
built from servator/config/contacts.yml), and the alphabets of a report reference and of a follow-up code.
"""

from __future__ import annotations

import html
from pathlib import Path

from reading import regex
from reading.references import FOLLOW_UP_CODE_ALPHABET, REFERENCE_ALPHABET
from servator.config.responses import (
    TOO_LONG_RESPONSE,
    fill_placeholders,
    render,
    response_values,
    service_unavailable_reply,
)
from web import photo_upload

STATIC_DIR = Path(__file__).with_name("static")
_NOT_DIALLED = regex.compile(r"[^0-9+]")
# Which contact field (the end of its placeholder's name, e.g. hotline_phone) is which kind of link;
# the other fields (names, hashtags, the threat level) are not links.
LINK_FIELDS = (
    ("_phone", "tel:"),
    ("_emergency", "tel:"),
    ("_non_urgent", "tel:"),
    ("_text", "sms:"),
    ("_web", "https://"),
)


def dial(number: str) -> str:
    """The digits (and a leading +) a `tel:` or `sms:` link takes ("0800 789 321" -> "0800789321")."""
    return _NOT_DIALLED.sub("", number)


def contact_links() -> list[tuple[str, str]]:
    """(as written in replies, link) for every number and web address in the contacts file."""
    links: dict[str, str] = {}
    for name, value in response_values().items():
        text = str(value).strip()
        scheme = next((scheme for end, scheme in LINK_FIELDS if name.endswith(end)), None)
        target = text if scheme == "https://" else dial(text)
        if scheme and target:
            links.setdefault(text, scheme + target)
    return sorted(links.items())


def links_html() -> str:
    return "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(text)}</a></li>' for text, href in contact_links()
    )


def render_page(max_chars: int) -> str:
    """index.html with {placeholders} filled (HTML-escaped) from the contacts file and the domain."""
    values = response_values(
        **photo_upload.page_values(),
        max_chars=str(max_chars),
        unavailable_text=service_unavailable_reply()["text"],
        too_long_text=render(TOO_LONG_RESPONSE, max_chars=max_chars)["text"],
        reference_alphabet=REFERENCE_ALPHABET,
        code_alphabet=FOLLOW_UP_CODE_ALPHABET,
    )
    values["emergency_tel"] = dial(values["emergency_phone"])
    values["hotline_tel"] = dial(values["hotline_phone"])
    template = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    # The list is markup made here from escaped values; everything else is escaped as it is filled in.
    template = template.replace("{contact_links}", links_html())
    return fill_placeholders(template, values, html.escape)
