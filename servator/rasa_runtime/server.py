"""`python -m servator.rasa_runtime.server run ...`: Rasa's own command line, with
servator.rasa_runtime.patches applied and message text kept out of the logs (servator.log_privacy).

The runner starts Rasa this way; `make bench` starts vanilla Rasa with the plain `rasa` command.

With several Sanic workers, Sanic forks them from a main process whose SIGTERM handler only passes
the signal on to the workers; a worker inherits that handler until it has loaded the model and
set up its own. A worker still loading when SIGTERM came (`make run` stopped or killed during
start-up) then ignored it and stayed running, and its main process waited for it for ever.
Forked workers here start with SIGTERM's default action, so they stop at once while loading.
"""

from __future__ import annotations

import os
import signal
import sys


def default_sigterm_in_forked_workers() -> None:
    os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))


def main() -> None:
    from servator import log_privacy
    from servator.rasa_runtime import patches as rasa_patches

    log_privacy.install()
    rasa_patches.apply()
    default_sigterm_in_forked_workers()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
