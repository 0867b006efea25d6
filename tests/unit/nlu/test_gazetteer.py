"""The London gazetteer (nlu/gazetteer.yml): one file for the entity rules and for linking by place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nlu.entities import extract_entities
from nlu.places import GAZETTEER_FILE, KINDS, aliases, lookup, place_by_id, places

GREATER_LONDON = (51.28, 51.70, -0.52, 0.34)  # south, north, west, east


def test_every_place_has_an_id_a_kind_and_a_source_and_its_point_is_in_london():
    loaded = places()
    assert len(loaded) >= 100
    for place in loaded:
        assert place.id and place.name and place.kind in KINDS, place
        assert place.source, f"{place.id} has no source"
        if place.point:
            south, north, west, east = GREATER_LONDON
            assert south < place.point[0] < north and west < place.point[1] < east, place.id
    assert len({p.id for p in loaded}) == len(loaded) and len({p.name for p in loaded}) == len(loaded)


def test_embassies_high_commissions_parliament_whitehall_and_stations_are_covered():
    kinds = {place.kind for place in places()}
    assert {"embassy", "high_commission", "parliament", "government", "station"} <= kinds
    for place_id in (
        "embassy-russia",
        "embassy-usa",
        "embassy-china",
        "high-commission-india",
        "houses-of-parliament",
        "whitehall",
        "downing-street",
        "kings-cross",
        "victoria-station",
        "waterloo-station",
    ):
        assert place_by_id(place_id) is not None, place_id
    with_points = [
        place for place in places() if place.kind in ("embassy", "high_commission", "station") and place.point
    ]
    assert len(with_points) >= 30


@pytest.mark.parametrize(
    "said,place_id",
    [
        ("Kensington Palace Gardens", "kensington-palace-gardens"),
        ("Kensington Palace Gdns", "kensington-palace-gardens"),
        ("KPG", "kensington-palace-gardens"),
        ("the Russian embassy", "embassy-russia"),
        ("American Embassy", "embassy-usa"),
        ("big ben", "houses-of-parliament"),
        ("10 Downing Street", "downing-street"),
        ("the cenotaph", "whitehall"),
        ("Indian High Commission", "high-commission-india"),
    ],
)
def test_names_and_aliases_resolve_to_one_canonical_place(said, place_id):
    assert lookup(said).id == place_id
    [entity] = [e for e in extract_entities(f"outside {said} this morning") if e["entity"] == "place"]
    assert lookup(entity["value"]).id == place_id, "the entity rules read the same file"


def test_the_russian_embassy_is_within_250_m_of_kensington_palace_gardens_and_the_israeli_one_is_not():
    from servator.linking.geo import metres_between

    kpg = place_by_id("kensington-palace-gardens").point
    assert metres_between(*kpg, *place_by_id("embassy-russia").point) < 250
    assert metres_between(*kpg, *place_by_id("embassy-israel").point) > 250


def test_spelling_variants_come_from_one_rule():
    forms = aliases(place_by_id("grosvenor-square"))
    assert {"grosvenor square", "grosvenor sq"} <= set(forms)
    assert "the embassy of russia" in aliases(place_by_id("embassy-russia"))
    assert "bank" not in {form for place in places() for form in aliases(place)}, "too ambiguous"


def test_nlu_imports_nothing_from_servator():
    root = Path(GAZETTEER_FILE).parent
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] == "servator"]
    assert offenders == []
