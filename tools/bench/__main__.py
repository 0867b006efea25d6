"""`python -m tools.bench`: see tools/bench/measure.py."""

import sys

from tools.bench.measure import main

sys.exit(main())
