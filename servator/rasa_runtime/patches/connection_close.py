"""Sets Sanic's per-connection `keep_alive` (`request.stream`, a `sanic.http.Http`) to False after each
REST answer when several Sanic workers serve (checked against Rasa 3.6.21 with Sanic 21.12.2).

What: Sanic's workers share one listening socket and a kept-alive connection stays with the
worker that accepted it. Closing each connection after its answer lets the next request go to
whichever worker is free. Sanic 21.12's own `SANIC_KEEP_ALIVE=False` does nothing (its HTTP/1
server ignores the setting), hence this reach into the request's protocol object.

Why: 16 users connecting at once were measured split 8/8, 13/3 and 16/0 over the two workers, the
last doubling the p95; closing connections gave 221-266 msg/s and p95 132-165 ms over five runs
against 160-269 msg/s and p95 166-328 ms before (docs/performance.md, section 2).
"""

from __future__ import annotations

from typing import Any

SYMBOL = "sanic.http.Http.keep_alive"


def close_after_response(request: Any) -> None:
    """Ask Sanic to close this request's connection once the response is sent."""
    from servator.rasa_runtime.patches.versions import sanic_supported

    if sanic_supported() and request.stream is not None:
        request.stream.keep_alive = False
