"""ContactsNLG: Rasa's templated responses, filled with servator.config.responses' values, in the
conversation's language.

Configured in endpoints.yml as the `nlg` type. servator.config.responses decides what fills a
response (every contact, then the values an action sends); this class only hands those values
to Rasa's own TemplatedNaturalLanguageGenerator, in the Rasa process, choosing the response
table of the conversation's `language` slot (servator/config/localised_responses.py; English
when unset).
The 999 answer to a message about the railway carries British Transport Police's number after it,
as a paragraph of its own (Rasa's output channels send each paragraph as its own message, so the
999 stays the first).
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from nlu.emergency_policy import EMERGENCY_ACTION
from reading.language import ENGLISH
from reading.railway import mentions_railway
from servator.config.localised_responses import localise, response_language
from servator.config.responses import response_values
from servator.http.metrics import EMERGENCIES

RAILWAY_AFTER_999 = "utter_emergency_railway"
LANGUAGE_SLOT = "language"


class ContactsNLG(TemplatedNaturalLanguageGenerator):
    """Rasa's templated responses whose placeholders include every contact, in the conversation's language."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        super().__init__((domain or Domain.empty()).responses)
        self._by_language: dict[str, TemplatedNaturalLanguageGenerator] = {}

    def _generator(self, language: str) -> TemplatedNaturalLanguageGenerator:
        if language == ENGLISH:
            return self
        if language not in self._by_language:
            self._by_language[language] = TemplatedNaturalLanguageGenerator(
                localise(self.responses, language)
            )
        return self._by_language[language]

    async def _render(
        self, name: str, tracker: DialogueStateTracker, output_channel: str, values: dict[str, Any]
    ) -> dict[str, Any] | None:
        language = response_language(tracker.get_slot(LANGUAGE_SLOT))
        generator = self._generator(language)
        render = super().generate if generator is self else generator.generate
        response: dict[str, Any] | None = await render(name, tracker, output_channel, **values)
        return response

    async def generate(
        self, utter_action: str, tracker: DialogueStateTracker, output_channel: str, **kwargs: Any
    ) -> dict[str, Any] | None:
        """Render the response; action-supplied values win over contacts of the same name."""
        if utter_action == EMERGENCY_ACTION:
            EMERGENCIES.inc()
        values = response_values(**kwargs)
        response = await self._render(utter_action, tracker, output_channel, values)
        message = tracker.latest_message.text if tracker.latest_message else None
        if (
            utter_action == EMERGENCY_ACTION
            and response
            and response.get("text")
            and mentions_railway(message)
        ):
            railway = await self._render(RAILWAY_AFTER_999, tracker, output_channel, values)
            if railway and railway.get("text"):
                response = {**response, "text": f"{response['text']}\n\n{railway['text']}"}
        return response
