"""Asking to carry on in English, in the ten languages, and messages that only mention English."""

from __future__ import annotations

import pytest

from reading.language import ENGLISH
from reading.language.choice import requested_language


@pytest.mark.parametrize(
    "text",
    [
        "Can we continue in English?",
        "can you reply in english, my friend reads this",
        "¿Me puedes contestar en inglés?",
        "sigamos en ingles porfa",
        "Vous pouvez répondre en anglais s'il vous plaît ?",
        "on peut passer en anglais stp, mon mari lit aussi",
        "Possiamo parlare in inglese?",
        "Pode escrever em inglês? O meu português é fraco",
        "Putem continua in engleza?",
        "pisz po angielsku",
        "Türkçe bilmiyorum, İngilizce yazabilir misiniz?",
        "ممكن تكلمني بالانجليزي؟",
        "بالانجليزي من فضلك",
        "mumkin t7ki ma3i bil english",
        "ইংরেজিতে লিখুন প্লিজ",
        "english e likhen please",
        "请用英语回复",
        "能不能说英文，我看不懂",
        "english pls, mi portugues es malo",
        "in English please 🙏 je lis mal le polonais",
    ],
)
def test_asking_to_continue_in_english_switches(text: str) -> None:
    assert requested_language(text) == ENGLISH


@pytest.mark.parametrize(
    "text",
    [
        "the man spoke English with an accent",
        "can you check my english homework grammar",
        "please help me translate my cv in english, i am from romania",
        "il parle anglais avec un accent",
        "no hablo inglés muy bien",
        "Ayer un señor me habló en inglés y luego se fue corriendo hacia la estación con una mochila",
        "O policial falava inglês?",
        "Je voudrais savoir si la police parle anglais",
        "他说英语带口音",
        "un uomo con accento inglese ha lasciato una borsa vicino alla stazione e poi è andato via",
        "facet mówił po angielsku i zostawił plecak",
        "adam İngilizce konuşuyordu ve çantayı bıraktı",
        "رجل يتكلم بالانجليزي ترك شنطه",
        "লোকটা ইংরেজিতে কথা বলছিল",
        "Bărbatul vorbea engleza si a lasat un rucsac",
        "Um homem falava inglês e deixou uma mochila na estação",
    ],
)
def test_a_message_that_mentions_english_does_not_switch(text: str) -> None:
    assert requested_language(text) is None
