"""The sentences officers read about links and clusters."""

from __future__ import annotations

from servator.linking.wording import (
    alert_reason,
    cluster_reason,
    days_apart,
    place_reason,
    plate_words,
    same_vehicle,
    similar_descriptions,
)


def test_days_apart_reads_naturally():
    assert days_apart(0.4) == "within a day of each other"
    assert days_apart(1.2) == "1 day apart"
    assert days_apart(4.6) == "5 days apart"


def test_a_uk_plate_is_written_with_its_space_and_others_as_given():
    assert plate_words("KX19PLM") == "KX19 PLM"
    assert plate_words("W123ABC") == "W123ABC"
    assert plate_words(None) == ""


def test_link_reasons_are_sentences_naming_what_the_reports_share():
    assert same_vehicle("AB12CDE", "AB12CDE", 2) == "Same vehicle AB12CDE in both reports, 2 days apart."
    assert same_vehicle("AB12CDE", "AB12CDF", 0.2).startswith("Same vehicle AB12CDE / AB12CDF (O/0 and I/1")
    assert (
        place_reason("same postcode SW1A 2AA", "surveillance", "testing_security", 3)
        == "Same postcode SW1A 2AA and similar behaviour (surveillance, testing security), 3 days apart."
    )
    assert similar_descriptions(0.8123, 1, 1500) == (
        "Similar descriptions (similarity 0.81), 1 day apart and 1.5 km apart."
    )


def test_a_cluster_names_at_most_six_references_and_counts_the_rest():
    references = [f"SRV-20260701-AAAAA{n}" for n in range(8)]
    reason = cluster_reason("same vehicle AB12CDE", references, days=5, places=1, others=1)
    assert reason.count("SRV-") == 6 and "and 2 more" in reason
    assert reason.endswith("(8 reports in 5 days, 1 place); 1 more report linked to them")


def test_the_alert_reason_carries_no_registration_or_description():
    assert alert_reason("vehicle", 3, 1, 0) == "same vehicle: 3 reports in 1 day, place unknown"
    assert alert_reason("description", 2, 4, 2) == "similar descriptions: 2 reports in 4 days, 2 places"
