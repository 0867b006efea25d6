"""The settings of linked reports (LINK_*): read here, turned into servator.linking.settings.LinkSettings."""

from __future__ import annotations

from servator.config.environment import EnvironmentReader


class LinkingSettings(EnvironmentReader):
    """Linked reports."""

    # Linked reports (servator/linking; docs/linking.md)
    @property
    def link_vehicle_days(self) -> float:
        """LINK_VEHICLE_DAYS: the same registration links reports within this many days."""
        return self._number("LINK_VEHICLE_DAYS", "30")

    @property
    def link_place_days(self) -> float:
        """LINK_PLACE_DAYS: the same place and a similar category link reports within this many days."""
        return self._number("LINK_PLACE_DAYS", "14")

    @property
    def link_place_metres(self) -> float:
        """LINK_PLACE_METRES: two points this close are the same place."""
        return self._number("LINK_PLACE_METRES", "250")

    @property
    def link_text_days(self) -> float:
        """LINK_TEXT_DAYS: similar descriptions link reports within this many days..."""
        return self._number("LINK_TEXT_DAYS", "14")

    @property
    def link_text_metres(self) -> float:
        """LINK_TEXT_METRES: ...and this many metres."""
        return self._number("LINK_TEXT_METRES", "2000")

    @property
    def link_text_min_cosine(self) -> float:
        """LINK_TEXT_MIN_COSINE: how similar (cosine) descriptions must be; calibrated on the evaluation
        set (tools/bench/linking_quality.py)."""
        return self._number("LINK_TEXT_MIN_COSINE", "0.55")

    @property
    def link_alert_score(self) -> float:
        """LINK_ALERT_SCORE: a cluster whose score reaches this alerts officers (once, then on growth)."""
        return self._number("LINK_ALERT_SCORE", "0.85")

    @property
    def link_sweep_seconds(self) -> float:
        """LINK_SWEEP_SECONDS: how often reports not yet linked are looked for."""
        return self._number("LINK_SWEEP_SECONDS", "60")

    @property
    def link_max_attempts(self) -> int:
        """LINK_MAX_ATTEMPTS: a report whose linking failed this often is left for an operator."""
        return self._whole_number("LINK_MAX_ATTEMPTS", "8")
