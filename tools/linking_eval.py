"""The labelled evaluation set for report linking: synthetic reports with planted patterns and decoys.

`python -m tools.linking_eval [--seed N] [--out FILE]` writes it as JSON. Fixed seeds make it
reproducible: EVAL_SEED is the set the figures are reported on (tests/data/linking_eval.json);
CALIBRATION_SEED is a second set of the same shape on which the description threshold is chosen.

Planted patterns (each report carries its pattern's label; unrelated reports carry none):
- vehicle: one car seen 2-4 times within 25 days at different places, the plate typed with the
  slips people make (spacing and case, O/0 and I/1, one wrong or two swapped characters);
- place: one place named differently each time ("KPG", "Kensington Palace Gdns", "the Russian
  embassy"), similar behaviour, within 12 days;
- description: the same behaviour told in other words at nearby places (< 2 km) within 12 days.
Decoys: the same place on an unrelated matter, the same car model with another plate, a plate one
character off on a different car, the same behaviour far away or weeks later; and background reports.

Unrelated reports are never placed at the same place with a similar category within 14 days: the
place rule links such a pair by design, so it would be a pattern, not a decoy (`Generator.clashes`).
Descriptions of unrelated reports are not kept apart: their similarity is what the description rule
must judge.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import yaml

TEXTS = Path(__file__).with_name("linking_eval_texts.yml")
EVAL_SEED, CALIBRATION_SEED = 11, 29
BASE = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)
SPAN_DAYS = 730
# Different names of one place, or of places within 250 m (points in reading/places/gazetteer.yml).
PLACE_NAMES = [
    ["Kensington Palace Gdns", "KPG, by the gates", "outside the Russian embassy"],
    ["US embassy", "the American Embassy in Nine Elms", "Embassy of the United States, SW11 7US"],
    ["Belgrave Sq", "German embassy", "the Turkish embassy"],
    ["Downing St", "10 Downing Street", "Whitehall by the Cenotaph"],
    ["Houses of Parliament", "Big Ben", "Palace of Westminster"],
    ["Trafalgar Sq", "Canada House", "South Africa House"],
    ["Israeli embassy", "Embassy of Israel", "the Israeli Embassy W8 4QB"],
    ["Paddington station", "London Paddington", "Paddington"],
    ["King's Cross", "St Pancras International", "kings cross station"],
    ["Iranian embassy", "Embassy of Iran, Prince's Gate", "the Iranian Embassy"],
    ["Pakistani High Commission", "High Commission of Pakistan", "Pakistan High Commission SW1X 9JN"],
    ["Westminster Station", "Parliament Square", "Westminster stn exit"],
    ["Victoria station", "London Victoria", "Victoria Station forecourt"],
    ["Japanese embassy", "Embassy of Japan on Piccadilly", "Japan Embassy"],
    ["French embassy", "Embassy of France, Knightsbridge", "the French Embassy"],
]
# Places within 2 km of each other but more than 250 m apart (for the description patterns).
NEARBY = [
    ["Grosvenor Square", "Bond Street", "Marble Arch"],
    ["Knightsbridge", "Hyde Park Corner", "Sloane Square"],
    ["Oxford Circus", "Piccadilly Circus", "Leicester Square"],
    ["Westminster Station", "Victoria station", "Trafalgar Square"],
    ["South Kensington", "Iranian embassy", "Knightsbridge"],
    ["Notting Hill Gate", "Holland Park", "Ukrainian embassy"],
    ["Euston", "King's Cross", "Baker Street"],
    ["Covent Garden", "India House", "Charing Cross"],
    ["Liverpool Street", "Bank Station", "Cannon Street Station"],
    ["Sloane Square", "German embassy", "Victoria station"],
    ["Embassy of Israel", "Kensington High Street", "KPG"],
    ["Paddington", "Marble Arch", "Baker Street"],
]
# Where the repeated cars are seen (none of them a place of PLACE_NAMES).
VEHICLE_PLACES = [
    "Canary Wharf",
    "Stratford",
    "Vauxhall",
    "Liverpool Street",
    "Ukrainian embassy",
    "Greek embassy",
    "Slovak embassy",
    "Euston",
    "Marylebone Station",
    "Cannon Street Station",
    "Blackfriars Station",
    "Sloane Square",
    "Bond Street",
    "India House",
    "Australia House",
    "Oxford Circus",
    "Chinese embassy",
    "Saudi embassy",
    "Nigerian High Commission",
    "Covent Garden",
]
FAR_AWAY = [
    "Canary Wharf",
    "Stratford",
    "Paddington",
    "Vauxhall",
    "US embassy",
    "Liverpool Street",
    "Holland Park",
    "King's Cross",
    "Notting Hill Gate",
    "Cannon Street Station",
]
PLATE_FIRST, PLATE_SECOND, PLATE_LETTERS = (
    "ABCDEFGHJKLMNOPRSTUVWXY",
    "ABCDEFGHJKLMNOPRSTUVWXYZ",
    "ABCDEFGHJKLMNOPRSTUVWXYZ",
)
AGES = [
    "10",
    "20",
    "61",
    "70",
    "71",
    "11",
    "51",
    "12",
    "15",
    "19",
    "21",
    "65",
    "68",
    "18",
    "17",
    "60",
    "66",
    "69",
]
# Letters read as another from a distance or typed for another on a phone (servator/linking/plate_keys.py).
LOOK_ALIKE = {
    "L": "I",
    "M": "N",
    "N": "M",
    "U": "V",
    "V": "U",
    "E": "F",
    "F": "E",
    "P": "R",
    "R": "P",
    "C": "G",
    "G": "C",
    "D": "O",
    "H": "N",
}
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

    def plant(self, window: float, reports: list[dict[str, Any]]) -> datetime:
        """Place a pattern at a start time where none of its reports clashes with an unrelated one; each
        report gives its `offset` in days from the start. Returns the start."""
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


def build(seed: int) -> list[dict[str, Any]]:
    from tools.linking_eval_patterns import (
        background,
        decoys,
        description_patterns,
        place_patterns,
        vehicle_patterns,
    )

    generator = Generator(seed)
    plants: dict[str, Any] = {}
    for make in (vehicle_patterns, place_patterns, description_patterns):
        plants.update(make(generator))
    decoys(generator, plants)
    background(generator)
    generator.random.shuffle(generator.items)
    for number, item in enumerate(generator.items):
        item["draft"]["submission_key"] = f"eval-{seed}-{number:04d}"
    return generator.items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=EVAL_SEED)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    text = json.dumps(build(args.seed), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
