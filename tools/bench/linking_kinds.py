"""Precision and recall per link kind on the evaluation set: same plate, misread plate (one character or
a swap apart), partial plate, place, description.

A direct link's kind is its rule, and for the vehicle rule its score (servator/linking/vehicle_rules.py:
0.75 same plate, 0.5 partial plate, the scores between them a misread plate). A true pair's kind is
what the two reports give: inside a repeated-vehicle pattern, the same plate key, two keys one
character or swap apart, or a whole plate and a partial one that fits it (two partial plates, or a
partial one beside a misread whole plate, are left out: they connect only through the cluster); inside a place or description pattern, that kind. Precision: the
share of links of the kind that join a true pair; recall: the share of true pairs of the kind joined by
a link of that kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

Pair = tuple[str, str]
SAME, MISREAD, PARTIAL = "same plate", "misread plate", "partial plate"
KINDS = (SAME, MISREAD, PARTIAL, "place", "description")


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def link_kind(rule: str, score: float) -> str:
    from servator.linking.vehicle_rules import PARTIAL as PARTIAL_SCORE
    from servator.linking.vehicle_rules import SAME as SAME_SCORE

    if rule != "vehicle":
        return rule
    if score >= SAME_SCORE:
        return SAME
    return PARTIAL if score <= PARTIAL_SCORE else MISREAD


def stored_kinds(sessions: Callable[[], Session]) -> dict[Pair, set[str]]:
    from servator.storage import Report, ReportLink

    mine, theirs = aliased(Report), aliased(Report)
    found: dict[Pair, set[str]] = {}
    with sessions() as session:
        for a, b, rule, score in session.execute(
            select(mine.reference, theirs.reference, ReportLink.rule, ReportLink.score)
            .join(mine, mine.id == ReportLink.report_id)
            .join(theirs, theirs.id == ReportLink.other_id)
        ):
            found.setdefault(_pair(a, b), set()).add(link_kind(rule, float(score)))
    return found


def _plates(sessions: Callable[[], Session]) -> dict[str, tuple[str | None, str | None]]:
    from servator.storage import ReportFeatures

    with sessions() as session:
        rows = session.execute(
            select(ReportFeatures.reference, ReportFeatures.registration_key, ReportFeatures.partial_plate)
        )
        return {reference: (key, partial) for reference, key, partial in rows}


def true_kind(label: str, a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> str | None:
    from servator.linking.features import partial_of
    from servator.linking.plate_keys import difference, fits

    if not label.startswith("vehicle-"):
        return label.split("-", 1)[0]
    (key_a, partial_a), (key_b, partial_b) = a, b
    if key_a and key_b:
        if key_a == key_b:
            return SAME
        return MISREAD if difference(key_a, key_b) else None
    key, partial = (key_a, partial_of(partial_b)) if key_a else (key_b, partial_of(partial_a))
    return PARTIAL if key and partial and fits(partial, key) else None


def by_kind(sessions: Callable[[], Session], labels: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    """{kind: {links, precision, true_pairs, recall}} on a linked evaluation set."""
    import itertools

    plates, links = _plates(sessions), stored_kinds(sessions)
    groups: dict[str, list[str]] = {}
    for reference, label in labels.items():
        if label:
            groups.setdefault(label, []).append(reference)
    truth: dict[Pair, str] = {}
    for label, members in groups.items():
        for a, b in itertools.combinations(members, 2):
            kind = true_kind(label, plates.get(a, (None, None)), plates.get(b, (None, None)))
            if kind:
                truth[_pair(a, b)] = kind
    true_pairs = {_pair(a, b) for members in groups.values() for a, b in itertools.combinations(members, 2)}
    figures = {}
    for kind in KINDS:
        made = [pair for pair, kinds in links.items() if kind in kinds]
        wanted = [pair for pair, expected in truth.items() if expected == kind]
        found = [pair for pair in wanted if kind in links.get(pair, set())]
        figures[kind] = {
            "links": len(made),
            "precision": round(sum(pair in true_pairs for pair in made) / len(made), 4) if made else None,
            "true_pairs": len(wanted),
            "recall": round(len(found) / len(wanted), 4) if wanted else None,
        }
    return figures
