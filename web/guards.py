"""What the web chat checks before it relays anything: the request's origin, type and sender address.

- `POST /api/message` must be JSON (`Content-Type: application/json`) and carry an `Origin`:
  the chat's own, or one listed in WEBCHAT_ORIGINS. Browsers send `Origin` with every POST,
  same-origin fetches included, so another website cannot make its visitors' browsers post to
  the chat. Without WEBCHAT_ORIGINS the chat's own origin is its Host header on a loopback
  address (what `make run` serves); behind a reverse proxy, list the public origin.
- The address a rate limit counts is the peer's, or, when the peer is a proxy listed in
  TRUSTED_PROXIES, the nearest address in X-Forwarded-For that is not one of them.
- `frame-ancestors` (CSP, servator/http/headers.py) is 'none' unless WEBCHAT_FRAME_ANCESTORS lists
  the sites that may embed the chat in a frame.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from aiohttp import web

from servator.http.headers import client_address as shared_client_address

JSON_TYPE = "application/json"
LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def origin_allowed(request: web.Request, allowed_origins: tuple[str, ...]) -> bool:
    """The request's Origin is listed, or is the chat's own loopback origin."""
    origin = request.headers.get("Origin", "").strip().rstrip("/")
    if not origin or origin == "null":
        return False
    if origin in {allowed.rstrip("/") for allowed in allowed_origins}:
        return True
    parts = urlsplit(origin)
    return (
        parts.scheme in ("http", "https")
        and parts.netloc == request.host
        and is_loopback(parts.hostname or "")
    )


def is_json(request: web.Request) -> bool:
    return request.content_type == JSON_TYPE


def client_address(request: web.Request, trusted_proxies: tuple[str, ...]) -> str:
    """The address rate limits count (X-Forwarded-For only through a trusted proxy)."""
    return shared_client_address(
        request.remote or "", request.headers.get("X-Forwarded-For", ""), trusted_proxies
    )
