"""Dangers told by their structure (reading/danger/hazards.py) and the everyday messages with the
same words, fiction and the news: own examples in several registers, none taken from a blind set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # A harmful substance and a threat to throw or spray it at someone.
        "guy outside the consulate holding a bottle shouting its acid and hes gonna throw it at the guards",
        "a woman has a jar of bleach and keeps saying she will splash it on the receptionist",
        "he got ammonia in a squeezy bottle, threatening to squirt it in peoples faces at the bus stop",
        "man say he have acid, he want to throw on the people in queue, please come",
        # Something released where people then show symptoms.
        "someone let off some kind of spray on the top deck of the bus and we're all choking",
        "a man released a gas on the platform, people are gasping and their eyes are burning",
        "a guy sprayed something from a can near the ticket hall, my throat is burning and my friend feels dizzy",
        # Powder out of the post.
        "opened a parcel at reception and a white powder spilled out, my hands are tingling",
        "there is strange powder in the envelope that came for the ambassador",
        # A drone carrying something, or dropping something while it is still there.
        "drone hovering over the crowd at the rally with a bottle taped under it",
        "theres a dron with somethin hangin off it over the embassy garden",
        "a drone just dropped an object onto the embassy roof and it's still hovering",
        # A way in broken and someone getting through.
        "two men have smashed the back door and are getting inside the mission",
        "someone kicked the side door in and went inside",
        "he broke the glass on the front door and is climbing thru right now",
        # Wounds in slang or few words.
        "bro got bottled at the bus stop, claret pouring out his head",
        "she's gone really pale and her lips are turning blue",
        "blood is gushing from his leg in the underpass",
        "my cousin just got jumped outside the chicken shop hes losing loads of blood",
        # Improvised weapons brandished.
        "a man is swinging a metal pole at people outside the station",
        "bloke waving a hammer about in the post office queue",
        "lad got a smashed bottle and hes going for people by the bar",
        # A written threat with a time.
        "found a letter under the gate saying the embassy will explode today",
        "someone left a card on reception reading: you all die tonight",
        # An item making a noise or showing a light.
        "a rucksack left by the pillar is making a weird noise",
        "box under the seat with a red light blinking",
        "A man pushed a suitcase behind the planters and left. It is still there and it has started buzzing.",
        # A vehicle by its make driven at people.
        "a silver merc is driving at the crowd on whitehall",
    ],
)
def test_a_hazard_told_by_its_structure_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        # Chemicals and symptoms in everyday life.
        "how do I get acid stains out of a marble worktop",
        "is it ok to pour old bleach down the sink or should I throw it in the bin",
        "the cleaner sprayed something on the desks and now everyone's coughing",
        "my flatmate sprayed so much deodorant that I'm coughing",
        "chopping onions and my eyes are streaming",
        "I've got a cold and keep coughing, can I still come in to the station to report something",
        # Drones at work or play.
        "the amazon drone dropped my parcel in the garden just now",
        "a drone carrying a camera is filming the marathon",
        "my son's drone has a little box strapped under it for his science project",
        # Getting in, one's own way.
        "I locked myself out and climbed in through the kitchen window, will I be in trouble",
        "the wind smashed the shed window and rain is getting in",
        "the kids kicked a ball and broke our kitchen window, who do I call",
        # Fiction, the news, another country.
        "Did you watch the new Line of Duty? That bomb scene was intense",
        "reading about the stabbings in the news makes me scared to go into town",
        "there was a programme on telly about a bomb in the 70s",
        "so many shootings in america, why do people there need guns",
        # Noises and notes that are everyday.
        "the car makes a clicking noise when i start it",
        "my bag keeps buzzing, it's my phone",
        "a note on the fridge saying the chicken burns easily, cook it low",
    ],
)
def test_the_same_words_in_everyday_use_do_not_fire(detector, text):
    result = detector.detect(text)
    assert not result.fired, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "just watched a thriller and now there's a man with a knife outside my door",
        "I was reading about bombs in the news and there's a bag ticking on this bus right now",
    ],
)
def test_fiction_and_the_news_do_not_hide_a_danger_now(detector, text):
    assert detector.detect(text).fired, text
