"""Casualties in slang or few words, people pushed onto the railway, a vehicle sped into people and a
device said to go off make the 999 answer; the everyday messages that share their words do not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # bleeding, in slang
        "my boy is leaking bad outside the offy, hurry",
        "bruv's leakin everywhere by the bus stop",
        "the lad is losing blood from his leg",
        "he is gushing blood from his head near the station",
        "man is leaking from his neck outside the chicken shop",
        # down and not responding
        "got jumped by 3 man near the park, my mate ain't talking",
        "A woman is lying by the entrance. She's not moving.",
        "old man collapsed at the bus stop and he is not responding",
        "my brother got battered outside the pub, he wont wake up",
        "he is on the floor at the station he not talk",
        "he's on the ground, he is not talking to anyone, not moving",
        "she collapsed in the queue and isn't responding",
        # the railway
        "someone just got pushed onto the tracks at bank station",
        "a passenger fell onto the line at oxford circus",
        "man shoved a woman in front of a train at euston",
        "kid has fallen down on the tracks on the overground platform",
        # a vehicle sped into people
        "a car come very fast into the people at the bus stop",
        "van drove at full speed into the crowd outside the stadium",
        "motorbike riding so quickly through the market stalls, people are hurt",
        # a device said to go off
        "caller said there is a bag in the lobby that is set to go off at noon",
        "a man rang the front desk saying the package will blow up in an hour",
        "they said theres something under a seat on this train which is gonna go off",
    ],
)
def test_casualties_and_attacks_told_plainly_make_the_999_answer(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "the pipe under the sink is leaking badly, who do I call?",
        "my partner isn't talking to me since the argument",
        "he's not talking to me since we fell out",
        "the lift is not moving and we are on the ground floor, who do I ring?",
        "the traffic on the floor of the valley is not moving",
        "i fell on the floor laughing at his joke",
        "the train is going very fast into the station",
        "my alarm will go off at 7 tomorrow",
        "the box will go off to the depot tomorrow",
        "the parcel is going to go out tomorrow",
        "the device will go off automatically after 10 minutes, how do I stop that",
        "she fell over at the party and we laughed, now she's not talking to me",
        "we're lying on the beach not moving all day",
        "the roof is leaking badly into the kitchen",
        "my son is leaking from his nose again, it's cold season",
        "the timer on the oven is going to go off in ten minutes",
        "we're going to the tracks to watch the trains with my son",
        "my son is on the train tracks set at home, he loves it",
    ],
)
def test_everyday_messages_with_those_words_do_not(detector, text):
    assert not detector.detect(text).fired, text
