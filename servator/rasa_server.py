"""`python -m servator.rasa_server run ...`: Rasa's own command line, with servator.rasa_patches applied.

The runner starts Rasa this way; `make bench` starts vanilla Rasa with the plain `rasa` command.
"""

from __future__ import annotations

import sys


def main() -> None:
    from servator import rasa_patches

    rasa_patches.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
