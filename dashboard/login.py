"""`/login` and `/logout`.

The sign-in form carries a CSRF token that matches a short-lived cookie (double submit), so another
site cannot sign a browser in. A client that is not a browser may GET /login and post the form's
`csrf_token` with the cookie it got, like a browser; it may also post without the field, but only
when the request has no cross-site `Origin` or `Referer` (browsers send `Origin` with every form
POST, so a cross-site form always shows one; a plain HTTP client from a script sends neither).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.auth import COOKIE, forget_cookie, set_cookie, tokens_match
from dashboard.keys import SETTINGS
from dashboard.sessions import clear_failures, end, locked_until, new_token, record_failure, start
from servator.accounts import MAX_PASSWORD_CHARS, USERNAME, authenticate, normalise_username
from servator.settings import Settings
from servator.storage.models import utcnow

routes = web.RouteTableDef()
LOGIN_COOKIE = "servator_dashboard_login"
WRONG = "That username and password do not match an active account. Please try again."
LOCKED = (
    "Too many failed sign-ins. Sign-in is paused for about {minutes} minutes; "
    "please try again then, or ask an administrator."
)
EXPIRED = "The sign-in form had expired. Please try again."


@dataclass(frozen=True)
class Attempt:
    officer: str | None = None
    token: str = ""
    locked_minutes: int = 0


def safe_next(target: str | None) -> str:
    """Only a path on this site (never //other.site or a URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


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
    name = normalise_username(username)
    audit_name = name if USERNAME.fullmatch(name) else "(not a username)"
    opens = locked_until(session, settings, name, address)
    if opens is not None:
        audit.record(session, audit_name, "sign_in_locked")
        session.commit()
        return Attempt(locked_minutes=max(1, round((opens - utcnow()).total_seconds() / 60)))
    account = authenticate(session, name, password)
    if account is None:
        record_failure(session, settings, name, address)
        audit.record(session, audit_name, "sign_in_failed")
        session.commit()
        return Attempt()
    token, _csrf = start(session, account, timedelta(minutes=settings.dashboard_idle_minutes), old_token)
    clear_failures(session, name)
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
    address = request.remote or ""
    old = request.cookies.get(COOKIE, "")
    result = await db.run(
        request, lambda session: attempt(session, settings, username, password, address, old)
    )
    if result.locked_minutes:
        return form_page(request, LOCKED.format(minutes=result.locked_minutes), 429, username)
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
