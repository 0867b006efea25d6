"""The `linking` section of `make bench`, runnable alone: `python -m tools.bench.linking`.

Quality: the description threshold is calibrated on the calibration set (CALIBRATION_SEED) and
the set's figures are reported; then the evaluation set (EVAL_SEED) is linked with the configured
settings (LINK_TEXT_MIN_COSINE, default the calibrated value in servator/linking/settings.py) and
its precision and recall reported. Speed: linking one new report against 100,000 stored reports,
on SQLite and on PostgreSQL (tools/bench/linking_speed.py). Prints one JSON object {"linking": …}.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from tools.bench.json_out import print_section


def measure() -> dict[str, Any]:
    from tools.bench import linking_quality, linking_speed
    from tools.linking_eval import CALIBRATION_SEED, EVAL_SEED

    stored = int(os.environ.get("BENCH_LINKING_STORED", linking_speed.STORED))
    calibration = linking_quality.calibrate(CALIBRATION_SEED)
    return {
        "calibration": calibration,
        "evaluation": linking_quality.evaluate(EVAL_SEED),
        "speed_sqlite": linking_speed.on_sqlite(stored),
        "speed_postgresql": linking_speed.on_postgresql(stored),
    }


def main() -> int:
    return print_section("linking", measure)


if __name__ == "__main__":
    sys.exit(main())
