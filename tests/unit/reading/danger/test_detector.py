"""The danger detector on its own: held-out recall and false alarms, targeted cases, speed, long input."""

from __future__ import annotations

import time

import pytest
import yaml

from reading.danger import DangerDetector, DangerResult
from reading.danger.detector import MAX_SCAN_CHARS
from tests.support.stack import ROOT


def _load(name: str) -> list:
    examples = yaml.safe_load((ROOT / "tests" / "data" / name).read_text())["examples"]
    assert all(isinstance(e, str) for e in examples), "quote yes/no in the YAML, they load as booleans"
    return examples


def test_heldout_sets_are_big_enough():
    assert len(_load("emergency_heldout.yml")) >= 80
    assert len(_load("non_emergency_heldout.yml")) >= 200


def test_every_heldout_emergency_fires(detector):
    missed = [text for text in _load("emergency_heldout.yml") if not detector.detect(text).fired]
    assert missed == []


def test_false_alarms_on_heldout_at_most_2_percent(detector):
    examples = _load("non_emergency_heldout.yml")
    alarms = [text for text in examples if detector.detect(text).fired]
    assert len(alarms) / len(examples) <= 0.02, alarms


@pytest.mark.parametrize(
    "text,reason",
    [
        ("there's a man with a knife outside right now, what do I do?", "weapon"),
        ("guy waving a machete", "weapon"),
        ("he just pulled a blade on me", "weapon"),
        ("someone's been stabbed", "weapon"),
        ("i think he has a firearm", "weapon"),
        ("man with knif by the door", "weapon"),
        ("there is a bomb in the bin", "explosive"),
        ("there's a suspicious device under the car", "explosive"),
        ("suspicious package left by the entrance and it's still there now", "suspect_item_now"),
        ("a bag with wires hanging out of it", "suspect_item_now"),
        ("smoke is coming from a bag on the bus", "suspect_item_now"),
        ("he is attacking people", "attack_in_progress"),
        ("a man is hitting people with a bottle", "attack_in_progress"),
        ("people screaming and running everywhere", "attack_in_progress"),
        ("a woman is bleeding on the pavement", "injury"),
        ("he's unconscious", "injury"),
        ("someone is hurt", "injury"),
        ("the building is on fire", "fire"),
        ("a car drove into the crowd", "vehicle_attack"),
        ("van mounting the pavement at speed", "vehicle_attack"),
        ("someone is climbing over the embassy fence at this moment", "suspicious_act_now"),
        ("a man is following me right now", "suspicious_act_now"),
        ("someone just threw what looks like acid at a woman outside the shops", "attack_in_progress"),
        ("a man has just grabbed one of our guards by the neck and is dragging him", "attack_in_progress"),
        ("man on the train has a vest with wires under his coat", "explosive"),
        ("a car just rammed the barrier at the embassy", "vehicle_attack"),
        ("a guy is riding a moped through the crowd", "vehicle_attack"),
        ("somebody just fell onto the tracks and they're hurt", "injury"),
        ("smoke comin out of a bin and ppl r coughing", "injury"),
        ("two masked men are smashing their way into the side door", "intrusion"),
    ],
)
def test_dangers_fire_with_their_reason(detector, text, reason):
    result = detector.detect(text)
    assert result.fired and reason in result.reasons, result


@pytest.mark.parametrize(
    "text",
    [
        "are PDP officers armed?",
        "armed and unarmed protection",
        "what should I do if I see an unattended bag?",
        "what is the number for an emergency",
        "how do I report a suspicious package",
        "a man was filming the gate yesterday",
        "no, nobody is in danger",
        "no one is hurt",
        "there was no weapon",
        "not happening any more",
        "the threat level says an attack is highly likely, what does that mean?",
        "my bike was stolen outside the embassy",
        "where do I report extremist videos online",
        "is Servator part of the Specialist Firearms Command",
        "what does the firearms command do",
        "the ceasefire is holding",
        "I got fired from my job",
        "what if I see a weapon",
        "what does the Vienna Convention say about protecting missions",
        "he was loitering by the gate this morning but he's gone now",
        # Watching, filming or a drone happening now is a report (the form takes it), not a 999.
        "a man is filming the gate right now",
        "there's someone sketching the front of the embassy right now",
        "a drone is hovering over the embassy garden and it's still there",
        "a man in a grey hoodie with a camera round his neck is photographing the entrance",
        # Figures of speech.
        "my phone keeps blowing up with notifications",
        "my sister is going to explode when she sees her surprise party",
        "I'm terrified I'll bomb my interview tomorrow",
    ],
)
def test_questions_negations_and_past_do_not_fire(detector, text):
    assert detector.detect(text) == DangerResult(False, ())


def test_a_question_with_presence_or_urgency_fires(detector):
    assert detector.detect("what do I do? there's a man with a gun in the lobby").fired
    assert detector.detect("who do I call, someone has a knife outside right now").fired
    assert not detector.detect("who do I call if someone has a knife").fired


def test_reasons_are_labels_never_text(detector):
    result = detector.detect("help!! a man with a gun near Grosvenor Square")
    assert result.fired and all(r.replace("_", "").isalpha() and r.islower() for r in result.reasons)
    assert not any("grosvenor" in r for r in result.reasons)


def test_one_danger_sentence_in_a_20000_character_message_fires(detector):
    filler = "We visited the museum and then walked back along the river to the hotel. "
    half = filler * (10_000 // len(filler) + 1)
    text = half + "Now there is a man with a knife attacking people outside. " + half
    assert len(text) >= 20_000
    assert detector.detect(text).fired


def test_one_danger_word_in_a_run_on_message_without_punctuation_fires(detector):
    text = "blah " * 5_000 + "someone is stabbing people " + "blah " * 5_000
    assert detector.detect(text).fired


def _quiet_cpu_seconds(detector: DangerDetector, text: str) -> float:
    """The CPU time (not wall-clock: the machine's load does not count) of the quicker of two reads."""
    times = []
    for _ in range(2):
        started = time.process_time()
        assert not detector.detect(text).fired
        times.append(time.process_time() - started)
    return min(times)


def test_huge_message_without_danger_is_quiet_and_bounded(detector):
    # Work, not the machine's load: CPU seconds. Up to the scanned length, within a generous bound
    # (measured 0.3 s; quadratic work on that many characters takes minutes); past it, no more work
    # (4x the text, about the same CPU time; scanning it all measured 2.5x).
    text = "We visited the museum and the man at the desk was very helpful to the people there. " * 12_000
    assert len(text) >= 4 * MAX_SCAN_CHARS
    scanned, huge = (_quiet_cpu_seconds(detector, text[:chars]) for chars in (MAX_SCAN_CHARS, len(text)))
    assert scanned < 3.0, f"{scanned:.2f} CPU seconds for {MAX_SCAN_CHARS:,} characters"
    assert huge < 1.6 * scanned + 0.03, (
        f"{scanned:.3f} s at the scanned length, {huge:.3f} s for 4x: not bounded"
    )


def test_empty_and_odd_input_does_not_fire(detector):
    for text in ["", "   ", "?!", "🙂", "/", "\n\n"]:
        assert detector.detect(text) == DangerResult(False, ())


def test_every_heldout_emergency_still_fires_inside_a_long_message(detector):
    """Long messages take the pre-filtered path: it must keep every sentence that could fire."""
    filler = "Thank you for the information about the visit of the delegation next month. " * 30
    missed = [
        text
        for text in _load("emergency_heldout.yml")
        if not detector.detect(f"{filler}\n{text}\n{filler}").fired
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text", ["my friend is being assaulted right now", "someone is being mugged outside the gate"]
)
def test_an_assault_happening_now_fires(text):
    assert DangerDetector().detect(text).fired


@pytest.mark.parametrize("text", ["theres a bom in the bag", "he says he has a bom", "the bom is ticking"])
def test_bomb_typed_bom_fires(detector, text):
    assert detector.detect(text).fired


@pytest.mark.parametrize("text", ["bom dia", "muito bom, obrigado", "isso é bom", "um bom dia para todos"])
def test_portuguese_bom_is_good_not_a_bomb(detector, text):
    assert not detector.detect(text).fired


def test_a_harmless_reading_of_a_danger_word_is_told_without_firing(detector):
    result = detector.detect("the comedian was killing it, absolute bomb of a set")
    assert not result.fired and result.explained == ("harmless",)
    assert detector.detect("what is project servator").explained == ()
    assert detector.detect("there's a man with a knife outside right now").explained == ()


@pytest.mark.parametrize(
    "text, now",
    [
        ("there's a man with a machete outside the chemist right now", True),
        ("a man is waving a gun at the bus stop as I type this", True),
        (
            "In my history class we are studying the bomb attacks of the Blitz, which parts of London were hit worst?",
            False,
        ),
    ],
)
def test_said_now_tells_whether_the_message_says_it_is_happening_now(detector, text, now):
    result = detector.detect(text)
    assert result.fired and result.said_now is now, result
