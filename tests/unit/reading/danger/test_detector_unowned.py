"""An item nobody is with, said to be there now, is a suspect item now (999 first); lost property,
questions, "what if" and the past are not.

Held-out style: these were written after the rule, not taken from it.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "there's a rucksack under a seat on this train right now and nobody owns it",
        "big black suitcase on the rack above me, no one's with it and it's still here",
        "theres a sports bag on the floor of this carriage, asked around, no one owns it",
        "a parcel is sat on the platform bench on its own, been there ten minutes",
        "holdall under the table seats, nobody near it, we're between stations",
        "there is a backpack by the toilets on the train that doesnt belong to anyone",
        "still a box by the doors, owner got off at euston",
        "luggage left behind in the vestibule, no sign of the owner, still on the train",
    ],
)
def test_an_item_nobody_is_with_now_fires(detector, text):
    assert detector.detect(text).reasons == ("suspect_item_now",), text


@pytest.mark.parametrize(
    "text",
    [
        "nobody's sitting with it and it's still there",
        "no one owns it, it's still on the seat",
        "asked around, nobody is claiming it, it's still here",
    ],
)
def test_nobody_with_the_item_already_talked_about_fires(detector, text):
    assert detector.detect(text, item_in_play=True).reasons == ("suspect_item_now",), text


@pytest.mark.parametrize(
    "text",
    [
        "I left my rucksack on the train and nobody has handed it in",
        "my suitcase got left behind on the tube this morning, who do I call?",
        "our bags are still on the coach, nobody with them, is that allowed?",
        "what should I do if a bag on the train has no owner?",
        "what happens to luggage that nobody claims at the station?",
        "last week there was a suitcase on its own on the platform, staff moved it",
        "can I leave my backpack on its own on the seat while I get a coffee?",
        "a bag was left on the train yesterday and nobody owned it",
        "the bag was not on its own, its owner was right next to it",
        "nobody owns it",
    ],
)
def test_lost_property_questions_past_and_negation_do_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        # a bag left and still there: 999
        "I saw a man leave a bag by the bins outside the embassy and walk off quickly, it's still there",
        "a man put a bag down by the bins and walked away, it is still there",
        "a man dropped a suitcase outside the embassy and walked off, it's still sitting there",
    ],
)
def test_an_item_someone_left_and_walked_away_from_still_there_fires(detector, text):
    assert detector.detect(text).reasons == ("suspect_item_now",), text


@pytest.mark.parametrize(
    "text",
    [
        "I had to leave my bag at security",
        "please dont leave bags unattended",
        "he put a bag in his car and drove off",
        "a man left a bag by the bins yesterday and walked off",
        "can I leave a bag at the embassy reception?",
    ],
)
def test_leaving_and_putting_bags_without_a_now_do_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a suitcase has been there for half an hour and the woman who wheeled it in walked off towards the lifts without it",
        "There's a sports bag by the bus stop, the lad who dropped it ran off without it and it's still there",
    ],
)
def test_the_one_who_brought_the_item_walking_off_without_it_fires(detector, text):
    assert detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        "There is a holdall by the ticket machines. The woman who had it hurried away without it.",
        "a box is sitting next to the bins at the consulate. the courier walked off without it",
        "There's a suitcase in the middle of the concourse. Nobody is sitting with it.",
        "theres a rucksack by the lifts. the bloke who brought it legged it without it",
        "a guy dumped a holdall by the gate and scarpered without it, it's still there",
        "theres a holdall under the seat opposite me. the woman who had it got off at sloane square without it",
    ],
)
def test_an_item_here_in_one_sentence_left_alone_in_the_next_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "There was a holdall by the ticket machines last week. The woman who had it hurried away without it.",
        "I put my bag down by the door. I walked off without it, silly me.",
        "My suitcase is at the hotel. Nobody is with it, is that a problem?",
        "I put my bag down and left without it, so stupid, it's at the office now",
        "I got off the bus without it, my bag is still on the 38",
    ],
)
def test_a_past_or_own_item_left_in_the_next_sentence_does_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "my son went to school without it, his lunch bag is still here",
        "yesterday a man walked off without it, the bag was his gym kit and he came back",
    ],
)
def test_forgetting_ones_own_bag_or_long_ago_does_not_fire(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        # "nobody" belongs to the ownerless phrase: it does not negate the time that follows it.
        "a suitcase by the lifts in the shopping centre, nobody near it for ages",
        "small box under the bench at the stop, no one near it since a long time",
        # An item "alone", there for a stretch of time, as second-language English often says it.
        "one backpack alone next to the ticket machines since long time, nobody take it",
        "a holdall all alone in the corridor for half an hour and the staff don't see it",
    ],
)
def test_an_item_alone_for_a_stretch_of_time_fires(detector, text):
    assert detector.detect(text).reasons == ("suspect_item_now",), text


@pytest.mark.parametrize(
    "text",
    [
        "I was alone with my suitcase in the station for a long time waiting for my train",
        "there was a bag with nobody near it for a while yesterday but the owner came back",
        "my rucksack was alone on the seat for a while, silly me, I got it back",
    ],
)
def test_the_speakers_own_or_a_past_item_alone_does_not_fire(detector, text):
    assert not detector.detect(text).reasons, text
