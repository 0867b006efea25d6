"""Accessibility checks in the browser tests: the vendored axe-core run inside a Playwright page.

axe-core is evaluated through the DevTools protocol (page.evaluate), which the page's strict CSP does
not apply to, so the page under test keeps its real policy. The rules are WCAG 2.0/2.1/2.2 A and AA
and axe's best practices; `serious_violations` keeps those axe rates serious or critical.
"""

from __future__ import annotations

from typing import Any

from tests.support.stack import ROOT

AXE_SOURCE = ROOT / "dashboard" / "static" / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SERIOUS = ("serious", "critical")


def violations(page: Any) -> list[dict[str, Any]]:
    """Every axe violation on the page as it is now: rule id, impact, help text and the offending nodes."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary),
            }));
        }""",
        TAGS,
    )
    return found


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """The violations axe rates serious or critical (what the dashboard and the chat must not have)."""
    return [violation for violation in violations(page) if violation["impact"] in SERIOUS]


def usable_on(page: Any, viewport: dict[str, int]) -> None:
    """axe-core finds no violation, and nothing is wider than the screen (wide tables scroll in their box)."""
    assert violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
