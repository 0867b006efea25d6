"""The chat page's template values: the links the replies may carry, from the contacts file only."""

from __future__ import annotations

import re

from reading.references import FOLLOW_UP_CODE_PATTERN, REFERENCE_ALPHABET, REFERENCE_PATTERN
from servator.config.contacts import template_values
from web.page import contact_links, render_page

CONTACTS = template_values()


def test_every_number_and_web_address_of_the_contacts_file_is_a_link_of_the_right_kind():
    links = dict(contact_links())
    assert links[CONTACTS["emergency_phone"]] == "tel:999"
    assert links[CONTACTS["hotline_phone"]] == "tel:" + CONTACTS["hotline_phone"].replace(" ", "")
    assert links[CONTACTS["relay_non_urgent"]] == "tel:" + CONTACTS["relay_non_urgent"].replace(" ", "")
    assert links[CONTACTS["railway_text"]] == "sms:" + CONTACTS["railway_text"]
    assert links[CONTACTS["hotline_web"]] == "https://" + CONTACTS["hotline_web"]
    assert links[CONTACTS["threat_level_web"]] == "https://" + CONTACTS["threat_level_web"]
    # Names and hashtags are not links.
    assert CONTACTS["hotline_name"] not in links and CONTACTS["servator_hashtag"] not in links


def test_the_page_lists_the_links_hidden_and_the_alphabets_for_the_reference_block():
    page = render_page(2000)
    listed = re.search(r'<ul id="contact-links" hidden>(.*?)</ul>', page)
    assert listed, "the hidden list of links is missing"
    for text, href in contact_links():
        assert f'<li><a href="{href}">{text}</a></li>' in listed.group(1)
    assert f'data-reference-alphabet="{REFERENCE_ALPHABET}"' in page
    assert "<textarea" in page and 'enterkeyhint="send"' in page
    assert "{" not in page, "an unfilled placeholder is left in the page"


def test_the_follow_up_code_shape_is_crockford_base32_in_four_groups():
    assert FOLLOW_UP_CODE_PATTERN.fullmatch("7K3M-Q9XD-2WJP-H4TB")
    for wrong in ("7K3M-Q9XD-2WJP-H4TI", "7K3M-Q9XD-2WJP", "7k3m-q9xd-2wjp-h4tb", "SRV-2026-1206-YA6W"):
        assert not FOLLOW_UP_CODE_PATTERN.fullmatch(wrong), wrong
    assert not REFERENCE_PATTERN.fullmatch("7K3M-Q9XD-2WJP-H4TB")
