"""Plain English for the codes the report tables store: categories, statuses, channels, the safety
guidance given, and the audit trail's actors, actions and details. Jinja filters (dashboard/app.py)."""

from __future__ import annotations

from collections.abc import Callable

from reading import regex
from reading.language import language_label
from servator.storage import category_label

STATUS_LABELS = {"new": "New", "reviewed": "Reviewed", "escalated": "Escalated", "closed": "Closed"}
# Every front end reaches the assistant through Rasa's REST channel, so a report stored from the web
# chat and one from Telegram both say "rest".
CHANNEL_LABELS = {"rest": "The assistant (web chat or Telegram)", "telegram": "Telegram", "web": "Web chat"}
GUIDANCE_LABELS = {
    "999": "999 (someone may be in danger)",
    "hotline": "the Anti-Terrorist Hotline",
    "railway": "British Transport Police (on the railway)",
}
ACTION_LABELS = {
    "create": "Report received",
    "view_report": "Viewed",
    "status": "Status changed",
    "assign": "Assignment changed",
    "note": "Note added",
    "cluster_alert": "Pattern of linked reports alerted",
    "link_confirmed": "Link confirmed",
    "link_rejected": "Marked not linked",
    "view_cluster": "Pattern viewed",
    "telegram_view": "Viewed on Telegram",
    "telegram_ack": "Acknowledged on Telegram",
    "telegram_links": "Linked reports viewed on Telegram",
    "telegram_refused": "Refused on Telegram",
    "show": "Viewed on the command line",
    "links": "Linked reports viewed on the command line",
    "mark": "Status changed on the command line",
    "followup_ask": "Question for the person who reported",
    "followup_answer": "Answer from the person who reported",
    "followup_check": "The person who reported checked on it",
    "followup_pushed": "Question sent to the person's Telegram chat",
    "followup_end": "Follow-up ended by the person who reported",
    "view_photo": "Photo viewed",
    "view_photo_thumbnail": "Photo thumbnail shown",
    "download_photo": "Photo downloaded",
}
RULE_LABELS = {
    "vehicle": "Same or possibly the same vehicle",
    "place": "Same place, similar behaviour",
    "description": "Similar description nearby",
}
_STATUS_CHANGE = regex.compile(r"^status (\w+) -> (\w+)(; note.*)?$")
_NOTIFY = regex.compile(r"^notify=(\d+)(?: photos=(\d+))?$")
_CLUSTER = regex.compile(r"^cluster=(\S+) size=(\d+) notify=(\d+)$")
_COUNT = regex.compile(r"^count=(\d+)$")
_PHOTO = regex.compile(r"^sha256=([0-9a-f]{64})$")


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """ "1 report", "2 reports", "0 reports" (`plural_noun` for irregular ones)."""
    return f"{count} {noun if count == 1 else (plural_noun or noun + 's')}"


def status_label(code: str | None) -> str:
    return STATUS_LABELS.get(code or "", (code or "").capitalize())


def channel_label(code: str | None) -> str:
    return CHANNEL_LABELS.get(code or "", code or "Not recorded")


def guidance_label(codes: str | None) -> str:
    """ "999,hotline,railway" -> "999 (someone may be in danger), the Anti-Terrorist Hotline and …"."""
    words = [
        GUIDANCE_LABELS.get(code.strip(), code.strip()) for code in (codes or "").split(",") if code.strip()
    ]
    if not words:
        return "None recorded"
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return text[:1].upper() + text[1:]


def rule_label(rule: str | None) -> str:
    return RULE_LABELS.get(rule or "", (rule or "").replace("_", " ").capitalize())


def action_label(action: str | None) -> str:
    return ACTION_LABELS.get(action or "", (action or "").replace("_", " ").capitalize())


def actor_label(actor: str | None, action: str | None = None) -> str:
    """Who, in words: an officer by name and where, the person reporting, or the system."""
    kind, _, name = (actor or "").partition(":")
    if action == "create" and kind in ("rest", "telegram", "web"):
        return "The person reporting"
    if kind == "officer":
        return f"{name} (dashboard)"
    if kind == "cli":
        return f"{name} (command line)"
    if kind == "telegram":
        return "An officer on Telegram"
    if actor == "reporter":
        return "The person reporting"
    if actor == "linking":
        return "Linking (automatic)"
    return actor or ""


def detail_label(detail: str | None) -> str:
    """An audit detail in words; a detail with no known shape is shown as it is."""
    text = (detail or "").strip()
    if found := _STATUS_CHANGE.match(text):
        change = f"{status_label(found.group(1))} → {status_label(found.group(2))}"
        return change + (" (with a note)" if found.group(3) else "")
    if found := _NOTIFY.match(text):
        photos = found.group(2)
        return _alerted(int(found.group(1))) + (f"; {plural(int(photos), 'photo')}" if photos else "")
    if found := _CLUSTER.match(text):
        return (
            f"Pattern {found.group(1)} of {plural(int(found.group(2)), 'report')}; "
            + _alerted(int(found.group(3))).lower()
        )
    if found := _COUNT.match(text):
        return plural(int(found.group(1)), "linked report")
    if found := _PHOTO.match(text):
        return f"The photo whose SHA-256 as received is {found.group(1)}"
    if text == "status=reviewed":
        return "Marked reviewed"
    return text


def _alerted(chats: int) -> str:
    return (
        f"Alert queued for {plural(chats, 'officer chat')}"
        if chats
        else "No officer chat is set up to be alerted"
    )


FILTERS: dict[str, Callable[..., str]] = {
    "plural": plural,
    "category_label": category_label,
    "language_label": language_label,
    "status_label": status_label,
    "channel_label": channel_label,
    "guidance_label": guidance_label,
    "action_label": action_label,
    "rule_label": rule_label,
    "actor_label": actor_label,
    "detail_label": detail_label,
}
