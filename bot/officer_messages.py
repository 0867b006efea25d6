"""Officer-facing texts: a report as a structured message, built from bot/officer_messages.yml."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

MESSAGES_FILE = Path(__file__).with_name("officer_messages.yml")
_PLACEHOLDER = re.compile(r"{([a-z_]+)}")
SHORT_FIELD_CHARS = 40


@functools.lru_cache(maxsize=1)
def _messages() -> dict[str, Any]:
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


def officer_text(name: str, **values: Any) -> str:
    """One message from the file with {placeholders} filled (unknown ones are left as they are)."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), _messages()[name])


def _label(name: str) -> str:
    return _messages()["labels"][name]


def _given(value: Any | None) -> str:
    text = "" if value is None else str(value).strip()
    return text or officer_text("not_given")


def _joined(*parts: Any | None) -> str | None:
    present = [str(part).strip() for part in parts if part not in (None, "") and str(part).strip()]
    return ", ".join(dict.fromkeys(present)) or None


def _short(text: str | None, limit: int = SHORT_FIELD_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _contact(report: dict[str, Any]) -> str:
    if not report.get("contact_consent"):
        return officer_text("contact_anonymous")
    return _given(_joined(report.get("contact_phone"), report.get("contact_email")))


def report_message(report: dict[str, Any], title: str = "notification_title") -> str:
    """Every field an officer needs to triage, one labelled line each (plain text, no markup)."""
    urgency = officer_text("urgency_now" if report.get("still_happening") else "urgency_past")
    lines = [
        officer_text(title, reference=report["reference"], status=report.get("status", "")),
        f"{_label('category')}: {_given(report.get('category'))}",
        f"{_label('urgency')}: {urgency}",
        f"{_label('when')}: {_given(_joined(report.get('occurred_text'), report.get('occurred_at')))}",
        f"{_label('where')}: {_given(_joined(report.get('location_text'), report.get('location_postcode'), report.get('location_landmark')))}",
    ]
    if report.get("latitude") is not None and report.get("longitude") is not None:
        lines.append(f"{_label('map')}: {report['latitude']:.5f}, {report['longitude']:.5f}")
    lines += [
        f"{_label('what')}: {_given(report.get('description'))}",
        f"{_label('people')}: {_given(report.get('people_description'))}",
        f"{_label('vehicle')}: {_given(_joined(report.get('vehicle_registration'), report.get('vehicle_text')))}",
        f"{_label('direction')}: {_given(report.get('direction'))}",
        f"{_label('contact')}: {_contact(report)}",
        f"{_label('attachments')}: {len(report.get('attachments') or [])}",
        f"{_label('received')}: {_given(report.get('created_at'))}",
    ]
    return "\n".join(lines)


def report_list(reports: list[dict[str, Any]]) -> str:
    """Short lines for /reports: reference, category, urgency, when received, where."""
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
                where=_short(report.get("location_text")),
            )
        )
    return "\n".join(lines)
