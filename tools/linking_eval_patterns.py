"""The planted patterns of the linking evaluation set: one car, one place, one behaviour (tools/linking_eval.py)."""

from __future__ import annotations

from typing import Any

from tools.linking_eval_generator import NEARBY, PLACE_NAMES, VEHICLE_PLACES, Generator, where

VEHICLE_PATTERNS, PLACE_PATTERNS, DESCRIPTION_PATTERNS = 26, 15, 15
SLIPS = ["format", "o0", "i1", "one_char", "swap", "exact", "look_alike", "look_alike", "partial", "partial"]
MISREAD_SLIPS = ("one_char", "swap", "look_alike")
NEAR_SLIPS = (*MISREAD_SLIPS, "partial")


def _point_near(generator: Generator, name: str) -> list[float] | None:
    """A Telegram-style shared point within ~35 m of a named place (None when the place has no point)."""
    _, point = where(name)
    if point is None:
        return None
    north, east = generator.random.uniform(-0.0003, 0.0003), generator.random.uniform(-0.0003, 0.0003)
    return [round(point[0] + north, 6), round(point[1] + east, 6)]


def vehicle_patterns(generator: Generator) -> dict[str, Any]:
    plants: dict[str, Any] = {}
    for number in range(VEHICLE_PATTERNS):
        label = f"vehicle-{number:02d}"
        car = generator.pick(generator.texts["vehicles"])
        car_words, short = f"{car['colour']} {car['make']} {car['model']}", f"{car['colour']} {car['make']}"
        foreign = number == VEHICLE_PATTERNS - 1
        plate = "CD 123 AB" if foreign else generator.plate()
        places = generator.random.sample(VEHICLE_PLACES, 4)
        actions = generator.texts["vehicle_actions"]
        count, action = generator.pick([2, 3, 3, 4]), actions[number % len(actions)]
        slips = ["exact"] + [("exact" if foreign else generator.pick(SLIPS)) for _ in range(count - 1)]
        if "partial" in slips:  # part of a plate is compared exactly: the other sightings read it right
            slips = ["format" if slip in MISREAD_SLIPS else slip for slip in slips]
        offsets = [0.0] + [generator.random.uniform(0, 25) for _ in range(count - 1)]
        categories = [
            generator.pick(["surveillance", "surveillance", "testing_security"]) for _ in range(count)
        ]
        texts = [generator.vehicle_sentence(short, action) for _ in range(count)]
        # A plate typed one character off links only when both reports describe the car (make or colour):
        # such a pattern names the car every time; otherwise a report may give the plate alone.
        described = any(slip in NEAR_SLIPS for slip in slips)
        vehicles, typed_plates = [], set()
        for slip in slips:
            typed = plate if foreign else generator.typed(plate, slip)
            typed_plates.add("".join(typed.upper().split()))
            vehicles.append(
                f"{car_words}, French plates {typed}"
                if foreign
                else generator.pick(
                    [
                        f"{car_words} {typed}",
                        f"{car_words}, reg {typed}",
                        f"{short} {typed}" if described else typed,
                    ]
                )
            )
        sightings = [
            {"location": places[i], "category": categories[i], "description": texts[i]}
            | {"people": "two men in the front", "vehicle": vehicles[i], "offset": offsets[i]}
            for i in range(count)
        ]
        start = generator.plant(25, label, "vehicle", sightings)
        plants[label] = {
            "car": car,
            "plate": plate,
            "start": start,
            "typed": typed_plates,
            "partial": "partial" in slips,
        }
    return plants


def place_patterns(generator: Generator) -> dict[str, Any]:
    plants: dict[str, Any] = {}
    scenarios = list(generator.texts["scenarios"])
    for number in range(PLACE_PATTERNS):
        label = f"place-{number:02d}"
        names = generator.random.sample(PLACE_NAMES[number % len(PLACE_NAMES)], 3)
        scenario = scenarios[(number + 6) % len(scenarios)]
        family = generator.pick(
            [
                ["surveillance", "eliciting_information"],
                ["surveillance", "testing_security"],
                ["eliciting_information"],
                ["surveillance"],
            ]
        )
        texts = [generator.scenario_text(scenario, generator.random.randrange(4)) for _ in names]
        points = [_point_near(generator, name) if generator.random.random() < 0.2 else None for name in names]
        categories = [generator.pick(family) for _ in names]
        offsets = [0.0] + [generator.random.uniform(0, 12) for _ in names[1:]]
        sightings = [
            {"location": "shared location" if points[i] else names[i], "point": points[i]}
            | {"category": categories[i], "scenario": scenario, "offset": offsets[i]}
            | {key: texts[i][key] for key in ("description", "people")}
            for i in range(len(names))
        ]
        start = generator.plant(14, label, "place", sightings)
        plants[label] = {"names": names, "start": start}
    return plants


def description_patterns(generator: Generator) -> dict[str, Any]:
    plants: dict[str, Any] = {}
    scenarios = list(generator.texts["scenarios"])
    for number in range(DESCRIPTION_PATTERNS):
        label = f"description-{number:02d}"
        scenario, places = scenarios[number % len(scenarios)], NEARBY[number % len(NEARBY)]
        texts = [generator.scenario_text(scenario, index) for index in range(3)]
        offsets = [0.0] + [generator.random.uniform(0, 12) for _ in range(2)]
        sightings = [
            {"location": places[i], "scenario": scenario, "offset": offsets[i]}
            | {key: texts[i][key] for key in ("category", "description", "people")}
            for i in range(3)
        ]
        start = generator.plant(14, label, "description", sightings)
        plants[label] = {"scenario": scenario, "places": places, "start": start}
    return plants
