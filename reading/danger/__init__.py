"""The deterministic danger detector: when it fires, the first reply says to call 999."""

from functools import cache

from reading.danger.detector import DangerDetector, DangerResult

__all__ = ["DangerDetector", "DangerResult", "danger_fired"]


@cache
def _shared_detector() -> DangerDetector:
    """Built on first use (its spaCy pipeline is not free), then shared by the process."""
    return DangerDetector()


def danger_fired(text: str) -> bool:
    """Whether the detector fires on `text`: for front ends that need only the yes or no."""
    return bool(_shared_detector().detect(text).fired)
