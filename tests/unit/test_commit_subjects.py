"""Commit subjects are at most 72 characters, the detail in the body (`git log --oneline` stays one
screen wide). Checked from the last commit whose subject was longer: history before it stays as it is."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support.stack import ROOT

MAX_SUBJECT = 72
# The last commit with a longer subject; everything after it is checked.
CHECKED_AFTER = "0aca5cf"


def subjects_after(base: str) -> list[str]:
    done = subprocess.run(
        ["git", "log", "--format=%s", f"{base}..HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    if done.returncode != 0:
        pytest.skip(f"no git history here: {done.stderr.strip()[:200]}")
    return done.stdout.splitlines()


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout")
def test_every_commit_subject_since_the_last_long_one_is_at_most_72_characters():
    subjects = subjects_after(CHECKED_AFTER)
    assert subjects, "no commits after the base: the check would check nothing"
    assert [subject for subject in subjects if len(subject) > MAX_SUBJECT] == []
