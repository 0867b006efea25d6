"""`rasa data validate --fail-on-warnings`, with the one blind spot of Rasa's validator fixed.

Rasa 3.6 counts a response as used only if a story or rule names it, so every form
question (`utter_ask_<slot>`) and every response a custom action sends by name is reported
as unused (RasaHQ/rasa#11843 discusses the same check). This runs Rasa's own validation,
failing on warnings, and treats exactly those two kinds as used: form questions for slots
the forms require, and response names that appear in our Python sources. Any other
unused response, unknown intent, conflict or bad mapping still fails.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from servator.config.constants import DOMAIN_PATH, ROOT
from servator.rasa_runtime.patches.validator_used_responses import counted_as_used

PYTHON_SOURCES = ("actions", "servator", "bot", "web")
_RESPONSE_NAME = re.compile(r"""["'](utter_[a-z0-9_]+)["']""")


def responses_named_in_code(root: Path = ROOT) -> set[str]:
    """Every `"utter_..."` string literal in the action and channel code."""
    names: set[str] = set()
    for folder in PYTHON_SOURCES:
        for path in (root / folder).rglob("*.py"):
            names.update(_RESPONSE_NAME.findall(path.read_text(encoding="utf-8")))
    return names


def form_questions(domain: Any) -> set[str]:
    """utter_ask_<slot> and utter_ask_<form>_<slot> for every slot a form requires."""
    asks: set[str] = set()
    for form, spec in domain.forms.items():
        for slot in spec.get("required_slots", []):
            asks.update({f"utter_ask_{slot}", f"utter_ask_{form}_{slot}"})
    return asks


def used_outside_stories(validator: Any) -> set[str]:
    """Responses Rasa's validator must not report as unused: form questions and responses sent from code.

    A response also named in a rule or story stays in Rasa's set: leaving it out would make Rasa
    report that rule's use of it as "not a valid utterance action".
    """
    from rasa.shared.core.events import ActionExecuted

    in_stories = {
        event.action_name
        for step in validator.story_graph.story_steps
        for event in step.events
        if isinstance(event, ActionExecuted)
    }
    return (form_questions(validator.domain) | responses_named_in_code()) - in_stories


def main(argv: list[str] | None = None) -> int:
    from rasa.cli.utils import validate_files
    from rasa.shared.importers.importer import TrainingDataImporter

    importer = TrainingDataImporter.load_from_config(
        config_path=str(ROOT / "config.yml"),
        domain_path=str(DOMAIN_PATH),
        training_data_paths=[str(ROOT / "data")],
    )
    with counted_as_used(used_outside_stories):
        try:
            validate_files(fail_on_warnings=True, max_history=None, importer=importer)
        except SystemExit as exit_:
            return int(exit_.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
