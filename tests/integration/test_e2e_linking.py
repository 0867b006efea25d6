"""End to end over HTTP: three reports of one car filed through the REST channel (the real model, Rasa
and the action server as `make run` starts them) come out linked in the officers' export and in ONE
officer alert."""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from sqlalchemy import select

from servator.storage import Notification, Report, make_session_factory
from tests.support.linking_helpers import new_plate
from tests.support.reports import export, file_report_through_the_form
from tests.support.stack import ROOT, TEST_OFFICER_CHAT_ID

pytestmark = pytest.mark.rasa


def test_three_reports_of_one_car_are_linked_in_the_export_and_in_one_officer_alert(stack):
    plate = new_plate()
    references = [
        file_report_through_the_form(
            stack,
            # A whole account: the car and its plate in the opening, so the form does not ask again.
            f"a silver ford focus {plate} parked opposite the gate for ages, two men inside watching",
            "outside the Russian embassy, Kensington Palace Gardens",
            "yesterday afternoon",
            f"silver ford focus {plate}",
        ),
        file_report_through_the_form(
            stack,
            "saw the same car going past the front really slowly and the passenger was filming",
            "the American embassy at Nine Elms",
            "this morning",
            f"silver Ford, reg {plate.lower()}",
        ),
        file_report_through_the_form(
            stack,
            "the car stopped on the zigzags and the passenger kept staring at the barrier",
            "Palace Green W8, the Israeli embassy",
            "about an hour ago",
            plate.replace(" ", ""),
        ),
    ]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        rows = {row["reference"]: row for row in export(stack.database_url)}
        if all(
            set(references) - {reference} <= set(rows[reference]["linked_references"])
            for reference in references
        ):
            break
        time.sleep(1)
    clusters = {rows[reference]["cluster"] for reference in references}
    assert len(clusters) == 1 and None not in clusters, [rows[r] for r in references]
    for reference in references:
        # Reports other tests filed in the shared database may be linked too.
        assert set(references) - {reference} <= set(rows[reference]["linked_references"])
    [cluster] = clusters
    members = {reference for reference, row in rows.items() if row["cluster"] == cluster}
    sessions = make_session_factory(stack.database_url)
    with sessions() as session:
        alert_rows = list(
            session.execute(
                select(Notification.chat_id, Report.reference)
                .join(Report, Report.id == Notification.report_id)
                .where(Notification.kind == "cluster", Notification.cluster_id == cluster)
            )
        )
    sessions.kw["bind"].dispose()
    if members == set(references):
        assert alert_rows == [(TEST_OFFICER_CHAT_ID, references[-1])], (
            "one alert, when the third report came in"
        )
    else:  # a pattern with other tests' reports alerts as it grows: the third report's growth among them
        assert (TEST_OFFICER_CHAT_ID, references[-1]) in alert_rows
        assert len(alert_rows) == len({reference for _, reference in alert_rows}), "once per growth"


def test_reports_at_two_embassies_200_m_apart_are_linked_by_place_with_the_gazetteer_names(stack):
    """Two different cars, the same behaviour, at the Danish and the Ecuadorian embassies (published
    points 192 m apart): the place rule links them, and the officer's `links` view names both."""
    first = file_report_through_the_form(
        stack,
        "a man was filming the entrance and the security cameras on his phone",
        "outside the Danish embassy on Sloane Street",
        "this morning",
        f"black bmw {new_plate()}",
    )
    second = file_report_through_the_form(
        stack,
        "someone kept taking photos of the gate and the cameras, then walked off",
        "by the Ecuadorian embassy in Hans Crescent",
        "this morning",
        f"white van {new_plate()}",
    )
    env = {**os.environ, "DATABASE_URL": stack.database_url}
    deadline, shown = time.monotonic() + 60, ""
    while time.monotonic() < deadline:
        shown = subprocess.run(
            [str(ROOT / ".venv/bin/servator"), "reports", "links", second],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        if first in shown:
            break
        time.sleep(1)
    assert first in shown, shown
    assert "m apart (Embassy of Ecuador / Embassy of Denmark)" in shown, shown


def test_a_misread_plate_and_part_of_a_plate_link_as_a_possible_same_vehicle(stack):
    """The same silver Ford Focus given with one character misread ("I" is on no plate) and
    with only the start of its plate; the export lists each link with its reason, none confirmed yet."""
    plate = new_plate()
    misread = plate[:-1] + "I"
    area = plate.split()[0]
    whole, near, partial = (
        file_report_through_the_form(stack, what, where, "this morning", vehicle)
        for what, where, vehicle in (
            (
                "a car parked opposite the gate with two men inside watching",
                "the US embassy",
                f"silver ford focus {plate}",
            ),
            (
                "the car drove past the front slowly, the passenger filming",
                "Vauxhall station",
                f"Silver Ford Focus {misread}",
            ),
            (
                "the car stopped on the zigzags by the barrier",
                "Vauxhall Bridge",
                f"silver Ford, {area} something",
            ),
        )
    )
    deadline, rows = time.monotonic() + 60, {}
    while time.monotonic() < deadline:
        rows = {row["reference"]: row for row in export(stack.database_url)}
        if all(rows[reference]["links"] for reference in (near, partial)):
            break
        time.sleep(1)
    near_links = {link["reference"]: link for link in rows[near]["links"] if link["rule"] == "vehicle"}
    assert whole in near_links, rows[near]
    assert (
        f"{misread} and {plate} differ in one character; both a silver Ford Focus"
        in near_links[whole]["reason"]
    )
    assert near_links[whole]["score"] < 0.75 and near_links[whole]["confirmed"] is False
    partial_links = {link["reference"]: link for link in rows[partial]["links"] if link["rule"] == "vehicle"}
    assert whole in partial_links, rows[partial]
    assert (
        f"part of a plate, {area} … as said, fits {plate}; both a silver Ford"
        in partial_links[whole]["reason"]
    )
