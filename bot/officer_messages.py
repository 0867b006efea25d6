"""Officer-facing texts, built from bot/officer_messages.yml: the minimised alert (to officer chats,
which may be groups) and the whole report (only for /report REF in a private chat)."""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from reading.language import language_label
from reading.london import london_time
from servator.config.responses import fill_placeholders

MESSAGES_FILE = Path(__file__).with_name("officer_messages.yml")
SHORT_FIELD_CHARS = 40


@functools.lru_cache(maxsize=1)
def _messages() -> dict[str, Any]:
    messages: dict[str, Any] = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
    return messages


def officer_text(name: str, **values: Any) -> str:
    """One message from the file with {placeholders} filled (unknown ones are left as they are)."""
    return fill_placeholders(str(_messages()[name]), values)


def _label(name: str) -> str:
    return str(_messages()["labels"][name])


def _or_not_given(value: Any | None) -> str:
    """The value as text, or the officers' "not given" label when there is none."""
    text = "" if value is None else str(value).strip()
    return text or officer_text("not_given")


def _joined(*parts: Any | None) -> str | None:
    present = [str(part).strip() for part in parts if part not in (None, "") and str(part).strip()]
    return ", ".join(dict.fromkeys(present)) or None


def _short(text: str | None, limit: int = SHORT_FIELD_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _london_time(value: Any | None) -> str | None:
    """An ISO-8601 time from storage as London time with its zone, e.g. "04 Mar 2025 09:30 GMT"."""
    if not value:
        return None
    return london_time(value if isinstance(value, datetime) else datetime.fromisoformat(str(value)))


def postcode_district(postcode: str | None) -> str | None:
    """The outward part of a UK postcode ("W1K 6AH" -> "W1K"): an area, not an address."""
    outward = (postcode or "").strip().upper().split(" ")[0]
    return outward or None


def coarse_place(report: dict[str, Any]) -> str:
    """The gazetteer landmark and the postcode district, or a shared point rounded to about 1 km;
    never the words the person typed."""
    place = _joined(report.get("location_landmark"), postcode_district(report.get("location_postcode")))
    if place:
        return place
    if report.get("latitude") is not None and report.get("longitude") is not None:
        return officer_text(
            "place_near", latitude=f"{report['latitude']:.2f}", longitude=f"{report['longitude']:.2f}"
        )
    return officer_text("not_given")


def _urgency(report: dict[str, Any]) -> str:
    return officer_text("urgency_now" if report.get("still_happening") else "urgency_past")


def alert_message(report: dict[str, Any], reminder: int = 0, reminders: int = 0) -> str:
    """The alert officer chats get: reference, category, urgency, coarse place and times, and where the
    details are. No descriptions of people, no contact details, no text the person typed.

    `reminder` n > 0 makes it the nth re-alert (of `reminders`) of an urgent report nobody acknowledged.
    """
    reference = report["reference"]
    if reminder:
        title = officer_text("realert_title", reference=reference, round=reminder, rounds=reminders)
    else:
        title = officer_text(
            "alert_title_urgent" if report.get("still_happening") else "alert_title", reference=reference
        )
    lines = [
        title,
        f"{_label('category')}: {_or_not_given(report.get('category'))}",
        f"{_label('urgency')}: {_urgency(report)}",
        f"{_label('place')}: {coarse_place(report)}",
        f"{_label('language')}: {language_label(report.get('language'))}",
    ]
    seen = _london_time(report.get("occurred_at"))
    if seen:
        lines.append(f"{_label('seen')}: {seen}")
    lines += [
        f"{_label('received')}: {_or_not_given(_london_time(report.get('created_at')))}",
        f"{_label('photos')}: {_photo_count(report)}",
        f"{_label('details')}: {officer_text('alert_details', reference=reference)}",
    ]
    if reminder:
        lines.append(f"{_label('acknowledge')}: {officer_text('alert_acknowledge', reference=reference)}")
    return "\n".join(lines)


def _photo_count(report: dict[str, Any]) -> str:
    """How many photos the report has (never the photos: they are on the signed-in dashboard)."""
    count = len(report.get("attachments") or [])
    return officer_text("photos_some", count=count) if count else officer_text("photos_none")


def _contact(report: dict[str, Any]) -> str:
    if not report.get("contact_consent"):
        return officer_text("contact_anonymous")
    return _or_not_given(_joined(report.get("contact_phone"), report.get("contact_email")))


def report_message(report: dict[str, Any]) -> str:
    """Every field of a report, one labelled line each (plain text, no markup): only for /report REF
    from an allow-listed officer in a private chat, audited."""
    lines = [
        officer_text("report_title", reference=report["reference"], status=report.get("status", "")),
        f"{_label('category')}: {_or_not_given(report.get('category'))}",
        f"{_label('urgency')}: {_urgency(report)}",
        f"{_label('language')}: {language_label(report.get('language'))}",
        f"{_label('when')}: {_or_not_given(_joined(report.get('occurred_text'), _london_time(report.get('occurred_at'))))}",
        f"{_label('where')}: {_or_not_given(_joined(report.get('location_text'), report.get('location_postcode'), report.get('location_landmark')))}",
    ]
    if report.get("latitude") is not None and report.get("longitude") is not None:
        lines.append(f"{_label('map')}: {report['latitude']:.5f}, {report['longitude']:.5f}")
    lines += [
        f"{_label('what')}: {_or_not_given(report.get('description'))}",
        f"{_label('people')}: {_or_not_given(report.get('people_description'))}",
        f"{_label('vehicle')}: {_or_not_given(_joined(report.get('vehicle_registration'), report.get('vehicle_text')))}",
        f"{_label('direction')}: {_or_not_given(report.get('direction'))}",
        f"{_label('contact')}: {_contact(report)}",
        f"{_label('attachments')}: {_photo_count(report)}",
        f"{_label('received')}: {_or_not_given(report.get('created_at'))}",
    ]
    return "\n".join(lines)


def report_list(reports: list[dict[str, Any]]) -> str:
    """Short lines for /reports: reference, category, urgency, when received, coarse place."""
    if not reports:
        return officer_text("list_empty")
    lines = [officer_text("list_title", count=len(reports))]
    for report in reports:
        lines.append(
            officer_text(
                "list_line",
                reference=report["reference"],
                category=report.get("category") or "",
                urgency=officer_text("list_urgent" if report.get("still_happening") else "list_past"),
                received=str(report.get("created_at") or "")[:16].replace("T", " "),
                where=_short(coarse_place(report)),
            )
        )
    return "\n".join(lines)


def _day(value: Any) -> str:
    """The London date of a time, e.g. "04 Mar 2025"."""
    return (_london_time(value) or "")[:11]


def cluster_alert_message(view: dict[str, Any]) -> str:
    """An alert about linked reports: minimised (no registration, description or contact)."""
    label = _messages()["cluster_labels"]
    categories = ", ".join(
        f"{name.replace('_', ' ')} ({count})" for name, count in sorted(view["categories"].items())
    )
    first, last = _day(view["first_seen"]), _day(view["last_seen"])
    lines = [
        officer_text("cluster_alert_title", count=len(view["references"]), cluster=view["cluster"]),
        f"{label['why']}: {view['reason']}",
        f"{label['references']}: {', '.join(view['references'])}",
        f"{label['categories']}: {categories}",
        f"{label['urgency']}: {view['urgent']} of {len(view['references'])}",
        f"{label['when']}: {first}" + (f" to {last}" if last != first else ""),
        f"{label['where']}: {_or_not_given('; '.join(view['places']))}",
        f"{label['details']}: " + officer_text("cluster_details", reference=view["references"][-1]),
    ]
    return "\n".join(lines)


def links_message(reference: str, links: list[Any], cluster: Any | None) -> str:
    """/links REF: every linked report with its rule, score and reason, then the cluster's reason."""
    if not links:
        return officer_text("links_none", reference=reference)
    lines = [officer_text("links_title", reference=reference)]
    lines += [
        officer_text(
            "links_line", other=link.reference, rule=link.rule, score=f"{link.score:.2f}", reason=link.reason
        )
        for link in links
    ]
    if cluster is not None:
        lines.append(officer_text("links_cluster", cluster=cluster.id, reason=cluster.reason))
    return "\n".join(lines)
