"""The web chat page in the browser tests: `python -m web` served as `servator run` starts it, a
scripted stand-in for Rasa's REST channel, and what a person does on the page (Playwright)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from servator.runner.processes import wait_for
from tests.support.stack import ROOT

BOT_MESSAGES = "#log .message.bot .text"
USER_MESSAGES = "#log .message.user .text"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def closed_url() -> str:
    """A URL where nothing listens (Rasa down)."""
    return f"http://127.0.0.1:{free_port()}"


@contextlib.contextmanager
def served_webchat(rasa_url: str) -> Iterator[str]:
    """`python -m web` relaying to `rasa_url`; yields the page's URL."""
    port = free_port()
    env = {**os.environ, "RASA_URL": rasa_url, "WEBCHAT_PORT": str(port)}
    child = subprocess.Popen([sys.executable, "-m", "web"], cwd=ROOT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        # The page, not /healthz: that says 503 while Rasa is down.
        assert wait_for(f"{url}/", 30, [child]), "the web chat did not start"
        yield url + "/"
    finally:
        child.terminate()
        child.wait(10)


@contextlib.contextmanager
def scripted_rasa(replies: list[dict[str, Any]]) -> Iterator[str]:
    """A stand-in REST channel that answers every message with `replies`; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps(replies).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def send(page: Any, text: str) -> None:
    """Type into the message box and press Enter, as a person does."""
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")


def wait_for_bot_messages(page: Any, count: int) -> None:
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length >= n", arg=[BOT_MESSAGES, count]
    )


def say(page: Any, text: str) -> str:
    """Send `text` and wait for the reply; the text of the replies to it."""
    before = page.locator(BOT_MESSAGES).count()
    send(page, text)
    wait_for_bot_messages(page, before + 1)
    page.wait_for_function("() => !document.getElementById('log').hasAttribute('aria-busy')")
    return "\n".join(page.locator(BOT_MESSAGES).all_inner_texts()[before:])


def press(page: Any, title: str) -> str:
    """Press the live suggested reply called `title`; the text of the replies to it."""
    before = page.locator(BOT_MESSAGES).count()
    page.locator("#log .choice:not([disabled])", has_text=title).last.click()
    wait_for_bot_messages(page, before + 1)
    page.wait_for_function("() => !document.getElementById('log').hasAttribute('aria-busy')")
    return "\n".join(page.locator(BOT_MESSAGES).all_inner_texts()[before:])


def bot_texts(page: Any) -> list[str]:
    return list(page.locator(BOT_MESSAGES).all_text_contents())
