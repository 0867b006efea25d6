"""The security headers of every response the web chat and the officer dashboard send (one builder for both),
and the client address both read from a request's headers.

A strict Content-Security-Policy (no inline script or style; data reaches pages through `data-*`
attributes or same-origin JSON), no framing unless sites are named, no MIME sniffing, no referrer.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src {img_src}; "
    "base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors}"
)
_SOURCE = re.compile(r"'self'|https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def frame_ancestors(sources: tuple[str, ...]) -> str:
    """The CSP frame-ancestors value; ValueError names a source that is not an origin or 'self'."""
    for source in sources:
        if not _SOURCE.fullmatch(source):
            raise ValueError(f"WEBCHAT_FRAME_ANCESTORS: {source!r} is not an origin (https://host) or 'self'")
    return " ".join(sources) if sources else "'none'"


def tile_origin(tile_url: str) -> str:
    """The CSP source of a map tile URL template ("https://{s}.tile.example/{z}/{x}/{y}.png" ->
    "https://*.tile.example"; a path on the dashboard itself -> 'self'); ValueError when it is not an
    http(s) URL on a plain host name."""
    if tile_url.startswith("/") and not tile_url.startswith("//"):
        return "'self'"
    parts = urlsplit(tile_url.replace("{s}.", "*."))
    source = f"{parts.scheme}://{parts.netloc}"
    if not _SOURCE.fullmatch(source):
        raise ValueError(f"DASHBOARD_TILE_URL: {tile_url!r} is not an http(s) URL on a host name")
    return source


def security_headers(embedders: tuple[str, ...] = (), img_sources: tuple[str, ...] = ()) -> dict[str, str]:
    """The headers of every response: `embedders` are the sites allowed to frame the page (none by
    default); `img_sources` are added to img-src (the dashboard's map tiles; images from `data:` then
    too, which the map's marker icons use)."""
    img_src = " ".join(["'self'", "data:", *img_sources]) if img_sources else "'self'"
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY.format(
            img_src=img_src, frame_ancestors=frame_ancestors(embedders)
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if not embedders:  # X-Frame-Options cannot name sites: only when no site may frame the page
        headers["X-Frame-Options"] = "DENY"
    return headers


def client_address(peer: str, forwarded_for: str, trusted_proxies: tuple[str, ...]) -> str:
    """The client's address: the peer's, or, when the peer is a trusted proxy, the nearest address in
    X-Forwarded-For (`forwarded_for`) that is not one of them (TRUSTED_PROXIES)."""
    if peer not in trusted_proxies:
        return peer
    forwarded = [part.strip() for part in forwarded_for.split(",") if part.strip()]
    for address in reversed(forwarded):
        if address not in trusted_proxies:
            return address
    return peer


# The web chat tells Rasa's REST channel which address (a keyed hash) a message came from, signed with
# the front-end token, so per-address limits in the assistant (follow-up lookups, docs/followup.md)
# count each person rather than the web chat's own address.
ADDRESS_HEADER = "X-Servator-Address"
ADDRESS_SIGNATURE_HEADER = "X-Servator-Address-Signature"


def _signature(token: str, address_hash: str) -> str:
    return hmac.new(token.encode(), address_hash.encode(), hashlib.sha256).hexdigest()


def signed_address(token: str, address_hash: str) -> dict[str, str]:
    """The headers that carry `address_hash` to Rasa, signed with the front-end token."""
    return {ADDRESS_HEADER: address_hash, ADDRESS_SIGNATURE_HEADER: _signature(token, address_hash)}


def verified_address(headers: Mapping[str, str], token: str) -> str | None:
    """The address hash the headers carry when their signature is right, else None."""
    address_hash = headers.get(ADDRESS_HEADER) or ""
    given = headers.get(ADDRESS_SIGNATURE_HEADER) or ""
    if not address_hash or not given or not token:
        return None
    return address_hash[:64] if hmac.compare_digest(given, _signature(token, address_hash)) else None
