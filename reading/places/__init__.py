"""The London gazetteer (reading/places/gazetteer.yml): canonical places, the names people use, published points.

One data file serves the entity rules (reading/entities.py: every name and alias is a phrase pattern
whose value is the place's canonical name) and the linking of reports by place
(servator/linking: canonical id and latitude/longitude). Ambiguous one-word names ("Bank",
"Victoria", "The Mall") are only listed in an unambiguous form ("Bank Station").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reading.yaml_data import read_yaml

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.yml")
KINDS = frozenset(
    {
        "embassy",
        "high_commission",
        "parliament",
        "government",
        "royal",
        "station",
        "square",
        "street",
        "area",
        "park",
        "landmark",
        "bridge",
        "airport",
    }
)
_SUFFIXES = {
    "square": ["sq", "sq."],
    "street": ["st", "st."],
    "road": ["rd", "rd."],
    "station": ["stn", "tube", "tube station"],
    "gardens": ["gdns", "gdns."],
    "airport": [""],
}
_TOO_AMBIGUOUS = {
    "bank",
    "victoria",
    "embankment",
    "westminster tube",
    "bank tube",
    "london",
    "parliament st",
    "city",  # "City Airport" without "airport": "the City", "White City", "City Hall"
}


@dataclass(frozen=True)
class Place:
    """One place: canonical id and name, what kind of place, other names, a published point and its source."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    lat: float | None
    lon: float | None
    source: str

    @property
    def point(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None


def _place(entry: dict[str, Any]) -> Place:
    lat, lon = entry.get("lat"), entry.get("lon")
    place = Place(
        id=str(entry["id"]),
        name=str(entry["name"]),
        kind=str(entry["kind"]),
        aliases=tuple(str(alias) for alias in entry.get("aliases") or ()),
        lat=None if lat is None else float(lat),
        lon=None if lon is None else float(lon),
        source=str(entry.get("source") or ""),
    )
    if place.kind not in KINDS:
        raise ValueError(f"gazetteer: {place.id} has an unknown kind {place.kind!r}")
    if (place.lat is None) != (place.lon is None):
        raise ValueError(f"gazetteer: {place.id} has only one of lat/lon")
    return place


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every place in the file, in file order (ids and names are unique)."""
    data = read_yaml(GAZETTEER_FILE)
    loaded = tuple(_place(entry) for entry in data["places"])
    for attribute in ("id", "name"):
        values = [getattr(place, attribute) for place in loaded]
        duplicates = {value for value in values if values.count(value) > 1}
        if duplicates:
            raise ValueError(f"gazetteer: duplicate {attribute}s {sorted(duplicates)}")
    return loaded


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Place]:
    """id, canonical name and every spelling of every name (lower case) -> place."""
    index: dict[str, Place] = {}
    for place in places():
        index[place.id] = place
        for form in aliases(place):
            index.setdefault(form, place)
    return index


def place_by_id(place_id: str) -> Place | None:
    place = _by_key().get(place_id)
    return place if place is not None and place.id == place_id else None


def lookup(name: str | None) -> Place | None:
    """The place a canonical name, alias or spelling variant names (case-insensitive), else None."""
    if not name:
        return None
    return _by_key().get(" ".join(name.lower().replace("’", "'").split()))


def _variants(name: str) -> list[str]:
    """Lower-case ways people type one name: with/without apostrophes, "st"/"saint", "sq", "stn"…"""
    base = name.lower()
    forms = {base, base.replace("'", ""), base.replace("'s", "s")}
    if base.startswith("the "):
        forms.add(base[4:])
    elif base.endswith(("embassy", "high commission")) or base.startswith(
        ("embassy of", "high commission of")
    ):
        forms.add("the " + base)
    for form in list(forms):
        if form.startswith("st "):
            forms |= {"saint " + form[3:], "st. " + form[3:]}
        forms.add(form.replace("st james's", "st james"))
        last = form.rsplit(" ", 1)[-1]
        for replacement in _SUFFIXES.get(last, []):
            forms.add((form.rsplit(" ", 1)[0] + " " + replacement).strip())
        if last == "station":
            forms.add(form.rsplit(" ", 1)[0] + " train station")
    return [form for form in forms if form and form not in _TOO_AMBIGUOUS]


def aliases(place: Place | str) -> list[str]:
    """Every lower-case form of a place's name and aliases (a canonical name may be given instead)."""
    if isinstance(place, str):
        found = next((p for p in places() if p.name == place), None)
        if found is None:
            return sorted(_variants(place))
        place = found
    forms = set()
    for name in (place.name, *place.aliases):
        forms.update(_variants(name))
    return sorted(forms)


def canonical_names() -> dict[str, str]:
    """alias -> canonical name (for tests and tools)."""
    return {form: place.name for place in places() for form in aliases(place)}


PLACES: tuple[str, ...] = tuple(place.name for place in places())
