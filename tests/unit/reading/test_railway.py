"""Railway reports get British Transport Police's number (reading/railway.py)."""

from __future__ import annotations

import pytest

from reading.railway import mentions_railway


@pytest.mark.parametrize(
    "text",
    [
        "How do I report something suspicious I saw on a train?",
        "on the platform at victoria station",
        "Exit 2 of westminster tube",
        "on the Northern line",
        "at the ticket barriers",
        "London Underground",
        "someone on the DLR",
        "on the overground",
        "outside kings cross station",
        # A gazetteer station named without the word, with travelling in the same message.
        "woman got off at green park and left her holdall behind",
        "a rucksack left under a seat, the man hopped off at Oxford Circus",
        # The person's way to the station, and something seen on the railway itself.
        "on my way to the tube a man left a holdall on the platform",
        "I was walking to the station when I saw someone filming the ticket barriers",
    ],
)
def test_railway_places(text):
    assert mentions_railway(text)


@pytest.mark.parametrize(
    "text",
    [
        "outside the police station",
        "at the petrol station",
        "the bus station",
        "grosvenor square",
        "he was trained to do it",
        # A station's name alone, or travelling alone, is not enough.
        "a man was filming the shops on baker street",
        "he got off his bike outside the embassy",
        "a social media post",
        # Where the person was heading is not where it happened.
        "on my way to the tube I saw a man filming the gates of the embassy on Curzon Street",
        "I was walking back from the station and a car kept circling the square",
        "we were heading to the train station when a woman asked us about the guards at the embassy",
        "",
    ],
)
def test_not_the_railway(text):
    assert not mentions_railway(text)
