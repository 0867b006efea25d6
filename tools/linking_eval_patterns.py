"""The planted patterns, decoys and background of the linking evaluation set (see tools/linking_eval.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tools.linking_eval import (
    BACKGROUND_MIX,
    BASE,
    FAR_AWAY,
    NEARBY,
    PLACE_NAMES,
    SPAN_DAYS,
    VEHICLE_PLACES,
    Generator,
    where,
)

VEHICLE_PATTERNS, PLACE_PATTERNS, DESCRIPTION_PATTERNS, BACKGROUND = 26, 15, 15, 110
SLIPS = ["format", "o0", "i1", "one_char", "swap", "exact", "look_alike", "look_alike", "partial", "partial"]
MISREAD_SLIPS = ("one_char", "swap", "look_alike")
NEAR_SLIPS = (*MISREAD_SLIPS, "partial")
UNRELATED = ["unattended_item", "acquiring_materials", "expressed_threat", "other"]


def _point_near(generator: Generator, name: str) -> list[float] | None:
    """A Telegram-style shared point within ~35 m of a named place (None when the place has no point)."""
    _, point = where(name)
    if point is None:
        return None
    north, east = generator.random.uniform(-0.0003, 0.0003), generator.random.uniform(-0.0003, 0.0003)
    return [round(point[0] + north, 6), round(point[1] + east, 6)]


def _far_from(names: list[str], metres: float = 2500) -> list[str]:
    """The FAR_AWAY places more than `metres` from every one of `names`."""
    from servator.linking.geo import metres_between

    points = [point for _, point in map(where, names) if point]
    return [
        name
        for name in FAR_AWAY
        if (point := where(name)[1]) and all(metres_between(*point, *other) > metres for other in points)
    ]


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
        start = generator.plant(
            25,
            [
                spec(
                    label,
                    "vehicle",
                    places[i],
                    None,  # occurred: set by plant() from the offset
                    categories[i],
                    texts[i],
                    "two men in the front",
                    vehicle=vehicles[i],
                    offset=offsets[i],
                )
                for i in range(count)
            ],
        )
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
        start = generator.plant(
            14,
            [
                spec(
                    label,
                    "place",
                    "shared location" if points[i] else names[i],
                    None,  # occurred: set by plant() from the offset
                    categories[i],
                    texts[i]["description"],
                    texts[i]["people"],
                    point=points[i],
                    scenario=scenario,
                    offset=offsets[i],
                )
                for i in range(len(names))
            ],
        )
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
        start = generator.plant(
            14,
            [
                spec(
                    label,
                    "description",
                    places[i],
                    None,  # occurred: set by plant() from the offset
                    texts[i]["category"],
                    texts[i]["description"],
                    texts[i]["people"],
                    scenario=scenario,
                    offset=offsets[i],
                )
                for i in range(3)
            ],
        )
        plants[label] = {"scenario": scenario, "places": places, "start": start}
    return plants


def decoys(generator: Generator, plants: dict[str, Any]) -> None:
    people = generator.texts["background_people"]

    def unrelated(
        kind: str, locations: list[str], start: datetime, low: float, high: float, **extra: Any
    ) -> None:
        def make() -> dict[str, Any]:
            category = extra.get("category") or generator.pick(UNRELATED)
            return spec(
                None,
                kind,
                generator.pick(locations),
                start + timedelta(days=generator.random.uniform(low, high)),
                category,
                extra.get("description") or generator.background_text(category),
                generator.pick(people),
                **{key: value for key, value in extra.items() if key not in ("category", "description")},
            )

        generator.place_unrelated(make)

    for label, plant in plants.items():
        if label.startswith("place-"):  # the same place, an unrelated matter, inside the window
            for name in generator.random.sample(plant["names"], 2):
                unrelated("decoy-same-place", [name], plant["start"], -5, 12)
        elif label.startswith("vehicle-") and not plant["plate"].startswith("CD"):
            car = plant["car"]
            unrelated(
                "decoy-same-model",
                FAR_AWAY,
                plant["start"],
                0,
                20,
                category="surveillance",
                description=generator.vehicle_sentence(f"{car['colour']} {car['make']}"),
                vehicle=f"{car['colour']} {car['make']} {car['model']} {generator.plate()}",
            )
            other = generator.pick(
                [
                    v
                    for v in generator.texts["vehicles"]
                    if v["colour"] != car["colour"] and v["make"] != car["make"]
                ]
            )
            near = generator.typed(plant["plate"], "one_char")
            while near.replace(" ", "") in plant["typed"]:
                near = generator.typed(plant["plate"], "one_char")
            unrelated(
                "decoy-near-plate",
                FAR_AWAY,
                plant["start"],
                0,
                20,
                vehicle=f"{other['colour']} {other['make']} {near}",
            )
            look_alike = generator.typed(plant["plate"], "look_alike")
            third = generator.pick(
                [
                    v
                    for v in generator.texts["vehicles"]
                    if v["colour"] not in (car["colour"], other["colour"])
                ]
            )
            if look_alike.replace(" ", "") not in plant["typed"] and look_alike != near:
                unrelated(
                    "decoy-look-alike",
                    FAR_AWAY,
                    plant["start"],
                    0,
                    20,
                    category="surveillance",
                    vehicle=f"{third['colour']} {third['make']} {third['model']} {look_alike}",
                )
            # Another car that starts like this one: it fits "KX19 something" but agrees in nothing else.
            letters = generator.plate()[5:]
            while sum(a == b for a, b in zip(letters, plant["plate"][5:])) > 1:
                letters = generator.plate()[5:]
            unrelated(
                "decoy-partial-plate",
                FAR_AWAY,
                plant["start"],
                0,
                20,
                vehicle=f"{other['colour']} {other['make']} {plant['plate'][:5]}{letters}",
            )
        elif label.startswith("description-"):  # the same behaviour far away, or weeks later nearby
            for kind, locations, low, high in (
                ("decoy-far", _far_from(plant["places"]), 0, 12),
                ("decoy-later", plant["places"], 40, 60),
            ):
                text = generator.scenario_text(plant["scenario"], generator.random.randrange(4))
                unrelated(
                    kind,
                    locations,
                    plant["start"],
                    low,
                    high,
                    category=text["category"],
                    description=text["description"],
                    scenario=plant["scenario"],
                )


def background(generator: Generator, count: int = BACKGROUND) -> None:
    """Ordinary unrelated reports anywhere and any time (some with a car, some at places the gazetteer
    does not know, some with no place at all)."""
    from reading.places import places

    named = [place.name for place in places()]
    categories, weights = list(BACKGROUND_MIX), list(BACKGROUND_MIX.values())

    def make() -> dict[str, Any]:
        category = generator.random.choices(categories, weights)[0]
        roll, postcode, vehicle = generator.random.random(), None, None
        if roll < 0.12:
            unknown = generator.pick(generator.texts["unknown_places"])
            location, postcode = unknown["text"], unknown.get("postcode")
        else:
            location = "" if roll < 0.16 else generator.pick(named)  # "": not given
        if generator.random.random() < 0.25:
            car = generator.pick(generator.texts["vehicles"])
            vehicle = f"{car['colour']} {car['make']} {generator.plate()}"
        return spec(
            None,
            "background",
            location,
            generator.time(BASE - timedelta(days=10), SPAN_DAYS + 10),
            category,
            generator.background_text(category),
            generator.pick(generator.texts["background_people"]),
            vehicle=vehicle,
            postcode=postcode,
        )

    for _ in range(count):
        generator.place_unrelated(make)
