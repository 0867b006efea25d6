"""A fight or attack under way, a vehicle driven through a barrier and an entry forced are
dangers now; licensing questions, everyday damage and everyday bags are not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "there's a massive fight outside the pub by the embassy",
        "a fight has broken out in the lobby",
        "two men are fighting outside the high commission",
        "the guards are fighting with a man at the gate",
        "attack happening now in the square, people running",
        "a man just reversed his van through our security barrier",
        "someone rammed a car into the front gates",
        "a group is trying to force their way into the consulate",
        "he's pushing his way past the guards into the building",
        "theres a guy with a knfe by the bus stop",
    ],
)
def test_a_fight_a_ramming_or_a_forced_entry_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "my kids are fighting over the remote again",
        "how do I renew my firearms licence",
        "my shotgun certificate expires next month",
        "I inherited my late grandad's shotgun, how do I hand it in",
        "officers came to collect a firearm from my uncle's house",
        "someone slashed all four of my tyres overnight",
        "kids smashed my car window last night",
        "set a timer for the tea bag",
        "there's a fight on the telly tonight, the boxing",
        "do police carry out checks on gun clubs",
    ],
)
def test_licensing_damage_and_everyday_things_do_not(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "two men have cut the padlock on our side gate and are pushing it open right now",
        "someone is climbing over the back wall of the embassy as I type",
        "CCTV shows a man prising the shutters of the mission's garage, he's still there now",
    ],
)
def test_breaking_in_now_fires(detector, text):
    assert detector.detect(text).reasons == ("suspicious_act_now",)


@pytest.mark.parametrize(
    "text",
    [
        # Testing doors is a report (testing security), not a danger now.
        "a man keeps trying the door handles along the embassy mews, he's doing it again now",
        "someone cut the padlock on our bike shed last week",
    ],
)
def test_trying_doors_or_a_lock_broken_before_do_not_fire(detector, text):
    assert not detector.detect(text).fired
