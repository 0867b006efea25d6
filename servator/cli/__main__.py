"""`python -m servator.cli ...`: the same as `.venv/bin/servator ...`."""

import sys

from servator.cli import main

if __name__ == "__main__":
    sys.exit(main())
