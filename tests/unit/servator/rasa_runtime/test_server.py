"""Rasa's forked Sanic workers stop on SIGTERM even before they set up their own handler."""

from __future__ import annotations

import os
import signal

from servator.rasa_runtime.server import default_sigterm_in_forked_workers


def test_a_forked_worker_starts_with_sigterms_default_action():
    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # the main process's pass-it-on handler
    try:
        default_sigterm_in_forked_workers()
        child = os.fork()
        if child == 0:
            os._exit(0 if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL else 1)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL, "the parent keeps its handler"
    finally:
        signal.signal(signal.SIGTERM, previous)
