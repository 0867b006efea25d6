"""An account dated on another day and told in the present ("On Monday a man ... is asking") is
over; "now" with something calm beside it is no sign it goes on; a danger told in the present stays
going on whatever day was said before it. Sentences written for this test."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 7, 23, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday 4 December at about 14:00 a man came to our desk and is asking how many guards is working at night, then he leave in a taxi.",
        "Yesterday evening a lady is standing by the gate of the embassy writing the car numbers, very strange.",
        "Last week there's a guy in the bus shelter marking the embassies on a map, he walked off when he saw me.",
    ],
)
def test_another_day_told_in_the_present_is_over(text):
    assert read_account(text, NOW).ongoing == "no"


@pytest.mark.parametrize(
    "text",
    [
        "Two nights ago I saw a man with a crowbar at the side door of the consulate but now everything is fine.",
        "Someone sprayed a threat on our wall yesterday, it has been cleaned off now.",
    ],
)
def test_now_beside_something_calm_is_not_going_on(text):
    assert read_account(text, NOW).ongoing != "yes"


@pytest.mark.parametrize(
    "text",
    [
        "We come here every Saturday and there's a man swinging a machete at people by the fountain.",
        "A man is filming the gates of the embassy right now, he was here yesterday too.",
    ],
)
def test_what_is_happening_now_stays_going_on(text):
    assert read_account(text, NOW).ongoing == "yes"
