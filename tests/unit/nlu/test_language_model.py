"""Each other language's intent model, fitted on its own examples when first used."""

from __future__ import annotations

import pytest

from nlu.language_model import language_model, rank
from reading.language import OTHER_LANGUAGES


@pytest.mark.parametrize(("language", "text"), [("fr", "merci beaucoup"), ("es", "muchas gracias")])
def test_a_language_s_own_words_rank_first_with_probabilities(language, text):
    ranked = rank(language, text)
    assert ranked is not None and ranked[0][0] == "thank"
    assert sum(probability for _, probability in ranked) == pytest.approx(1.0)


def test_every_language_has_a_model_fitted_once():
    for language in OTHER_LANGUAGES:
        model = language_model(language)
        assert model is not None and model is language_model(language)
