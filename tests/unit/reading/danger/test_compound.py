"""Dangers no single cue makes: fuel and a flame, something thrown then an aftermath, a hostile
stranger hidden inside; each undone by its harmless or past reading."""

from __future__ import annotations

from reading.danger.compound import FIRE, INTRUSION, SUSPECT_ITEM, compound_dangers


def test_fuel_and_a_flame_are_a_fire_unless_it_is_an_everyday_fire():
    assert compound_dangers({"FUEL", "IGNITION"}) == {FIRE}
    assert compound_dangers({"FUEL", "IGNITE_THREAT"}) == {FIRE}
    assert compound_dangers({"FUEL", "IGNITION", "BENIGN_FIRE"}) == set()
    assert compound_dangers({"FUEL"}) == compound_dangers({"IGNITION"}) == set()


def test_something_dropped_or_thrown_then_an_aftermath_is_a_suspect_item():
    assert compound_dangers({"DRONE", "DROP_ACT", "AFTERMATH"}) == {SUSPECT_ITEM}
    assert compound_dangers({"THROWN", "AFTERMATH"}) == {SUSPECT_ITEM}
    assert compound_dangers({"DRONE", "AFTERMATH"}) == set(), "a drone that dropped nothing"
    assert compound_dangers({"THROWN", "AFTERMATH", "BENIGN_THROWN"}) == set()


def test_a_hostile_stranger_hidden_inside_is_an_intrusion_unless_gone_or_known():
    assert compound_dangers({"INSIDE", "CONCEALED", "HOSTILE"}) == {INTRUSION}
    assert compound_dangers({"INSIDE_NOW", "SUSPECT_ADJ", "HOSTILE"}) == {INTRUSION}
    assert compound_dangers({"INSIDE", "CONCEALED", "HOSTILE", "GONE"}) == set()
    assert compound_dangers({"INSIDE", "CONCEALED", "HOSTILE", "KNOWN_PERSON"}) == set()
    assert compound_dangers({"INSIDE", "HOSTILE"}) == set()
