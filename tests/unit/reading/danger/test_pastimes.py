"""Sport shooting, crafts called bombs and bangs said to sound like gunshots are harmless readings;
the same words told as a danger now still make the 999 answer."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # sport shooting and licensing
        "how long does a shotgun certificate take? i do clay pigeon shooting most weekends",
        "Is there a rifle club near Croydon where beginners can try target shooting?",
        "my dad wants to start game shooting, what paperwork does he need",
        "can I bring my kids to the shooting range to watch",
        "we shoot clays on a farm in Essex, great fun",
        # crafts, cosmetics and treats
        "selling handmade bath bombs at the christmas market, do I need a licence?",
        "we're making seed bombs with the school kids for the garden",
        "where can I buy hot chocolate bombs in central london",
        # bangs that sound like gunshots
        "Neighbours set off fireworks every night and honestly it sounds like gunshots, not an emergency",
        "the car exhaust outside keeps sounding like a gun going off lol",
        "heard what sounded like gunshots but it turned out to be fireworks at the park",
        "the fireworks over the river look like bombs exploding, so pretty",
        "i heard bangs that sounded like gunshots, probably fireworks for diwali",
        # police seen with their weapons
        "saw an officer by the gates of the french embassy with a rifle, is that normal?",
        # over and done
        "earlier today a man on the tube said he'd stab someone, he got off at the next stop",
        "earlier this morning someone shouted about a bomb outside the shop then walked away",
        "there was a drone over the park dropping sweets for kids at the fair",
        # games, films and books told by what happens in them
        "that game where you have to defuse a bomb in two minutes is so hard",
        "we did an escape room where you stop a bomb going off, any good ones in Camden?",
        "recommend some thrillers about a sniper in London",
        "we play paintball every month and always get shot first",
    ],
)
def test_harmless_readings_do_not_make_the_999_answer(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a man is shooting at people on the high street",
        "gunshots outside the embassy right now",
        "heard bangs that sounded like gunshots outside the embassy right now",
        "someone has a bomb in the station",
        "a man with a rifle is walking into the school",
        "a drone is dropping burning flares onto the crowd now",
        "earlier today a man left a bag by the gate, it is still there and beeping",
        "there's a man with a gun in the escape room on Oxford Street right now",
    ],
)
def test_the_same_words_told_as_a_danger_still_do(detector, text):
    assert detector.detect(text).fired, text
