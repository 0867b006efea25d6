"""A domain is empty exactly when Rasa says so, with the empty domain's dict built once."""

from __future__ import annotations

from servator.rasa_runtime.patches.empty_domain_check import domain_is_empty


def test_a_domain_is_empty_exactly_when_rasa_says_so():
    from rasa.shared.core.domain import Domain

    for domain in (Domain.empty(), Domain.from_dict({}), Domain.from_dict({"intents": ["greet"]})):
        assert domain_is_empty(domain) is (domain.as_dict() == Domain.empty().as_dict())
    assert domain_is_empty(Domain.empty()) and not domain_is_empty(Domain.from_dict({"intents": ["greet"]}))
