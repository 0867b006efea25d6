"""An item told across sentences (reading/danger/items.py), through the detector and alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "I am the duty manager at a mission on Carlton House Terrace. An unattended black holdall has "
        "been placed against our railings within the last ten minutes and nobody has come back for it. "
        "Our CCTV shows a man setting it down and walking off towards Pall Mall. The bag is still there "
        "now. Kindly advise what we should do.",
        "I work at the museum shop on the corner and wanted to tell you something. A suitcase was left "
        "by the side entrance about twenty minutes ago and no one has claimed it since then. The man "
        "who brought it walked off quickly towards the station. The suitcase is still there right now.",
        "There's a bag under the bench. The lad ran off without it.",
    ],
)
def test_an_item_left_alone_then_said_to_be_there_now_fires(detector, text):
    assert detector.detect(text).fired, text


@pytest.mark.parametrize(
    "text",
    [
        "There was an unattended bag by the gate this morning. It is not there now.",
        "An unattended bag was by the gate. Security took it away. Now we are fine.",
        "Yesterday an unattended suitcase was left at the station. The suitcase is still there now, "
        "according to the news, but police checked it.",
    ],
)
def test_an_item_alone_but_gone_or_past_stays_calm(detector, text):
    assert not detector.detect(text).fired, text
