"""Danger words used in everyday or figurative senses (balloons, a busy phone, money, praise,
jokes) are not emergencies; the same words used literally still are."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "we're blowing up balloons for my daughters party",
        "can you help me blow up the paddling pool",
        "my phone has been blowing up with messages all morning",
        "my inbox exploded overnight after the announcement",
        "our group chat blew up when they announced the result",
        "he blew up at me for being five minutes late",
        "the restaurant in mayfair cost an absolute bomb",
        "what a bomb of a night that was",
        "that party was the bomb",
        "the new album went down a bomb with the fans",
        "the sales exploded after the advert went out",
        "she's dead excited about the trip to london",
        "he was on fire in the match last night, scored a hat trick",
        "the pub by the embassy has a lovely open fire in winter",
        "my secret weapon for the quiz is my nan",
        "stick to your guns when you talk to the landlord",
        "he went in all guns blazing at the meeting",
        "I need to sharpen my kitchen knives before sunday lunch",
        "burning calories at the gym before work",
        "black friday stampede at the shops lol",
        "my heart is on fire for you",
        "my mum has a heart attack every time i drive her car",
        "that film was a bomb at the box office",
        "I'll shoot you a text when im outside",
        "the photographer is shooting the wedding at the town hall",
        "the fireworks went off with a massive bang at midnight",
        "that comedian was a killer, the crowd went wild",
        "killer deal on trainers at the outlet",
        "I'm going to kill my brother when he gets home lol",
    ],
)
def test_everyday_and_figurative_uses_do_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a man is threatening to blow up the embassy",
        "someone just blew up a car outside the hotel",
        "there's a bomb at the party venue, everyone is running",
        "the building is on fire and people are trapped",
        "a man with a gun is in the shop",
        "someone is stabbing people at the bus stop",
        "a big explosion just went off near the station",
        "he's got a kitchen knife and is waving it at the staff",
        "my phone is dying but there's a man with a knife outside",
    ],
)
def test_the_same_words_used_literally_still_fire(detector, text):
    assert detector.detect(text).fired, text
