"""`servator reports ...`: the officers' command line (list, show, export, links, mark, purge).

Every read or change is written to the audit table as `cli:<officer>`. Exit codes: 0 ok,
2 usage, 3 unknown reference, 4 bad date, 5 storage unreachable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime, time, timezone
from typing import Any

from reading.london import london_time
from servator.cli.support import (
    EXIT_UNKNOWN_REFERENCE,
    CommandRefused,
    add_command,
    in_one_unit_of_work,
    officer,
    run_storage_command,
    whole_number,
)
from servator.records.exports import SENDER_COLUMNS, csv_lines, export_rows
from servator.storage import (
    STATUSES,
    Report,
    SqlUnitOfWork,
    answer_shown,
)

EXIT_BAD_DATE = 4


def parse_date(text: str | None) -> datetime | None:
    """YYYY-MM-DD (midnight UTC) or full ISO-8601 (naive means UTC) as an aware datetime."""
    if text is None:
        return None
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.combine(datetime.strptime(value, "%Y-%m-%d").date(), time(), tzinfo=timezone.utc)
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        raise CommandRefused(
            f"bad date {text!r}: use YYYY-MM-DD or ISO-8601 such as 2025-01-31T09:00+00:00", EXIT_BAD_DATE
        ) from None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


def _write_csv(rows: list[dict[str, Any]]) -> None:
    sys.stdout.write(csv_lines(rows))


def cmd_list(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    since = parse_date(args.since)
    reports = uow.reports.list(status=args.status, since=since, limit=args.limit)
    uow.audit.record(
        args.actor, "list", detail=f"status={args.status} since={args.since} count={len(reports)}"
    )
    uow.commit()
    for report in reports:
        print(
            "\t".join(
                [
                    report.reference,
                    report.created_at.isoformat(timespec="seconds"),
                    report.status,
                    report.category,
                    " ".join(answer_shown(report.location_text).split())[:60],
                ]
            )
        )
    print(f"{len(reports)} report(s)", file=sys.stderr)
    return 0


def _get(uow: SqlUnitOfWork, reference: str) -> Report:
    report = uow.reports.get(reference.strip().upper())
    if report is None:
        raise CommandRefused(f"no report with reference {reference!r}", EXIT_UNKNOWN_REFERENCE)
    return report


# The free-text answers a person may not give: shown as "not given" when missing.
PERSON_ANSWERS = (
    "description",
    "location_text",
    "occurred_text",
    "people_description",
    "vehicle_text",
    "direction",
)


def cmd_show(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    report = _get(uow, args.reference)
    uow.audit.record(args.actor, "show", report.reference)
    uow.commit()
    for key, value in report.to_dict().items():
        if key in SENDER_COLUMNS:  # nothing shown to officers identifies the sender
            continue
        moment = getattr(report, key, None)
        text = (
            (answer_shown(None) if key in PERSON_ANSWERS else "")
            if value is None
            else london_time(moment)  # times as officers in London read them, with GMT/BST
            if isinstance(moment, datetime)
            else json.dumps(value, ensure_ascii=False)
            if isinstance(value, list)
            else str(value)
        )
        print(f"{key}: " + text.replace("\n", "\n    "))  # continuation lines indented
    for question in uow.followups.questions(report.id):  # docs/followup.md
        answer = "(waiting)" if question.answer is None else question.answer
        print(f"question ({question.asked_by}, {london_time(question.asked_at)}): {question.question}")
        print("answer: " + answer.replace("\n", "\n    "))
    return 0


def cmd_export(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    since = parse_date(args.since)
    reports = uow.reports.list(status=args.status, since=since)
    rows = export_rows(uow.session, reports)
    uow.audit.record(
        args.actor, "export", detail=f"format={args.format} since={args.since} count={len(rows)}"
    )
    uow.commit()
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _write_csv(rows)
    return 0


def cmd_links(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    """The reports linked to REF, one line each with rule, score and reason, then its cluster."""
    from servator import linking

    report = _get(uow, args.reference)
    links = linking.links_for(uow.session, report.reference)
    cluster_id = linking.cluster_for(uow.session, report.reference)
    cluster = linking.cluster(uow.session, cluster_id) if cluster_id else None
    uow.audit.record(args.actor, "links", report.reference, f"count={len(links)}")
    uow.commit()
    for link in links:
        confirmed = ["confirmed"] if link.confirmed else []
        print("\t".join([link.reference, link.rule, f"{link.score:.2f}", link.reason, *confirmed]))
    if cluster is not None:
        print(f"cluster {cluster.id} (score {cluster.score:.2f}): {cluster.reason}")
    print(f"{len(links)} link(s)", file=sys.stderr)
    return 0


def cmd_mark(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    report = _get(uow, args.reference)
    previous = report.status
    uow.reports.set_status(report.reference, args.status)
    uow.audit.record(args.actor, "mark", report.reference, f"status {previous} -> {args.status}")
    uow.commit()
    print(f"{report.reference}: {previous} -> {args.status}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Open storage, run one command in one unit of work, map failures to exit codes."""
    handler: Callable[[SqlUnitOfWork, argparse.Namespace], int] = args.reports_handler
    args.actor = officer()
    if hasattr(sys.stdout, "reconfigure"):  # reports hold any text (emoji included), whatever the locale
        sys.stdout.reconfigure(encoding="utf-8")

    def work() -> int:
        if getattr(args, "since", None) is not None:
            parse_date(args.since)  # a bad date is reported before touching storage
        return in_one_unit_of_work(lambda uow: handler(uow, args))

    return run_storage_command("reports", work)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `reports` and its subcommands to the `servator` parser."""
    reports = add_command(
        commands, "reports", "officers: list, show, export, links, mark and purge reports", __doc__, run
    )
    actions = reports.add_subparsers(dest="reports_command", required=True)

    listing = actions.add_parser("list", help="newest first: reference, created, status, category, place")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--since", metavar="DATE", help="created on or after (YYYY-MM-DD or ISO-8601)")
    listing.add_argument("--limit", type=whole_number, metavar="N")
    listing.set_defaults(reports_handler=cmd_list)

    show = actions.add_parser("show", help="every field of one report")
    show.add_argument("reference", metavar="REF")
    show.set_defaults(reports_handler=cmd_show)

    export = actions.add_parser("export", help="every report with every field, as JSON or CSV on stdout")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--status", choices=STATUSES)
    export.add_argument("--since", metavar="DATE", help="created on or after (YYYY-MM-DD or ISO-8601)")
    export.set_defaults(reports_handler=cmd_export)

    links = actions.add_parser("links", help="the reports linked to one report, each with its reason")
    links.add_argument("reference", metavar="REF")
    links.set_defaults(reports_handler=cmd_links)

    mark = actions.add_parser("mark", help="set a report's status")
    mark.add_argument("reference", metavar="REF")
    mark.add_argument("--status", choices=[s for s in STATUSES if s != "new"], required=True)
    mark.set_defaults(reports_handler=cmd_mark)

    from servator.cli import purge

    purge.add_parser(actions)  # `servator reports purge` is `servator purge`: one purge
