"""The behaviour category a description points to, from the behaviour words, in any register."""

from __future__ import annotations

import pytest

from reading.form.values import infer_category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("bloke kept walkin round the embassy lookin at the cameras, 3rd time today", "surveillance"),
        ("a man with a tripod filming the gate, he had a big backpack on", "surveillance"),
        ("she follow our staff in through the secure door without a pass", "testing_security"),
        ("two guys pulling on the side gate to see if it opened then legged it", "testing_security"),
        ("A man phoned asking for the floor plans of the residence", "eliciting_information"),
        (
            "customer paid cash for loads of drain cleaner and asked could we order more",
            "acquiring_materials",
        ),
        ("he was screaming that this place will burn and you will all pay", "expressed_threat"),
        ("there's a holdall on its own under the bench, nobody with it", "unattended_item"),
    ],
)
def test_the_behaviour_words_name_the_category(text: str, category: str) -> None:
    assert infer_category(text) == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # getting in: a way talked or pushed through, gates shaken to see if they give, a pass "forgotten"
        (
            "lad tried sweet talking his way past reception at the consulate, said he was the plumber",
            "testing_security",
        ),
        ("bloke tryna squeeze thru the turnstile behind a staff member at the ministry", "testing_security"),
        (
            "three of them rattling the railings of the residence seeing if they would move",
            "testing_security",
        ),
        ("woman at the staff door said shed forgotten her pass and couldnt show any id", "testing_security"),
        ("a nurse-looking woman in a nurses uniform tried to get in round the back", "testing_security"),
        # asking: any spelling of ask, a question put to anyone about who, which, what hours
        (
            "a fella askin which car the ambassador uses and what hours the drivers work",
            "eliciting_information",
        ),
        ("she was asking the cleaners outside the mission who locks up at night", "eliciting_information"),
        # what the people reporting asked, or a fare's request, is not questioning
        (
            "guy in our hardware shop wanted loads of fuse wire and went quiet when i asked what for",
            "acquiring_materials",
        ),
        ("customer tried to buy ten of our high-vis jackets with the company logo", "acquiring_materials"),
        # watching: a clipboard, a tally every time a car goes in, a phone held up and panned
        ("someone with a clipboard ticking things off every time a van left the depot", "surveillance"),
        ("he held his phone up and was panning across the checkpoint, then put it away", "surveillance"),
        # an item: left, found taped up, or a man coming back for it
        ("a man leave a holdall by the ticket machines then watched it from the cafe", "unattended_item"),
        ("found two gas canisters taped together under the bench at the bus stop", "unattended_item"),
        # a threat told as talk about doing it
        ("two lads on the tram going on about shooting up the synagogue on saturday", "expressed_threat"),
    ],
)
def test_the_kinds_of_behaviour_said_in_everyday_words(text: str, category: str) -> None:
    assert infer_category(text) == category


def test_coming_back_for_a_bag_is_no_threat() -> None:
    assert infer_category(
        "a rucksack was left by the lift, nobody near it, then a man come back and took it"
    ) == ("unattended_item")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("lad in a hi vis keeps tryin every fire door along the side, none opened", "testing_security"),
        ("a woman walked in right behind me through the turnstile before it shut", "testing_security"),
        ("a man is kicking the back gate and shouting to be let in", "testing_security"),
        ("he asked one of the cleaners where the cameras dont reach", "eliciting_information"),
        ("wanted loads of security lanyards and said hed pay double, no questions", "acquiring_materials"),
        (
            "a man on the bus told everyone hes got something in his bag and will set it off",
            "expressed_threat",
        ),
        ("a suitcase by the lifts that nobody has come back for in an hour", "unattended_item"),
        ("he didnt buy a ticket, just wanted to know how many exits the hall has", "eliciting_information"),
    ],
)
def test_the_behaviour_is_read_by_what_the_words_mean(text: str, category: str) -> None:
    assert infer_category(text) == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("a man with a crowbar is levering at the fire door of the annexe", "testing_security"),
        (
            "a lad ran at our barrier then stopped, like he was timing how fast the guards come out",
            "testing_security",
        ),
        ("same silver car has been behind us on the school run all week", "surveillance"),
        ("one old man on the bench, he write in small book each time the guard change", "surveillance"),
        ("As I left the building a woman was filming our entrance", "surveillance"),
        ("a man on the bus said the consulate deserves what's coming to it", "expressed_threat"),
        ("three lads in the pub were talking about doing the embassy on the corner", "expressed_threat"),
    ],
)
def test_forcing_timing_following_and_harm_promised_without_naming_it(text: str, category: str) -> None:
    assert infer_category(text) == category


def test_a_word_inside_another_is_no_cue() -> None:
    assert infer_category("my daughter wants three surprising facts about the Thames") is None


@pytest.mark.parametrize(
    "text",
    [
        "i left my gym bag on the overground this morning, who can i ask to get it back",
        "we lost our big suitcase somewhere at the coach station yesterday",
        "think i dropped my work rucksack in the cafe on the corner",
    ],
)
def test_the_speakers_own_lost_bag_is_no_unattended_item(text: str) -> None:
    assert infer_category(text) is None


def test_a_bag_someone_else_left_is_still_an_unattended_item() -> None:
    assert infer_category("a man left a holdall under my seat on the bus and got off") == "unattended_item"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a drone over a place, photos however spelt, peeking in, a slow drive past
        ("theres a drone sat above the mosque roof, no idea who is flying it, nobody around", "surveillance"),
        ("lad taking pitchers of the back gate on his phone", "surveillance"),
        ("a woman peering through the railings at our guards for ages", "surveillance"),
        ("my fare had me go dead slow past the consulate twice", "surveillance"),
        # asked how long the police take
        ("a man asked the doorman how long it takes police to get here", "eliciting_information"),
        # buying up all of something
        ("a guy cleared the whole shelf of bleach and acetone", "acquiring_materials"),
        # trying every door; waiting to see how security respond
        ("someone went along pulling every door handle on the side of the building", "testing_security"),
        (
            "she walked right up to the gate then stood back to see how the security guards react",
            "testing_security",
        ),
        # harm said of a place without naming a weapon
        ("a man on the bus said the embassy is going up next week", "expressed_threat"),
        ("he kept saying how easy it would be to bomb the place", "expressed_threat"),
    ],
)
def test_behaviour_said_another_way_names_the_category(text: str, category: str) -> None:
    assert infer_category(text) == category
