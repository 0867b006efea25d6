"""Dangers told without the usual danger word, and harmless messages that use one.

Dangers: getting past security by force, panic around the speaker, a vehicle heading at people,
powder from a letter with people coughing, someone burnt, a room filling with smoke, fuel or gas
with a flame, a threat reported as said (in any English), a weapon being handled while the person
asks about it, a hurried spelling ("pourin", "comin"). Harmless: killing as a figure of speech, a
danger watched or played, advice on handling threats.
"""

from __future__ import annotations

import pytest

from reading.danger import DangerDetector


@pytest.mark.parametrize(
    "text",
    [
        # getting past security, panic
        "a bloke has just barged past the guards at reception and is running up to the first floor",
        "two lads shoved through the security desk and ran upstairs",
        "someone stormed into the visa office and everyone is screaming",
        "ppl r screaming n running out the station",
        "a man has just jumped over the embassy fence",
        # a vehicle at people or at a barrier
        "the van is heading straight for the market stalls and its not slowing down",
        "white van going up the wrong side of the road right towards the marchers",
        "a lorry just hit the barrier outside the embassy at speed",
        # powder, smoke, burns
        "opened an envelope at work and white powder came out, my colleague and I can't stop coughing",
        "two of us r coughing badly after opening the post",
        "the kitchen is filling with smoke and we cant get out",
        "smoke comin out the vents and its gettin thicker",
        "his face is badly burnt, someone threw something at him",
        "firework thrown into the crowd, a kid's arm is burning",
        # fuel or gas with a flame; threats told as said
        "smells of petrol in the stairwell and a guy is flicking a lighter",
        "theres a gas smell in reception and a man says hes going to light it",
        "she say she burn the embassy down",
        "he keeps saying he will stab everybody in this shop",
        "my husband says he'll kill me",
        # weapons, asked about while they are being handled
        "is it normal that someone is aiming a gun from the roof opposite the embassy",
        "why is that man waving a knife at the bus stop",
        "a man with a hatchet is walking along the queue",
        "he pulled a blade on the cashier",
    ],
)
def test_a_danger_told_without_the_usual_words_fires(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "my boss is going to kill me if I miss this train",
        "my mum will literally kill me lol, whats a good excuse for being late",
        "we need to kill the old website project before launch, how do I redirect the domain",
        "killing the weeds on my patio without chemicals?",
        "in call of duty my mate keeps getting shot by snipers, how do I get better",
        "any good zombie games like the last of us",
        "the explosion in the new bond film looked so real",
        "everyone is screaming at the football on tv",
        "my startup went down in flames, how do I tell investors",
        "can you give us guidance on dealing with suspicious packages at the embassy",
        "we'd like training on spotting bomb threats for reception staff",
        "ran past the police station this morning, is it open on Sundays",
        "I hit the barrier in the supermarket car park, who do I tell",
        "my arm is burnt from the oven what should I put on it",
        "there's a man pointing at the embassy and taking photos",
    ],
)
def test_a_harmless_message_with_a_danger_word_does_not_fire(detector: DangerDetector, text: str) -> None:
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "he told me he plans to bomb the embassy tonight",
        "I want to report a shooting happening outside",
        "there's a knife fight on the platform right now",
    ],
)
def test_the_harmless_readings_do_not_hide_a_real_danger(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "i need a film for tonight, something with explosions and car chases",
        "the neighbours cat keeps attacking my cat, any advice",
        "best knife for chopping onions",
        "queue up guns n roses on spotify",
    ],
)
def test_films_pets_and_kitchens_are_not_dangers(detector: DangerDetector, text: str) -> None:
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    ["a dog is attacking a child in the park", "he has a knife for the guards he says"],
)
def test_an_animal_at_a_person_or_a_knife_for_people_still_fires(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        # What happens in a story, even told with "there's" and a place.
        "what's the movie where there's a bomb on a plane and the hero is a cop",
        "trying to remember a book about a gunman on the Underground, any ideas?",
        "is that old film with the sniper in the clock tower ok for a 12 year old",
        # Games and their platforms.
        "my daughter keeps getting sniped with a rifle in warzone, she's fuming",
        "got a headshot with the grenade launcher on my xbox last night, best game ever",
        # History, long over.
        "my nan remembers the bombs falling in the Blitz when she was little",
    ],
)
def test_a_danger_in_a_story_a_game_or_history_does_not_fire(detector: DangerDetector, text: str) -> None:
    result = detector.detect(text)
    assert not result.fired, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "we were watching a film and now there's a man with a knife in the cinema",
        "I'm watching a film about a bomb at the cinema and there's a man with a knife in the row in front",
        "playing fortnite when a man with a gun walked into our flat, he's still here",
        "the movie where the bomb goes off, and now a real bomb has gone off outside",
        # A game or a film named beside someone here with a weapon.
        "man with a gun at the xbox store on oxford street",
        "a guy is stabbing people at the gaming convention",
        "a man with a machete is running through the cinema during a film",
        "the one with the gun is coming towards us",
    ],
)
def test_a_danger_here_and_now_inside_a_story_frame_still_fires(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "hey so the officers with the dogs at paddington this morning, were they looking for drugs or bombs?",
        "my mate saw the armed police at euston, are they expecting an attack?",
        "loads of police vans outside parliament earlier - was there a bomb scare?",
    ],
)
def test_a_danger_word_only_asked_about_after_a_statement_does_not_fire(detector, text):
    assert not detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a man with a knife outside the embassy, what should I do?",
        "there's a guy by the gate, is that a gun he's holding?",
        "guy on the bus with a knife, should i get off?",
    ],
)
def test_a_danger_told_before_a_question_still_fires(detector, text):
    assert detector.detect(text).fired, text
