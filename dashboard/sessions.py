"""Signed-in sessions, kept in the database (so every dashboard process agrees).

A session is a random token in an HttpOnly cookie; the table keeps only its SHA-256, the officer,
a CSRF token, when it began and when it was last used. A session idle longer than
DASHBOARD_IDLE_MINUTES, or older than DASHBOARD_SESSION_HOURS whatever its use, is gone; a
background request (the queue's refresh) does not count as use. Signing in always makes a new
token (the old one, if any, is deleted), and signing out deletes it. The sign-in throttle is
dashboard/sign_in_throttle.py.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from servator.config.settings import Settings
from servator.storage import OfficerAccount, OfficerSession
from servator.storage.cleanup import delete_sessions_past
from servator.storage.models import utcnow

# last_seen_at is written at most this often per session (not on every poll of the queue).
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class Lifetime:
    """How long a session lives unused (idle) and at most (absolute)."""

    idle: timedelta
    absolute: timedelta


def lifetime(settings: Settings) -> Lifetime:
    return Lifetime(
        timedelta(minutes=settings.dashboard_idle_minutes), timedelta(hours=settings.dashboard_session_hours)
    )


@dataclass(frozen=True)
class SignedIn:
    officer: str
    csrf_token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start(
    session: Session, account: OfficerAccount, lifetime: Lifetime, old_token: str | None = None
) -> tuple[str, str]:
    """A new session for the account: (cookie token, CSRF token). The old token, if any, is ended,
    and so is every session past its lifetime (nobody came back to them)."""
    if old_token:
        end(session, old_token)
    now = utcnow()
    purge_sessions(session, lifetime)
    token, csrf = new_token(), new_token()
    session.add(
        OfficerSession(
            token_hash=token_hash(token),
            account_id=account.id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
        )
    )
    account.last_sign_in_at = now
    return token, csrf


def purge_sessions(session: Session, lifetime: Lifetime) -> int:
    """Delete every session idle or old past its lifetime; how many."""
    return delete_sessions_past(session, lifetime.idle, lifetime.absolute)


def resume(session: Session, token: str, lifetime: Lifetime, background: bool = False) -> SignedIn | None:
    """The officer a cookie token belongs to, if the session is live and the account enabled.
    A `background` request (a page polling by itself) does not count as use."""
    if not token or len(token) > 128:
        return None
    row = session.execute(
        select(OfficerSession, OfficerAccount.username, OfficerAccount.disabled)
        .join(OfficerAccount, OfficerAccount.id == OfficerSession.account_id)
        .where(OfficerSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    found, username, disabled = row
    now = utcnow()
    if disabled or found.last_seen_at + lifetime.idle < now or found.created_at + lifetime.absolute < now:
        session.delete(found)
        session.commit()
        return None
    if not background and now - found.last_seen_at > TOUCH_EVERY:
        found.last_seen_at = now
        session.commit()
    return SignedIn(str(username), str(found.csrf_token))


def end(session: Session, token: str) -> None:
    session.execute(delete(OfficerSession).where(OfficerSession.token_hash == token_hash(token)))
