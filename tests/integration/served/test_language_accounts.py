"""Served: a whole account in one message in another language gives the form who was seen, their
vehicle and where they went, in the person's own words; the form asks only for what is missing.

Over HTTP against the stack `make run` starts. The accounts were written for this test, not taken
from the training data or a blind set.
"""

from __future__ import annotations

import pytest

from reading.language.data import language_file
from tests.support.served import ServedConversation

pytestmark = pytest.mark.rasa

# language, account, (people, vehicle, direction) as the form should store them
ACCOUNTS = [
    (
        "ar",
        "قبل ربع ساعة رجل طويل لابس جاكيت رمادي كان يصور كاميرات السفارة الأمريكية، "
        "بعدين ركب سيارة تويوتا سوداء وراح باتجاه Oxford Street",
        ("رجل طويل لابس جاكيت رمادي", "سيارة تويوتا سوداء", "باتجاه Oxford Street"),
    ),
    (
        "pl",
        "Pół godziny temu wysoki mężczyzna w zielonej kurtce fotografował kamery ambasady Rosji, "
        "potem wsiadł do białego vana i odjechał w stronę Marble Arch",
        ("wysoki mężczyzna w zielonej kurtce", "białego vana", "w stronę Marble Arch"),
    ),
    (
        "tr",
        "Yarım saat önce sakallı bir adam büyükelçiliğin kameralarını fotoğrafladı, sonra gri bir "
        "Ford Focus'a binip Hyde Park'a doğru gitti",
        ("sakallı bir adam", "gri bir Ford Focus", "Hyde Park'a doğru"),
    ),
    (
        "zh",
        "半小时前一个穿黑色外套的男人在美国大使馆门口一直拍摄像头，后来上了一辆白色的丰田往Hyde Park方向开走了",
        ("一个穿黑色外套的男人", "一辆白色的丰田", "往Hyde Park方向"),
    ),
]
GIVEN = ("report_people", "report_vehicle", "report_direction")


@pytest.mark.parametrize(("language", "account", "expected"), ACCOUNTS, ids=[a[0] for a in ACCOUNTS])
def test_an_account_in_another_language_is_not_asked_for_the_people_vehicle_or_way(
    stack, language, account, expected
):
    answers = language_file(language, "form_answers")
    no, skip = answers["no"][0], answers["skip"][0]
    conversation = ServedConversation(stack)
    conversation.say(account)
    assert conversation.slot("language") == language
    assert tuple(conversation.slot(slot) for slot in GIVEN) == expected
    asked = conversation.answer_to_summary(no, skip)
    assert conversation.requested_slot() == "report_confirm", asked
    assert not set(GIVEN) & set(asked), asked
