"""The message's frame: an account said to be over, a question about the rules or for advice, and
the police's own kit hold a danger back only where nothing says danger now (reading/danger/frame.py);
hostile repetitions of their phrases are read promptly. Own examples, none from a blind set."""

from __future__ import annotations

import time

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # The scene has ended.
        "This is about something from last Friday, nothing happening now. A man sat on the wall "
        "outside the embassy with a knife in his belt.",
        "there was a small fire in the bins behind our office this morning, it's all out now",
        "Not urgent. A group were fighting outside the pub and one of them got hurt.",
        # The person has been dealt with.
        "The lad who waved a blade at us outside the shop was arrested, I saw it happen.",
        "saw a bloke with a gun tucked in his jeans at the market, he's long gone, want to report it",
        # The person left, a while ago.
        "About three hours ago a man on the 73 bus had a knife in his jacket. He got off at Angel.",
        "a guy was threatening to stab people on the platform earlier, he walked off towards the exit",
    ],
)
def test_an_account_said_to_be_over_is_no_danger_now(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Something just happened, or is still going on.
        ("A man with a knife just got off the bus at Angel", "weapon"),
        ("he got off at Angel about an hour ago but a man with a knife is still on the bus", "weapon"),
        # What a person leaving does not end: an injury, a suspect item.
        ("a man stabbed my friend an hour ago and ran off, he is bleeding", "injury"),
        ("earlier a man left a rucksack with wires by the gate and walked off", "suspect_item_now"),
        # Told in the present, whatever else is said.
        ("I'm safe now, I've locked myself in the office, he's smashing the door with an axe", "weapon"),
        ("the fight is over now but a man with a knife is walking towards the station", "weapon"),
        # Gone somewhere, not gone away.
        ("About an hour ago a man with a knife walked into the church. He's gone into the vestry", "weapon"),
        # Asked, not said: "is he gone?"
        ("Has he gone? A man with a gun was at our door an hour ago, please help", "weapon"),
    ],
)
def test_danger_now_stands_whatever_the_frame(detector, text, reason):
    assert reason in detector.detect(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I'm a chef and carry my own knives to work on the Tube. Is that legal?",
        "My grandad left me his old rifle. Do I need a licence to keep it?",
        "I shoot clays at weekends. How do I get a shotgun certificate?",
        "We have a fire pit in the garden, is it allowed in London?",
    ],
)
def test_a_question_about_the_rules_for_ones_own_thing_is_no_danger(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        "a man on the bus has a knife in his hand, is that even legal?",
        "is it legal to carry a knife like that? a guy is waving a knife at people outside",
        "I carry a knife for work but right now a man is pointing a gun at me, is this legal?",
    ],
)
def test_a_question_about_the_rules_with_danger_now_still_fires(detector, text):
    assert detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        # Asking for advice about one's own or a generic thing.
        "Surely most rucksacks on trains aren't bombs? What should I look out for, honestly?",
        "is a pocket knife a weapon or not, how do I tell what counts as one",
        # A relative's knife, asked about with "he" for that relative.
        "my uncle wants to bring his fishing knife when he visits from Canada, is that allowed here?",
    ],
)
def test_a_question_for_advice_or_about_a_relatives_thing_is_no_danger(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("what should I look out for? a man on my bus has a gun in his waistband", "weapon"),
        ("my brother says he will stab me, what counts as a threat?", "weapon"),
        ("I met him at the station and he had a gun, what are the signs of a terrorist?", "weapon"),
    ],
)
def test_advice_asked_with_a_danger_from_someone_else_still_fires(detector, text, reason):
    assert reason in detector.detect(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "The PDP officers outside the high commission yesterday had rifles, is that usual?",
        "cops at the station tonight, were those tasers on their belts or radios?",
        "the police by the consulate, they all carry pistols now?",
    ],
)
def test_the_polices_own_kit_is_no_danger(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a man is pointing a gun at the officers by the gate", "weapon"),
        ("the police are outside and they are shooting", "weapon"),
        ("they have guns, get the police here", "weapon"),
        ("the officers have guns and someone has a knife at the gate", "weapon"),
        ("cops outside, they've got guns, help us!", "weapon"),
        ("at the embassy the officer keeps waving his gun at people", "weapon"),
    ],
)
def test_a_weapon_used_or_anyone_else_armed_still_fires(detector, text, reason):
    assert reason in detector.detect(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        # An account of a while ago, the person gone: past sentences add no compound cues.
        "Yesterday evening I saw a man fly a drone over the barracks. It had a light blinking on it. "
        "He put it in a backpack and drove away.",
        "on the bus last night a man was muttering threats at the driver but he got off and we carried on",
    ],
)
def test_an_account_of_a_while_ago_told_in_the_past_is_no_danger_now(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Said in the present: the compound still stands.
        (
            "Last night a man pushed a holdall under the bench and walked off, "
            "it's still there and making a buzzing noise.",
            "suspect_item_now",
        ),
        # Earlier today, not yesterday: what was left may still be there.
        (
            "Earlier a man put a holdall by the gate and walked off. It was making a buzzing noise.",
            "suspect_item_now",
        ),
        # An injury is never held back by the person leaving.
        ("an hour ago a man punched my friend and ran off, she is unconscious", "injury"),
    ],
)
def test_an_old_account_with_something_still_there_fires(detector, text, reason):
    assert reason in detector.detect(text).reasons


@pytest.mark.parametrize(
    "unit",
    [
        "the film where there's a bomb on the bus ",
        "my late husband's old old shotgun hand it in ",
        "officers guns they them police their guns, ",
        "what to look out for signs of a bomb? ",
        "last night he walked off. it was buzzing in a bag. ",
    ],
)
@pytest.mark.parametrize("length", [300, 2_000])
def test_hostile_repetitions_of_the_frames_phrases_return_promptly(detector, unit, length):
    text = (unit * (length // len(unit) + 1))[:length]
    started = time.perf_counter()
    detector.detect(text)
    assert time.perf_counter() - started < 1.0, "the frame's work is bounded"


@pytest.mark.parametrize(
    "text",
    [
        "We walked past Parliament on our tour and there were police with really big guns. My kids are a bit scared now.",
        "My late dad was a police officer during the IRA bombings in the 1970s and his team guarding the embassies carried guns.",
    ],
)
def test_police_kit_with_a_feeling_now_or_a_decade_gone_does_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "A man with a knife chased us down the street. My kids are terrified now.",
        "my son is scared now, there's a man waving a machete outside",
        "there's a man with a gun in the 1970s themed bar on oxford st right now",
    ],
)
def test_danger_with_the_speakers_people_or_a_decade_in_a_name_still_fires(detector, text):
    assert detector.detect(text).fired, text
