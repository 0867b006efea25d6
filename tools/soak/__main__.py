"""`python -m tools.soak`: see tools/soak/run.py."""

import sys

from tools.soak.run import main

sys.exit(main())
