"""`python -m servator.cli ...`: the same as `.venv/bin/servator ...`."""

import sys

from servator.cli import main

sys.exit(main())
