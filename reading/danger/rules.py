"""Vocabulary and token patterns of the danger detector (data only; the logic is in danger.py).

Labels in UPPER case are cues that only change how a sentence is read (negation, urgency,
question, past, harmless context); lower-case labels are dangers and become DangerResult.reasons.
The words and phrases are data in reading/danger/vocabulary.yml (reading/danger/words.py loads them);
the token patterns are in reading/danger/patterns.py (dangers) and reading/danger/cues.py (cues).
"""

from __future__ import annotations

from typing import Any

from reading.danger.asides import ASIDE_PATTERNS, HEIRLOOM_PATTERNS
from reading.danger.casualty import CASUALTY_CUES, EXPLOSIVE, INJURY, RAM_PATTERNS, VEHICLE_MOTION
from reading.danger.compound import (
    COMPOUND_PATTERNS,
    FIRE_PATTERNS,
    SET_ALIGHT_PATTERNS,
    THREAT_PATTERNS,
)
from reading.danger.cues import CUE_PATTERNS
from reading.danger.frame_cues import FRAME_PATTERNS
from reading.danger.harm import IN_PROGRESS_PATTERNS
from reading.danger.harmless import HARMLESS_PATTERNS
from reading.danger.hazards import HAZARD_PATTERNS, IMPROVISED, THREAT_NOTES, WOUNDS
from reading.danger.pastimes import PASTIME_PATTERNS
from reading.danger.patterns import BREAKING_IN, DANGER_PATTERNS
from reading.danger.words import CONTAINERS, PERSON, PHRASES, VEHICLES

__all__ = [
    "CONTAINERS",
    "FIRING",
    "PATTERNS",
    "PERSON",
    "PHRASES",
    "SUSPECT_ITEM",
    "SUSPICIOUS_ACT",
    "VEHICLES",
]

# Dangers that fire on their own (unless negated, asked about, in the past or harmless context).
FIRING = (
    "weapon",
    "explosive",
    "attack_in_progress",
    "threat",
    "injury",
    "fire",
    "vehicle_attack",
    "intrusion",
)
# Dangers that need a cue: an item needs presence/urgency or an anomaly; an act needs urgency.
SUSPECT_ITEM, SUSPICIOUS_ACT = "suspect_item_now", "suspicious_act_now"

# Every label's patterns, in the order the matcher has always been given them.
_ORDER = (
    "weapon",
    "explosive",
    "attack_in_progress",
    "threat",
    "injury",
    "vehicle_attack",
    "ACT",
    "CLIMB",
    "VEHICLE_MOTION",
    "PRESENCE",
    "SUSPECT_ADJ",
    "intrusion",
    "THROWN",
    "LEFT_ITEM",
    "OWNERLESS",
    "HERE_NOW",
    "PAST",
    "NONTHREAT",
    "HEIRLOOM",
    "fire",
    *COMPOUND_PATTERNS,
    *CASUALTY_CUES,
    *HAZARD_PATTERNS,
    *FRAME_PATTERNS,
)
_ALL = {
    **DANGER_PATTERNS,
    **CUE_PATTERNS,
    **COMPOUND_PATTERNS,
    **CASUALTY_CUES,
    **HAZARD_PATTERNS,
    **FRAME_PATTERNS,
    "weapon": DANGER_PATTERNS["weapon"] + IMPROVISED,
    "explosive": DANGER_PATTERNS["explosive"] + EXPLOSIVE,
    "injury": DANGER_PATTERNS["injury"] + INJURY + WOUNDS,
    "VEHICLE_MOTION": CUE_PATTERNS["VEHICLE_MOTION"] + VEHICLE_MOTION,
    "ACT": CUE_PATTERNS["ACT"] + BREAKING_IN,
    "threat": DANGER_PATTERNS["threat"] + THREAT_PATTERNS + THREAT_NOTES,
    "attack_in_progress": DANGER_PATTERNS["attack_in_progress"] + IN_PROGRESS_PATTERNS,
    "vehicle_attack": DANGER_PATTERNS["vehicle_attack"] + RAM_PATTERNS,
    "fire": FIRE_PATTERNS + SET_ALIGHT_PATTERNS,
    "NONTHREAT": CUE_PATTERNS["NONTHREAT"] + HARMLESS_PATTERNS + PASTIME_PATTERNS + ASIDE_PATTERNS,
    "HEIRLOOM": HEIRLOOM_PATTERNS,
}
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {label: _ALL[label] for label in _ORDER}
