"""Harmless readings of danger words (reading/danger/asides.py): tools of a trade looked after,
slang, teasing, police weapons asked about, windows broken by weather or games, a powder explained
away; and the same words said of someone here and now still fire. Own examples, none from a
blind set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "my knife has gone blunt, any tips for sharpening it",
        "can you recommend a good whetstone for my Japanese knives",
        "bought a blowtorch for creme brulee, the shop asked for ID",
        "what's the best axe for splitting logs for the wood burner",
        "my manager is gonna shoot me if I'm late again",
        "my dinner party was the bomb, thanks for the tips",
        "The police outside the embassies, they carry guns or not?",
        "the boys next door smashed our greenhouse glass with a football",
        "a white powder came out of the envelope but it was just talc from the sample sachet",
        "that bomb scene in the last episode was so tense",
    ],
)
def test_everyday_readings_do_not_fire(detector, text):
    result = detector.detect(text)
    assert not result.fired, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "a man is waving a kitchen knife at people in the queue",
        "he's sharpening a huge knife and shouting he will stab the guard",
        "someone smashed the embassy's back window and is climbing in now",
        "white powder came out of the envelope and my colleague can't breathe",
    ],
)
def test_the_same_words_said_of_a_danger_now_still_fire(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "my late grandfather kept a rusty rifle in the garage, who do I call about it",
        "clearing out dad's flat we found my dad's old service pistol, what now",
        "I'd like to hand in an old revolver, which station takes them",
        "there's a wartime bayonet in my nan's attic I want to get rid of",
        "my uncle had an antique pistol in his desk, how do we dispose of it properly",
        "our gran kept a vintage shotgun under the stairs. found it today, what do I do with it",
        "found an old musket in the loft, how would I hand it in",
        "how do i report a knife i found in the park last week, it's in my drawer now",
    ],
)
def test_a_relatives_or_ones_own_old_weapon_is_no_danger(detector, text):
    result = detector.detect(text)
    assert not result.fired, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "my ex took my old shotgun and says he will shoot me",
        "hand over the gun he said, and pointed a pistol at me",
        "a man with an old rifle is walking towards the school",
        "my husband has a gun and he's threatening me",
        "my brother has grandad's old rifle and he is aiming it at the neighbours",
        "my dad kept an old shotgun and he's waving it around the kitchen screaming",
        "my ex has a gun, it's in my flat and he is threatening me",
    ],
)
def test_a_weapon_held_by_someone_threatening_still_fires(detector, text):
    assert detector.detect(text).fired
