"""`make audit` says plainly whether the lock was audited (tools/audit_lock.py)."""

from __future__ import annotations

from tools.audit_lock import EXIT_FINDINGS, EXIT_NOT_AUDITED, kept_findings, verdict


def test_a_finding_fails_and_says_what_fixes_it():
    data = {
        "dependencies": [
            {
                "name": "aiohttp",
                "version": "3.9.5",
                "vulns": [{"id": "GHSA-aaaa", "fix_versions": ["3.10.11"]}],
            },
            {"name": "six", "version": "1.16.0", "vulns": []},
        ]
    }
    code, lines = verdict(data, "")
    assert code == EXIT_FINDINGS and "aiohttp 3.9.5: GHSA-aaaa (fixed in 3.10.11)" in lines[0]


def test_skipped_packages_mean_not_audited_not_a_pass():
    """pip-audit itself prints "No known vulnerabilities found" and exits 0 in this case."""
    data = {
        "dependencies": [
            {
                "name": "absl-py",
                "skip_reason": "Dependency not found on PyPI and could not be audited: absl-py",
            },
            {"name": "six", "version": "1.16.0", "vulns": []},
        ]
    }
    code, lines = verdict(data, "")
    assert code == EXIT_NOT_AUDITED and "NOT audited" in lines[0] and "1 of 2" in lines[0]
    code, lines = verdict(None, "requests.exceptions.ConnectionError: api.osv.dev")
    assert code == EXIT_NOT_AUDITED and "api.osv.dev" in lines[1]


def test_a_clean_audit_passes():
    assert verdict({"dependencies": [{"name": "six", "version": "1.16.0", "vulns": []}]}, "")[0] == 0


def test_findings_kept_on_purpose_are_read_from_the_privacy_doc_table():
    doc = "\n".join(
        [
            "## Supply chain",
            "## Audit findings kept",
            "| advisory | package | why it is kept |",
            "| --- | --- | --- |",
            "| GHSA-1234-5678-abcd | aiohttp | Rasa 3.6 pins aiohttp <3.10 |",
            "| `PYSEC-2024-1` | tensorflow | not reachable: no model is loaded from outside |",
            "## Next section",
            "| GHSA-not-this-one | x | y |",
        ]
    )
    assert kept_findings(doc) == ["GHSA-1234-5678-abcd", "PYSEC-2024-1"]
    assert kept_findings("no such heading") == []
