"""When, said the ways people say it: slang and typos, spoken clocks, ranges, "a couple of weeks
ago", "overnight"; a time to come, a quoted time and "the night" are not when it happened."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "said", "iso"),
    [
        (
            "this arvo arond 4 a bloke was filming the gates of the embassy on Mount Street",
            "this arvo arond 4",
            "2026-12-06T16:00:00+00:00",
        ),
        (
            "a couple of weeks ago a man asked our doorman which door the ambassador uses",
            "a couple of weeks ago",
            "2026-11-22T18:00:00+00:00",
        ),
        (
            "yesterday between 9 and 10 two men sat in a grey car outside the consulate on Bolsover Street",
            "yesterday between 9 and 10",
            "2026-12-05T09:00:00+00:00",
        ),
        (
            "about quarter to three a woman was taking pics of the guards at Canada House",
            "about quarter to three",
            "2026-12-06T14:45:00+00:00",
        ),
        (
            "Earlier today, around lunchtime, a man photographed the barriers on Whitehall. He left about half "
            "an hour ago in a taxi",
            "Earlier today, around lunchtime",
            "2026-12-06T13:00:00+00:00",
        ),
        (
            "someone sprayed death to the ambassador on the wall of the high commission overnight",
            "overnight",
            "2026-12-05T22:00:00+00:00",
        ),
        (
            "he asked how many guards we have in the night. This was yesterday morning at the embassy gate",
            "yesterday morning",
            "2026-12-05T09:00:00+00:00",
        ),
    ],
)
def test_a_time_said_another_way_names_its_moment(text: str, said: str, iso: str) -> None:
    account = read_account(text, NOW)
    assert (account.when, account.when_iso) == (said, iso)


def test_a_bomb_to_go_off_later_is_no_time_of_the_sighting_but_just_is() -> None:
    account = read_account(
        "a caller has just phoned our reception and said a bomb in the building will go off in 20 minutes",
        NOW,
    )
    assert account.when == "just" and account.when_iso is not None
    assert account.category == "expressed_threat"


def test_words_quoted_from_a_note_are_not_when_it_was_found() -> None:
    account = read_account(
        "this morning we found a note under the door of our mission saying 'you all die today'", NOW
    )
    assert account.when == "this morning"


def test_how_long_it_went_on_is_said_but_names_no_moment() -> None:
    account = read_account(
        "a drone has been hovering over the Saudi embassy for the last twenty minutes", NOW
    )
    assert account.when == "for the last twenty minutes" and account.when_iso is None
    shop = read_account(
        "Last Tuesday around lunchtime a man left a bag by the bollards on Portland Place and watched it "
        "for about 5 mins",
        NOW,
    )
    assert shop.when == "Last Tuesday around lunchtime"


def test_every_lunchtime_is_no_time_in_particular() -> None:
    account = read_account(
        "Since Monday a man has come into our lobby every lunchtime and counted the guards", NOW
    )
    assert account.when == "Since Monday"
