"""Each linking rule on its own, on SQLite and PostgreSQL (the shared `sessions` fixture): what links,
what does not, and the sentence that says why."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.support.linking_helpers import days, draft, store_and_link


def rules_of(links):
    return sorted(link.rule for link in links)


# --- vehicle -------------------------------------------------------------------------------------


def test_same_registration_within_30_days_links_with_the_plate_in_the_reason(sessions):
    first, _ = store_and_link(sessions, draft(vehicle_registration="AB12 CDE", occurred_at=days(0)))
    _, links = store_and_link(sessions, draft(vehicle_text="ab12cde", occurred_at=days(29)))
    [link] = links
    assert (link.reference, link.rule) == (first, "vehicle")
    assert link.reason == "Same vehicle AB12CDE in both reports, 29 days apart."
    _, late = store_and_link(sessions, draft(vehicle_registration="AB12 CDE", occurred_at=days(60)))
    assert late == [], "60 days after the first and 31 after the second: outside 30 days"


def test_a_plate_misread_o_for_0_links(sessions):
    store_and_link(sessions, draft(vehicle_registration="AB10 CDE"))
    _, links = store_and_link(sessions, draft(vehicle_text="grey car AB1O CDE", occurred_at=days(3)))
    assert rules_of(links) == ["vehicle"]


def test_one_character_off_links_only_when_both_describe_the_same_car(sessions):
    store_and_link(
        sessions, draft(vehicle_registration="AB12 CDE", vehicle_text="silver Ford Focus AB12 CDE")
    )
    _, same_car = store_and_link(
        sessions,
        draft(vehicle_registration="AB12 CDF", vehicle_text="silver ford AB12 CDF", occurred_at=days(2)),
    )
    assert rules_of(same_car) == ["vehicle"]
    assert "AB12 CDF and AB12 CDE differ in one character; both a silver Ford" in same_car[0].reason
    _, other_car = store_and_link(
        sessions,
        draft(vehicle_registration="AB12 CDG", vehicle_text="red Toyota AB12 CDG", occurred_at=days(2)),
    )
    assert "vehicle" not in rules_of(other_car)


def test_a_foreign_plate_matches_only_exactly(sessions):
    store_and_link(sessions, draft(vehicle_text="French plates AB-123-CD"))
    _, exact = store_and_link(
        sessions, draft(vehicle_text="plate AB-123-CD, blue Renault", occurred_at=days(1))
    )
    assert rules_of(exact) == ["vehicle"]
    _, near = store_and_link(sessions, draft(vehicle_text="French plates AB-128-CD", occurred_at=days(1)))
    assert near == []


def test_same_car_model_with_another_plate_does_not_link(sessions):
    store_and_link(sessions, draft(vehicle_registration="AB12 CDE", vehicle_text="black BMW X5 AB12 CDE"))
    _, links = store_and_link(
        sessions,
        draft(vehicle_registration="XY66 ZZZ", vehicle_text="black BMW X5 XY66 ZZZ", occurred_at=days(1)),
    )
    assert links == []


# --- place ---------------------------------------------------------------------------------------


def test_the_same_place_under_other_names_and_similar_behaviour_links(sessions):
    first, _ = store_and_link(
        sessions, draft(location_text="outside the Russian embassy", category="surveillance")
    )
    second, links = store_and_link(
        sessions,
        draft(location_text="KPG, by the gates", category="eliciting_information", occurred_at=days(3)),
    )
    [link] = links
    assert (link.reference, link.rule) == (first, "place")
    assert "m apart (Kensington Palace Gardens / Embassy of Russia)" in link.reason
    assert "similar behaviour (eliciting information, surveillance)" in link.reason
    _, again = store_and_link(
        sessions, draft(location_text="Kensington Palace Gdns", category="surveillance", occurred_at=days(5))
    )
    assert sorted(link.reference for link in again) == sorted([first, second])


def test_the_same_place_on_an_unrelated_matter_does_not_link(sessions):
    store_and_link(sessions, draft(location_text="Belgrave Square", category="surveillance"))
    _, links = store_and_link(
        sessions, draft(location_text="Belgrave Sq", category="unattended_item", occurred_at=days(1))
    )
    assert links == []


def test_the_same_place_more_than_14_days_apart_does_not_link(sessions):
    store_and_link(sessions, draft(location_text="Downing Street", category="surveillance"))
    _, links = store_and_link(
        sessions, draft(location_text="10 Downing St", category="surveillance", occurred_at=days(15))
    )
    assert links == []


def test_places_more_than_250_metres_apart_are_not_the_same_place(sessions):
    # The Israeli embassy is about 400 m from Kensington Palace Gardens' published point.
    store_and_link(sessions, draft(location_text="Israeli embassy", category="surveillance"))
    _, links = store_and_link(
        sessions, draft(location_text="KPG", category="surveillance", occurred_at=days(1))
    )
    assert links == []


def test_an_unknown_place_is_kept_as_text_and_links_through_its_postcode(sessions):
    first, _ = store_and_link(
        sessions, draft(location_text="outside the Tesco on Marsh Wall E14 9SH", category="surveillance")
    )
    _, links = store_and_link(
        sessions, draft(location_text="the car park, e14 9sh", category="surveillance", occurred_at=days(2))
    )
    assert [(link.reference, link.rule) for link in links] == [(first, "place")]
    assert links[0].reason.startswith("Same postcode E14 9SH and the same behaviour (surveillance)")
    _, nothing = store_and_link(sessions, draft(location_text="near my work", category="surveillance"))
    assert nothing == []


def test_a_shared_point_near_a_named_place_is_the_same_place(sessions):
    store_and_link(sessions, draft(location_text="Houses of Parliament", category="testing_security"))
    _, links = store_and_link(
        sessions,
        draft(
            location_text="shared location", latitude=51.4994, longitude=-0.1249, category="testing_security"
        ),
    )
    assert rules_of(links) == ["place"]


# --- description ---------------------------------------------------------------------------------


FILMING = "A man stood across the road filming the main gate and the guards on his phone for twenty minutes."
PARAPHRASE = "Bloke recording the entrance and the security staff with his mobile, kept zooming in."


def test_similar_descriptions_within_14_days_and_2_km_link(sessions):
    # Grosvenor Square and Bond Street station: about 300 m apart, different places.
    first, _ = store_and_link(sessions, draft(location_text="Grosvenor Square", description=FILMING))
    _, links = store_and_link(
        sessions,
        draft(location_text="Bond Street", description=PARAPHRASE, occurred_at=days(4), category="other"),
    )
    [link] = links
    assert (link.reference, link.rule) == (first, "description")
    assert (
        link.reason.startswith("Similar descriptions (similarity 0.") and "4 days apart and 0." in link.reason
    )


def test_similar_descriptions_far_apart_or_weeks_apart_do_not_link(sessions):
    store_and_link(sessions, draft(location_text="Grosvenor Square", description=FILMING))
    _, far = store_and_link(
        sessions, draft(location_text="Canary Wharf", description=PARAPHRASE, occurred_at=days(1))
    )
    _, later = store_and_link(
        sessions, draft(location_text="Bond Street", description=PARAPHRASE, occurred_at=days(20))
    )
    assert far == [] and later == []


def test_unrelated_descriptions_nearby_do_not_link(sessions):
    store_and_link(sessions, draft(location_text="Grosvenor Square", description=FILMING))
    _, links = store_and_link(
        sessions,
        draft(location_text="Bond Street", description="A rucksack left under the bench at the bus stop."),
    )
    assert links == []


# --- bad input -----------------------------------------------------------------------------------


def test_a_report_with_no_place_no_time_and_no_vehicle_links_on_what_it_has(sessions):
    two_days_ago = datetime.now(timezone.utc) - timedelta(days=2)
    store_and_link(sessions, draft(vehicle_registration="AB12 CDE", occurred_at=two_days_ago))
    _, links = store_and_link(
        sessions,
        draft(
            vehicle_registration="AB12 CDE",
            occurred_at=None,
            location_text=None,
            description=None,
        ),
    )
    assert rules_of(links) == ["vehicle"], "no time: the time it was received counts; no place: no place rule"
    _, alone = store_and_link(sessions, draft(occurred_at=None, description=None))
    assert alone == []
