"""The dashboard's words for stored codes: nothing internal reaches an officer's screen."""

from __future__ import annotations

import pytest

from dashboard.labels import (
    action_label,
    actor_label,
    channel_label,
    detail_label,
    guidance_label,
    plural,
    rule_label,
    status_label,
)
from servator.storage import CATEGORY_LABELS, category_label


@pytest.mark.parametrize("count,words", [(0, "0 reports"), (1, "1 report"), (2, "2 reports")])
def test_plurals(count, words):
    assert plural(count, "report") == words


def test_every_category_has_words_and_an_unknown_code_is_still_readable():
    assert all(category_label(code) == label for code, label in CATEGORY_LABELS.items())
    assert category_label("testing_security") == "Testing security"
    assert category_label("brand_new_kind") == "Brand new kind" and category_label(None) == "Not given"


def test_channels_guidance_statuses_and_rules_in_words():
    assert channel_label("rest") == "The assistant (web chat or Telegram)"
    assert channel_label("web") == "Web chat" and channel_label("telegram") == "Telegram"
    assert (
        guidance_label("hotline,railway")
        == "The Anti-Terrorist Hotline and British Transport Police (on the railway)"
    )
    assert guidance_label("999,hotline") == "999 (someone may be in danger) and the Anti-Terrorist Hotline"
    assert (
        status_label("escalated") == "Escalated"
        and rule_label("vehicle") == "Same or possibly the same vehicle"
    )


@pytest.mark.parametrize(
    "actor,action,detail,who,what,said",
    [
        (
            "rest:abcdef123456",
            "create",
            "notify=0",
            "The person reporting",
            "Report received",
            "No officer chat is set up to be alerted",
        ),
        (
            "rest:abcdef123456",
            "create",
            "notify=2",
            "The person reporting",
            "Report received",
            "Alert queued for 2 officer chats",
        ),
        ("officer:pc.smith", "view_report", None, "pc.smith (dashboard)", "Viewed", ""),
        (
            "officer:pc.smith",
            "status",
            "status new -> closed; note added",
            "pc.smith (dashboard)",
            "Status changed",
            "New → Closed (with a note)",
        ),
        (
            "linking",
            "cluster_alert",
            "cluster=LNK-ABCDEFGH size=3 notify=1",
            "Linking (automatic)",
            "Pattern of linked reports alerted",
            "Pattern LNK-ABCDEFGH of 3 reports; alert queued for 1 officer chat",
        ),
        (
            "cli:alice",
            "mark",
            "status new -> reviewed",
            "alice (command line)",
            "Status changed on the command line",
            "New → Reviewed",
        ),
        (
            "telegram:0123abcd",
            "telegram_ack",
            "status=reviewed",
            "An officer on Telegram",
            "Acknowledged on Telegram",
            "Marked reviewed",
        ),
        (
            "officer:pc.smith",
            "download_photo",
            "sha256=" + "ab" * 32,
            "pc.smith (dashboard)",
            "Photo downloaded",
            "The photo whose SHA-256 as received is " + "ab" * 32,
        ),
        (
            "officer:pc.smith",
            "view_photo_thumbnail",
            "sha256=" + "0f" * 32,
            "pc.smith (dashboard)",
            "Photo thumbnail shown",
            "The photo whose SHA-256 as received is " + "0f" * 32,
        ),
    ],
)
def test_the_audit_trail_in_words(actor, action, detail, who, what, said):
    assert actor_label(actor, action) == who
    assert action_label(action) == what
    assert detail_label(detail) == said
    for shown in (who, what, said):
        assert "notify=" not in shown and "_" not in shown.replace("LNK-ABCDEFGH", "")
