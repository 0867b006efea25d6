"""ContactsNLG: Rasa's templated responses, filled with servator.config.responses' values, in the
conversation's language.

Configured in endpoints.yml as the `nlg` type. servator.config.responses decides what fills a
response (every contact, then the values an action sends); this class only hands those values
to Rasa's own TemplatedNaturalLanguageGenerator, in the Rasa process, choosing the response
table of the conversation's `language` slot (servator/config/localised_responses.py; English
when unset).
The 999 answer to a message about the railway carries British Transport Police's number after it,
as a paragraph of its own (Rasa's output channels send each paragraph as its own message, so the
999 stays the first). When the danger rules fired on a message the emergency model is sure is calm
(nlu/caution.py: the parse's `danger` says `caution`), the first answer to it starts with
`utter_danger_caution` ("If this is happening now ... call 999"), as its own paragraph, unless its
own first sentence says so already.
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from nlu.caution import CAUTION_KEY
from nlu.emergency_policy import EMERGENCY_ACTION
from nlu.gate import bot_turn_since_person_spoke
from reading.language import ENGLISH
from reading.railway import mentions_railway
from servator.config.localised_responses import localise, response_language
from servator.config.responses import response_values
from servator.http.metrics import EMERGENCIES

RAILWAY_AFTER_999 = "utter_emergency_railway"
CAUTION_FIRST = "utter_danger_caution"
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
        if (
            response is not None
            and utter_action != EMERGENCY_ACTION
            and not _opens_with(response.get("text"), str(values.get("emergency_phone")))
            and _first_answer_to_caution(tracker)
        ):
            caution = await self._render(CAUTION_FIRST, tracker, output_channel, values)
            if caution and caution.get("text"):
                text = response.get("text")
                response = {**response, "text": f"{caution['text']}\n\n{text}" if text else caution["text"]}
        return response


def _opens_with(text: object, number: str) -> bool:
    """The answer's first sentence already says to call the emergency number."""
    return isinstance(text, str) and number in text.split(". ", 1)[0]


def _first_answer_to_caution(tracker: DialogueStateTracker) -> bool:
    """The person's last message fired the danger rules with `caution`, and nothing answered it yet."""
    danger = (tracker.latest_message.parse_data.get("danger") if tracker.latest_message else None) or {}
    return bool(danger.get(CAUTION_KEY)) and not bot_turn_since_person_spoke(tracker)
