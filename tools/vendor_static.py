"""Vendor the dashboard's browser libraries from the npm registry: `python -m tools.vendor_static`.

npm installs the pinned versions below into a throwaway folder (install scripts off); only the built
files the dashboard loads, and each package's licence, are copied into dashboard/static/vendor/<name>/,
and dashboard/static/vendor/VERSIONS.md names the package, version, file and sha256 of every file
(tests/unit/dashboard/test_vendor.py recomputes them). No CDN is ever used; node_modules is not kept.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "dashboard" / "static" / "vendor"

# npm package -> (version, {file in the package: file under vendor/<package>/})
PACKAGES: dict[str, tuple[str, dict[str, str]]] = {
    "leaflet": (
        "1.9.4",
        {
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            "dist/images/layers.png": "images/layers.png",
            "dist/images/layers-2x.png": "images/layers-2x.png",
            "dist/images/marker-icon.png": "images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "images/marker-shadow.png",
            "LICENSE": "LICENSE",
        },
    ),
    "leaflet.markercluster": (
        "1.5.3",
        {
            "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
            "dist/MarkerCluster.css": "MarkerCluster.css",
            "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
            "MIT-LICENCE.txt": "LICENSE",
        },
    ),
    "uplot": (
        "1.6.32",
        {
            "dist/uPlot.iife.min.js": "uPlot.iife.min.js",
            "dist/uPlot.min.css": "uPlot.min.css",
            "LICENSE": "LICENSE",
        },
    ),
    "axe-core": (
        "4.14.1",
        {
            "axe.min.js": "axe.min.js",
            "LICENSE": "LICENSE",
            "LICENSE-3RD-PARTY.txt": "LICENSE-3RD-PARTY.txt",
        },
    ),
}

HEADER = """# Vendored browser libraries

Copied from the npm registry by `python -m tools.vendor_static` (no CDN; only the built files the
dashboard and its accessibility tests load, and each package's licence). Each file's sha256 is checked
by tests/unit/dashboard/test_vendor.py.

| package | version | file | sha256 |
| --- | --- | --- | --- |
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def versions_table(vendor: Path = VENDOR) -> str:
    rows = [
        f"| {name} | {version} | {name}/{target} | {sha256(vendor / name / target)} |"
        for name, (version, files) in PACKAGES.items()
        for target in files.values()
    ]
    return HEADER + "\n".join(rows) + "\n"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="servator-vendor-") as folder:
        work = Path(folder)
        (work / "package.json").write_text(json.dumps({"name": "servator-vendor", "private": True}))
        specs = [f"{name}@{version}" for name, (version, _) in PACKAGES.items()]
        subprocess.run(
            ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--save-exact", *specs],
            cwd=work,
            check=True,
        )
        for name, (version, files) in PACKAGES.items():
            package = work / "node_modules" / name
            found = json.loads((package / "package.json").read_text())["version"]
            if found != version:
                raise SystemExit(f"{name}: npm gave {found}, expected {version}")
            target_dir = VENDOR / name
            shutil.rmtree(target_dir, ignore_errors=True)
            for source, target in files.items():
                (target_dir / target).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(package / source, target_dir / target)
    (VENDOR / "VERSIONS.md").write_text(versions_table())
    print(f"vendored {len(PACKAGES)} packages into {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
