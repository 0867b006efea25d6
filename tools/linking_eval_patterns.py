"""The planted patterns of the linking evaluation set: one car, one place, one behaviour (tools/linking_eval.py)."""

from __future__ import annotations

from collections.abc import Callable
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


def _offsets(generator: Generator, count: int, days: float) -> list[float]:
    """When each of `count` sightings happens: the first at 0, the others within `days` of it."""
    return [0.0] + [generator.random.uniform(0, days) for _ in range(count - 1)]


def _vehicle(generator: Generator, number: int, label: str) -> dict[str, Any]:
    """One car seen 2-4 times, its plate typed with people's slips."""
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
    offsets = _offsets(generator, count, 25)
    categories = [generator.pick(["surveillance", "surveillance", "testing_security"]) for _ in range(count)]
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
    return {"car": car, "plate": plate, "start": start, "typed": typed_plates, "partial": "partial" in slips}


def _place(generator: Generator, number: int, label: str) -> dict[str, Any]:
    """One place named differently each time, with similar behaviour."""
    names = generator.random.sample(PLACE_NAMES[number % len(PLACE_NAMES)], 3)
    scenarios = list(generator.texts["scenarios"])
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
    offsets = _offsets(generator, len(names), 12)
    sightings = [
        {"location": "shared location" if points[i] else names[i], "point": points[i]}
        | {"category": categories[i], "scenario": scenario, "offset": offsets[i]}
        | {key: texts[i][key] for key in ("description", "people")}
        for i in range(len(names))
    ]
    start = generator.plant(14, label, "place", sightings)
    return {"names": names, "start": start}


def _description(generator: Generator, number: int, label: str) -> dict[str, Any]:
    """The same behaviour told in other words at nearby places."""
    scenarios = list(generator.texts["scenarios"])
    scenario, places = scenarios[number % len(scenarios)], NEARBY[number % len(NEARBY)]
    texts = [generator.scenario_text(scenario, index) for index in range(3)]
    offsets = _offsets(generator, 3, 12)
    sightings = [
        {"location": places[i], "scenario": scenario, "offset": offsets[i]}
        | {key: texts[i][key] for key in ("category", "description", "people")}
        for i in range(3)
    ]
    start = generator.plant(14, label, "description", sightings)
    return {"scenario": scenario, "places": places, "start": start}


Plant = Callable[[Generator, int, str], dict[str, Any]]
# (label prefix, how many, how one is planted), in the order they draw from the generator.
KINDS: tuple[tuple[str, int, Plant], ...] = (
    ("vehicle", VEHICLE_PATTERNS, _vehicle),
    ("place", PLACE_PATTERNS, _place),
    ("description", DESCRIPTION_PATTERNS, _description),
)


def patterns(generator: Generator) -> dict[str, Any]:
    """Every planted pattern by its label ("vehicle-00", "place-03", ...): what the scoring needs of it."""
    plants: dict[str, Any] = {}
    for kind, count, plant in KINDS:
        for number in range(count):
            label = f"{kind}-{number:02d}"
            plants[label] = plant(generator, number, label)
    return plants
