"""Filing a whole report over Rasa's REST channel, as a member of the public does."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from typing import Any

from servator.storage import REFERENCE_PATTERN
from tests.support.served import joined, walk_to_summary
from tests.support.stack import ROOT, post_json

PEOPLE = "tall man, grey hoodie, about 30, kept looking at the cameras"
VEHICLE = "silver ford focus AB12 CDE"


def talk(rasa_url: str, sender: str, message: Any) -> str:
    replies = post_json(f"{rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message}, 60)
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def file_report(rasa_url: str, sender: str, description: str, still_happening: bool) -> str:
    """The answers of a whole report; returns the bot's last reply (the reference, or "not saved").
    Someone still there is not asked which way they went."""
    gone = () if still_happening else (("towards oxford street", "contact you"),)
    for message, expected in (
        (description, "Where"),
        ("outside the embassy on grosvenor square W1K 6AH", "When"),
        ("about 20 minutes ago", "still happening"),
        ("/affirm" if still_happening else "/deny", "describe the people"),
        (PEOPLE, "vehicle"),
        (VEHICLE, "contact you" if still_happening else "Which way"),
        *gone,
        ("/deny", "Here is your report"),
    ):
        reply = talk(rasa_url, sender, message)
        assert expected in reply, f"{message!r} -> {reply!r}"
    return talk(rasa_url, sender, "/affirm")


def reference_in(reply: str) -> str:
    match = REFERENCE_PATTERN.search(reply)
    assert match, reply
    return match.group(0)


def export(database_url: str) -> list[dict[str, Any]]:
    """Every stored report as officers export it (`servator reports export --format json`)."""
    out = subprocess.run(
        [str(ROOT / ".venv/bin/servator"), "reports", "export", "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
    ).stdout
    result: list[dict[str, Any]] = json.loads(out)
    return result


def exported(database_url: str) -> dict[str, dict[str, Any]]:
    """export(), by reference."""
    return {report["reference"]: report for report in export(database_url)}


def file_report_through_the_form(stack: Any, what: str, where: str, when: str, vehicle: str) -> str:
    """One report through the whole form, answering the way people do; returns its reference."""
    user = f"e2e-link-{uuid.uuid4().hex[:10]}"
    first = joined(stack.talk(user, "i want to report something suspicious"))
    answers = {
        "report_description": what,
        "report_location": where,
        "report_when": when,
        "report_ongoing": "no, they've gone",
        "report_people": "two men, dark jackets",
        "report_vehicle": vehicle,
        "report_direction": "towards the river",
        "report_category": "something else",
        "report_contact_consent": "no thanks",
    }
    summary, _ = walk_to_summary(lambda message: joined(stack.talk(user, message)), first, answers)
    assert "Here is your report" in summary, summary
    done = joined(stack.talk(user, "yes send it"))
    assert "reference is SRV-" in done, done
    return done.split("reference is ")[1].split(".")[0]
