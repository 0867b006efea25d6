"""The bot keeps a chat for follow-up only from the reply that gives a new report's reference and code;
what it says about the answers is in the report's language."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.followup import answer_if_awaited, is_stop, reference_given_with_code
from bot.followup_store import Awaiting

REFERENCE = "SRV-20261206-YA6WTR"


def test_only_a_reply_with_a_reference_and_a_code_names_a_report_to_follow_up():
    given = [{"text": "Your reference is SRV-20261206-YA6WTR.\nYour follow-up code is 7K3M-Q9XD-2WJP-H4TB."}]
    assert reference_given_with_code(given) == "SRV-20261206-YA6WTR"
    assert reference_given_with_code([{"text": "Your reference is SRV-20261206-YA6WTR."}]) is None
    assert reference_given_with_code([{"text": "Hello"}]) is None


@pytest.mark.parametrize(
    "text", ["stop", " Stop. ", "/stop", "parar", "Arrête", "basta", "dość", "yeter", "توقف", "থামো", "停止"]
)
def test_stop_is_the_whole_message_in_any_language(text: str) -> None:
    assert is_stop(text)


@pytest.mark.parametrize(
    "text", ["stop them, they were filming", "para mí era alto", "no", "sí", "他停在门口"]
)
def test_an_answer_that_only_contains_a_stop_word_is_an_answer(text: str) -> None:
    assert not is_stop(text)


class FakeStore:
    """The follow-up store of a chat awaiting an answer to one question of a report in `language`."""

    def __init__(self, language: str) -> None:
        self.waiting = Awaiting(7, REFERENCE, language)
        self.ended: list[str] = []
        self.answers: list[str] = []

    def awaiting(self, chat_id: int, reply_to: int | None) -> Awaiting:
        return self.waiting

    def end(self, reference: str) -> None:
        self.ended.append(reference)

    def answer(self, awaiting: Awaiting, text: str) -> bool:
        self.answers.append(text)
        return True


async def said_after(text: str, language: str) -> tuple[list[str], FakeStore]:
    sent: list[str] = []

    async def send_message(reply: str) -> None:
        sent.append(reply)

    async def relay(_: str) -> None:
        raise AssertionError("nothing here needs the assistant")

    message = SimpleNamespace(text=text, reply_to_message=None)
    update: Any = SimpleNamespace(
        effective_message=message, effective_chat=SimpleNamespace(id=1, send_message=send_message)
    )
    store = FakeStore(language)
    assert await answer_if_awaited(store, update, relay)  # type: ignore[arg-type]
    return sent, store


async def test_stop_is_answered_in_the_reports_language() -> None:
    sent, store = await said_after("parar", "es")
    assert store.ended == [REFERENCE]
    [reply] = sent
    assert reply.startswith("De acuerdo, el seguimiento del aviso SRV-20261206-YA6WTR ha terminado")
    sent, _ = await said_after("stop", "en")
    assert sent[0].startswith("OK, follow-up for report SRV-20261206-YA6WTR has ended")


async def test_the_answer_is_acknowledged_in_the_reports_language() -> None:
    sent, store = await said_after("Il est parti vers la gare", "fr")
    assert store.answers == ["Il est parti vers la gare"]
    assert sent == ["Merci, votre réponse a été transmise aux agents."]
