"""Accounts of something earlier that name a danger but tell none now: a threat someone was heard
to say, fuel bought, an item since gone, a question whether there is a bomb, a drone pilot's own
bag; and their dangerous twins, told now, which still fire. Own examples, none from a blind set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # A threat someone was heard to say, earlier, told in the past.
        "Delivered a parcel on Cambridge Street last night. The man at the door was ranting that the "
        "mosque deserves to get blown up and that he'd do it himself.",
        "this morning on the bus a woman was talking on her phone about how the town hall would be "
        "on fire by friday",
        "A regular at the cafe last night said he would shoot up the consulate, he was very drunk.",
        "Yesterday a lad at the gym was bragging that he'd stab anyone who crossed him. Tall, shaved head.",
        "earlier a man in the queue was mouthing off about how the station deserved a bomb",
        "customer in the shop last nite said hes gonna torch the embassy, probably just talk",
        "my neighbour told me last nite that a bloke at the pub had a gun",
        # Fuel bought, an account of what was sold.
        "a man bought six cans of petrol at the garage this morning and paid cash",
        "someone was buying lighter fluid in bulk at our shop earlier, is that worth mentioning",
        "last week a customer purchased twenty litres of diesel in jerry cans, seemed odd",
        "a guy stocked up on paraffin at the hardware store on the high street this afternoon",
        "weird one but a woman bought all our lighter fluid this morning and asked when more comes in",
        # The item told of is gone.
        "There was a holdall on its own by the ticket machines this morning. Now it's gone, did "
        "someone take it?",
        "saw a suitcase left unattended at the bus shelter at 8. Now I walk past and its gone",
        "A backpack was left alone on a bench in the park earlier. Now I'm back and it has gone.",
        "There was a box left at the gate at lunchtime. It has been removed now I think.",
        "an abandoned bag sat by the bins this morning. now it's gone, just letting you know",
        # Whether there is a bomb, asked after seeing armed police.
        "lots of police with guns at the station this morning, is there a bomb scare or something",
        "saw armed officers outside parliament earlier, is there a bomb threat should we avoid it",
        "police everywhere in the square today, is there a bomb or something going on",
        "the road was closed by police this morning, was there a bomb threat or something",
        "cordon and police vans on the high street earlier, are there explosives or something",
        # A drone pilot's own bag, the pilot gone.
        "At about 3 a drone was flying over the palace gardens. A man with a rucksack was flying it "
        "from the park. They packed up and left when a guard came over.",
        "a drone hovered over the stadium at lunchtime, the guy with a backpack was controlling it, "
        "he walked off after",
        "a drone over the barracks around 1pm, a woman with a holdall was operating it from the bridge",
        "Drone over the prison this afternoon. Lad with a bag was flying it, then went home.",
        "someone was flying a drone near the embassy earlier, he had a backpack was piloting it from the car park",
    ],
)
def test_an_earlier_account_is_no_danger_now(detector, text):
    assert not detector.detect(text).fired, detector.detect(text)


@pytest.mark.parametrize(
    "text",
    [
        # A threat said now, by someone here.
        "a man is shouting he's gonna blow the place up",
        "a guy is ranting that he's going to blow up the station and he's still on the platform",
        "man outside is shouting he'll blow us all up",
        "this bloke is screaming that he's got a bomb and he's standing by the door",
        "a woman is yelling she's going to blow this place up right now",
        "guy on the phone in the cafe said he's got a bomb and today's the day",
        "the man at the counter said he has a bomb in his bag and it's going off today",
        "a man on the train just said he's got a bomb",
        "customer said he's got explosives in his car outside right now",
        "he told the staff he has a bomb and today is the day",
        # A weapon someone says they have, here.
        "he just told me he's got a shank and he'll use it",
        "he just said he has a knife and he'll stab me",
        "the lad told me he's got a blade and he's gonna use it",
        "she just told me she has a knife in her bag and she'll use it",
        "a man said he has a gun and he's still outside",
        "the guy said he's got a gun and he's still in the shop",
        "he said he has a gun and he is waiting outside my flat",
        "a man told the guard he has a gun and he's still at the gate",
        "Earlier a man said he had a knife. He was waving it at kids.",
        # Fuel being spread now.
        "a man is pouring lighter fluid on the door",
        "someone is pouring petrol on the front of the mosque",
        "a guy is splashing petrol on the car outside",
        "he bought petrol and now he's pouring it on the door with a lighter in his hand",
        "man pouring lighter fluid on the doorstep and flicking a lighter",
        "the guy who bought petrol is now lighting a rag outside the mosque",
        "he's just bought lighter fluid and is striking matches by the bins",
        "a man bought petrol at the garage and is holding a lighter by the pumps",
        # An item here now with nobody with it.
        "there's a rucksack left alone at the bus stop, nobody's with it",
        "a bag has been left alone on the train, nobody owns it",
        "there's a suitcase on its own at the station and nobody's with it",
        "an abandoned holdall is by the gate right now, no one is with it",
        "there's a box left unattended by the entrance, it's still there",
        "a bag was left here this morning and it's still there now, nobody's with it",
        # A drone carrying something, now.
        "a drone with a package strapped underneath is hovering over the crowd",
        "there's a drone over the stadium right now with something hanging off it",
        "a drone with a bottle taped to it is flying over the fan zone",
    ],
)
def test_the_dangerous_twins_still_fire(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "there was a bag left here. now it's gone off and there's smoke everywhere",
        "a rucksack on its own by the gate, now it's gone up in flames",
    ],
)
def test_an_item_gone_off_is_no_item_gone(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        # A bomb said to be had or put somewhere may still be there, whenever it was said.
        "this morning a man told me he had a bomb in his bag at the station",
        "this morning a passenger said he'd put a bomb on the bus",
        "this morning a caller told our reception she had planted a bomb in the building",
        # A threat said as "would", by someone here now.
        "Last night my ex said he would kill me and he is outside now",
        "my neighbour said he'd stab me and he's at my door right now",
    ],
)
def test_a_bomb_said_outright_and_a_threat_by_someone_here_still_fire(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "this morning a man was ranting about bombs outside the station, he went off towards the river",
        "last night a bloke in the pub kept talking about bombs and guns, then he left",
        "years ago my dad said he would kill me, how do I deal with the trauma",
    ],
)
def test_talk_about_bombs_and_an_old_threat_stay_calm(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "A car just hit a cyclist at the roundabout, she isn't moving. The driver didn't stop",
        "he isn't breathing, please help",
        "my dad collapsed on the pavement and he isn't responding",
    ],
)
def test_someone_hurt_told_with_isnt(detector, text):
    assert detector.detect(text).fired, text


def test_a_thing_that_isnt_moving_is_no_casualty(detector):
    assert not detector.detect("my phone isn't moving the cursor").fired
