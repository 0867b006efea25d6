"""Linked reports: connect sightings across reports and tell officers when a pattern forms.

Every function takes a SQLAlchemy Session handed in; link_report writes (the caller commits), the
others only read. Rules, thresholds and wording: servator/linking/rules.py, settings.py, wording.py.
"""

from servator.linking.service import link_report, repair_clusters, unlinked
from servator.linking.settings import LinkSettings
from servator.linking.views import (
    Cluster,
    Link,
    alert_view,
    cluster,
    cluster_for,
    clusters,
    link_summaries,
    links_for,
)
from servator.linking.wording import category_words, place_name

__all__ = [
    "Cluster",
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
