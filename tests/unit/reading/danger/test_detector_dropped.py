"""Something dropped from a drone or thrown over a wall or fence, then smoke, fire, a bang or
fumes: a suspect item now (999 first). A drone or a throw with nothing after it is not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "a drone just dropped something into the embassy garden and now there's smoke",
        "drone flew over the courtyard and released a canister, green smoke pouring out",
        "something fell off a drone onto the roof and there was a bang",
        "a drone let go of a small package over the car park, it's giving off fumes",
        "someone chucked something over the back wall and its on fire",
        "object thrown over the fence, then a loud pop and smoke everywhere",
        "a drone dropped a bottle near the queue and people's eyes are stinging",
        "a guy lobbed a package over the railings and it started sparking",
        "something was dropped from a drone in the garden, there's a burning smell",
        "a drone hovering above the gate just dumped a box which is smoking",
        "someone threw something into the compound and we heard a bang, now theres flames",
        "drone released something over the crowd and there is yellow gas",
        "an item came flying over the wall and it went off with a bang",
        "a dron droped something on the lawn and its smokin",
        "thing thrown over our perimeter fence is fizzing and smoking",
        "a drone dropped something on the balcony and it caught fire",
    ],
)
def test_something_dropped_or_thrown_then_smoke_fire_or_a_bang_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "a drone is flying over the embassy garden",
        "a drone dropped a parcel on my doorstep, is that legal",
        "my son threw his football over the neighbour's fence",
        "someone keeps throwing rubbish over the wall into our garden",
        "the amazon drone delivery left a box at the gate",
        "are drones allowed to drop things in london",
        "a kid threw a tennis ball over the railings",
        "the drone lost power and dropped into the pond",
        "someone threw a bag of crisps over the fence",
        "we watched a drone light show over the river",
        "a drone was hovering over the gate yesterday and dropped leaflets",
        "what if a drone drops something and it starts smoking",
        "someone tossed a cigarette butt over the wall",
        "drones over the stadium were filming the match",
        "the neighbours threw a frisbee over the hedge",
    ],
)
def test_a_drone_or_a_throw_with_nothing_after_it_does_not(detector, text):
    assert not detector.detect(text).fired, text
