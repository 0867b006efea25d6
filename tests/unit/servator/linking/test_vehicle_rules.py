"""The vehicle rule with misread and partial plates, on SQLite and PostgreSQL (the `sessions` fixture):
what links as a possible same vehicle, with what score and sentence, and what does not."""

from __future__ import annotations

from tests.support.linking_helpers import days, draft, store_and_link


def vehicle_links(links):
    return [link for link in links if link.rule == "vehicle"]


def test_a_misread_plate_links_to_both_sightings_below_an_exact_match(sessions):
    first, _ = store_and_link(sessions, draft(vehicle_text="silver Ford Focus KX19 PLM"))
    second, exact = store_and_link(
        sessions, draft(vehicle_text="silver ford focus KX19PLM", occurred_at=days(0.3))
    )
    _, misread = store_and_link(
        sessions, draft(vehicle_text="Silver Ford Focus KX19 PIM", occurred_at=days(0.6))
    )
    [same] = vehicle_links(exact)
    assert same.score == 0.75
    near = vehicle_links(misread)
    assert sorted(link.reference for link in near) == sorted([first, second])
    assert all(link.score < same.score for link in near)
    assert near[0].reason == (
        "Possibly the same vehicle: KX19 PIM and KX19 PLM differ in one character; both a silver Ford Focus,"
        " within a day of each other (I or L: easily misread)."
    )


def test_a_swap_or_an_unlikely_misreading_scores_lower_than_a_look_alike(sessions):
    store_and_link(sessions, draft(vehicle_text="red Mini AB12 CDE"))
    _, swapped = store_and_link(sessions, draft(vehicle_text="red mini AB12 DCE", occurred_at=days(1)))
    _, other = store_and_link(sessions, draft(vehicle_text="red Mini AB12 CWE", occurred_at=days(2)))
    assert [link.score for link in vehicle_links(swapped)] == [0.6]
    assert "AB12 DCE and AB12 CDE differ by two swapped characters (DC / CD); both a red Mini," in (
        vehicle_links(swapped)[0].reason
    )
    assert 0.55 in [link.score for link in vehicle_links(other)]


def test_plates_one_character_apart_on_different_cars_do_not_link(sessions):
    store_and_link(sessions, draft(vehicle_text="silver Ford Focus KX19 PLM"))
    _, links = store_and_link(sessions, draft(vehicle_text="black Audi KX19 PIM", occurred_at=days(1)))
    assert vehicle_links(links) == []
    _, bare = store_and_link(sessions, draft(vehicle_text="KX19 PLN", occurred_at=days(1)))
    assert vehicle_links(bare) == [], "no make or colour named: no near-miss link"


def test_part_of_a_plate_links_with_the_same_car_description(sessions):
    whole, _ = store_and_link(sessions, draft(vehicle_text="silver Ford Focus KX19 PLM"))
    _, links = store_and_link(
        sessions, draft(vehicle_text="silver Ford, KX19 something", occurred_at=days(2))
    )
    [link] = vehicle_links(links)
    assert link.reference == whole and link.score == 0.5
    assert link.reason == (
        "Possibly the same vehicle: part of a plate, KX19 … as said, fits KX19 PLM; both a silver Ford, 2 days apart."
    )


def test_a_whole_plate_finds_an_earlier_partial_one(sessions):
    partial, _ = store_and_link(
        sessions, draft(vehicle_text="it ends in PLM", category="surveillance", occurred_at=days(0))
    )
    _, links = store_and_link(
        sessions, draft(vehicle_text="KX19 PLM", category="testing_security", occurred_at=days(3))
    )
    [link] = vehicle_links(links)
    assert link.reference == partial
    assert "… PLM as said, fits KX19 PLM; similar behaviour" in link.reason


def test_part_of_a_plate_alone_does_not_link(sessions):
    store_and_link(sessions, draft(vehicle_text="KX19 PLM"))
    _, links = store_and_link(sessions, draft(vehicle_text="starts with KX19", occurred_at=days(1)))
    assert vehicle_links(links) == [], "nothing else agrees: category other, no place, no make or colour"
    _, other = store_and_link(sessions, draft(vehicle_text="blue Ford, ends in PLN", occurred_at=days(1)))
    assert vehicle_links(other) == []
