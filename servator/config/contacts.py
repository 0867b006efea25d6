"""The contacts table: one YAML file, flattened to {situation_field} template values."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from servator.config.settings import Settings

CONTACTS_FILE = Path(__file__).with_name("contacts.yml")

# Threat level meanings (MI5's five levels) so an override never needs a second variable.
THREAT_MEANINGS = {
    "low": "an attack is highly unlikely",
    "moderate": "an attack is possible but not likely",
    "substantial": "an attack is likely",
    "severe": "an attack is highly likely",
    "critical": "an attack is highly likely in the near future",
}


@functools.lru_cache(maxsize=1)
def load_table(path: Path = CONTACTS_FILE) -> dict[str, dict[str, str]]:
    """Read the contacts file once per process."""
    with open(path, encoding="utf-8") as handle:
        table: dict[str, dict[str, str]] = yaml.safe_load(handle)
    return table


def template_values(settings: Settings | None = None) -> dict[str, str]:
    """Flatten the table to {situation_field: value}, applying the threat-level overrides."""
    values = {
        f"{situation}_{field}": str(value)
        for situation, fields in load_table().items()
        for field, value in fields.items()
    }
    settings = settings or Settings.from_env()
    level = settings.threat_level
    if level in THREAT_MEANINGS:
        values["threat_level_level"] = level
        values["threat_level_meaning"] = THREAT_MEANINGS[level]
    if settings.threat_level_as_of:
        values["threat_level_as_of"] = settings.threat_level_as_of
    # How long reports and conversations are kept (servator/records/retention.py), for the answers that say so.
    values["report_retention_days"] = str(settings.report_retention_days)
    values["conversation_retention_days"] = str(settings.conversation_retention_days)
    return values
