"""The labelled evaluation set for report linking: synthetic reports with planted patterns and decoys.

`python -m tools.linking_eval [--seed N] [--out FILE]` writes it as JSON. Fixed seeds make it
reproducible: EVAL_SEED is the set the figures are reported on (tests/data/linking_eval.json);
CALIBRATION_SEED is a second set of the same shape on which the description threshold is chosen.

Planted patterns (each report carries its pattern's label; unrelated reports carry none):
- vehicle: one car seen 2-4 times within 25 days at different places, the plate typed with the
  slips people make (spacing and case, O/0 and I/1, one wrong or two swapped characters);
- place: one place named differently each time ("KPG", "Kensington Palace Gdns", "the Russian
  embassy"), similar behaviour, within 12 days;
- description: the same behaviour told in other words at nearby places (< 2 km) within 12 days.
Decoys: the same place on an unrelated matter, the same car model with another plate, a plate one
character off on a different car, the same behaviour far away or weeks later; and background reports.

Unrelated reports are never placed at the same place with a similar category within 14 days: the
place rule links such a pair by design, so it would be a pattern, not a decoy (`Generator.clashes`).
Descriptions of unrelated reports are not kept apart: their similarity is what the description rule
must judge.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tools.linking_eval_decoys import background, decoys
from tools.linking_eval_generator import Generator
from tools.linking_eval_patterns import patterns

EVAL_SEED, CALIBRATION_SEED = 11, 29


def build(seed: int) -> list[dict[str, Any]]:
    generator = Generator(seed)
    plants = patterns(generator)
    decoys(generator, plants)
    background(generator)
    generator.random.shuffle(generator.items)
    for number, item in enumerate(generator.items):
        item["draft"]["submission_key"] = f"eval-{seed}-{number:04d}"
    return generator.items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=EVAL_SEED)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    text = json.dumps(build(args.seed), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
