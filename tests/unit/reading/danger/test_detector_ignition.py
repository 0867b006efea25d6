"""Fuel or gas with a flame or a threat to light it is a fire about to start (999 first); fuel,
gas, lighters and matches in everyday use are not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "a man is splashing petrol over the front door of the embassy and he's got a lighter in his hand",
        "guy with a jerry can tipping fuel all over the steps, says he will light it",
        "theres a strong smell of gas in the lobby and a man keeps flicking a lighter",
        "woman has covered herself in petrol outside the high commission and is holding matches",
        "he's threatening to set the place alight, there is petrol everywhere",
        "someone emptied a can of fuel by the gates and is waving a zippo around",
        "man shouting he will ignite the gas cylinder he brought",
        "a bloke is pouring what smells like diesel on the parked cars and has a box of matches",
        "gas pipe has been cut open and the man next to it is trying to light a cigarette lighter",
        "he soaked the doorway in lighter fluid and he's saying he'll burn it all down",
        "some1 sprayin petrol on the entrance n holding a lighter pls hurry",
        "a man is standing in a pool of fuel with a lit match",
        "protester doused the barrier with paraffin and says he is about to light it",
        "there's a guy with a gas canister and a blowtorch shouting at the guards",
        "man threatening to light the petrol he poured round the car",
        "she keeps striking matches next to the leaking gas bottle",
        "gas is hissing out of a canister in the foyer and a man is holding a lighter over it",
        "he says he's gonna torch the building, he has a petrol can",
    ],
)
def test_fuel_with_a_flame_or_a_threat_to_light_it_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "I was pouring petrol into the lawnmower when my neighbour came round",
        "we bought lighter fluid and matches for the barbecue tonight",
        "my gas hob won't light, who do I call",
        "the pilot light on the gas boiler keeps going out",
        "can I bring a lighter on the plane",
        "how much does a jerry can of petrol cost these days",
        "we lit the candles on the birthday cake and the kids sang",
        "my dad keeps a petrol can in the shed for the generator",
        "what should I do if I smell gas in my flat",
        "filled up with diesel at the station then drove to work",
        "I light the wood burner every evening with firelighters and matches",
        "the camping stove uses a gas canister and you light it with a match",
        "he asked me for a lighter outside the pub",
        "petrol prices have gone up again",
        "there was a gas leak on our road last week but it's been fixed",
    ],
)
def test_fuel_and_flames_in_everyday_use_do_not(detector, text):
    assert not detector.detect(text).fired, text
