"""Distances and grid cells for place pre-filtering (WGS84, London latitudes)."""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_000.0
PLACE_CELL_DEG = 0.0025  # ~280 m north-south, ~170 m east-west in London
AREA_CELL_DEG = 0.02  # ~2.2 km north-south, ~1.4 km east-west


def metres_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def cell(lat: float | None, lon: float | None, size: float) -> str | None:
    if lat is None or lon is None:
        return None
    return f"{math.floor(lat / size)}:{math.floor(lon / size)}"


def box(lat: float, lon: float, metres: float) -> tuple[float, float, float, float]:
    """(south, north, west, east): the latitude/longitude box around a circle of `metres`."""
    dlat = metres / 111_320.0
    dlon = metres / (111_320.0 * max(0.1, math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def cells_within(lat: float, lon: float, metres: float, size: float) -> list[str]:
    """Every cell of `size` degrees that holds a point within `metres` of (lat, lon)."""
    dlat = metres / 111_320.0
    dlon = metres / (111_320.0 * max(0.1, math.cos(math.radians(lat))))
    rows = range(math.floor((lat - dlat) / size), math.floor((lat + dlat) / size) + 1)
    columns = range(math.floor((lon - dlon) / size), math.floor((lon + dlon) / size) + 1)
    return [f"{row}:{column}" for row in rows for column in columns]
