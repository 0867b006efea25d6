"""Information seen online and questions about police resources are reports or questions, not a
danger now; a danger here and now still fires when online or police words are in the message."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "I found instructions for making explosives on a website",
        "someone posts about weapons online all the time",
        "my neighbour keeps posting pictures of guns on facebook",
        "there is a telegram channel sharing bomb making guides",
        "a guy on tiktok is bragging he'll stab someone",
        "I came across a forum where people discuss how to build a pipe bomb",
        "saw a youtube video of a man waving a machete, should I report it",
        "there's a post on twitter saying there'll be a shooting at the embassy tomorrow",
        "my son has been searching online for how to get a gun",
        "someone in a whatsapp group shared a manual on making weapons",
        "a reddit thread is full of people talking about attacking the protest",
        "found a website selling knives to kids",
        "I've seen instagram accounts glorifying knife attacks",
        "someone on social media threatened to burn down the mosque",
        "my nephew watches videos on how to make explosives",
        "there are tutorials online for 3d printing guns, is that illegal",
    ],
)
def test_information_online_does_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "are there firearms units at the embassy",
        "armed officers patrol here every day",
        "the police outside the embassy are carrying machine guns",
        "officers at the gate have rifles, is something going on",
        "I saw armed police at king's cross this morning",
        "the guards at the high commission all carry guns",
        "there were firearms officers by the consulate",
        "do diplomatic protection officers have tasers and pistols",
        "police with guns outside the embassy, should I be worried",
        "the met's firearms teams are on patrol near parliament",
        "why do the cops here have such big guns",
        "there's an armed response vehicle parked on our street",
        "the embassy has armed guards at the door",
        "officers armed with carbines are standing by the gates",
        "specialist firearms officers were at the station",
    ],
)
def test_police_resources_do_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a man outside is livestreaming himself with a gun right now",
        "someone is shooting at the police officers at the gate",
        "a man just grabbed an officer's gun",
        "a man with a knife is attacking the guards",
        "there's a man with a gun outside, I saw it on the cctv",
    ],
)
def test_a_danger_here_still_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a man with a knife is filming himself for youtube in the park",
        "guy on the bus is livestreaming on tiktok and waving a machete",
        "there's a bag that looks like a bomb by the gate",
        "he's dead on the floor",
        "she is dying of blood loss",
        "a man with a big gun is outside the embassy",
        "someone is shooting the couple outside the cafe",
        "my son took my shotgun and is threatening the neighbours",
        "a man smashed a car into the crowd",
        "an unattended gym bag by the gate and it's ticking",
        "police say a man with a gun is in the building",
    ],
)
def test_a_harmless_reading_never_hides_a_danger_said_plainly(detector, text):
    assert detector.detect(text).fired, text
