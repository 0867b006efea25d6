"""Every file the running stack writes in its private folder (SERVATOR_VAR_DIR) has a retention rule
(servator/records/retention_rules.py)."""

from __future__ import annotations

import uuid

import pytest

from servator.records.retention_rules import FILE_RULES

pytestmark = pytest.mark.rasa


def test_every_file_the_stack_writes_has_a_retention_rule(stack):
    var_dir = stack.outbox_dir.parent
    user = f"retention-{uuid.uuid4().hex[:8]}"
    stack.talk(user, "a man was filming our gate for an hour")
    written = [path for path in var_dir.rglob("*") if not path.name.startswith(".")]
    assert any(path.name == "servator.db" for path in written)
    unruled = [
        str(path.relative_to(var_dir))
        for path in written
        if not any(path.relative_to(var_dir).match(pattern) for pattern in FILE_RULES)
    ]
    assert unruled == [], "files the stack writes without a retention rule"
