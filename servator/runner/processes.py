"""The runner's child processes: started in their own process groups, stopped together, stopped when
the runner dies, and their files private; waiting for a server to answer."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from servator.config.constants import PRIVATE_UMASK, ROOT


def _poll(ready: Callable[[], bool], seconds: float, processes: list[subprocess.Popen[bytes]]) -> bool:
    """Call `ready` until it says yes, a child dies, or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            return False
        if ready():
            return True
        time.sleep(0.3)
    return False


def wait_for(url: str, seconds: float, processes: list[subprocess.Popen[bytes]]) -> bool:
    """Poll until the URL answers 200, a child dies, or time runs out."""

    def answers() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    return _poll(answers, seconds, processes)


def wait_listening(port: int, seconds: float, processes: list[subprocess.Popen[bytes]]) -> bool:
    """Poll until something accepts connections on 127.0.0.1:port, a child dies, or time runs out."""

    def accepts() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return True
        except OSError:
            return False

    return _poll(accepts, seconds, processes)


def die_with_parent() -> None:
    """Ask Linux to SIGTERM this process when its parent dies (prctl PR_SET_PDEATHSIG).

    `make run` killed with SIGTERM does not pass the signal on; with this, `servator run`
    still stops, and it stops everything it started, so nothing is left orphaned.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: Ctrl-C and SIGTERM still work as usual
        pass


def child_setup() -> None:
    """In each child before it runs: private files (umask 077) and stop when the runner dies."""
    os.umask(PRIVATE_UMASK)
    die_with_parent()


class Supervisor:
    """Starts children in their own process groups and stops every one of them.

    `env` is the environment the stack's servers share; front ends started later get it too.
    """

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.children: list[subprocess.Popen[bytes]] = []
        self.env: dict[str, str] = dict(env or {})

    def start(self, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        child = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, preexec_fn=child_setup)
        self.children.append(child)
        return child

    def stop(self) -> None:
        for child in self.children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in self.children:
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)


def make_private(folder: Path) -> None:
    """var/ made before the umask was set: the folder and what is in it, owner only."""
    if not folder.is_dir():
        return
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink() or path.stat().st_uid != os.getuid():
            continue
        path.chmod(0o700 if path.is_dir() else path.stat().st_mode & 0o700)
