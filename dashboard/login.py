"""`/login` and `/logout`.

The sign-in form carries a CSRF token that matches a short-lived cookie (double submit), so another
site cannot sign a browser in. A client that is not a browser may GET /login and post the form's
`csrf_token` with the cookie it got, like a browser; it may also post without the field, but only
when the request has no cross-site `Origin` or `Referer` (browsers send `Origin` with every form
POST, so a cross-site form always shows one; a plain HTTP client from a script sends neither).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import aiohttp_jinja2
import yarl
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.auth import COOKIE, forget_cookie, set_cookie, tokens_match
from dashboard.keys import SETTINGS
from dashboard.sessions import end, lifetime, new_token, start
from dashboard.sign_in_throttle import (
    begin_attempt,
    drop_attempt,
    forget_failures,
    purge_failures,
    wait_before,
)
from servator.config.settings import Settings
from servator.http.headers import client_address
from servator.storage.accounts import MAX_PASSWORD_CHARS, USERNAME, authenticate, normalise_username

routes = web.RouteTableDef()
LOGIN_COOKIE = "servator_dashboard_login"
WRONG = "That username and password do not match an active account. Please try again."
LOCKED = "Too many failed sign-ins. Please wait about {wait} before trying again, or ask an administrator."
EXPIRED = "The sign-in form had expired. Please try again."


@dataclass(frozen=True)
class Attempt:
    officer: str | None = None
    token: str = ""
    wait: timedelta = timedelta(0)


def _plain(target: str) -> bool:
    """No control, format or separator characters (browsers and yarl drop or fold some of them), no
    backslash (browsers read it as /), no // (another host), and nothing but a path."""
    if not target.startswith("/") or "\\" in target or "//" in target or len(target) > 2000:
        return False
    if any(unicodedata.category(char)[0] in "CZ" for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def safe_next(target: str | None) -> str:
    """Only a path on this site (never //other.site or a URL), checked as given and as parsed again."""
    if not target or not _plain(target):
        return "/"
    try:
        parsed = yarl.URL(target)
    except ValueError:
        return "/"
    again = str(parsed)
    if parsed.is_absolute() or parsed.host or not _plain(again):
        return "/"
    return again


def describe_wait(wait: timedelta) -> str:
    """Rounded up to 5 s: the same words for any name (whether or not it exists)."""
    seconds = 5 * math.ceil(wait.total_seconds() / 5)
    return f"{seconds} seconds" if seconds < 90 else f"{round(seconds / 60)} minutes"


def same_site(request: web.Request) -> bool:
    """No cross-site Origin or Referer on the request (see the module's docstring)."""
    origin = request.headers.get("Origin")
    if origin is not None and urlsplit(origin).netloc != request.host:
        return False
    referer = request.headers.get("Referer")
    return referer is None or urlsplit(referer).netloc == request.host


def form_page(request: web.Request, message: str = "", status: int = 200, username: str = "") -> web.Response:
    token = request.cookies.get(LOGIN_COOKIE) or new_token()
    context = {
        "login_csrf": token,
        "message": message,
        "username": username[:64],
        "next": safe_next(request.query.get("next")),
    }
    response = aiohttp_jinja2.render_template("login.html", request, context, status=status)
    set_cookie(request, response, LOGIN_COOKIE, token)
    return response


@routes.get("/login")
async def login_form(request: web.Request) -> web.StreamResponse:
    return form_page(request)


def attempt(
    session: Session, settings: Settings, username: str, password: str, address: str, old_token: str
) -> Attempt:
    """Counted before the password is checked (sign_in_throttle): a wrong one stays counted."""
    name = normalise_username(username)
    audit_name = name if USERNAME.fullmatch(name) else "(not a username)"
    counted = begin_attempt(session, name, address)
    wait = wait_before(session, settings, name, address, counted)
    if wait > timedelta(0):
        drop_attempt(session, counted)
        audit.record(session, audit_name, "sign_in_locked")
        session.commit()
        return Attempt(wait=wait)
    account = authenticate(session, name, password)
    if account is None:
        purge_failures(session, settings)
        audit.record(session, audit_name, "sign_in_failed")
        session.commit()
        return Attempt()
    token, _csrf = start(session, account, lifetime(settings), old_token)
    forget_failures(session, name, address)
    audit.record(session, account.username, "sign_in")
    session.commit()
    return Attempt(officer=account.username, token=token)


@routes.post("/login")
async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    username, password = str(form.get("username") or "")[:256], str(form.get("password") or "")
    posted = form.get("csrf_token")
    if posted is not None or not same_site(request):
        if not tokens_match(str(posted or ""), request.cookies.get(LOGIN_COOKIE)):
            return form_page(request, EXPIRED, 403, username)
    if not username.strip() or not password or len(password) > MAX_PASSWORD_CHARS:
        return form_page(request, WRONG, 401, username)
    settings = request.app[SETTINGS]
    address = client_address(
        request.remote or "", request.headers.get("X-Forwarded-For", ""), settings.trusted_proxies
    )
    old = request.cookies.get(COOKIE, "")
    result = await db.run(
        request, lambda session: attempt(session, settings, username, password, address, old)
    )
    if result.wait > timedelta(0):
        return form_page(request, LOCKED.format(wait=describe_wait(result.wait)), 429, username)
    if result.officer is None:
        return form_page(request, WRONG, 401, username)
    response = web.HTTPSeeOther(safe_next(str(form.get("next") or "")))
    set_cookie(request, response, COOKIE, result.token)
    forget_cookie(request, response, LOGIN_COOKIE)
    raise response


@routes.post("/logout")
async def logout(request: web.Request) -> web.StreamResponse:
    token, officer = request.cookies.get(COOKIE, ""), request["officer"]

    def sign_out(session: Session) -> None:
        end(session, token)
        audit.record(session, officer, "sign_out")
        session.commit()

    await db.run(request, sign_out)
    response = web.HTTPSeeOther("/login")
    forget_cookie(request, response, COOKIE)
    raise response
