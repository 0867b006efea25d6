"""The deterministic danger detector: when it fires, the first reply says to call 999."""

from reading.danger.detector import DangerDetector, DangerResult

__all__ = ["DangerDetector", "DangerResult"]
