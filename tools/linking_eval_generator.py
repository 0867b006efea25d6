"""The linking evaluation set's generator: reports placed in time and space so that unrelated ones never
clash, and plates typed with the slips people make (tools/linking_eval.py says what the set holds)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import yaml

TEXTS = Path(__file__).with_name("linking_eval_texts.yml")
# The places of the patterns and decoys, as names the linking reads (linking_eval_places.yml says which is which).
_PLACES = yaml.safe_load(Path(__file__).with_name("linking_eval_places.yml").read_text(encoding="utf-8"))
PLACE_NAMES: list[list[str]] = _PLACES["place_names"]
NEARBY: list[list[str]] = _PLACES["nearby"]
VEHICLE_PLACES: list[str] = _PLACES["vehicle_places"]
FAR_AWAY: list[str] = _PLACES["far_away"]
BASE = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)
SPAN_DAYS = 730
PLATE_FIRST, PLATE_SECOND, PLATE_LETTERS = (
    "ABCDEFGHJKLMNOPRSTUVWXY",
    "ABCDEFGHJKLMNOPRSTUVWXYZ",
    "ABCDEFGHJKLMNOPRSTUVWXYZ",
)
AGES = "10 20 61 70 71 11 51 12 15 19 21 65 68 18 17 60 66 69".split()
# Letters read as another from a distance or typed for another on a phone (servator/linking/plate_keys.py).
LOOK_ALIKE = dict(zip("LMNUVEFPRCGDH", "INMVUFERPGCON"))
BACKGROUND_MIX = {
    "other": 0.35,
    "unattended_item": 0.2,
    "surveillance": 0.15,
    "acquiring_materials": 0.1,
    "expressed_threat": 0.1,
    "eliciting_information": 0.1,
}


RECON = {"surveillance", "eliciting_information", "testing_security"}
FAMILY = {
    **{category: "recon" for category in RECON},
    "unattended_item": "item",
    "acquiring_materials": "materials",
    "expressed_threat": "threat",
}


def spec(
    label: str | None,
    kind: str,
    location: str,
    occurred: datetime | None,
    category: str,
    description: str,
    people: str,
    **extra: Any,
) -> dict[str, Any]:
    """A report for Generator.add (or, with an `offset` in days, for Generator.plant)."""
    return {
        "label": label,
        "kind": kind,
        "location": location,
        "occurred": occurred,
        "category": category,
        "description": description,
        "people": people,
        **extra,
    }


@cache
def _named(name: str) -> Any:  # Any: reading.places.Place, imported lazily (it loads the gazetteer)
    from reading.entities import extract_entities
    from reading.places import lookup

    names = [e["value"] for e in extract_entities(name) if e["entity"] == "place"]
    return lookup(names[0]) if names else None


def where(name: str, point: list[float] | None = None) -> tuple[str | None, tuple[float, float] | None]:
    """(place id, point) of a location as the linking will read it."""
    place = _named(name)
    if point:
        return (place.id if place else None), (point[0], point[1])
    return (place.id if place else None), (place.point if place else None)


class Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.texts = yaml.safe_load(TEXTS.read_text(encoding="utf-8"))
        self.items: list[dict[str, Any]] = []
        # (label, place id, point, category family, time, scenario) of every report so far
        self.placed: list[tuple[Any, ...]] = []
        self.dropped = 0

    def clashes(
        self,
        label: str | None,
        location: str,
        occurred: datetime,
        category: str,
        point: list[float] | None = None,
        scenario: str | None = None,
    ) -> bool:
        """Would this report meet an unrelated one within 14 days at the same place with a similar category,
        or within 2.5 km telling the same planted scenario (another pattern doing the very same thing)?"""
        from servator.linking.geo import metres_between

        family = FAMILY.get(category)
        place_id, here = where(location, point)
        for other_label, other_id, there, other_family, other_time, other_scenario in self.placed:
            if (label and other_label == label) or abs((occurred - other_time).total_seconds()) > 14 * 86400:
                continue
            near = here and there and metres_between(*here, *there)
            if (
                family
                and other_family == family
                and ((place_id and place_id == other_id) or (near and near <= 300))
            ):
                return True
            if scenario and scenario == other_scenario and (near is None or near <= 2500):
                return True
        return False

    def pick(self, values: list[Any]) -> Any:
        return self.random.choice(values)

    def time(self, start: datetime | None = None, within_days: float = SPAN_DAYS) -> datetime:
        start = start or BASE
        return start + timedelta(minutes=self.random.randint(0, int(within_days * 24 * 60)))

    def add(
        self,
        label: str | None,
        kind: str,
        location: str,
        occurred: datetime,
        category: str,
        description: str,
        people: str,
        vehicle: str | None = None,
        postcode: str | None = None,
        point: list[float] | None = None,
        scenario: str | None = None,
    ) -> None:
        from reading.entities import normalise_registration

        occurred = occurred.replace(second=0, microsecond=0)
        place_id, here = where(location, point)
        self.placed.append((label, place_id, here, FAMILY.get(category), occurred, scenario))
        self.items.append(
            {
                "label": label,
                "kind": kind,
                "draft": {
                    "submission_key": f"eval-{len(self.items):04d}",
                    "category": category,
                    "description": description,
                    "location_text": location or None,
                    "location_postcode": postcode,
                    "latitude": point[0] if point else None,
                    "longitude": point[1] if point else None,
                    "occurred_text": occurred.strftime("%d %B %H:%M"),
                    "occurred_at": occurred.isoformat(),
                    "still_happening": self.random.random() < 0.2,
                    "people_description": people,
                    "vehicle_registration": normalise_registration(vehicle) if vehicle else None,
                    "vehicle_text": vehicle,
                    "sender_hash": f"{len(self.items):032x}",
                    "channel": "eval",
                },
            }
        )

    def plate(self) -> str:
        r = self.random
        return (
            r.choice(PLATE_FIRST)
            + r.choice(PLATE_SECOND)
            + r.choice(AGES)
            + " "
            + "".join(r.choice(PLATE_LETTERS) for _ in range(3))
        )

    def typed(self, plate: str, slip: str) -> str:
        """The plate as someone typed it: the slips people make."""
        area, letters = plate[:4], plate[5:]
        if slip == "format":
            return str(self.pick([plate.lower(), plate.replace(" ", ""), " ".join(plate.lower().split())]))
        if slip == "o0":
            return (
                area.replace("0", "O") + " " + letters
                if "0" in area
                else area + " " + letters.replace("O", "0")
            )
        if slip == "i1":
            return area[:2] + area[2:].replace("1", "I", 1) + " " + letters
        if slip == "one_char":
            position = self.random.randrange(3)
            wrong = str(self.pick([c for c in "BCDFGHKLMNPRSTVWXYZ" if c != letters[position]]))
            return area + " " + letters[:position] + wrong + letters[position + 1 :]
        if slip == "swap" and letters[0] != letters[1]:
            return area + " " + letters[1] + letters[0] + letters[2]
        if slip == "look_alike":
            return self._look_alike(plate)
        if slip == "partial":
            return str(
                self.pick(
                    [
                        f"{area} something",
                        f"{area.lower()} ... didn't get the rest",
                        f"ends in {letters}",
                        f"starts with {area}",
                        f"last three letters {letters}",
                    ]
                )
            )
        return plate

    def _look_alike(self, plate: str) -> str:
        """One letter read as the letter it looks like from a distance (L as I, M as N, D as O ...)."""
        area, letters = plate[:4], plate[5:]
        positions = [i for i, c in enumerate(letters) if c in LOOK_ALIKE]
        if not positions:
            return self.typed(plate, "one_char")
        i = self.pick(positions)
        return area + " " + letters[:i] + LOOK_ALIKE[letters[i]] + letters[i + 1 :]

    def vehicle_sentence(self, car: str, action: str | None = None) -> str:
        actions, details = self.texts["vehicle_actions"], self.texts["vehicle_details"]
        return f"A {car} {action or self.pick(actions)} {self.pick(details)}."

    def plant(self, window: float, label: str, kind: str, sightings: list[dict[str, Any]]) -> datetime:
        """Place a pattern's reports at a start time where none clashes with an unrelated report. Each
        sighting gives the report's fields (location, category, description, people, extras) and its
        `offset` in days from the start. Returns the start."""
        reports = [{"label": label, "kind": kind, **sighting} for sighting in sightings]
        for _ in range(200):
            start = BASE + timedelta(days=self.random.uniform(0, SPAN_DAYS - window))
            specs = [
                {
                    **{k: v for k, v in report.items() if k != "offset"},
                    "occurred": start + timedelta(days=report["offset"]),
                }
                for report in reports
            ]
            if not any(
                self.clashes(
                    **{key: spec[key] for key in ("label", "location", "occurred", "category")},
                    point=spec.get("point"),
                    scenario=spec.get("scenario"),
                )
                for spec in specs
            ):
                break
        for spec in specs:
            self.add(**spec)
        return start

    def place_unrelated(self, make: Callable[[], dict[str, Any]]) -> None:
        """Add one unrelated report (make() -> spec), drawn again while it clashes (left out after 200 draws)."""
        for _ in range(200):
            spec = make()
            if not self.clashes(
                None,
                spec["location"],
                spec["occurred"],
                spec["category"],
                spec.get("point"),
                spec.get("scenario"),
            ):
                self.add(**spec)
                return
        self.dropped += 1  # nowhere to put it apart from the rest: left out, and counted

    def background_text(self, category: str) -> str:
        parts = self.texts["background"][category]
        frame = self.pick(parts["frames"])
        slots = {name: self.pick(values) for name, values in parts.items() if name != "frames"}
        return " ".join(frame.format(**slots).split()).replace(" .", ".")

    def slot_start(self, index: int, count: int, window: float) -> datetime:
        """Patterns spread over the year: pattern `index` of `count` starts in its own slot."""
        slot = (SPAN_DAYS - window) / count
        return BASE + timedelta(days=(index + self.random.uniform(0, 0.6)) * slot)

    def scenario_text(self, name: str, index: int) -> dict[str, str]:
        scenario = self.texts["scenarios"][name]
        return {
            "category": scenario["category"],
            "description": scenario["descriptions"][index % len(scenario["descriptions"])],
            "people": scenario["people"][index % len(scenario["people"])],
        }
