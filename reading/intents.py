"""Intent names the safety layer, the actions and the tools decide on (each named once, here)."""

from __future__ import annotations

# The danger gate's verdict: the first reply says to call 999.
EMERGENCY_INTENT = "emergency"
# An uncertain message (FallbackClassifier, or an ML-only emergency below the gate's threshold).
FALLBACK_INTENT = "nlu_fallback"
# Asking for a language ("English please", "Español"): decided by nlu/language_gate.py.
SWITCH_LANGUAGE_INTENT = "switch_language"
# What the person says about their own safety or the 999 call ("I've called them, they're on the way").
STATUS_INTENT = "status_update"
