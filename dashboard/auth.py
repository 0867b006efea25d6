"""Who is signed in: the session cookie, the middleware that guards every page, and CSRF checks.

Every route except `/login`, `/healthz` and `/static/...` needs a live session: without one, a page
gets 303 to `/login` and `/api/...` gets 401. The middleware sets `request["officer"]` (the
username) and `request["csrf_token"]`; every POST must carry that token (form field `csrf_token` or
header `X-CSRF-Token`). The cookie is HttpOnly and SameSite=Strict, and Secure whenever the request
came over https (directly or as `X-Forwarded-Proto: https` from a proxy) or DASHBOARD_COOKIE_SECURE
is set; plain http on 127.0.0.1 (`make run`) must keep working, so it is not forced otherwise.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from aiohttp import web

from dashboard import db
from dashboard.keys import SETTINGS
from dashboard.sessions import lifetime, resume

COOKIE = "servator_dashboard"
PUBLIC_PATHS = frozenset({"/login", "/healthz", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/",)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A page polling by itself (the queue's refresh) sends this: it does not keep the session alive.
BACKGROUND_HEADER = "X-Servator-Background"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def cookie_secure(request: web.Request) -> bool:
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return request.secure or forwarded == "https" or request.app[SETTINGS].dashboard_cookie_secure


def set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str) -> None:
    response.set_cookie(
        name, value, path="/", httponly=True, samesite="Strict", secure=cookie_secure(request) or None
    )


def forget_cookie(request: web.Request, response: web.StreamResponse, name: str) -> None:
    response.del_cookie(name, path="/")


def tokens_match(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


async def posted_csrf(request: web.Request) -> str | None:
    header = request.headers.get("X-CSRF-Token")
    if header:
        return header
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        value = (await request.post()).get("csrf_token")
        return value if isinstance(value, str) else None
    return None


def sign_in_page(request: web.Request) -> web.HTTPException:
    """Where a request without a session goes: 401 for data, else the sign-in page (then back here)."""
    if request.path.startswith("/api/"):
        return web.HTTPUnauthorized(
            text='{"error": "sign in first"}',
            content_type="application/json",
            headers={"Cache-Control": "no-store"},
        )
    target = "/login"
    if request.method == "GET" and request.path != "/":
        target += "?next=" + quote(request.path_qs, safe="")
    return web.HTTPSeeOther(target)


@web.middleware
async def require_officer(request: web.Request, handler: Handler) -> web.StreamResponse:
    if is_public(request.path):
        return await handler(request)
    token = request.cookies.get(COOKIE, "")
    limits = lifetime(request.app[SETTINGS])
    background = BACKGROUND_HEADER in request.headers
    signed_in = (
        await db.run(request, lambda session: resume(session, token, limits, background)) if token else None
    )
    if signed_in is None:
        refusal = sign_in_page(request)
        if token:
            refusal.del_cookie(COOKIE, path="/")
        raise refusal
    request["officer"] = signed_in.officer
    request["csrf_token"] = signed_in.csrf_token
    if request.method not in SAFE_METHODS and not tokens_match(
        await posted_csrf(request), signed_in.csrf_token
    ):
        raise web.HTTPForbidden(reason="form expired")
    return await handler(request)
