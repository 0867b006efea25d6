"""Replaces `rasa.utils.endpoints.EndpointConfig.session` (checked against Rasa 3.6.21).

What: for every call to the action server, Rasa's `EndpointConfig.request` opens a new aiohttp
`ClientSession` (`async with self.session()`), so every call makes and closes a new TCP
connection. Here `session()` gives, for each endpoint and event loop, one session kept open
(same headers, auth and timeout as Rasa's), whose `async with` does not close it: calls reuse
kept-alive connections. Idle connections are closed after `IDLE_SECONDS`, before the action
server's Sanic closes them (its keep-alive timeout is 5 s), so a request never goes out on a
connection the server is closing.

Why: opening connections was about 3.4 % of the Rasa server's CPU under 16 users; a call took
0.29-0.38 ms of the caller's CPU instead of 0.94 ms, and 1.7-3.2 ms instead of 6-7 ms of wall time
(500 calls on a loaded machine; docs/performance.md, section 5).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

SYMBOL = "rasa.utils.endpoints.EndpointConfig.session"
IDLE_SECONDS = 2.0


class _KeptOpen:
    """`async with` gives the shared session and leaves it open."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def __aenter__(self) -> Any:
        return self.session

    async def __aexit__(self, *exc: object) -> None:
        return None


def shared_session(self: Any) -> _KeptOpen:
    """EndpointConfig.session: this endpoint's session for the running loop, made on first use."""
    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    loop = asyncio.get_running_loop()
    session = self.__dict__.get("_servator_session")
    if session is None or session.closed or self.__dict__.get("_servator_loop") is not loop:
        auth = (
            aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth
            else None
        )
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_SECONDS),
        )
        self.__dict__["_servator_session"], self.__dict__["_servator_loop"] = session, loop
    return _KeptOpen(session)


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.utils.endpoints import EndpointConfig

    originals[SYMBOL] = EndpointConfig.session
    EndpointConfig.session = shared_session
