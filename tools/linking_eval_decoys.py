"""The decoys and the background of the linking evaluation set: unrelated reports that look like a
pattern in one way, and ordinary reports anywhere (tools/linking_eval.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tools.linking_eval_generator import BACKGROUND_MIX, BASE, FAR_AWAY, SPAN_DAYS, Generator, spec, where

BACKGROUND = 110
UNRELATED = ["unattended_item", "acquiring_materials", "expressed_threat", "other"]


def _far_from(names: list[str], metres: float = 2500) -> list[str]:
    """The FAR_AWAY places more than `metres` from every one of `names`."""
    from servator.linking.geo import metres_between

    points = [point for _, point in map(where, names) if point]
    return [
        name
        for name in FAR_AWAY
        if (point := where(name)[1]) and all(metres_between(*point, *other) > metres for other in points)
    ]


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
