"""Writes docs/settings.md from servator/config/settings.py: every environment variable the Settings object
reads (its areas, servator/config/*_settings.py), its meaning (the property's docstring) and its default
(the value with nothing set), grouped by the section comments of the classes. `--check` exits 1 when
the file is out of date.

    .venv/bin/python -m tools.settings_doc [--check]
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from typing import Any

from servator.config.constants import ROOT
from servator.config.settings import Settings

DOC = ROOT / "docs" / "settings.md"
HEADER = """# Settings

Every setting is an environment variable, read by one object (`servator.config.settings.Settings`); nothing
else in the product reads the environment. This page is generated from that code by
`.venv/bin/python -m tools.settings_doc`; a test fails when it is out of date. A default shown as
`var/...` is under the project's folder (or `SERVATOR_VAR_DIR`).
"""


class _Reads(dict[str, str]):
    """An empty environment that remembers which names were asked for, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self.names:
            self.names.append(name)
        return default


def _default(value: Any) -> str:
    if value in ("", (), None):
        return "none"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, tuple):
        value = ",".join(value)
    text = str(value).replace(f"{ROOT}/", "")
    return f"`{text}`"


def _section(lines: list[str]) -> str | None:
    """The `# Section` comment just above a property's decorator, if any."""
    for line in reversed(lines):
        stripped = line.strip()
        if stripped.startswith("@"):
            continue
        return stripped[1:].strip() if stripped.startswith("#") else None
    return None


def _areas() -> list[type]:
    """The classes Settings is made of that declare settings, in the order Settings lists them."""
    return [area for area in Settings.__mro__ if any(isinstance(v, property) for v in vars(area).values())]


def rows() -> Iterator[tuple[str | None, str, str, str]]:
    """(section, names, meaning, default) for each property of Settings that reads a new name."""
    seen: set[str] = set()
    for area in _areas():
        source = inspect.getsource(area).splitlines()
        first_line = inspect.getsourcelines(area)[1]
        properties = [
            (inspect.getsourcelines(prop.fget)[1], prop)
            for prop in vars(area).values()
            if isinstance(prop, property) and prop.fget is not None
        ]
        for line, prop in sorted(properties, key=lambda item: item[0]):
            reads = _Reads()
            value = prop.fget(Settings(reads))  # type: ignore[misc]  # fget is set: checked above
            names = [name for name in reads.names if name not in seen][:1]
            if not names:
                continue
            seen.update(names)
            doc = " ".join((inspect.getdoc(prop.fget) or "").split())
            meaning = doc.split(": ", 1)[1] if doc.startswith(f"{names[0]}: ") else doc
            above = source[: line - first_line]
            yield _section(above[-2:]), names[0], meaning, _default(value)


def render() -> str:
    out = [HEADER]
    current: str | None = ""
    for section, name, meaning, default in rows():
        if section and section != current:
            out += [f"\n## {section}\n", "| setting | meaning | default |", "| --- | --- | --- |"]
            current = section
        cell = meaning.replace("|", "\\|")
        out.append(f"| `{name}` | {cell} | {default} |")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if DOC.read_text(encoding="utf-8") != text:
            print(
                "docs/settings.md is out of date: run .venv/bin/python -m tools.settings_doc", file=sys.stderr
            )
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
