"""`servator reports links REF` and the export's linked_references/cluster, as officers run them."""

from __future__ import annotations

import json

from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory
from tests.support.cli import servator
from tests.support.linking_helpers import days, draft, store_and_link
from tests.support.storage_helpers import sqlite_url


def linked_database(tmp_path):
    url = sqlite_url(tmp_path)
    ensure_schema(url)
    sessions = make_session_factory(url)
    refs = [
        store_and_link(
            sessions, draft(vehicle_registration="AB12 CDE", location_text=place, occurred_at=days(d))
        )[0]
        for d, place in ((0, "Embassy of Russia"), (2, "US embassy"), (4, "Israeli embassy"))
    ]
    lonely = store_and_link(sessions, draft())[0]
    return url, sessions, refs, lonely


def test_links_prints_each_linked_report_with_its_reason_and_the_cluster(tmp_path):
    url, sessions, (a, b, c), _ = linked_database(tmp_path)
    result = servator(url, "links", b.lower())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == [a, "vehicle", "0.75"] or lines[0].split("\t")[:3] == [
        c,
        "vehicle",
        "0.75",
    ]
    assert {line.split("\t")[0] for line in lines[:2]} == {a, c}
    assert all("Same vehicle AB12CDE in both reports, 2 days apart." in line for line in lines[:2])
    assert (
        lines[2].startswith("cluster LNK-")
        and f"same vehicle AB12CDE: {a}, {b}, {c} (3 reports in 5 days" in lines[2]
    )
    assert "2 link(s)" in result.stderr
    with SqlUnitOfWork(sessions) as uow:
        assert [(e.actor, e.action, e.reference) for e in uow.audit.entries() if e.actor == "cli:alice"] == [
            ("cli:alice", "links", b)
        ]


def test_links_of_an_unknown_reference_exits_3_and_of_an_unlinked_report_prints_none(tmp_path):
    url, _, _, lonely = linked_database(tmp_path)
    unknown = servator(url, "links", "SRV-20990101-ZZZZZZ")
    assert unknown.returncode == 3 and "no report with reference" in unknown.stderr and unknown.stdout == ""
    alone = servator(url, "links", lonely)
    assert alone.returncode == 0 and alone.stdout == "" and "0 link(s)" in alone.stderr


def test_export_gives_linked_references_and_the_cluster(tmp_path):
    url, _, (a, b, c), lonely = linked_database(tmp_path)
    rows = {row["reference"]: row for row in json.loads(servator(url, "export", "--format", "json").stdout)}
    cluster = rows[a]["cluster"]
    assert cluster and cluster.startswith("LNK-")
    assert rows[a]["linked_references"] == sorted([b, c])
    assert rows[b]["linked_references"] == sorted([a, c]) and rows[b]["cluster"] == cluster
    assert rows[lonely]["linked_references"] == [] and rows[lonely]["cluster"] is None
    csv_out = servator(url, "export", "--format", "csv").stdout.splitlines()
    assert csv_out[0].endswith(",linked_references,cluster,followup")


def test_a_link_an_officer_confirmed_says_so(tmp_path):
    from servator import linking

    url, sessions, (a, b, c), _ = linked_database(tmp_path)
    with sessions() as session:
        linking.decide(session, a, b, linking.CONFIRMED, "pc.ames")
        session.commit()
    lines = servator(url, "links", a).stdout.splitlines()
    by_reference = {line.split("\t")[0]: line.split("\t") for line in lines if "\t" in line}
    assert by_reference[b][-1] == "confirmed" and by_reference[b][2] == "0.75"
    assert "confirmed" not in by_reference[c]
    assert "(score 1.00)" in lines[-1], "a confirmed link makes the cluster certain"
