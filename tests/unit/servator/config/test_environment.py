"""Typed reads of the environment: a value that is not what its variable needs names the variable."""

from __future__ import annotations

import pytest

from servator.config.environment import EnvironmentReader
from servator.config.settings import Settings


def test_a_bad_number_names_its_variable():
    with pytest.raises(ValueError, match="MAX_MESSAGE_CHARS"):
        _ = Settings({"MAX_MESSAGE_CHARS": "lots"}).max_message_chars


def test_text_numbers_and_lists_are_read_trimmed_with_their_defaults():
    reader = EnvironmentReader({"NAME": "  alice ", "COUNT": "3", "IDS": " -100, 5 ,,", "EMPTY": "  "})
    assert reader._text("NAME") == "alice" and reader._text("EMPTY", "fallback") == "fallback"
    assert reader._whole_number("COUNT", "1") == 3 and reader._whole_number("MISSING", "7") == 7
    assert reader._number("MISSING", "2.5") == 2.5
    assert reader._list("IDS") == ("-100", "5") and reader._list("MISSING") == ()
    with pytest.raises(ValueError, match="COUNT must be a whole number, not '3.5'"):
        EnvironmentReader({"COUNT": "3.5"})._whole_number("COUNT", "1")
