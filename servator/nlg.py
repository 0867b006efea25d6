"""ContactsNLG: domain responses rendered with the contacts table filled in.

Responses write `{hotline_phone}` rather than the number; this generator adds the
contacts (servator/contacts.yml) to the template values, in-process, so every number
the bot says comes from that one file. Configured in endpoints.yml as the `nlg` type.
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from nlu.emergency_policy import EMERGENCY_ACTION
from servator.contacts import template_values
from servator.metrics import EMERGENCIES


class ContactsNLG(TemplatedNaturalLanguageGenerator):
    """Templated responses whose placeholders include every contact."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        super().__init__((domain or Domain.empty()).responses)
        self.contacts = template_values()

    async def generate(
        self, utter_action: str, tracker: DialogueStateTracker, output_channel: str, **kwargs: Any
    ) -> dict[str, Any] | None:
        """Render the response; action-supplied values win over contacts of the same name."""
        if utter_action == EMERGENCY_ACTION:
            EMERGENCIES.inc()
        values = {**self.contacts, **kwargs}
        response: dict[str, Any] | None = await super().generate(
            utter_action, tracker, output_channel, **values
        )
        return response
