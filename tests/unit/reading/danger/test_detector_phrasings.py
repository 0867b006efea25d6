"""A second set of phrasings of the compound, figurative, online and police categories, written
after the rules, to check that they hold for wording the first tests did not use."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "bloke at the petrol pump is soaking his jacket in fuel and getting his lighter out",
        "he's got a gas bottle open in the entrance and is saying he'll light it up",
        "smell of gas everywhere in the consulate and this man wont stop playing with a lighter",
        "a man poured something flammable on the steps and is holding a flare",
        "the woman has a petrol can and keeps shouting she'll set herself alight",
        "someone is threatening to ignite the fuel he spilled in the lobby",
        "there's petrol all over the floor and he's got matches",
        "gas cannister leaking in reception, guy waving a lighter near it",
        "man with jerry can and lighter at embassy gate!!",
        "drone came over and dropped a thing, now it's smoking on the lawn",
        "something dropped from the sky by a drone and now there's a fire in the garden",
        "someone threw a bottle over the gate and it burst into flames",
        "a package was thrown over our fence and now there is a weird smell",
        "drone dropped a canister in the courtyard it's releasing gas",
        "someone hurled an object into the embassy grounds and it's on fire",
        "theres a man in the lobby with something bulky under his coat shouting at the guards",
        "a guy walked into reception and has a package hidden in his jacket, he refuses to go",
        "someone got in to the embassy and is refusing to leave, keeps touching something in his backpack",
        "a man in the reception is aggressive and has something wrapped up under his arm",
        "the man inside the consulate has a suspicious package and is yelling at everyone",
    ],
)
def test_other_phrasings_of_the_dangers_fire(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "my friends and I were blowing up an inflatable unicorn for the pool",
        "twitter is blowing up about the match",
        "this burger is the bomb",
        "she went down a bomb at karaoke",
        "the concert was a massive bang for your buck",
        "this heat is killing me",
        "do the embassy guards carry firearms",
        "saw armed coppers near downing street",
        "police officers with rifles outside parliament today",
        "i read an article about knife crime in london",
        "there's a petition online about banning zombie knives",
        "my brother keeps searching up videos of bombs",
        "a guy i follow on instagram posted a picture with a gun",
        "someone in the comments threatened to shoot up the school, how do i report it",
        "where do i report a website selling weapons",
    ],
)
def test_other_phrasings_of_the_harmless_readings_do_not(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a guy poured a bottle of something that smells like petrol on the door and ran off",
        "the man says hes going to light the gas if we dont let him in",
        "someone broke a gas pipe in the basement and is threatening to strike a match",
        "there is a man holding a lit lighter over a puddle of petrol",
        "somebody threw a flare over the fence into the courtyard, red smoke everywhere",
        "a device was dropped from a drone, its leaking some liquid and smoking",
        "i saw a drone drop something near the gate then a loud pop and smoke",
        "a man came into the chancery and won't go, he keeps putting his hand in his coat and shouting",
        "this guy is in reception demanding to see the consul, he has a bag he won't let us search",
        "an angry man is inside the visa office with a package strapped to him",
    ],
)
def test_a_third_set_of_phrasings_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "my inbox has been on fire all morning",
        "how do i light the gas on my hob",
        "my boss is in the office shouting again and has something in his bag for me",
        "the kids threw a ball over the fence and it popped",
        "my drone fell in the garden and the battery started smoking",
        "the drone dropped and the propeller snapped with a pop",
        "we dropped the bbq over the wall by accident and the coals were smoking",
        "he went into the office with a box under his arm and was shouting down the phone",
        "someone on reddit said they're going to bomb a school, how do i report that",
        "why are there police with machine guns at heathrow",
    ],
)
def test_a_third_set_of_everyday_phrasings_does_not(detector, text):
    assert not detector.detect(text).fired, text


def test_a_compound_danger_told_over_neighbouring_sentences_of_a_long_account_fires(detector):
    opening = (
        "Good afternoon, I am the duty receptionist at the mission on the first floor of our building. " * 3
    )
    account = (
        "A man came into reception ten minutes ago. He has something under his coat. He refuses to leave."
    )
    assert len(opening + account) > 300
    assert detector.detect(opening + account).fired


def test_compound_cues_far_apart_in_a_long_account_do_not_combine(detector):
    text = (
        "A man came into reception this morning to ask about a visa. "
        + "The rest of the day was quiet and we had our usual meetings about the new building. " * 4
        + "In the afternoon a courier had something in his bag for the post room. "
        + "Later a customer on the phone was shouting about his passport."
    )
    assert not detector.detect(text).fired
