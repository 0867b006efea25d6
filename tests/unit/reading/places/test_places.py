"""The London gazetteer (reading/places/gazetteer.yml): one file for the entity rules and for linking by place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reading.entities import extract_entities
from reading.places import GAZETTEER_FILE, KINDS, aliases, lookup, place_by_id, places

GREATER_LONDON = (51.28, 51.70, -0.52, 0.34)  # south, north, west, east

# Places whose lat/lon is null in reading/places/gazetteer.yml: no published point was found for them in the
# look-ups made for the gazetteer (Wikipedia and its copies, waymarking, wikimapia, the tubemaps table). They link
# by their id only, never by distance. A place leaves this list when a published point is added.
WITHOUT_POINT = {
    # Found: the address (49-51 Portland Place), in six look-ups; no page gave a point.
    "embassy-china": "no published point found",
    # Found: the address (30 Charles Street; Crewe House, Curzon Street); no point.
    "embassy-saudi-arabia": "no published point found",
    # Found: the address (Nigeria House, 9 Northumberland Avenue); no point.
    "high-commission-nigeria": "no published point found",
    # The only point found (london-here.com "GPS: 51.50079810, 0.14252330") lacks the minus of a
    # west longitude: read as published it is in east London, so it was not copied.
    "buckingham-palace": "only point found is published with the wrong sign",
    "st-jamess-palace": "no published point found",
    "victoria-embankment": "the copies found had the coordinates stripped",
    "smith-square": "no published point found",
    "cavendish-square": "no published point found",
    "portland-place": "no published point found",
    "queens-gate": "no published point found",
    "victoria-street": "only the point of the Victoria area was found, not the street's",
    "london-eye": "no published point found",
    "south-bank": "no published point found",
    "borough-market": "no published point found",
    "wembley-stadium": "no published point found",
    "kensington-gardens": "no published point found",
    # Wikipedia publishes 51°29'N 0°08'W (51.48, -0.14): to the minute, about 1 km either way, too
    # coarse for the 250 m place rule.
    "nine-elms": "only point found is too coarse (to the minute)",
    # Not looked up: the gazetteer's look-up budget (80) went to the places above.
    "chesham-place": "not looked up",
    # Its only page is Kensington Palace Gardens' article, which has no point of its own for it.
    "palace-green": "not looked up",
    # Outside Greater London, the bounds every point here is checked against; not looked up.
    "gatwick-airport": "not looked up (outside Greater London)",
}


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


def test_every_place_has_a_published_point_with_its_source_or_is_listed_without_one():
    ids = {place.id for place in places()}
    assert set(WITHOUT_POINT) <= ids, f"unknown ids in WITHOUT_POINT: {sorted(set(WITHOUT_POINT) - ids)}"
    for place in places():
        if place.point is None:
            assert place.id in WITHOUT_POINT, f"{place.id} has no point and is not listed in WITHOUT_POINT"
        else:
            assert place.id not in WITHOUT_POINT, f"{place.id} has a point now: take it off WITHOUT_POINT"
            assert place.source.startswith(("http://", "https://", "tubemaps (")), (place.id, place.source)


def test_no_spelling_names_two_places():
    owners: dict[str, set[str]] = {}
    for place in places():
        for form in aliases(place):
            owners.setdefault(form, set()).add(place.id)
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


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
        ("the Italian embassy", "embassy-italy"),
        ("Irish Embassy", "embassy-ireland"),
        ("the North Korean embassy", "embassy-north-korea"),
        ("New Zealand House", "high-commission-new-zealand"),
        ("Horse Guards", "horse-guards-parade"),
        ("Leicester Square station", "leicester-square-station"),
        ("Leicester Square", "leicester-square"),
        ("Tottenham Court Road", "tottenham-court-road"),
        ("Tottenham Court Rd", "tottenham-court-road"),
        ("Elephant & Castle", "elephant-and-castle"),
        ("St Pauls tube", "st-pauls-station"),
        ("St Paul's Cathedral", "st-pauls-cathedral"),
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
