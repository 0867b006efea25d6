"""Linked reports: connect sightings across reports and tell officers when a pattern forms.

Every function takes a SQLAlchemy Session handed in; link_report writes (the caller commits), the
others only read. Rules, thresholds and wording: servator/linking/rules.py, settings.py, wording.py.
"""

from servator.linking.clusters import CLUSTER_ID_PATTERN
from servator.linking.decisions import CONFIRMED, DECISIONS, REJECTED, Decided, decide
from servator.linking.service import link_report, repair_clusters, unlinked
from servator.linking.settings import LinkSettings
from servator.linking.views import (
    Cluster,
    Link,
    NotLinked,
    PairLink,
    alert_view,
    cluster,
    cluster_for,
    cluster_links,
    clusters,
    link_details,
    link_summaries,
    links_for,
    not_linked,
)
from servator.linking.wording import category_words, place_name

__all__ = [
    "CLUSTER_ID_PATTERN",
    "CONFIRMED",
    "DECISIONS",
    "REJECTED",
    "Cluster",
    "Decided",
    "NotLinked",
    "PairLink",
    "cluster_links",
    "decide",
    "link_details",
    "not_linked",
    "Link",
    "LinkSettings",
    "alert_view",
    "category_words",
    "cluster",
    "cluster_for",
    "clusters",
    "link_report",
    "link_summaries",
    "links_for",
    "place_name",
    "repair_clusters",
    "unlinked",
]
