"""`make audit`: pip-audit over requirements.lock, with a clear answer in every case.

pip-audit (its own venv, .tools) looks each pinned release up in an advisory database over the
network: PyPI's per-release JSON API, or OSV. Its plain output is misleading when it cannot:
it prints "No known vulnerabilities found" and exits 0 even when it skipped every package.
This reads its JSON instead and exits with:

- 0: every package was audited; no finding, or only findings kept on purpose;
- 1: a finding that is not kept (each is printed with the versions that fix it);
- 2: the lock was NOT audited (advisory data unreachable, or packages skipped): says so plainly.

Findings kept on purpose are the rows of docs/privacy.md's "Audit findings kept" table (ID, package,
reason); pip-audit is told to ignore exactly those IDs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = ROOT / ".tools" / "bin" / "pip-audit"
LOCK = ROOT / "requirements.lock"
KEPT_FINDINGS_DOC = ROOT / "docs" / "privacy.md"
KEPT_HEADING = "## Audit findings kept"
_ROW = re.compile(r"^\|\s*`?([A-Z]+-[A-Za-z0-9-]+)`?\s*\|")
EXIT_FINDINGS = 1
EXIT_NOT_AUDITED = 2


def kept_findings(readme: str) -> list[str]:
    """The advisory IDs in the table of findings kept on purpose (docs/privacy.md)."""
    if KEPT_HEADING not in readme:
        return []
    section = readme.split(KEPT_HEADING, 1)[1].split("\n#", 1)[0]
    return [match.group(1) for line in section.splitlines() if (match := _ROW.match(line.strip()))]


def run_pip_audit(ignored: list[str]) -> tuple[int, dict[str, Any] | None, str]:
    """pip-audit's exit code, its JSON report (None if it wrote none) and its error output."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [
            str(PIP_AUDIT),
            "--requirement",
            str(LOCK),
            "--require-hashes",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--output",
            str(report),
            *[arg for vuln in ignored for arg in ("--ignore-vuln", vuln)],
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        data = json.loads(report.read_text()) if report.exists() and report.read_text().strip() else None
    return done.returncode, data, done.stderr


def verdict(data: dict[str, Any] | None, stderr: str) -> tuple[int, list[str]]:
    """(exit code, lines to print) for a pip-audit JSON report."""
    if data is None:
        last = stderr.strip().splitlines()[-1:] or ["no output"]
        return EXIT_NOT_AUDITED, [
            "pip-audit: the lock was NOT audited: pip-audit could not run to the end.",
            f"  its last message: {last[0][:300]}",
        ]
    dependencies = data.get("dependencies") or []
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    findings = [(dep, vuln) for dep in dependencies for vuln in dep.get("vulns") or []]
    lines = [
        f"pip-audit: {dep['name']} {dep.get('version', '')}: {vuln['id']} (fixed in {', '.join(vuln.get('fix_versions') or ['no release yet'])})"
        for dep, vuln in findings
    ]
    if findings:
        lines.append(
            f"pip-audit: {len(findings)} finding(s). Upgrade, or keep one on purpose by adding it with its "
            f"reason to the '{KEPT_HEADING[3:]}' table of docs/privacy.md."
        )
        return EXIT_FINDINGS, lines
    if skipped:
        reasons = sorted({dep["skip_reason"].split(":")[0] for dep in skipped})
        return EXIT_NOT_AUDITED, [
            f"pip-audit: the lock was NOT audited: {len(skipped)} of {len(dependencies)} packages could not be "
            f"looked up ({'; '.join(reasons)}).",
            "  pip-audit needs PyPI's per-release JSON API (https://pypi.org/pypi/NAME/VERSION/json) or "
            "api.osv.dev; this network does not answer them.",
        ]
    return 0, [f"pip-audit: {len(dependencies)} locked packages audited, no finding outside the kept list."]


def main() -> int:
    if not PIP_AUDIT.exists():
        print("pip-audit is not installed: run `make audit-deps`", file=sys.stderr)
        return EXIT_NOT_AUDITED
    ignored = kept_findings(KEPT_FINDINGS_DOC.read_text(encoding="utf-8"))
    _code, data, stderr = run_pip_audit(ignored)
    code, lines = verdict(data, stderr)
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
