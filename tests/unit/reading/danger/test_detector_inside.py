"""Someone already inside (lobby, reception, office, embassy) with something hidden or odd about
them who acts threateningly or will not leave: a danger now (999 first). A visitor with a bag,
or someone who has already gone, is not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "there's a man in our reception with something in his bag and he refuses to leave",
        "a guy got into the lobby, he has a package under his coat and he's shouting at staff",
        "man inside the embassy won't leave, keeps his hand inside his jacket like he's holding something",
        "a woman walked into the office with something strapped under her top and is screaming at people",
        "stranger in the visa section refusing to go, there's a bulge under his coat",
        "someone came in to reception with a holdall and won't let security look inside, getting aggressive",
        "a man has got past the front desk, something hidden in his rucksack, he is threatening the receptionist",
        "guy in the foyer acting really agitated and clutching something under his hoodie",
        "a man in the waiting room is hiding something in his coat and wont go away",
        "intruder in the consulate lobby with a box wrapped in tape, he's yelling",
        "bloke inside our building wont leave and theres somthing sus in his bag",
        "a man is in the mission's reception hall concealing an object under his jacket and demanding to see the ambassador",
        "someone has walked into the embassy with a package under his arm and is refusing to leave the lobby",
        "there is a man in the reception area holding something wrapped in a cloth, he's threatening us",
        "a person inside the office keeps reaching into his bag and shouting, he won't tell us what's in it",
        "man in reception has something taped to his chest and won't leave",
    ],
)
def test_someone_inside_with_something_hidden_acting_threateningly_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a man is waiting in reception with a big bag for his visa appointment",
        "someone left their umbrella in the lobby",
        "a courier is in reception with a parcel for the ambassador",
        "there's a delivery guy in the lobby who won't leave until someone signs for the box",
        "yesterday a man came into reception with something under his coat and refused to leave",
        "a man in reception was shouting about his visa but security escorted him out and he's gone now",
        "my colleague is in the office with a bag of shopping",
        "what should we do if someone refuses to leave the embassy reception",
        "a visitor in the lobby is angry his appointment was cancelled",
        "a woman in reception has a pram and a bag and is asking for directions",
        "man in the lobby looked a bit nervous and had a rucksack, he left after ten minutes",
        "the cleaner is in the office with her trolley",
        "how do I get visitors to leave their bags at reception",
        "a man came into reception earlier and asked about guard shifts, then left",
        "a student is in the embassy library reading with his backpack",
    ],
)
def test_a_calm_visitor_or_one_already_gone_does_not(detector, text):
    assert not detector.detect(text).fired, text
