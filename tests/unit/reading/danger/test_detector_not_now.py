"""Accounts and questions that name a danger which is not here now, and their dangerous twins.

Each kind is read by the rules' structure, not by the phrase: a protection named after a danger
(reading/danger/asides.py), "now" that tells a worry (reading/danger/context.py `urgent`), a
question someone is told to have asked (`reported_question`), a month ago or the speaker's younger
years (PAST, reading/danger/cues.py), a tool worked on a thing (asides.py), a threat for later by a
person who has gone (LATER, reading/danger/frame.py).
"""

from __future__ import annotations

import pytest

from reading.danger import DangerDetector


@pytest.mark.parametrize(
    "text",
    [
        # a protection against a danger, named after it ("bomb-proof bollards", "stab proof vests")
        "What kind of behaviour should our guards treat as suspicious? For example somebody photographing the bomb-proof bollards, is that something to report?",
        "we're fitting bomb-proof glass to the reception windows, who approves the spec",
        "do your officers wear stab-proof vests on patrol at the station?",
        "the new barriers outside parliament are blast-resistant, someone was leaning on them taking selfies",
        "is the embassy's front door bomb proof or just reinforced?",
        "our site uses knife-resistant gloves for the bin crew, anything else you recommend",
        "the explosion-proof lighting in the plant room keeps flickering, who do I call",
        "saw a man filming the stab proof vest shop on the high street, is that weird",
        # a question whether there is a danger, asked by someone worried "now"
        "Saw armed police and sniffer dogs all over Liverpool Street this morning. Is there a bomb threat? I've got to go through there again tomorrow with my grandchildren and I'm a bit nervous now.",
        "loads of police at Victoria earlier, was it a bomb scare? I'm a bit worried now as I commute through there",
        "Is there a bomb threat at Westminster? Saw it on the news and I'm feeling anxious now about going to work",
        "was there a shooting near my office? heard sirens all morning and im kinda uneasy now",
        "Are there knife attacks round Brixton lately? my daughter starts college there and I'm worried now",
        "is it true there was a bomb on the Jubilee line this morning? I'm a bit jittery now",
        # a danger word inside a question someone is told to have asked
        "Good afternoon. I'm on the security team at an embassy in Kensington Palace Gardens. This morning around 10:15 a woman in her thirties, dark hair in a ponytail, grey puffer jacket, came to our visa window without an appointment and asked the receptionist what time the guards change over, how many of them are armed and whether the back gate is used at night. When the receptionist asked for her name she left quickly and walked towards Notting Hill Gate. We have her on CCTV if that helps.",
        "a man at the gate asked our guard whether the officers carry guns and where the cameras are, he left after a minute",
        "earlier a guy kept asking staff how many armed officers work nights and when the shift changes, he went off towards the tube",
        "some bloke quizzed the doorman about what weapons the guards have, then walked off. seemed odd",
        "a woman wanted to know how many of the police outside are armed and which door the ambassador uses, she left before we got her name",
        "this afternoon two lads asked me if the security guards have knives or tasers, I said no idea and they left",
        "a man rang reception asking whether the building has bomb detectors and how many guards are armed",
        # an event a month or more ago, or in the speaker's younger years
        "someone pulled a knife on me and took my phone in Camden like a month ago, never reported it. can i still do that and where",
        "a guy threatened me with a knife about a year ago outside the station, can I still report it?",
        "I was stabbed a fortnight ago in Peckham and the police never called back, who do I chase",
        "my mate got robbed at knifepoint a couple of months ago, is it too late to report",
        "some lad pulled a blade on my son about a month ago near the school, we never reported it, should we",
        "I got arrested for carrying a knife when I was 17, will it come up on a DBS check for a job at Canary Wharf?",
        "I was caught with a knife when I was a teenager, do I have to declare it on a job application?",
        "got a caution for carrying a blade back in school, will security vetting find it",
        "when I was younger I got stabbed in Hackney, does that affect my application to be a special constable?",
        "as a kid I was in a gang and carried a knife, can I still join the police",
        # a tool worked on a thing (number plates, a panel), the people gone
        "Around lunchtime today I watched two men in dark work gear swap the number plates on a blue Vauxhall Astra in the car park under Westferry Circus, Canary Wharf. Took them two minutes with a screwdriver. The new plate they put on was KP66 ROX. Then they drove out towards the Limehouse Link tunnel.",
        "this morning a man took the plates off a white van with a screwdriver in the Tesco car park and drove away, reg was LD19 XYZ",
        "two lads removed the number plates with a screwdriver outside my flat earlier, then walked off. should I report it",
        "saw someone prising the cover off a parking meter with a screwdriver yesterday on the Strand",
        "a bloke undid the wheel bolts with a wrench on a parked BMW at lunchtime, then left in a silver car",
        "it only took him seconds with a screwdriver to get the panel off the ticket machine, it was this afternoon",
        # a threat for later ("next time he sees em") by a person who has gone
        "bruv some man outside kings x was sayin he's gonna shank the feds next time he sees em, he's gone now tho",
        "a drunk guy at the bus stop was shouting he'd stab his ex one day, he got on a bus and left",
        "some lad on the platform said he's going to shoot the next copper he sees one of these days, he's gone now",
        "man in the pub said he'll knife his landlord next time he comes round, he's left now, should I tell someone",
        "heard a guy say he's gonna stab his brother if he ever sees him again, he's gone now, not sure what to do",
    ],
)
def test_not_a_danger_now(detector: DangerDetector, text: str) -> None:
    assert not detector.detect(text).fired, detector.detect(text)


@pytest.mark.parametrize(
    "text",
    [
        # twins of: a protection against a danger, named after it ("bomb-proof bollards", "stab proof vests")
        "there's a bomb next to the bomb-proof bollards, it's ticking",
        "a man is stabbing people by the blast-resistant barriers right now",
        "someone with a knife is outside the bomb-proof door shouting he'll kill us",
        "there's a man with a gun at the bomb-proof gate now",
        "he stabbed the guard through his stab-proof vest, he's bleeding",
        # twins of: a question whether there is a danger, asked by someone worried "now"
        "Is there a bomb on this train? there's a bag ticking and I'm nervous now",
        "is that a gun? a man is pointing it at people right now, I'm worried",
        "there's a man with a knife outside, I'm really nervous now",
        "help there's a fire in the building and I'm worried now",
        "is there a bomb? someone just shouted he has a bomb, I'm scared now",
        # twins of: a danger word inside a question someone is told to have asked
        "she asked how many guards are armed and then pulled out a gun",
        "he asked me what time it was, he has a knife and he's following me",
        "a man asked the guard where the ambassador is, and stabbed him",
        "he's asking everyone where the exit is and waving a gun around",
        # twins of: an event a month or more ago, or in the speaker's younger years
        "someone pulled a knife on me just now outside Camden station",
        "a month ago he threatened me and now he's outside my door with a knife",
        "a man pulled a knife on me and took my phone, he's still here",
        "there's a man with a knife outside my house, he stabbed me when I was 17 and he's back now",
        "when I was at the bus stop a guy pulled a gun on me, he's still there",
        # twins of: a tool worked on a thing (number plates, a panel), the people gone
        "a man is attacking people with a screwdriver outside the station right now",
        "he's got a screwdriver and is stabbing people",
        "some guy is waving a screwdriver at the staff and shouting",
        "a man just hit someone with a hammer on the platform, he's bleeding",
        "there's a man holding a screwdriver to a woman's throat at the bus stop",
        # twins of: a threat for later ("next time he sees em") by a person who has gone
        "some man outside kings x is saying he's gonna shank the feds, he's still here",
        "a man is shouting he'll stab the next person he sees, he's outside now with a knife",
        "he said he'd stab me next time and now he's back outside my door with a knife",
        "a guy said he's going to shoot someone next time, he's still on the platform",
        "he's gonna stab someone, he's walking towards the crowd",
    ],
)
def test_danger_now_still_fires(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        # a time told, not asked: "when I was", "when we got off"
        "when I was walking out of the station a man stabbed someone, he's bleeding",
        "when we got off the train a man pulled a knife on us, he's still on the platform",
        "when I came out of the shop a guy was waving a machete at people",
    ],
)
def test_a_time_told_is_not_asked(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        "when was the IRA bomb at Bishopsgate? I can't remember if it was 92 or 93",
        "when I was 17 I got caught with a knife, will it show on a DBS check?",
    ],
)
def test_a_question_opening_when_is_still_asked(detector: DangerDetector, text: str) -> None:
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        "a man asked us if we were scared then shot at the door",
        "he asked the guard if he was alone and then stabbed him",
        "she asked me if this was the embassy then pulled out a gun",
    ],
)
def test_an_if_that_means_whether_supposes_nothing_after_it(detector: DangerDetector, text: str) -> None:
    assert detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        "what should i do if i see a man with a gun",
        "he asked me if the guards are armed",
        "she asked if anyone had found a bag, then left",
    ],
)
def test_a_supposition_or_an_asked_whether_still_calms(detector: DangerDetector, text: str) -> None:
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    [
        # long past, and "now" dates the telling ("where do I report it now")
        "a lad pulled a blade on me for my bike two weeks ago, i'm fine, can i still report it now",
        "someone set fire to our wheelie bins last month, who do I tell now",
    ],
)
def test_a_past_danger_told_now_is_not_a_danger_now(detector, text):
    assert not detector.detect(text).reasons, text


@pytest.mark.parametrize(
    "text",
    [
        # the same past, with the danger itself now
        "a lad pulled a blade on me two weeks ago and he's outside my flat now",
        "someone set fire to our bins last month and the shed is on fire now, who do I tell",
    ],
)
def test_a_past_danger_back_now_fires(detector, text):
    assert detector.detect(text).reasons, text


def test_nights_ago_is_long_past(detector):
    text = "Two nights ago I saw a man with a crowbar at the side door of the consulate but now everything is fine."
    assert not detector.detect(text).reasons
