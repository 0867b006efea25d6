"""When the danger rules fire on a message the emergency model is sure tells of no danger now.

The rules fire on a bare danger word (a weapon, an explosive, fire, a break-in, a threat) unless
they read it as negated, only asked about or past, and every fresh set of messages brings calm
kinds they have not read: a chef's knives, a history question, a break-in overnight with nobody
hurt. DESIGN.md's safety rule holds: the detector's verdict is never overruled, and the first
reply still says to call 999 (servator/rasa_runtime/nlg.py puts `utter_danger_caution` before the
first answer). What changes is what comes after it: the answer to what the message asks, not the
full emergency reply.

Only where every condition holds, each chosen on the emergency model's held-out probabilities
(`python -m tools.calibrate_emergency PROBABILITIES.json`, each corpus writer a fold): the rules
gave only bare-word reasons (not an attack in progress, an injury, a suspect item, a vehicle at
people, a suspicious act now); the message does not say it is happening now; it has at least
`min_words` words (cries such as "i think that was a gun??" are short); and the model's
probability is below `below`. On those held-out probabilities (7 Dec 2026), with 10 words and
0.05: no real emergency of 1,844 the rules caught, and 88 of the 185 calm messages they fire on.
The lowest probability among the real emergencies meeting the other conditions was 0.234.
"""

from __future__ import annotations

from dataclasses import dataclass

from reading.danger import DangerResult

# Rule reasons that a danger word alone gives (reading/danger/rules.py's firing labels).
BARE_WORD_REASONS = frozenset({"weapon", "explosive", "fire", "intrusion", "threat"})
CAUTION_KEY = "caution"


@dataclass(frozen=True)
class Caution:
    """`below` 0 turns it off (the default: config.yml sets the calibrated values)."""

    below: float = 0.0
    min_words: int = 10

    def holds(self, result: DangerResult, probability: object, text: str) -> bool:
        """The rules fired on bare words only, nothing says now, and the model is sure it is calm."""
        return (
            result.fired
            and not result.said_now
            and set(result.reasons) <= BARE_WORD_REASONS
            and isinstance(probability, float)
            and probability < self.below
            and len(text.split()) >= self.min_words
        )
