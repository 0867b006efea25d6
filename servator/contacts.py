"""The contacts table: one YAML file, flattened to {situation_field} template values."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path

import yaml

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


def template_values(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Flatten the table to {situation_field: value}, applying the threat-level overrides."""
    values = {
        f"{situation}_{field}": str(value)
        for situation, fields in load_table().items()
        for field, value in fields.items()
    }
    level = env.get("THREAT_LEVEL", "").strip().lower()
    if level in THREAT_MEANINGS:
        values["threat_level_level"] = level
        values["threat_level_meaning"] = THREAT_MEANINGS[level]
    if env.get("THREAT_LEVEL_AS_OF", "").strip():
        values["threat_level_as_of"] = env["THREAT_LEVEL_AS_OF"].strip()
    return values
