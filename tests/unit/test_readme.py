"""README.md fits on a screen or two (at most 250 lines), its map names every folder, and every file it
links to exists."""

from __future__ import annotations

import re
from fnmatch import fnmatch

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


def test_the_map_of_the_folders_names_every_top_level_folder():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    folders_map = text.split("## The folders", 1)[1].split("```")[1]
    ignored = [
        line.strip().rstrip("/")
        for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    folders = [
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and not path.name.startswith(".")
        and not any(fnmatch(path.name, pattern) for pattern in ignored)
    ]
    assert len(folders) > 5
    assert [name for name in sorted(folders) if f"{name}/" not in folders_map] == []
