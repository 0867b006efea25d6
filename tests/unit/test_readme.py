"""README.md fits on a screen or two (at most 250 lines) and every file it links to exists."""

from __future__ import annotations

import re

from tests.support.stack import ROOT

MAX_LINES = 250
LINK = re.compile(r"\]\(([^)#:]+)\)")


def test_the_readme_is_at_most_250_lines():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines: move detail to docs/"


def test_every_file_the_readme_and_docs_link_to_exists():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = [
        f"{page.relative_to(ROOT)} -> {target}"
        for page in pages
        for target in LINK.findall(page.read_text(encoding="utf-8"))
        if not (page.parent / target).exists()
    ]
    assert missing == []
