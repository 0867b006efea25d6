"""Every number and web address the bot gives comes from servator/config/contacts.yml."""

from __future__ import annotations

import re

import pytest
import yaml

from servator.config.contacts import load_table, template_values
from servator.config.responses import domain_files
from servator.config.settings import Settings
from tests.support.stack import ROOT

PHONE = re.compile(r"(?<![\w{])\+?\d[\d ]{1,12}\d(?![\w}])")
YEAR = re.compile(r"(19|20)\d\d")  # "the 1961 Vienna Convention" is a date, not a number to call
WEB = re.compile(
    r"(?i)\b(?:https?://|www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|gov|police)\b(?:/[\w/-]*)?"
)
PLACEHOLDER = re.compile(r"{([a-z_]+)}")
ACTION_VALUES = {
    "reference",
    # follow-up (docs/followup.md): the code, an officer's question, its place among those waiting
    "follow_up_code",
    "question",
    "position",
    "count",
    "max_photo_mb",
    "max_megapixels",
    "max_photos",
    "photo_types",
    "rough_metres",
    "retention_days",
    "max_chars",
    "description",
    "location",
    "when",
    "ongoing",
    "people",
    "vehicle",
    "direction",
    "category",
    "contact",
    "field",
    "value",
}


def _response_texts():
    for path in domain_files():
        responses = (yaml.safe_load(path.read_text()) or {}).get("responses", {})
        for name, variations in responses.items():
            for variation in variations:
                yield (
                    name,
                    variation.get("text", ""),
                    [b.get("title", "") for b in variation.get("buttons", [])],
                )


def test_contacts_table_has_every_situation_in_the_design():
    table = load_table()
    assert table["emergency"]["phone"] == "999"
    assert table["hotline"]["phone"] == "0800 789 321"
    assert table["hotline"]["web"] == "gov.uk/ACT"
    assert table["online_material"]["web"] == "gov.uk/report-terrorism"
    assert table["railway"]["text"] == "61016"
    assert table["non_urgent"] == {"phone": "101", "web": "met.police.uk"}
    assert table["relay"]["emergency"] == "18000" and table["relay"]["non_urgent"] == "18001 101"
    assert table["servator"]["web"] == "met.police.uk/projectservator"
    assert table["threat_level"]["web"] == "mi5.gov.uk/threat-levels"


def test_no_literal_number_or_address_in_responses():
    offenders = []
    for name, text, titles in _response_texts():
        for chunk in [text, *titles]:
            offenders += [(name, m) for m in PHONE.findall(chunk) if not YEAR.fullmatch(m)]
            offenders += [(name, m) for m in WEB.findall(chunk)]
    assert offenders == [], f"write these as contacts placeholders: {offenders}"


def test_every_placeholder_resolves():
    known = set(template_values()) | ACTION_VALUES
    unknown = {
        (name, key)
        for name, text, _ in _response_texts()
        for key in PLACEHOLDER.findall(text)
        if key not in known
    }
    assert unknown == set()


@pytest.mark.parametrize("folder", ["actions", "bot", "servator", "nlu"])
def test_no_literal_number_or_address_in_code(folder):
    offenders = []
    for path in (ROOT / folder).rglob("*.py"):
        for line_no, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            for literal in re.findall(r"""(["'])(.*?)\1""", code):
                text = literal[1]
                if re.fullmatch(r"(999|101|61016|18000|18001 101|0800 ?789 ?321)", text.strip()) or re.search(
                    r"(gov\.uk/|met\.police\.uk|mi5\.gov\.uk)", text, re.I
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{line_no}: {text}")
    assert offenders == []


def test_threat_level_override_from_environment():
    values = template_values(Settings({"THREAT_LEVEL": "Severe", "THREAT_LEVEL_AS_OF": "1 November 2026"}))
    assert values["threat_level_level"] == "severe"
    assert values["threat_level_meaning"] == "an attack is highly likely"
    assert values["threat_level_as_of"] == "1 November 2026"
    assert (
        template_values(Settings({"THREAT_LEVEL": "nonsense"}))["threat_level_level"]
        == load_table()["threat_level"]["level"]
    )


def test_retention_periods_come_from_the_settings():
    values = template_values(Settings({"REPORT_RETENTION_DAYS": "90", "CONVERSATION_RETENTION_DAYS": "7"}))
    assert (values["report_retention_days"], values["conversation_retention_days"]) == ("90", "7")
    assert template_values(Settings({}))["report_retention_days"] == "365"
