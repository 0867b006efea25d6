"""Link precision and recall on the labelled evaluation set (tools/linking_eval.py), and the calibration
of the description threshold on a second set of the same shape.

Pairs: two reports of one planted pattern form a true pair. Officers see reports as connected when
they are in one cluster, so `precision`/`recall` count the pairs inside predicted clusters against
the true pairs; `direct_link_precision` counts the links themselves. A repeated-vehicle pattern is
found when all its reports are in one cluster.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

Pair = tuple[str, str]
Sessions = Callable[[], Session]  # a sessionmaker
GRID = [round(0.30 + 0.025 * step, 3) for step in range(21)]  # 0.30 … 0.80


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def store_and_link(
    items: list[dict[str, Any]], settings: Any
) -> tuple[Any, dict[str, str | None], dict[str, str]]:
    """A fresh SQLite database with every item stored and linked in the order the reports happened.
    Returns (session factory, reference -> label, reference -> submission key)."""
    from servator.linking import link_report
    from servator.storage import ReportDraft, ensure_schema, make_session_factory, store_draft

    url = f"sqlite:///{tempfile.mkdtemp(prefix='linking-eval-')}/eval.db"
    ensure_schema(url)
    sessions = make_session_factory(url)
    labels: dict[str, str | None] = {}
    for item in sorted(items, key=lambda item: item["draft"]["occurred_at"]):
        reference, _ = store_draft(ReportDraft.from_dict(item["draft"]), sessions)
        labels[reference] = item["label"]
        with sessions() as session:
            link_report(session, reference, settings)
            session.commit()
    return sessions, labels, {}


def true_pairs(labels: dict[str, str | None]) -> set[Pair]:
    groups: dict[str, list[str]] = {}
    for reference, label in labels.items():
        if label:
            groups.setdefault(label, []).append(reference)
    return {_pair(a, b) for members in groups.values() for a, b in itertools.combinations(members, 2)}


def cluster_pairs(groups: Iterable[list[str]]) -> set[Pair]:
    return {_pair(a, b) for members in groups for a, b in itertools.combinations(sorted(members), 2)}


def components(references: Iterable[str], links: Iterable[Pair]) -> list[list[str]]:
    """The clusters the links make: connected parts of two reports or more."""
    from servator.linking.clusters import connected_parts

    return [members for members in connected_parts(references, links) if len(members) > 1]


def scores(
    labels: dict[str, str | None], links: dict[Pair, set[str]], groups: list[list[str]]
) -> dict[str, Any]:
    truth = true_pairs(labels)
    inside = cluster_pairs(groups)
    hits = inside & truth
    by_rule: dict[str, list[int]] = {}
    for pair, rules in links.items():
        for rule in rules:
            by_rule.setdefault(rule, [0, 0])
            by_rule[rule][0] += pair in truth
            by_rule[rule][1] += 1
    cluster_of = {reference: index for index, members in enumerate(groups) for reference in members}
    vehicle_labels = sorted({label for label in labels.values() if label and label.startswith("vehicle-")})
    found = [
        label
        for label in vehicle_labels
        if len({cluster_of.get(ref) for ref, lab in labels.items() if lab == label} - {None}) == 1
        and all(ref in cluster_of for ref, lab in labels.items() if lab == label)
    ]
    return {
        "reports": len(labels),
        "planted_patterns": len({label for label in labels.values() if label}),
        "true_pairs": len(truth),
        "clustered_pairs": len(inside),
        "precision": round(len(hits) / len(inside), 4) if inside else 0.0,
        "recall": round(len(hits) / len(truth), 4) if truth else 0.0,
        "direct_links": len(links),
        "direct_link_precision": round(sum(pair in truth for pair in links) / len(links), 4)
        if links
        else 0.0,
        "link_precision_by_rule": {
            rule: round(good / total, 4) for rule, (good, total) in sorted(by_rule.items())
        },
        "vehicle_patterns": len(vehicle_labels),
        "vehicle_patterns_found": len(found),
    }


def stored_links(sessions: Sessions) -> dict[Pair, set[str]]:
    from sqlalchemy.orm import aliased

    from servator.storage import Report, ReportLink

    mine, theirs = aliased(Report), aliased(Report)
    with sessions() as session:
        rows = session.execute(
            select(mine.reference, theirs.reference, ReportLink.rule)
            .join(mine, mine.id == ReportLink.report_id)
            .join(theirs, theirs.id == ReportLink.other_id)
        )
        found: dict[Pair, set[str]] = {}
        for a, b, rule in rows:
            found.setdefault(_pair(a, b), set()).add(rule)
    return found


def stored_clusters(sessions: Sessions) -> list[list[str]]:
    from servator.storage import ReportFeatures

    groups: dict[str, list[str]] = {}
    with sessions() as session:
        for reference, cluster in session.execute(
            select(ReportFeatures.reference, ReportFeatures.cluster_id).where(
                ReportFeatures.cluster_id.isnot(None)
            )
        ):
            groups.setdefault(cluster, []).append(reference)
    return list(groups.values())


def description_cosines(sessions: Sessions) -> dict[Pair, float]:
    """The cosine of every description link (for re-thresholding without linking again)."""
    from sqlalchemy.orm import aliased

    from servator.linking.text_vector import cosines
    from servator.storage import ReportFeatures, ReportLink

    mine, theirs = aliased(ReportFeatures), aliased(ReportFeatures)
    found = {}
    with sessions() as session:
        for a, va, b, vb in session.execute(
            select(mine.reference, mine.vector, theirs.reference, theirs.vector)
            .join(ReportLink, ReportLink.report_id == mine.report_id)
            .join(theirs, theirs.report_id == ReportLink.other_id)
            .where(ReportLink.rule == "description")
        ):
            found[_pair(a, b)] = float(cosines(va, [vb])[0])
    return found


def calibrate(seed: int) -> dict[str, Any]:
    """Link the calibration set with a low description threshold, then score every threshold of GRID by
    keeping only the description links at or above it. The chosen threshold has the best F1 of
    precision and recall (the lower one on a tie)."""
    from servator.linking import LinkSettings
    from tools.linking_eval import build

    labels_items = build(seed)
    sessions, labels, _ = store_and_link(labels_items, LinkSettings(text_min_cosine=min(GRID)))
    links, similarity = stored_links(sessions), description_cosines(sessions)
    truth = true_pairs(labels)
    curve = []
    for threshold in GRID:
        kept = {
            pair: {rule for rule in rules if rule != "description" or similarity.get(pair, 0) >= threshold}
            for pair, rules in links.items()
        }
        kept = {pair: rules for pair, rules in kept.items() if rules}
        described = [pair for pair, rules in kept.items() if "description" in rules]
        figures = scores(labels, kept, components(labels, kept))
        figures["threshold"] = threshold
        figures["description_link_precision"] = (
            round(sum(p in truth for p in described) / len(described), 4) if described else 1.0
        )
        p, r = figures["precision"], figures["recall"]
        figures["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        curve.append(figures)
    chosen = max(curve, key=lambda point: (point["f1"], -point["threshold"]))
    sessions.kw["bind"].dispose()
    return {
        "seed": seed,
        "chosen_threshold": chosen["threshold"],
        "curve": [
            {
                key: point[key]
                for key in ("threshold", "precision", "recall", "f1", "description_link_precision")
            }
            for point in curve
        ],
    }


def evaluate(seed: int, threshold: float | None = None) -> dict[str, Any]:
    """Link the evaluation set with the real pipeline (settings as configured) and score it."""
    from servator.linking import LinkSettings
    from tools.linking_eval import build

    settings = LinkSettings.from_env({})
    if threshold is not None:
        settings = replace(settings, text_min_cosine=threshold)
    started = datetime.now()
    sessions, labels, _ = store_and_link(build(seed), settings)
    from tools.bench.linking_kinds import by_kind

    figures = scores(labels, stored_links(sessions), stored_clusters(sessions))
    figures["by_kind"] = by_kind(sessions, labels)
    figures.update(
        seed=seed,
        text_min_cosine=settings.text_min_cosine,
        seconds=round((datetime.now() - started).total_seconds(), 1),
    )
    sessions.kw["bind"].dispose()
    return figures
